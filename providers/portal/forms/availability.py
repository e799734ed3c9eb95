"""The listing's availability section: when the provider usually works (a tick per part
of each day, stored as one bit mask) and whether they are taking on new people."""

from django import forms
from django.utils.translation import gettext_lazy as _

from providers import availability
from providers.models import ProviderPage

from .fields import DateField
from .listing import SectionForm


class AvailabilityForm(SectionForm):
    taking_new_people = forms.TypedChoiceField(
        label=_("Are you taking on new people?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Select yes if you are taking on new people")},
    )
    taking_new_people_from = DateField(
        label=_("If not, from when will you be?"),
        required=False,
        not_past=True,
        help_text=_("Optional. For example, 27/3/2027"),
    )

    class Meta:
        model = ProviderPage
        fields = ["taking_new_people", "taking_new_people_from"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        chosen = set(availability.from_mask(self.instance.availability or 0))
        for day, day_label in availability.DAYS:
            self.fields[day] = forms.MultipleChoiceField(
                label=day_label,
                required=False,
                choices=[(part, part_label) for part, part_label in availability.PARTS],
                widget=forms.CheckboxSelectMultiple,
            )
            self.initial[day] = [p for p, _l in availability.PARTS if f"{day}_{p}" in chosen]
        self.initial["taking_new_people"] = "yes" if self.instance.taking_new_people else "no"

    @property
    def day_fields(self):
        return [self[day] for day, _label in availability.DAYS]

    def clean(self):
        data = super().clean()
        if data.get("taking_new_people"):
            data["taking_new_people_from"] = None
        return data

    def save(self, commit=False):
        page = super().save(commit=False)
        page.availability = availability.to_mask(
            f"{day}_{part}" for day, _l in availability.DAYS for part in self.cleaned_data[day]
        )
        return page
