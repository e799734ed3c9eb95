"""The vocabularies a listing is described with. Moderators manage them as snippets;
the starting terms (from the design notes) are loaded by a data migration."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet


class Term(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


# The kinds of support only a Shared Lives scheme offers (its arrangements: long-term,
# short breaks, day support) have slugs starting with this; a micro-enterprise offers
# every other kind (providers.selectors.support_kinds_for).
SHARED_LIVES_SUPPORT_PREFIX = "shared-lives"


@register_snippet
class SupportKind(Term):
    class Meta(Term.Meta):
        verbose_name = _("kind of support")
        verbose_name_plural = _("kinds of support")


@register_snippet
class Audience(Term):
    class Meta(Term.Meta):
        verbose_name = _("who it is for")
        verbose_name_plural = _("who it is for")


@register_snippet
class AccessFeature(Term):
    class Meta(Term.Meta):
        verbose_name = _("access and communication")
        verbose_name_plural = _("access and communication")


@register_snippet
class PaymentMethod(Term):
    class Meta(Term.Meta):
        verbose_name = _("way to pay")
        verbose_name_plural = _("ways to pay")


@register_snippet
class Language(Term):
    """A spoken or signed language other than English; slug is the ISO 639 code."""

    class Meta(Term.Meta):
        verbose_name = _("language")
        verbose_name_plural = _("languages")
