"""Every public page type and state that the browser stage checks (axe-core + W3C HTML checker),
one module per part of the site.

The browser stage serves a fresh site seeded with `seed_demo`, then for each entry opens
`path`, runs the optional steps, and checks the page as it then stands. Add an entry (in the
module of its part of the site) for every new public template and for each of its states (empty, error, results).

Steps (all optional, run in order):
  ("fill", css_selector, value)    type into a field
  ("check", css_selector)          tick a checkbox or radio
  ("select", css_selector, value)  choose an option of a <select>
  ("click", css_selector)          click (e.g. a submit button); waits for the page to load
  ("login", username, password)    sign in at LOGIN_PATH first (fields named username, password)
"""

from . import accounts, claims, directory, planners, portal, profile, site, survey
from .base import LOGIN_PATH, BrowserPage

PAGES = [
    *site.PAGES,
    *portal.PAGES,
    *accounts.PAGES,
    *profile.PAGES,
    *survey.PAGES,
    *planners.PAGES,
    *directory.PAGES,
    *claims.PAGES,
]

__all__ = ["LOGIN_PATH", "PAGES", "BrowserPage"]
