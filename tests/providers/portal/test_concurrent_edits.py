"""Two saves of the same listing at once (two tabs, or an owner and a co-editor): each
builds on what the other saved, so nothing is lost and the photo limit holds. The
interleaving is played out in order: a page read, another save, then the first save."""

import pytest

from providers.models import ProviderPage
from providers.portal import forms, services

from .test_photos import draft_photos, media, png  # noqa: F401 (fixture)


def latest(page):
    return ProviderPage.objects.get(pk=page.pk).get_latest_revision_as_object()


def test_saving_a_section_keeps_another_section_saved_since_the_page_was_read(listing, owner):
    about = forms.AboutForm(
        {"title": "Sunrise Support", "summary": "New summary.", "description": ""},
        instance=latest(listing),  # the About page as read before the prices were saved
    )
    assert about.is_valid()
    prices = forms.PricesForm(
        {"price_per_hour": "24.00", "price_per_session": "", "price_per_night": ""},
        instance=latest(listing),
    )
    assert prices.is_valid()
    services.save_draft(page=listing, user=owner, edit=prices.apply_to)

    services.save_draft(page=listing, user=owner, edit=about.apply_to)

    draft = latest(listing)
    assert draft.summary == "New summary."
    assert draft.price_per_hour == 24


def test_two_photos_added_at_once_are_both_kept(listing, owner):
    tab_1, tab_2 = latest(listing), latest(listing)  # the photos page open in two tabs

    services.add_photo(page=tab_1, user=owner, file=png(), alt_text="First")
    services.add_photo(page=tab_2, user=owner, file=png(colour=(9, 9, 9)), alt_text="Second")

    assert [photo.alt_text for photo in draft_photos(listing)] == ["First", "Second"]


def test_removing_a_photo_keeps_one_added_since_the_page_was_read(listing, owner):
    services.add_photo(page=listing, user=owner, file=png(), alt_text="Old")
    stale = latest(listing)
    services.add_photo(page=listing, user=owner, file=png(colour=(9, 9, 9)), alt_text="New")

    old = draft_photos(listing)[0]
    services.remove_photo(page=stale, user=owner, image_id=old.image_id)

    assert [photo.alt_text for photo in draft_photos(listing)] == ["New"]


def test_the_photo_limit_is_counted_again_when_the_photo_is_added(listing, owner):
    for n in range(services.MAX_PHOTOS - 1):
        services.add_photo(page=listing, user=owner, file=png(colour=(n, 0, 0)), alt_text=str(n))
    form = forms.PhotoForm(
        {"alt_text": "Last but one"},
        {"image": png(colour=(99, 0, 0))},
        photo_count=len(draft_photos(listing)),  # one space left when the page was read
        max_photos=services.MAX_PHOTOS,
    )
    assert form.is_valid()
    services.add_photo(page=listing, user=owner, file=png(colour=(50, 0, 0)), alt_text="Tab 2")

    with pytest.raises(services.TooManyPhotos):
        services.add_photo(
            page=listing,
            user=owner,
            file=form.cleaned_data["image"],
            alt_text=form.cleaned_data["alt_text"],
        )

    assert len(draft_photos(listing)) == services.MAX_PHOTOS
