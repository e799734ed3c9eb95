"""What leaves the survey app: published (disclosure-controlled) tables of closed waves, and
the log of every download from the planners' area."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .wave import Wave


class PublishedTable(models.Model):
    """A table of a closed wave as it passed disclosure control, kept when the raw responses
    are purged. Written once by `survey.tables.services`; planners read it back."""

    wave = models.ForeignKey(
        Wave, on_delete=models.PROTECT, related_name="published_tables", verbose_name=_("wave")
    )
    slug = models.SlugField(_("table"), max_length=50)
    data = models.JSONField(_("published table"))
    published_at = models.DateTimeField(_("published at"), default=timezone.now)

    class Meta:
        ordering = ["wave", "slug"]
        verbose_name = _("published survey table")
        verbose_name_plural = _("published survey tables")
        constraints = [
            models.UniqueConstraint(fields=["wave", "slug"], name="survey_published_table_once")
        ]

    def __str__(self) -> str:
        return f"{self.wave} {self.slug}"


class DownloadRecord(models.Model):
    """Who downloaded which table of which wave, in which format, and when. Append-only:
    the admin shows it read-only; names are copied so the record outlives the user."""

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "Excel"
        JSON = "json", "JSON"
        SVG = "svg", "SVG chart"
        PAGE = "page", "Web page"  # the table viewed on the planners' site

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("user"),
    )
    username = models.CharField(_("username"), max_length=150)
    wave = models.ForeignKey(
        Wave, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("wave")
    )
    wave_title = models.CharField(_("wave"), max_length=100)
    table = models.SlugField(_("table"), max_length=50)
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    downloaded_at = models.DateTimeField(_("downloaded at"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-downloaded_at", "-pk"]
        verbose_name = _("survey table download")
        verbose_name_plural = _("survey table downloads")

    def __str__(self) -> str:
        return f"{self.username}: {self.wave_title} {self.table}.{self.format}"
