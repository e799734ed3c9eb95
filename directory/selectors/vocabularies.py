"""The filter vocabularies (support kinds, audiences, ways to pay, languages, access
features) and the search's fixed choices."""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Value

from providers.models import (
    AccessFeature,
    Audience,
    Language,
    PaymentMethod,
    SupportKind,
)

DISTANCES = (1, 3, 5, 10, 25)  # miles
DEFAULT_DISTANCE = 10
SORTS = ("distance", "price", "relevance")
BSL = "bsl"  # the access feature slug for British Sign Language

# Vocabulary group -> (term model, ListingIndex mask field, ProviderPage m2m field)
GROUPS = {
    "support_kinds": (SupportKind, "support_mask", "support_kinds"),
    "audiences": (Audience, "audience_mask", "audiences"),
    "payment_methods": (PaymentMethod, "payment_mask", "payment_methods"),
    "languages": (Language, "language_mask", "languages"),
    "access_features": (AccessFeature, "access_mask", "access_features"),
}


@dataclass(frozen=True)
class Term:
    id: int
    slug: str
    name: str


@dataclass
class Vocabularies:
    groups: dict[str, list[Term]] = field(default_factory=dict)

    def ids(self, group: str, slugs) -> list[int]:
        wanted = set(slugs)
        return [t.id for t in self.groups.get(group, []) if t.slug in wanted]

    def choices(self, group: str) -> list[tuple[str, str]]:
        return [(t.slug, t.name) for t in self.groups.get(group, [])]


VOCABULARIES_KEY = "directory:vocabularies"


def vocabularies() -> Vocabularies:
    """Every vocabulary's terms, in display order: cached (directory/signals.py forgets
    them when a term changes), else one query."""
    vocab = cache.get(VOCABULARIES_KEY)
    if vocab is None:
        vocab = _vocabularies()
        cache.set(VOCABULARIES_KEY, vocab, 3600)
    return vocab


def _vocabularies() -> Vocabularies:
    parts = [
        model.objects.order_by()
        .annotate(group=Value(group))
        .values_list("group", "sort_order", "name", "id", "slug")
        for group, (model, _mask, _m2m) in GROUPS.items()
    ]
    rows = sorted(parts[0].union(*parts[1:], all=True))
    vocab = Vocabularies({group: [] for group in GROUPS})
    for group, _order, name, pk, slug in rows:
        vocab.groups[group].append(Term(pk, slug, name))
    return vocab
