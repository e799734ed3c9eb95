"""The search form: every filter is a GET parameter, so a search is a shareable URL."""

import hashlib
from decimal import Decimal

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from home.forms import GovukForm
from providers import availability as slots
from providers.geography.forms import PostcodeField
from providers.models import ProviderPage
from providers.models.listing import MAX_PRICE
from providers.portal.forms.fields import PoundsField

from .selectors import BSL, DEFAULT_DISTANCE, DISTANCES, Vocabularies

SORT_CHOICES = [
    ("distance", _("Nearest first")),
    ("price", _("Lowest price per hour first")),
    ("relevance", _("Best match for your keywords")),
]

# Form field -> selector argument (and the URL parameter is the field name).
FILTER_ARGUMENTS = {
    "support": "support_kinds",
    "audience": "audiences",
    "pay": "payment_methods",
    "language": "languages",
    "day": "days",
    "time": "parts",
    "max_price": "max_price_per_hour",
    "new": "taking_new_people",
    "kind": "provider_kinds",
    "q": "keywords",
}


class FilterField(forms.MultipleChoiceField):
    """A filter's checkboxes. A value that is not (or no longer) one of the choices, as in
    an old shared link to a term a moderator has since removed, is left out of the search
    rather than refused (SearchForm.left_out counts them, and the page says so)."""

    widget = forms.CheckboxSelectMultiple

    def to_python(self, value):
        return [v for v in super().to_python(value) if self.valid_value(v)]


def _checkboxes(label, choices=(), help_text=""):
    return FilterField(label=label, choices=choices, required=False, help_text=help_text)


def in_use(value) -> bool:
    """Whether a cleaned filter value narrows the search: a maximum price of £0 does."""
    return not (value is None or value is False or value in ("", []))


class SearchForm(GovukForm):
    postcode = PostcodeField(
        label=_("Postcode"),
        help_text=_("For example, RM17 6SL. The first part on its own, like RM17, also works."),
        max_length=20,
    )
    distance = forms.TypedChoiceField(
        label=_("Distance"),
        choices=[
            (d, _("Within %(n)s miles") % {"n": d} if d > 1 else _("Within 1 mile"))
            for d in DISTANCES
        ],
        coerce=int,
        required=False,
        empty_value=DEFAULT_DISTANCE,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Select a distance from the list")},
    )
    q = forms.CharField(
        label=_("Keywords (optional)"),
        help_text=_("For example, dementia. Each result has every word you type."),
        required=False,
        max_length=100,
        error_messages={"max_length": _("Keywords must be 100 characters or fewer")},
    )
    support = _checkboxes(_("Kinds of support"))
    audience = _checkboxes(_("Who it is for"))
    pay = _checkboxes(_("Ways to pay"))
    day = _checkboxes(
        _("Days available"),
        slots.DAYS,
        _("Providers who have not said when they can help are left out."),
    )
    time = _checkboxes(
        _("Time of day available"),
        slots.PARTS,
        _("Providers who have not said when they can help are left out."),
    )
    max_price = PoundsField(  # "25", "22.50" or "£25"
        label=_("Maximum price per hour, in pounds"),
        help_text=_("For example, 25. Providers who do not give an hourly price are left out."),
        required=False,
        min_value=Decimal(0),
        max_value=Decimal(MAX_PRICE),
        max_digits=6,
        decimal_places=2,
        error_messages={
            "invalid": _("Enter a price in pounds, like 25 or 22.50"),
            "min_value": _("Enter a price of £0 or more"),
            "max_value": _("Enter a price of £%(limit_value)s or less"),
            "max_digits": _("Enter a price in pounds, like 25 or 22.50"),
            "max_decimal_places": _("Enter a price in pounds and pence, like 22.50"),
            "max_whole_digits": _("Enter a price of £500 or less"),
        },
    )
    language = _checkboxes(_("Language"), help_text=_("Languages other than English"))
    kind = _checkboxes(_("Kind of provider"), ProviderPage.Kind.choices)
    new = forms.BooleanField(label=_("Only providers taking on new people"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        choices=SORT_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Select how to sort the results")},
    )

    def __init__(self, *args, vocab: Vocabularies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["support"].choices = vocab.choices("support_kinds")
        self.fields["audience"].choices = vocab.choices("audiences")
        self.fields["pay"].choices = vocab.choices("payment_methods")
        bsl = [c for c in vocab.choices("access_features") if c[0] == BSL]
        self.fields["language"].choices = bsl + vocab.choices("languages")

    def _filter_names(self) -> list[str]:
        return [name for name, field in self.fields.items() if isinstance(field, FilterField)]

    def left_out(self) -> int:
        """How many filter values in the query (a valid form's data) are not (or no
        longer) choices, and so were left out of the search. The values themselves are
        never shown: a link's text is not ours to put on the page."""
        return sum(
            len([v for v in self.data.getlist(name) if v]) - len(self.cleaned_data[name])
            for name in self._filter_names()
        )

    def offered_query(self, query):
        """A copy of `query` (a valid form's data) without the filter values that are not
        (or no longer) offered, and from the first page."""
        query = query.copy()
        query.pop("page", None)
        for name in self._filter_names():
            if name in query:
                query.setlist(name, self.cleaned_data[name])
        return query

    def filter_panel(self) -> list:
        """The fields under "Filter the results": those after the keywords."""
        names = list(self.fields)
        return [self[name] for name in names[names.index("q") + 1 :]]

    def preselect(self, query) -> None:
        """On the form before any search: tick the filters a link asked for (one from a
        guidance page, say: "Find Shared Lives schemes near you"), so only the postcode is
        left to give. A value that is not a choice is simply not ticked."""
        for name in FILTER_ARGUMENTS:
            if name in query and name in self.fields:
                multiple = isinstance(self.fields[name], forms.MultipleChoiceField)
                self.initial[name] = query.getlist(name) if multiple else query.get(name)

    def filter_panel_key(self) -> str:
        """A digest of all the filter panel's HTML depends on: the language, each field's
        choices, the values asked for and any errors. The panel is the same for every
        postcode, so a search with the same filters reuses it (fields are most of the
        template time of a results page)."""
        parts = [get_language()]
        for field in self.filter_panel():
            choices = [(v, str(label)) for v, label in getattr(field.field, "choices", ())]
            parts.append((field.name, choices, field.value(), [str(e) for e in field.errors]))
        return hashlib.sha256(repr(parts).encode()).hexdigest()

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())

    def clean_sort(self):
        return self.cleaned_data["sort"] or "distance"

    def search_arguments(self) -> dict:
        """Keyword arguments for directory.selectors.search_listings."""
        data = self.cleaned_data
        arguments = {
            argument: data[name]
            for name, argument in FILTER_ARGUMENTS.items()
            if in_use(data.get(name))
        }
        sort = data["sort"]
        if sort == "relevance" and not data["q"]:
            sort = "distance"
        return {
            "location": data["postcode"],
            "distance_miles": data["distance"] or DEFAULT_DISTANCE,
            "sort": sort,
            **arguments,
        }
