"""The Wagtail admin's "Forgotten password?" form (WAGTAILADMIN_USER_PASSWORD_RESET_FORM):
for staff only. Provider accounts reset their password at /manage/ (forms.PasswordResetForm)."""

from wagtail.admin.forms.auth import PasswordResetForm

from . import services


class StaffPasswordResetForm(PasswordResetForm):
    """Reset links go only to accounts with admin access, and an address gets at most one
    in EMAIL_REPEAT_SECONDS (the window, and the count, the provider reset shares). The
    view shows the same page whether or not anything was sent, so the form does not
    reveal which addresses have accounts, or which are staff."""

    def get_users(self, email):
        users = super().get_users(email)
        return (user for user in users if not services.is_provider_account(user))

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        if services.first_in_window(kind="password_reset", to=context["email"]):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)
