from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from .. import forms
from ..photo_files import UnreadableImage
from ..selectors import waiting_for_approval
from ..services import (
    MAX_PHOTOS,
    TooManyPhotos,
    add_photo,
    photo_upload_allowed,
    remove_photo,
    save_draft,
)
from .common import portal_edit_view


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    form_class: type | None
    url_name: str
    template: str = "providers/portal/edit_section.html"


SECTIONS = [
    Section("about", gettext_lazy("About your service"), forms.AboutForm, "portal:edit_about"),
    Section("offer", gettext_lazy("What you offer"), forms.OfferForm, "portal:edit_offer"),
    Section("prices", gettext_lazy("Prices"), forms.PricesForm, "portal:edit_prices"),
    Section(
        "availability",
        gettext_lazy("Availability"),
        forms.AvailabilityForm,
        "portal:edit_availability",
        "providers/portal/edit_availability.html",
    ),
    Section(
        "where",
        gettext_lazy("Where you work"),
        forms.WhereForm,
        "portal:edit_where",
        "providers/portal/edit_where.html",  # the council list folds away
    ),
    Section("contact", gettext_lazy("Contact details"), forms.ContactForm, "portal:edit_contact"),
    Section("photos", gettext_lazy("Photos"), None, "portal:photos"),
]
SECTIONS_BY_SLUG = {section.slug: section for section in SECTIONS}


# What one focused success banner says after a save: {withdrawn: text}. A save that took
# the listing out of the moderators' queue says so in the same banner (lazily translated).
SAVED = {
    False: gettext_lazy("Your changes are saved as a draft."),
    True: gettext_lazy(
        "Your changes are saved as a draft. Your listing was waiting for approval, so it has "
        "been taken out of the queue: send it for approval again when you are ready."
    ),
}
PHOTO_ADDED = {
    False: gettext_lazy("Photo added to your draft."),
    True: gettext_lazy(
        "Photo added to your draft. Your listing was waiting for approval, so it has been "
        "taken out of the queue: send it for approval again when you are ready."
    ),
}
PHOTO_REMOVED = {
    False: gettext_lazy("Photo removed from your draft."),
    True: gettext_lazy(
        "Photo removed from your draft. Your listing was waiting for approval, so it has "
        "been taken out of the queue: send it for approval again when you are ready."
    ),
}


def _saved(request, result, texts=SAVED):
    messages.success(request, texts[result.withdrawn])


@portal_edit_view
def edit_section(request, *, listing, section):
    spec = SECTIONS_BY_SLUG.get(section)
    if spec is None or spec.form_class is None:
        raise Http404
    draft = listing.get_latest_revision_as_object()
    form = spec.form_class(request.POST or None, instance=draft)
    if request.method == "POST" and form.is_valid():
        if form.has_changed():
            _saved(request, save_draft(page=listing, user=request.user, edit=form.apply_to))
        else:
            messages.info(request, _("You did not change anything, so there was nothing to save."))
        if "preview" in request.POST:
            return redirect("portal:preview")
        return redirect("portal:dashboard")
    return render(
        request,
        spec.template,
        {
            "listing": listing,
            "draft": draft,
            "form": form,
            "section": spec,
            "waiting_for_approval": waiting_for_approval(page=listing),
        },
    )


@portal_edit_view
def photos(request, *, listing):
    draft = listing.get_latest_revision_as_object()
    form = forms.PhotoForm(
        request.POST or None,
        request.FILES or None,
        photo_count=len(draft.photos.all()),
        max_photos=MAX_PHOTOS,
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        if not photo_upload_allowed(user=request.user):
            form.refuse_image("too_many_uploads")
            status = 429
        else:
            try:
                added = add_photo(
                    page=listing,
                    user=request.user,
                    file=form.cleaned_data["image"],
                    alt_text=form.cleaned_data["alt_text"],
                    caption=form.cleaned_data["caption"],
                )
            except TooManyPhotos:  # added in another tab since this page was read
                form.refuse_image("too_many_photos")
                draft = listing.get_latest_revision_as_object()
            except UnreadableImage:
                form.refuse_image("unreadable")
            else:
                if added:
                    _saved(request, added, PHOTO_ADDED)
                else:
                    messages.info(request, _("That photo is already on your listing."))
                return redirect("portal:photos")
    return render(
        request,
        "providers/portal/photos.html",
        {
            "listing": listing,
            "draft": draft,
            "photos": list(draft.photos.all()),
            "form": form,
            "max_photos": MAX_PHOTOS,
            "section": SECTIONS_BY_SLUG["photos"],
            "waiting_for_approval": waiting_for_approval(page=listing),
        },
        status=status,
    )


@portal_edit_view
@require_POST
def photo_remove(request, *, listing):
    try:
        image_id = int(request.POST.get("image", ""))
    except ValueError:
        raise Http404 from None
    removed = remove_photo(page=listing, user=request.user, image_id=image_id)
    if removed is None:
        raise Http404
    _saved(request, removed, PHOTO_REMOVED)
    return redirect("portal:photos")
