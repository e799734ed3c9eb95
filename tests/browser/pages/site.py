"""The site shell: home, guidance, errors and the admin sign-in lockout."""

from .base import BrowserPage

PAGES = [
    BrowserPage("home page", "/"),
    BrowserPage("guidance page", "/what-is-a-micro-enterprise/"),
    BrowserPage("guidance page with details and warning", "/contact/"),
    BrowserPage("page not found", "/no-such-page/", status=404),
    BrowserPage(
        "admin login locked out",
        "/admin/login/",
        steps=(
            ("fill", "#id_username", "browser-check"),
            ("fill", "#id_password", "not-the-password"),
            ("click", "form [type=submit]"),
        )
        * 5,
        expect="Too many sign-in attempts",
    ),
    BrowserPage("server error", "/__server_error__/", status=500),  # rendered by the test itself
]
