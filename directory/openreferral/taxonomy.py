"""Our vocabularies published as HSDS taxonomies; their terms as taxonomy terms.

Five vocabularies (kinds of support, who it is for, access and communication, languages,
ways to pay) plus the kind of provider. Vocabularies are small (tens of terms), so the
whole set comes from the directory's cached vocabularies and is looked up in memory."""

from dataclasses import dataclass
from functools import cached_property

from django.utils.translation import gettext as _

from providers.models import AccessFeature, Audience, Language, PaymentMethod, SupportKind

from ..selectors.vocabularies import vocabularies
from . import ids


@dataclass(frozen=True)
class Vocabulary:
    key: str  # also the ProviderPage field name
    model: type | None
    name: str
    description: str


VOCABULARIES = [
    Vocabulary(
        "support_kinds", SupportKind, "Kinds of support", "What kind of support is offered."
    ),
    Vocabulary("audiences", Audience, "Who it is for", "The people the support is for."),
    Vocabulary(
        "access_features",
        AccessFeature,
        "Access and communication",
        "How the provider makes its support accessible.",
    ),
    Vocabulary(
        "languages",
        Language,
        "Languages",
        "Languages other than English the provider can work in (ISO 639-1 codes).",
    ),
    Vocabulary("payment_methods", PaymentMethod, "Ways to pay", "How people can pay."),
    Vocabulary(
        "provider_kind",
        None,
        "Kind of provider",
        "A micro-enterprise (8 or fewer workers) or a Shared Lives scheme.",
    ),
]
BY_KEY = {v.key: v for v in VOCABULARIES}
PROVIDER_KINDS = [
    (1, "micro_enterprise", "Micro-enterprise"),
    (2, "shared_lives", "Shared Lives scheme"),
]


@dataclass(frozen=True)
class Term:
    id: str
    vocabulary: str
    pk: int
    slug: str
    name: str


class Taxonomies:
    """Every taxonomy term, in display order (the directory's cached vocabularies: no
    query on a warm cache)."""

    @cached_property
    def terms(self) -> list[Term]:
        terms = []
        groups = vocabularies().groups
        for vocabulary in VOCABULARIES:
            if vocabulary.model is None:
                rows = [(pk, slug, name) for pk, slug, name in PROVIDER_KINDS]
            else:
                rows = [(t.id, t.slug, t.name) for t in groups[vocabulary.key]]
            terms += [
                Term(ids.term_id(vocabulary.key, pk), vocabulary.key, pk, slug, name)
                for pk, slug, name in rows
            ]
        return terms

    @cached_property
    def by_id(self) -> dict[str, Term]:
        return {term.id: term for term in self.terms}

    def term(self, vocabulary: str, pk: int) -> Term | None:
        return self.by_id.get(ids.term_id(vocabulary, pk))

    def provider_kind(self, kind: str) -> Term | None:
        pk = next((pk for pk, slug, _name in PROVIDER_KINDS if slug == kind), None)
        return self.term("provider_kind", pk) if pk else None


def taxonomy_dict(vocabulary: Vocabulary, *, terms=None) -> dict:
    data = {
        "id": ids.vocabulary_id(vocabulary.key),
        "name": vocabulary.name,
        "description": vocabulary.description,
        "version": "1",
    }
    if terms is not None:
        data["taxonomy_terms"] = [term_dict(t, nested=False) for t in terms]
    return data


def term_dict(term: Term, *, nested: bool = True) -> dict:
    vocabulary = BY_KEY[term.vocabulary]
    data = {
        "id": term.id,
        "name": term.name,
        "term": term.name,
        "description": _("%(vocabulary)s: %(term)s")
        % {"vocabulary": vocabulary.name, "term": term.name},
        "code": term.slug,
        "taxonomy": vocabulary.name,
        "taxonomy_id": ids.vocabulary_id(vocabulary.key),
    }
    if term.vocabulary == "languages":
        data["language"] = term.slug
    if nested:
        data["taxonomy_detail"] = taxonomy_dict(vocabulary)
    return data
