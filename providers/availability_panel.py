"""Weekly availability (an integer bitmask, providers.availability) in the Wagtail editor:
a checkbox for each day and part of the day, and a comparison that names the slots added
and removed ("Tuesday evening"), so moderators see what they approve."""

from django import forms
from django.utils.text import format_lazy
from wagtail.admin import compare
from wagtail.admin.panels import FieldPanel

from .availability import DAYS, PARTS, from_mask, to_mask


def slot_choices() -> list[tuple[str, str]]:
    """[("mon_morning", "Monday morning"), ...] in the week's order."""
    return [
        (f"{day}_{part}", format_lazy("{} {}", day_label, str(part_label).lower()))
        for day, day_label in DAYS
        for part, part_label in PARTS
    ]


class AvailabilityWidget(forms.CheckboxSelectMultiple):
    """The mask as one checkbox a slot; what is ticked is read back as the mask."""

    def __init__(self, attrs=None):
        super().__init__(attrs, choices=slot_choices())

    def format_value(self, value):
        if isinstance(value, (list, tuple)):
            return [str(v) for v in value]
        try:
            return from_mask(int(value or 0))
        except (TypeError, ValueError):
            return []

    def value_from_datadict(self, data, files, name):
        return to_mask(super().value_from_datadict(data, files, name) or [])

    def value_omitted_from_data(self, data, files, name):
        return False  # no box ticked is a mask of 0, not a missing field


class AvailabilityComparison(compare.FieldComparison):
    def htmldiff(self):
        before = set(from_mask(self.val_a or 0))
        after = set(from_mask(self.val_b or 0))
        changes = []
        for slot, label in slot_choices():
            if slot in before and slot in after:
                changes.append(("equal", str(label)))
            elif slot in before:
                changes.append(("deletion", str(label)))
            elif slot in after:
                changes.append(("addition", str(label)))
        return compare.TextDiff(changes, separator=", ").to_html() or "–"


class AvailabilityPanel(FieldPanel):
    """A FieldPanel for the mask: checkboxes, and Compare in words."""

    def __init__(self, field_name, **kwargs):
        kwargs.setdefault("widget", AvailabilityWidget)
        super().__init__(field_name, **kwargs)

    def get_comparison_class(self):
        return AvailabilityComparison
