"""Signing in and out at /manage/sign-in/ and /manage/sign-out/."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.utils.translation import gettext_lazy as _

from ..forms import SignInForm

# The portal's dashboard (portal:dashboard) lives at /manage/.
PORTAL_HOME = "/manage/"


class SignInView(auth_views.LoginView):
    template_name = "providers/accounts/sign_in.html"
    form_class = SignInForm
    next_page = PORTAL_HOME


class SignOutView(auth_views.LogoutView):
    """POST only (Django's LogoutView refuses GET)."""

    next_page = "accounts:sign_in"

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.success(request, _("You have signed out"))
        return response
