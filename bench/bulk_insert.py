"""Raw bulk writes for benchmark databases (bench/seed.py): COPY on PostgreSQL,
executemany on SQLite (directory.bulk), and raw deletes of every listing. Never for a real
database."""

from directory.bulk import insert_rows, insert_values  # noqa: F401 (bench/seed.py's)


def insert_through(field, pairs):
    from providers.models import ProviderPage

    through = getattr(ProviderPage, field).through
    insert_values(through._meta.db_table, f"providerpage_id, {through_fk(field)}", pairs)


def through_fk(field: str) -> str:
    from providers.models import ProviderPage

    through = getattr(ProviderPage, field).through
    fk = next(
        f
        for f in through._meta.get_fields()
        if f.many_to_one and f.related_model is not ProviderPage
    )
    return fk.attname


def delete_listings():
    """Remove every listing and what hangs off it, with raw deletes (bench data only)."""
    from wagtail.models import Page

    from directory import fts
    from directory.models import ListingCouncil, ListingIndex
    from providers.models import ProviderPage

    ListingCouncil.objects.all()._raw_delete("default")
    ListingIndex.objects.all()._raw_delete("default")
    fts.clear()
    for field in ProviderPage._meta.many_to_many:
        field.remote_field.through.objects.all()._raw_delete("default")
    for relation in ProviderPage._meta.related_objects:
        if relation.related_model._meta.app_label in ("providers", "directory"):
            relation.related_model._base_manager.all()._raw_delete("default")
    ids = list(ProviderPage.objects.values_list("pk", flat=True))
    ProviderPage._base_manager.all()._raw_delete("default")
    for start in range(0, len(ids), 5000):
        Page.objects.filter(pk__in=ids[start : start + 5000])._raw_delete("default")
