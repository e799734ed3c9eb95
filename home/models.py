from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import PROSE_FEATURES, BodyBlock, PostcodeSearchBlock, RouteBlock
from .shell import CachedRouteMixin, CachedViewRestrictionsMixin


class HomePage(CachedRouteMixin, CachedViewRestrictionsMixin, Page):
    """The front door: a short introduction and the main routes into the service."""

    introduction = RichTextField(
        features=PROSE_FEATURES, blank=True, verbose_name=_("Introduction")
    )
    routes = StreamField(
        [("route", RouteBlock()), ("postcode_search", PostcodeSearchBlock())],
        blank=True,
        verbose_name=_("Routes into the service"),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("routes")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.StandardPage", "directory.DirectoryPage", "survey.SurveyPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")


class StandardPage(CachedViewRestrictionsMixin, Page):
    """Guidance and information: what a micro-enterprise is, privacy notice, contact..."""

    summary = models.CharField(
        max_length=300,
        blank=True,
        verbose_name=_("Summary"),
        help_text=_("One or two plain sentences shown under the title and in search results."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Body"))

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("guidance page")


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Contact details and footer links, editable by staff in Settings."""

    service_name = models.CharField(
        max_length=80, default="Find care and support near you", verbose_name=_("Service name")
    )
    organisation_name = models.CharField(
        max_length=120, blank=True, verbose_name=_("Organisation running the service")
    )
    contact_email = models.EmailField(blank=True, verbose_name=_("Contact email"))
    contact_phone = models.CharField(max_length=40, blank=True, verbose_name=_("Contact phone"))
    phone_hours = models.CharField(
        max_length=120,
        blank=True,
        verbose_name=_("When the phone is answered"),
        help_text=_("For example: Monday to Friday, 9am to 5pm"),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Accessibility statement"),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Privacy notice"),
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Contact page"),
    )

    panels = [
        FieldPanel("service_name"),
        FieldPanel("organisation_name"),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone"), FieldPanel("phone_hours")],
            heading=_("Contact details"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("accessibility_page"),
                FieldPanel("privacy_page"),
                FieldPanel("contact_page"),
            ],
            heading=_("Footer links"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")
