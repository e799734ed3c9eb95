"""Signed links sent by email. None of them is stored: each is checked against the
account's current state, so it stops working once used."""

from django.contrib.auth.tokens import PasswordResetTokenGenerator


class EmailConfirmationTokenGenerator(PasswordResetTokenGenerator):
    """The link that confirms a new account's email address. It includes whether the
    account is active, so it stops working once the account is confirmed; it expires
    after settings.PASSWORD_RESET_TIMEOUT (3 days by default) like a reset link."""

    key_salt = "providers.accounts.EmailConfirmationTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        return f"{super()._make_hash_value(user, timestamp)}{user.is_active}"


email_confirmation_token = EmailConfirmationTokenGenerator()
