"""Provider accounts."""

from .base import BrowserPage

# Provider accounts (issue 3, providers.accounts). Signed-in pages use the demo provider
# logins that seed_demo creates: a micro-enterprise and a Shared Lives scheme's owner.
# Signed-in pages have a sign-out form in the header: submit buttons are found in <main>.
ACCOUNT_PROVIDER = ("login", "provider@example.org", "demo-provider-pass")
ACCOUNT_SCHEME = ("login", "scheme@example.org", "demo-scheme-pass")
MAIN_SUBMIT = ("click", "main form [type=submit]")
TO_ACCOUNT = ("click", 'header a[href="/manage/account/"]')
NEW_PASSWORD = "a-new-browser-passphrase"

PAGES = [
    BrowserPage("sign in", "/manage/sign-in/", expect="Sign in to manage your listing"),
    BrowserPage(
        "sign in with errors",
        "/manage/sign-in/",
        (MAIN_SUBMIT,),
        expect="Enter your email address",
    ),
    BrowserPage(
        "sign in with a wrong password",
        "/manage/sign-in/",
        (
            ("fill", "#id_username", "nobody@example.org"),
            ("fill", "#id_password", "not-the-password"),
            MAIN_SUBMIT,
        ),
        expect="The email address or password is not correct",
    ),
    BrowserPage(
        "sign in locked out",
        "/manage/sign-in/",
        (
            ("fill", "#id_username", "locked-out@example.org"),
            ("fill", "#id_password", "not-the-password"),
            MAIN_SUBMIT,
        )
        * 5,
        expect="reset your password",
    ),
    BrowserPage("sign up", "/manage/sign-up/", expect="Create an account to list your support"),
    BrowserPage(
        "sign up with errors",
        "/manage/sign-up/",
        (("fill", "#id_email", "not-an-email"), ("fill", "#id_password", "short"), MAIN_SUBMIT),
        expect="Enter the name of your business or scheme",
    ),
    BrowserPage(
        "sign up check your email",
        "/manage/sign-up/",
        (
            ("fill", "#id_name", "Browser Check Care"),
            ("check", "#id_kind_0"),
            ("fill", "#id_email", "browser.sign-up.with.a.long.address@example.org"),
            ("fill", "#id_password", NEW_PASSWORD),
            ("fill", "#id_password_confirm", NEW_PASSWORD),
            MAIN_SUBMIT,
        ),
        expect="Check your email",
    ),
    BrowserPage(
        "confirm email link not valid",
        "/manage/sign-up/confirm/MTIz/bad-token/",
        expect="This link has expired or is not valid",
    ),
    BrowserPage("reset password", "/manage/reset-password/", expect="Reset your password"),
    BrowserPage(
        "reset password with errors",
        "/manage/reset-password/",
        (("fill", "#id_email", "not-an-email"), MAIN_SUBMIT),
        expect="Enter an email address in the correct format",
    ),
    BrowserPage(
        "reset password check your email",
        "/manage/reset-password/",
        (("fill", "#id_email", "nobody@example.org"), MAIN_SUBMIT),
        expect="Check your email",
    ),
    BrowserPage(
        "reset password link not valid",
        "/manage/reset-password/MTIz/bad-token/",
        expect="This link has expired or is not valid",
    ),
    BrowserPage(
        "reset password complete",
        "/manage/reset-password/complete/",
        expect="Your password has been changed",
    ),
    BrowserPage(
        "co-editor invitation not valid",
        "/manage/invitation/bad-token/",
        expect="This invitation has expired or is not valid",
    ),
    BrowserPage(
        "account deleted", "/manage/account/deleted/", expect="Your account has been deleted"
    ),
    BrowserPage("your account", "/", (ACCOUNT_PROVIDER, TO_ACCOUNT), expect="Your account"),
    BrowserPage(
        "change email",
        "/",
        (ACCOUNT_PROVIDER, TO_ACCOUNT, ("click", 'main a[href="/manage/account/email/"]')),
        expect="Change your email address",
    ),
    BrowserPage(
        "change email with errors",
        "/",
        (
            ACCOUNT_PROVIDER,
            TO_ACCOUNT,
            ("click", 'main a[href="/manage/account/email/"]'),
            ("fill", "#id_email", "provider@example.org"),
            MAIN_SUBMIT,
        ),
        expect="This is already your email address",
    ),
    BrowserPage(
        "change email check your email",
        "/",
        (
            ACCOUNT_PROVIDER,
            TO_ACCOUNT,
            ("click", 'main a[href="/manage/account/email/"]'),
            ("fill", "#id_email", "browser.new.address.long.enough.to.wrap@example.org"),
            ("fill", "#id_password", "demo-provider-pass"),
            MAIN_SUBMIT,
        ),
        expect="Check your email",
    ),
    BrowserPage(
        "change password with errors",
        "/",
        (
            ACCOUNT_PROVIDER,
            TO_ACCOUNT,
            ("click", 'main a[href="/manage/account/password/"]'),
            ("fill", "#id_new_password1", "short"),
            MAIN_SUBMIT,
        ),
        expect="Enter your current password",
    ),
    BrowserPage(
        "delete account",
        "/",
        (ACCOUNT_PROVIDER, TO_ACCOUNT, ("click", 'main a[href="/manage/account/delete/"]')),
        expect="This also deletes your listing",
    ),
    BrowserPage(
        "delete account with errors",
        "/",
        (
            ACCOUNT_PROVIDER,
            TO_ACCOUNT,
            ("click", 'main a[href="/manage/account/delete/"]'),
            MAIN_SUBMIT,
        ),
        expect="Enter your password",
    ),
    BrowserPage(
        "co-editors",
        "/",
        (ACCOUNT_SCHEME, TO_ACCOUNT, ("click", 'main a[href="/manage/account/editors/"]')),
        expect="Who can edit this listing",
    ),
    BrowserPage(
        "co-editors: make one the owner?",
        "/",
        (
            ACCOUNT_SCHEME,
            TO_ACCOUNT,
            ("click", 'main a[href="/manage/account/editors/"]'),
            ("click", 'main a[href$="/make-owner/"]'),
        ),
        expect="the owner?",
    ),
    BrowserPage(
        "co-editors with an invitation sent",
        "/",
        (
            ACCOUNT_SCHEME,
            TO_ACCOUNT,
            ("click", 'main a[href="/manage/account/editors/"]'),
            ("fill", "#id_email", "browser.invited.staff.with.a.long.address@example.org"),
            ("click", "#invite-co-editor [type=submit]"),
        ),
        expect="Invitations not yet accepted",
    ),
    BrowserPage(
        "co-editors with errors",
        "/",
        (
            ACCOUNT_SCHEME,
            TO_ACCOUNT,
            ("click", 'main a[href="/manage/account/editors/"]'),
            ("fill", "#id_email", "scheme@example.org"),
            ("click", "#invite-co-editor [type=submit]"),
        ),
        expect="This person can already edit this listing",
    ),
]
