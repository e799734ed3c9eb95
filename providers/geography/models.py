"""Geography reference tables. Councils and districts come from the committed
data/councils.csv (a data migration loads it); postcodes and outward codes are
bulk-loaded by `manage.py load_postcodes` from the ONS Postcode Directory package.

Postcode and OutwardCode point at District without a database constraint: they are
replaced wholesale by raw SQL (COPY / executemany), and the ONS file can hold codes
(Channel Islands, Isle of Man) that the councils table deliberately lacks."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Council(models.Model):
    """An upper-tier authority: the council with adult social care duties."""

    gss_code = models.CharField(_("GSS code"), max_length=9, primary_key=True)
    name = models.CharField(_("name"), max_length=100)
    region_code = models.CharField(_("region GSS code"), max_length=9, db_index=True)
    region_name = models.CharField(_("region"), max_length=100)
    nation = models.CharField(_("nation"), max_length=20)

    class Meta:
        ordering = ["name"]
        verbose_name = _("council")
        verbose_name_plural = _("councils")

    def __str__(self) -> str:
        return self.name


class District(models.Model):
    """A local authority district (lower tier, or the unitary council itself)."""

    gss_code = models.CharField(_("GSS code"), max_length=9, primary_key=True)
    name = models.CharField(_("name"), max_length=100)
    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, related_name="districts", verbose_name=_("council")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self) -> str:
        return self.name


class Postcode(models.Model):
    """One live postcode with its grid reference (British National Grid, metres).
    On SQLite the table is WITHOUT ROWID (see migration 0001)."""

    postcode = models.CharField(_("postcode"), max_length=8, primary_key=True)
    easting = models.IntegerField(_("easting"))
    northing = models.IntegerField(_("northing"))
    district = models.ForeignKey(
        District,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        db_column="district_code",
        related_name="+",
        verbose_name=_("district"),
    )

    class Meta:
        verbose_name = _("postcode")
        verbose_name_plural = _("postcodes")

    def __str__(self) -> str:
        return self.postcode


class OutwardCode(models.Model):
    """The first half of a postcode ("RM17"): centroid of its postcodes and the
    district most of them are in."""

    outward = models.CharField(_("outward code"), max_length=4, primary_key=True)
    easting = models.IntegerField(_("easting"))
    northing = models.IntegerField(_("northing"))
    district = models.ForeignKey(
        District,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        db_column="district_code",
        related_name="+",
        verbose_name=_("district"),
    )

    class Meta:
        verbose_name = _("outward code")
        verbose_name_plural = _("outward codes")

    def __str__(self) -> str:
        return self.outward
