"""Raw bulk writes for benchmark databases (bench/seed.py): COPY on PostgreSQL,
executemany on SQLite, and raw deletes of every listing. Never for a real database."""

PREPARED_TYPES = {"DateTimeField", "DateField", "UUIDField", "DecimalField"}


def insert_rows(table, fields, rows):
    """Raw executemany of dict rows (keyed by attname); only the types whose database
    form differs from Python's go through Django's preparation."""
    from django.db import connection

    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    prepared = [(i, f) for i, f in enumerate(fields) if f.get_internal_type() in PREPARED_TYPES]
    names = [f.attname for f in fields]
    values = []
    for row in rows:
        value = [row[name] for name in names]
        for i, field in prepared:
            if value[i] is not None:
                value[i] = field.get_db_prep_save(value[i], connection)
        values.append(value)
    insert_values(table, columns, values)


def insert_through(field, pairs):
    from providers.models import ProviderPage

    through = getattr(ProviderPage, field).through
    insert_values(through._meta.db_table, f"providerpage_id, {through_fk(field)}", pairs)


def insert_values(table, columns: str, values):
    """Rows of values for `columns` (a comma-separated list): COPY on PostgreSQL,
    executemany in batches of 10,000 on SQLite."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:  # noqa: S608
                for value in values:
                    copy.write_row(value)
            return
        marks = ", ".join(["%s"] * (columns.count(",") + 1))
        for start in range(0, len(values), 10_000):
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({marks})",  # noqa: S608
                values[start : start + 10_000],
            )


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
