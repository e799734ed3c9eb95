"""The listing page. Children of the one directory page; edited by providers through the
portal (never the Wagtail admin), which saves revisions and submits them to moderation."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.shell import CachedViewRestrictionsMixin
from home.text import one_line
from providers.availability_panel import AvailabilityPanel
from providers.public.routes import ProfileRoutesMixin

# Provider-written rich text: a small, screen-reader-friendly feature set, no links or embeds.
DESCRIPTION_FEATURES = ["bold", "italic", "ol", "ul"]
SUMMARY_MAX_LENGTH = 280
MAX_PRICE = 500  # pounds, per hour, session or night
SINGLE_LINE_FIELDS = ("title", "summary", "town", "price_note")  # home.text.one_line


def _price(verbose_name):
    return models.DecimalField(
        verbose_name,
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_PRICE)],
    )


class ProviderPage(CachedViewRestrictionsMixin, ProfileRoutesMixin, Page):
    class Kind(models.TextChoices):
        MICRO_ENTERPRISE = "micro_enterprise", _("Micro-enterprise")
        SHARED_LIVES = "shared_lives", _("Shared Lives scheme")

    kind = models.CharField(
        _("kind of provider"), max_length=20, choices=Kind, default=Kind.MICRO_ENTERPRISE
    )
    summary = models.CharField(
        _("summary"),
        max_length=SUMMARY_MAX_LENGTH,
        blank=True,
        help_text=_("One or two plain sentences: what you do and for whom."),
    )
    description = RichTextField(_("description"), features=DESCRIPTION_FEATURES, blank=True)

    support_kinds = ParentalManyToManyField(
        "providers.SupportKind", blank=True, related_name="+", verbose_name=_("kinds of support")
    )
    audiences = ParentalManyToManyField(
        "providers.Audience", blank=True, related_name="+", verbose_name=_("who it is for")
    )
    access_features = ParentalManyToManyField(
        "providers.AccessFeature",
        blank=True,
        related_name="+",
        verbose_name=_("access and communication"),
    )
    languages = ParentalManyToManyField(
        "providers.Language", blank=True, related_name="+", verbose_name=_("languages")
    )
    payment_methods = ParentalManyToManyField(
        "providers.PaymentMethod", blank=True, related_name="+", verbose_name=_("ways to pay")
    )

    price_per_hour = _price(_("price per hour (£)"))
    price_per_session = _price(_("price per session (£)"))
    price_per_night = _price(_("price per night (£)"))
    price_note = models.CharField(_("note about prices"), max_length=200, blank=True)

    availability = models.PositiveIntegerField(
        _("weekly availability"), default=0, help_text=_("See providers.availability.")
    )
    taking_new_people = models.BooleanField(_("taking on new people"), default=True)
    taking_new_people_from = models.DateField(_("taking on new people from"), null=True, blank=True)

    # Where the provider is based: the postcode stays private; the rest is derived from it.
    # The grid reference is its outward code's centre (providers.services.apply_location).
    base_postcode = models.CharField(_("base postcode (private)"), max_length=8, blank=True)
    easting = models.IntegerField(null=True, blank=True, editable=False)
    northing = models.IntegerField(null=True, blank=True, editable=False)
    district_code = models.CharField(max_length=9, blank=True, editable=False)
    council_code = models.CharField(max_length=9, blank=True, db_index=True, editable=False)
    region_code = models.CharField(max_length=9, blank=True, db_index=True, editable=False)
    town = models.CharField(
        _("town or area"), max_length=60, blank=True, help_text=_("For example: Grays")
    )
    area_label = models.CharField(_("area shown to the public"), max_length=120, blank=True)
    premises_address = models.TextField(
        _("business premises address"),
        blank=True,
        help_text=_("Only for business premises open to visitors. Never a home address."),
    )

    # Coverage: within a travel radius of the base, and/or whole councils.
    travel_radius_miles = models.PositiveSmallIntegerField(
        _("travel radius (miles)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    councils_covered = ParentalManyToManyField(
        "geography.Council", blank=True, related_name="+", verbose_name=_("councils covered")
    )

    # Contact choices. Enquiries through the site are always possible.
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    show_phone = models.BooleanField(_("show my phone number"), default=False)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("email for enquiries"), blank=True)
    show_email = models.BooleanField(_("show my email address"), default=False)

    # Freshness: confirmed by the provider (not revisioned, see with_content_json).
    last_confirmed_at = models.DateTimeField(
        _("last confirmed"), null=True, blank=True, db_index=True
    )
    # Imported listings (bulk import) carry the source's identifier.
    external_id = models.CharField(_("external ID"), max_length=100, blank=True, db_index=True)

    # Fields that belong to the listing as a whole, not to one revision of it: publishing
    # an older revision must not roll them back.
    NON_REVISION_FIELDS = ("last_confirmed_at", "external_id")

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("support_kinds"),
                FieldPanel("audiences"),
                FieldPanel("access_features"),
                FieldPanel("languages"),
                FieldPanel("payment_methods"),
            ],
            heading=_("What and for whom"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("price_per_hour"),
                FieldPanel("price_per_session"),
                FieldPanel("price_per_night"),
                FieldPanel("price_note"),
            ],
            heading=_("Prices"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("taking_new_people"),
                FieldPanel("taking_new_people_from"),
                AvailabilityPanel(
                    "availability", help_text=_("When the provider is usually available.")
                ),
            ],
            heading=_("Availability"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("base_postcode"),
                FieldPanel("town"),
                FieldPanel("area_label"),
                FieldPanel("premises_address"),
                FieldPanel("travel_radius_miles"),
                FieldPanel("councils_covered"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("show_phone"),
                FieldPanel("website"),
                FieldPanel("email"),
                FieldPanel("show_email"),
            ],
            heading=_("Contact"),
        ),
        InlinePanel("photos", label=_("Photos")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("kind"),
    ]
    parent_page_types = ["directory.DirectoryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("provider listing")
        verbose_name_plural = _("provider listings")
        indexes = [models.Index(fields=["easting", "northing"], name="provider_grid_idx")]

    def clean(self):
        super().clean()
        # On one line, as the portal's forms keep them, also when a moderator edits the
        # listing or it is imported: the title goes into email subjects.
        for name in SINGLE_LINE_FIELDS:
            if value := getattr(self, name):
                setattr(self, name, one_line(value))

    def with_content_json(self, content):
        page = super().with_content_json(content)
        for name in self.NON_REVISION_FIELDS:
            setattr(page, name, getattr(self, name))
        return page

    @property
    def is_shared_lives(self) -> bool:
        return self.kind == self.Kind.SHARED_LIVES


class ProviderPhoto(Orderable):
    page = ParentalKey(ProviderPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="+", verbose_name=_("image")
    )
    alt_text = models.CharField(
        _("description of the photo"),
        max_length=250,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)
    # The SHA-1 of the file as the provider uploaded it (the image is stored re-encoded,
    # without its metadata): the same upload again is found without decoding it.
    upload_hash = models.CharField(max_length=40, blank=True, editable=False)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
