"""Signals that other apps may listen to (providers depends on no other app)."""

from django.dispatch import Signal

# A listing's last_confirmed_at moved on without a publish (a reconfirmation, or an
# import that changed nothing else): sent with page_id and confirmed_at, inside the
# transaction that wrote it. Publishing sends Wagtail's page_published instead.
listing_confirmed = Signal()
