"""Creating an account: sign up, check your email, confirm the email address.

An account cannot sign in until its email address is confirmed (it is inactive until
then, and Django's authentication backends refuse inactive accounts everywhere: this
sign-in page, /admin/login/ and password reset). So nobody can work on a listing from an
address they do not control, and no portal view needs to check a "confirmed" flag."""

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_GET, require_http_methods

from home.ratelimit import client_address
from providers.services import NoDirectoryPage

from .. import services
from ..forms import ConfirmEmailForm, SignUpForm
from .sign_in import PORTAL_HOME

SESSION_KEY = "accounts.sign_up_email"
TOO_MANY = _l(
    "You have created as many accounts as we accept from one connection in an hour. "
    "Your answers are still here, except your password: try again later."
)


@require_http_methods(["GET", "POST"])
def sign_up(request):
    form = SignUpForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not services.sign_up_allowed(address=client_address(request)):
            form.add_error(None, ValidationError(TOO_MANY, code="rate_limited"))
            return render(request, "providers/accounts/sign_up.html", {"form": form}, status=429)
        try:
            user, created = services.sign_up(
                email=data["email"], password=data["password"], name=data["name"], kind=data["kind"]
            )
        except NoDirectoryPage:
            form.add_error(None, _("You cannot create an account yet. Try again later."))
        else:
            services.send_sign_up_emails(request=request, user=user, created=created)
            request.session[SESSION_KEY] = data["email"]
            return redirect("accounts:check_email")
    return render(request, "providers/accounts/sign_up.html", {"form": form})


@require_GET
def check_email(request):
    email = request.session.get(SESSION_KEY, "")
    return render(request, "providers/accounts/check_email.html", {"email": email})


@require_http_methods(["GET", "POST"])
def confirm_email(request, uidb64, token):
    user = services.confirmation_account(uidb64=uidb64, token=token)
    if user is None:
        return render(request, "providers/accounts/confirm_email_failed.html")
    form = ConfirmEmailForm(request.POST if request.method == "POST" else None, user=user)
    if request.method == "POST" and form.is_valid():
        services.confirm_email(user=user)
        request.session.pop(SESSION_KEY, None)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request, _("Your email address is confirmed. You can now start your listing.")
        )
        return redirect(PORTAL_HOME)
    return render(
        request, "providers/accounts/confirm_email.html", {"form": form, "email": user.email}
    )
