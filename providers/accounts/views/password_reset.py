"""Password reset with Django's own views, GOV.UK templates and our email wording."""

from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy

from ..forms import PasswordResetForm, SetPasswordForm

T = "providers/accounts/"


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    template_name = T + "password_reset.html"
    email_template_name = T + "emails/password_reset.txt"
    subject_template_name = T + "emails/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = T + "password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = SetPasswordForm
    template_name = T + "password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = T + "password_reset_complete.html"
