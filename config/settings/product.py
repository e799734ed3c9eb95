"""The product's own settings: how listings age, provider accounts, the public forms'
limits, survey retention and the open data API's caching. Each can be set from the
environment (README.md lists them); base.py reads them all in."""

from .env import env_int

# Geography (providers.geography): rows per executemany batch when loading postcodes.
GEOGRAPHY_LOAD_BATCH_SIZE = env_int("GEOGRAPHY_LOAD_BATCH_SIZE", 100_000)

# Listing freshness (days since the provider last confirmed the listing).
LISTING_REMIND_AFTER_DAYS = env_int("LISTING_REMIND_AFTER_DAYS", 90)
LISTING_STALE_AFTER_DAYS = env_int("LISTING_STALE_AFTER_DAYS", 180)
LISTING_HIDE_AFTER_DAYS = env_int("LISTING_HIDE_AFTER_DAYS", 365)
# A DBS certificate shows as a badge for this many years after its date.
DBS_BADGE_YEARS = env_int("DBS_BADGE_YEARS", 3)

# Bulk import (providers.imports): the most listings the admin screen creates or updates in
# one go. Each takes Wagtail tens of milliseconds (a page, a revision, publishing), all in
# the request, so a bigger file would outlast the app server's timeout; `manage.py
# import_listings` has no such limit.
IMPORT_SCREEN_MAX_CHANGES = env_int("IMPORT_SCREEN_MAX_CHANGES", 200)

# Provider accounts (providers.accounts): providers sign in on the public site, never in the admin.
LOGIN_URL = "/manage/sign-in/"
# Sign-ups whose email address is not confirmed within this many days are deleted, with
# their draft listing (`manage.py delete_unconfirmed_accounts`, run daily).
UNCONFIRMED_ACCOUNT_DAYS = env_int("UNCONFIRMED_ACCOUNT_DAYS", 30)
# Sign-ups accepted from one address (REMOTE_ADDR) per hour: each sends an email and
# makes a draft listing. Counted in the cache, as the public forms' limit is.
SIGN_UPS_PER_ADDRESS_PER_HOUR = env_int("SIGN_UPS_PER_ADDRESS_PER_HOUR", 5)
# Photos one provider account may add in an hour (the portal's Photos page): each is
# decoded and stored again without its metadata. Counted in the cache.
PHOTO_UPLOADS_PER_ACCOUNT_PER_HOUR = env_int("PHOTO_UPLOADS_PER_ACCOUNT_PER_HOUR", 30)
# Co-editor invitations a Shared Lives scheme may have waiting at once, and may send in
# any 24 hours (resent and cancelled ones count): each is an email to an address the
# scheme chose, so this bounds what one account can send. Counted in the cache.
CO_EDITOR_INVITATIONS_WAITING = env_int("CO_EDITOR_INVITATIONS_WAITING", 10)
CO_EDITOR_INVITATIONS_PER_DAY = env_int("CO_EDITOR_INVITATIONS_PER_DAY", 10)
# Public forms under a listing ("Contact this provider", "Report a problem"): messages
# accepted per address (REMOTE_ADDR) per window, counted in the cache, and the fewest
# seconds between showing a form and sending it (faster is treated as automated).
ENQUIRY_RATE_LIMIT = env_int("ENQUIRY_RATE_LIMIT", 10)  # a family working through a shortlist
ENQUIRY_RATE_WINDOW_SECONDS = env_int("ENQUIRY_RATE_WINDOW_SECONDS", 3600)
ENQUIRY_MIN_FILL_SECONDS = env_int("ENQUIRY_MIN_FILL_SECONDS", 3)
# Messages to providers are kept in their inbox this many days, then deleted
# (`manage.py delete_old_enquiries`, run daily); a provider can delete one sooner.
ENQUIRY_RETENTION_DAYS = env_int("ENQUIRY_RETENTION_DAYS", 365)
# A problem report is deleted this many days after a moderator resolved it
# (`manage.py delete_old_problem_reports`, run daily); an open report is always kept.
PROBLEM_REPORT_RETENTION_DAYS = env_int("PROBLEM_REPORT_RETENTION_DAYS", 365)
# Workforce survey: raw responses are deleted this many days after submission
# (`manage.py purge_survey_responses`, run daily); unfinished drafts sooner.
SURVEY_RETENTION_DAYS = env_int("SURVEY_RETENTION_DAYS", 730)
SURVEY_DRAFT_RETENTION_DAYS = env_int("SURVEY_DRAFT_RETENTION_DAYS", 60)
# Responses sent through the open link from one address (REMOTE_ADDR) per day, counted in
# the cache: slows one person padding a small group with made-up responses. Responses
# through a one-use invitation are not counted.
SURVEY_RESPONSES_PER_ADDRESS_PER_DAY = env_int("SURVEY_RESPONSES_PER_ADDRESS_PER_DAY", 5)
# The survey's own cookie (the receipt code of the response this browser is answering or
# proved) lasts until the browser closes, and is refused this many seconds after it was
# last set, so one left behind on a shared computer or stolen stops working.
SURVEY_STATE_MAX_AGE_SECONDS = env_int("SURVEY_STATE_MAX_AGE_SECONDS", 4 * 60 * 60)
# Open data (directory.openreferral): seconds API responses are cached (and may be cached
# by clients); publishing or unpublishing a listing empties the response cache at once.
API_CACHE_SECONDS = env_int("API_CACHE_SECONDS", 60)
# Seconds a count of matching listings is remembered (paging through results counts once).
API_COUNT_CACHE_SECONDS = env_int("API_COUNT_CACHE_SECONDS", 60)
