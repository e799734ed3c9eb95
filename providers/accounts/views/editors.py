"""A Shared Lives scheme's co-editors: the owner invites scheme staff by email, sees who
can edit, removes them or hands the listing to one of them; the invited person accepts by
choosing a password."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from providers.models import ListingMembership

from .. import editors
from ..access import scheme_owner_required
from ..editor_forms import AcceptInvitationForm, InviteCoEditorForm
from .sign_in import PORTAL_HOME

T = "providers/accounts/"


@require_http_methods(["GET", "POST"])
@scheme_owner_required
def manage_editors(request, listing):
    form = InviteCoEditorForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        try:
            editors.invite_co_editor(
                request=request, listing=listing, email=email, invited_by=request.user
            )
        except editors.AlreadyEditor:
            form.add_error("email", _("This person can already edit this listing"))
        except editors.TooManyToday:
            count = settings.CO_EDITOR_INVITATIONS_PER_DAY
            message = ngettext(
                "You have sent %(count)d invitation today. You can send more tomorrow",
                "You have sent %(count)d invitations today. You can send more tomorrow",
                count,
            ) % {"count": count}
            form.add_error("email", message)
        except editors.TooManyWaiting:
            message = _(
                "You have %(count)d invitations waiting. Cancel one you no longer need "
                "before you invite someone else"
            ) % {"count": settings.CO_EDITOR_INVITATIONS_WAITING}
            form.add_error("email", message)
        else:
            messages.success(
                request, _("We have sent an invitation to %(email)s") % {"email": email}
            )
            return redirect("accounts:editors")
    context = {
        "form": form,
        "listing": listing,
        "co_editors": listing.memberships.filter(role=ListingMembership.Role.CO_EDITOR)
        .select_related("user")
        .order_by("user__email"),
        "invitations": listing.co_editor_invitations.order_by("email"),
    }
    return render(request, T + "editors.html", context)


@require_POST
@scheme_owner_required
def remove_editor(request, pk, listing):
    if not editors.remove_co_editor(listing=listing, membership_id=pk):
        raise Http404
    messages.success(request, _("They can no longer edit this listing"))
    return redirect("accounts:editors")


@require_http_methods(["GET", "POST"])
@scheme_owner_required
def make_owner(request, pk, listing):
    """Asks first (GET), then hands the listing to this co-editor (POST)."""
    membership = (
        listing.memberships.filter(pk=pk, role=ListingMembership.Role.CO_EDITOR)
        .select_related("user")
        .first()
    )
    if membership is None:
        raise Http404
    if request.method == "POST":
        if not editors.make_owner(
            request=request, listing=listing, membership_id=pk, by=request.user
        ):
            raise Http404
        messages.success(
            request,
            _("%(email)s is now the owner of this listing. You can still edit it.")
            % {"email": membership.user.email},
        )
        return redirect(PORTAL_HOME)
    return render(request, T + "make_owner.html", {"listing": listing, "membership": membership})


@require_POST
@scheme_owner_required
def cancel_invitation(request, pk, listing):
    if not editors.cancel_invitation(listing=listing, invitation_id=pk):
        raise Http404
    messages.success(request, _("The invitation has been cancelled"))
    return redirect("accounts:editors")


@require_http_methods(["GET", "POST"])
def accept_invitation(request, token):
    try:
        invitation = editors.invitation_for_token(token)
    except editors.InvitationInvalid:
        return render(request, T + "invitation_invalid.html")
    form = AcceptInvitationForm(
        request.POST if request.method == "POST" else None, email=invitation.email
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = editors.accept_invitation(
                invitation_id=invitation.pk, password=form.cleaned_data["password"]
            )
        except editors.InvitationInvalid:
            return render(request, T + "invitation_invalid.html")
        except (editors.AddressHasAccount, IntegrityError):
            return render(request, T + "invitation_address_taken.html")
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Your account is ready. You can now edit this listing."))
        return redirect(PORTAL_HOME)
    return render(
        request,
        T + "accept_invitation.html",
        {
            "form": form,
            "invitation": invitation,
            "listing_name": editors.approved_name(listing=invitation.page),
        },
    )
