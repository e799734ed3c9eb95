"""The security matrix's world and rows (test_portal_matrix.py): a victim's listing and
accounts, an attacker, a moderator, and for every URL in the `accounts`, `portal` and
`claims` namespaces a Row saying how to reach it.

ADDING A ROW: every URL name in either namespace needs an entry in ROWS (the test
`test_every_url_has_a_row` fails otherwise). A row says how to build the URL's kwargs
from the World (usually pointing at the VICTIM's objects, which the actor must not
reach), what to POST (default: nothing, which must change nothing either), and whether
the URL is for signed-in providers (`signed_in=True`), public (`signed_in=False`), or
only for a listing's owner (`owner_only=True`, then the victim's co-editor is tried too).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core import signing
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.models import Page

from providers.accounts import editors as accounts_editors
from providers.accounts.email_change import change_email_token
from providers.accounts.models import CoEditorInvitation, EmailChange
from providers.accounts.tokens import email_confirmation_token
from providers.models import (
    Enquiry,
    ListingMembership,
    ProviderCheck,
    ProviderPage,
)
from tests import builders

NAMESPACES = ("accounts", "portal", "claims")
VICTIM_TITLE = "Victim Shared Lives Scheme"
VICTIM_DRAFT_SUMMARY = "VICTIM-DRAFT-SUMMARY-not-yet-approved"
VICTIM_EMAIL = "victim.owner@example.org"
VICTIM_CO_EDITOR_EMAIL = "victim.staff@example.org"
VICTIM_INVITED_EMAIL = "victim.invited@example.org"
VICTIM_CHANGED_EMAIL = "victim.new@example.org"
VICTIM_ENQUIRY = "VICTIM-ENQUIRY-please-call-me"
VICTIM_CHECK_REFERENCE = "VICTIM-CHECK-REF-123"


@dataclass
class World:
    directory: Page
    victim: object
    victim_page: ProviderPage
    victim_co_editor: object
    victim_co_membership: ListingMembership
    victim_invitation: CoEditorInvitation
    victim_used_invitation_pk: int
    victim_enquiry: Enquiry
    victim_check: ProviderCheck
    attacker: object
    attacker_page: ProviderPage
    moderator: object
    secrets: tuple = (
        VICTIM_TITLE,
        VICTIM_DRAFT_SUMMARY,
        VICTIM_EMAIL,
        VICTIM_CO_EDITOR_EMAIL,
        VICTIM_INVITED_EMAIL,
        VICTIM_ENQUIRY,
        VICTIM_CHECK_REFERENCE,
    )


def build_world(home) -> World:
    directory = builders.build_directory(home=home)
    victim, page = builders.build_provider_account(
        directory=directory,
        email=VICTIM_EMAIL,
        kind="shared_lives",
        title=VICTIM_TITLE,
        postcode=None,
        live=True,
    )
    page.summary = VICTIM_DRAFT_SUMMARY  # a draft change awaiting approval
    page.save_revision(user=victim)
    EmailChange.objects.create(
        user=victim, new_email=VICTIM_CHANGED_EMAIL, requested_at=timezone.now()
    )
    co_editor = builders.build_co_editor(page=page, email=VICTIM_CO_EDITOR_EMAIL)
    invitation = CoEditorInvitation.objects.create(page=page, email=VICTIM_INVITED_EMAIL)
    used = CoEditorInvitation.objects.create(page=page, email=VICTIM_CO_EDITOR_EMAIL)
    used_pk = used.pk
    used.delete()  # accepting an invitation deletes it
    enquiry = Enquiry.objects.create(
        page=page,
        name="Pat",
        reply_to="pat@example.org",
        message=VICTIM_ENQUIRY,
        consent=True,
        submission_token="victim-enquiry",
    )
    check = builders.build_check(page=page, kind="insurance", reference=VICTIM_CHECK_REFERENCE)
    # The attacker has every power a provider can have: it owns a Shared Lives listing too.
    attacker, attacker_page = builders.build_provider_account(
        directory=directory, kind="shared_lives", title="Attacker Scheme", postcode=None
    )
    moderator = builders.build_user(groups=["Moderators"])
    return World(
        directory=directory,
        victim=victim,
        victim_page=page,
        victim_co_editor=co_editor,
        victim_co_membership=ListingMembership.objects.get(user=co_editor),
        victim_invitation=invitation,
        victim_used_invitation_pk=used_pk,
        victim_enquiry=enquiry,
        victim_check=check,
        attacker=attacker,
        attacker_page=attacker_page,
        moderator=moderator,
    )


# Rows -----------------------------------------------------------------------------------


def no_kwargs(world):
    return {}


def no_data(world):
    return {}


@dataclass(frozen=True)
class Row:
    kwargs: Callable[[World], dict] = no_kwargs
    post: Callable[[World], dict] = no_data
    signed_in: bool = True  # False: a public page (sign-in, sign-up, reset, links in emails)
    owner_only: bool = False  # True: the victim's co-editor must not use it either
    public: tuple = ()  # victim's strings this page may show (a live listing's public title)
    note: str = ""


def _uid(user):
    return urlsafe_base64_encode(force_bytes(user.pk))


ROWS: dict[str, Row] = {
    # accounts: public pages. Crafted POSTs aim at the victim's address.
    "accounts:sign_in": Row(
        signed_in=False, post=lambda w: {"username": VICTIM_EMAIL, "password": "guess"}
    ),
    "accounts:sign_out": Row(signed_in=False),
    "accounts:sign_up": Row(
        signed_in=False,
        post=lambda w: {
            "name": "Takeover",
            "kind": "micro_enterprise",
            "email": VICTIM_EMAIL.upper(),
            "password": "a-long-takeover-password",
            "password_confirm": "a-long-takeover-password",
        },
        note="an address in use changes nothing and shows the same page",
    ),
    "accounts:check_email": Row(signed_in=False),
    "accounts:confirm_email": Row(
        signed_in=False,
        kwargs=lambda w: {
            "uidb64": _uid(w.victim),
            "token": email_confirmation_token.make_token(w.victim),
        },
    ),
    "accounts:password_reset": Row(signed_in=False, post=lambda w: {"email": VICTIM_EMAIL}),
    "accounts:password_reset_done": Row(signed_in=False),
    "accounts:password_reset_complete": Row(signed_in=False),
    "accounts:password_reset_confirm": Row(
        signed_in=False,
        kwargs=lambda w: {"uidb64": _uid(w.victim), "token": "bad-token"},
        post=lambda w: {
            "new_password1": "hijacked-password-1",
            "new_password2": "hijacked-password-1",
        },
    ),
    "accounts:accept_invitation": Row(
        signed_in=False,
        kwargs=lambda w: {
            "token": signing.dumps(
                w.victim_used_invitation_pk, salt=accounts_editors.INVITATION_SALT
            )
        },
        post=lambda w: {
            "password": "a-long-takeover-password",
            "password_confirm": "a-long-takeover-password",
        },
        note="a used invitation cannot be used again, by anyone",
    ),
    "accounts:account_deleted": Row(signed_in=False),
    # accounts: signed-in provider pages. They act on the signed-in account only.
    "accounts:account": Row(),
    "accounts:change_email": Row(post=lambda w: {"email": VICTIM_EMAIL, "password": "guess"}),
    "accounts:change_email_confirm": Row(
        kwargs=lambda w: {
            "token": change_email_token(user=w.victim, new_email=VICTIM_CHANGED_EMAIL)
        },
        note="the victim's own valid link does nothing for anyone else",
    ),
    "accounts:password_change": Row(),
    "accounts:delete_account": Row(post=lambda w: {"password": builders.PASSWORD}),
    "accounts:editors": Row(owner_only=True, post=lambda w: {"email": "friend@example.org"}),
    "accounts:remove_editor": Row(
        owner_only=True, kwargs=lambda w: {"pk": w.victim_co_membership.pk}
    ),
    "accounts:make_owner": Row(owner_only=True, kwargs=lambda w: {"pk": w.victim_co_membership.pk}),
    "accounts:cancel_invitation": Row(
        owner_only=True, kwargs=lambda w: {"pk": w.victim_invitation.pk}
    ),
    # portal: the portal helper adds its rows here.
    # Every portal URL acts on the signed-in account's own listing (no listing ID in any
    # URL); sub-objects in a URL (an enquiry, a check kind) are looked up through it.
    # Crafted POSTs try moderator-only fields and the victim's objects.
    "portal:dashboard": Row(),
    "portal:edit_about": Row(
        post=lambda w: {
            "title": "Hijacked",
            "summary": "Hijacked",
            "kind": "micro_enterprise",
            "live": "on",
            "owner": str(w.attacker.pk),
        }
    ),
    "portal:edit_offer": Row(post=lambda w: {"support_kinds": ["1", "2"]}),
    "portal:edit_prices": Row(post=lambda w: {"price_per_hour": "1.00"}),
    "portal:edit_availability": Row(post=lambda w: {"mon": ["morning"], "taking_new_people": "no"}),
    "portal:edit_where": Row(
        post=lambda w: {"postcode": "RM17 5SW", "travel_radius_miles": "5", "external_id": "x"}
    ),
    "portal:edit_contact": Row(post=lambda w: {"phone": "01632 960001", "show_phone": "on"}),
    "portal:photos": Row(post=lambda w: {"alt_text": "A photo", "page": str(w.victim_page.pk)}),
    "portal:photo_remove": Row(post=lambda w: {"image": "1"}),
    "portal:preview": Row(),
    "portal:submit": Row(post=lambda w: {"page": str(w.victim_page.pk)}),
    "portal:reconfirm": Row(post=lambda w: {"page": str(w.victim_page.pk)}),
    "portal:discard": Row(
        post=lambda w: {"page": str(w.victim_page.pk)},
        note="the victim's listing has a draft to discard; only the actor's own is touched",
    ),
    "portal:checks": Row(),
    "portal:check_edit": Row(
        kwargs=lambda w: {"kind": w.victim_check.kind},
        post=lambda w: {
            "cover_amount": "1000",
            "expires_on": "1/1/2099",
            "verified_at": "2026-01-01T00:00:00Z",
            "page": str(w.victim_page.pk),
        },
    ),
    "portal:check_remove": Row(kwargs=lambda w: {"kind": w.victim_check.kind}),
    "portal:enquiries": Row(),
    "portal:enquiry": Row(kwargs=lambda w: {"pk": w.victim_enquiry.pk}),
    "portal:enquiry_delete": Row(kwargs=lambda w: {"pk": w.victim_enquiry.pk}),
    # claims: "Is this your business?" on the victim's live listing, which has an owner,
    # so nobody may claim it. Its title is public (the listing is live).
    "claims:claim": Row(
        kwargs=lambda w: {"slug": w.victim_page.slug},
        post=lambda w: {"message": "This is my business, honestly."},
        public=(VICTIM_TITLE,),
    ),
    "claims:sent": Row(kwargs=lambda w: {"slug": w.victim_page.slug}, public=(VICTIM_TITLE,)),
}
