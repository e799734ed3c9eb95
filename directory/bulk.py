"""Many rows at once, for the index's bulk paths (rebuilding it, lifting a privacy
restriction) and bench/seed.py: COPY on PostgreSQL, one statement run many times on
SQLite. Django's bulk_create builds and sends a fresh INSERT of up to thousands of rows
per batch; on PostgreSQL compiling it and psycopg's splitting it were most of the cost
of indexing listings in bulk."""

from django.db import connection

# The field types whose database form differs from the Python value (the rest go as is).
PREPARED_TYPES = {"DateTimeField", "DateField", "UUIDField", "DecimalField"}
_SQLITE_BATCH = 10_000


def stored_fields(model) -> list:
    """The fields a row of `model`'s own table is written with: not generated columns."""
    return [f for f in model._meta.local_concrete_fields if not f.generated]


def insert_rows(table: str, fields, rows) -> None:
    """Dict rows (keyed by each field's attname) into `table`, prepared as Django saves
    them."""
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


def insert_values(table: str, columns: str, values) -> None:
    """Rows of database-ready values for `columns` (a comma-separated list)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:  # noqa: S608
                for value in values:
                    copy.write_row(value)
            return
        values = list(values)
        marks = ", ".join(["%s"] * (columns.count(",") + 1))
        for start in range(0, len(values), _SQLITE_BATCH):
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({marks})",  # noqa: S608
                values[start : start + _SQLITE_BATCH],
            )
