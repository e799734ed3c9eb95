"""Your account: its summary, change email (confirmed by a link), change password, delete."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from providers.models import ListingMembership
from providers.portal.services import ListingLocked

from .. import deletion, email_change, services
from ..access import provider_account_required
from ..account_forms import ChangeEmailForm, DeleteAccountForm, PasswordChangeForm

T = "providers/accounts/"


def _membership(user):
    return ListingMembership.objects.filter(user=user).select_related("page").first()


@require_GET
@provider_account_required
def account(request):
    membership = _membership(request.user)
    listing = membership.page.specific if membership else None
    return render(
        request,
        T + "account.html",
        {
            "membership": membership,
            "listing": listing,
            "manages_editors": listing is not None
            and listing.is_shared_lives
            and membership.role == ListingMembership.Role.OWNER,
        },
    )


@require_http_methods(["GET", "POST"])
@provider_account_required
def change_email(request):
    data = request.POST if request.method == "POST" else None
    form = ChangeEmailForm(data, request=request, user=request.user)
    if request.method == "POST" and form.is_valid():
        email_change.request_email_change(
            request=request, user=request.user, new_email=form.cleaned_data["email"]
        )
        return render(
            request, T + "change_email_sent.html", {"new_email": form.cleaned_data["email"]}
        )
    return render(request, T + "change_email.html", {"form": form})


@require_GET
@provider_account_required
def change_email_confirm(request, token):
    try:
        old = email_change.confirm_email_change(user=request.user, token=token)
    except email_change.EmailChangeFailed:
        return render(request, T + "change_email_failed.html")
    services.send_email(
        to=old,
        template=T + "emails/email_changed.txt",
        context={"new_email": request.user.email},
    )
    messages.success(
        request, _("Your email address is now %(email)s") % {"email": request.user.email}
    )
    return redirect("accounts:account")


@method_decorator(provider_account_required, name="dispatch")
class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = PasswordChangeForm
    template_name = T + "password_change.html"
    success_url = reverse_lazy("accounts:account")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password has been changed"))
        return response


@require_http_methods(["GET", "POST"])
@provider_account_required
def delete_account(request):
    membership = _membership(request.user)
    context = {
        "membership": membership,
        "listing": membership.page.specific if membership else None,
        "has_co_editors": membership is not None
        and membership.role == ListingMembership.Role.OWNER
        and membership.page.memberships.filter(role=ListingMembership.Role.CO_EDITOR).exists(),
    }
    if membership is not None and membership.page.locked:
        # A moderator is looking at the listing: no form, nothing deleted (the service
        # refuses too), status 423 as the portal's pages say it.
        return render(request, T + "delete_account_locked.html", context, status=423)
    data = request.POST if request.method == "POST" else None
    form = DeleteAccountForm(data, request=request, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        try:
            deletion.delete_account(user=user)
        except ListingLocked:  # locked since the check above
            return render(request, T + "delete_account_locked.html", context, status=423)
        return redirect("accounts:account_deleted")
    return render(request, T + "delete_account.html", {**context, "form": form})


@require_GET
def account_deleted(request):
    return render(request, T + "account_deleted.html")
