"""Full-text search beside the listing index, one implementation per database.

SQLite: an FTS5 virtual table `directory_listingfts(title, summary, description)` whose
rowid is the listing's page id. PostgreSQL: a weighted `tsvector` column
`search_vector` on directory_listingindex with a GIN index (title A, summary B,
description C). Both are created by migration 0003 and written only here.

Searches are always narrowed by geography first: the match is tested per candidate
(FTS5 seeks the rowid; PostgreSQL tests the row's vector), and relevance is a cheap
per-row weight (which fields match), never a score over the whole table."""

import re

from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, FloatField, IntegerField, Q
from django.db.models.expressions import RawSQL

FTS_TABLE = "directory_listingfts"
INDEX_TABLE = "directory_listingindex"
_WORD = re.compile(r"[^\W_]+")
MAX_WORDS = 8


def words(text: str) -> list[str]:
    """The search words in what a visitor typed: letters and digits only, at most 8."""
    return [w.lower() for w in _WORD.findall(text or "")][:MAX_WORDS]


def _fts5_query(terms: list[str], column: str | None = None) -> str:
    prefix = f"{column} : " if column else ""
    # Each word quoted (no FTS5 syntax from visitors), as a prefix: "garden*" finds gardening.
    return prefix + "(" + " AND ".join(f'"{w}"*' for w in terms) + ")"


def _pg_query(terms: list[str]) -> str:
    return " & ".join(f"{w}:*" for w in terms)


def _sqlite_match(terms, column=None, output_field=None) -> RawSQL:
    return RawSQL(  # noqa: S611 (constant SQL, the query is a parameter)
        f"EXISTS (SELECT 1 FROM {FTS_TABLE} WHERE {FTS_TABLE}.rowid = {INDEX_TABLE}.page_id "  # noqa: S608
        f"AND {FTS_TABLE} MATCH %s)",
        [_fts5_query(terms, column)],
        output_field=output_field or BooleanField(),
    )


def match_q(terms: list[str]) -> Q:
    """A filter: the listing matches every word."""
    if connection.vendor == "postgresql":
        return Q(
            RawSQL(  # noqa: S611 (constant SQL, the query is a parameter)
                f"{INDEX_TABLE}.search_vector @@ to_tsquery('simple', %s)",  # noqa: S608
                [_pg_query(terms)],
                output_field=BooleanField(),
            )
        )
    return Q(_sqlite_match(terms))


def relevance(terms: list[str]):
    """A per-row weight: 4 when the name matches, 2 the summary, 1 the description."""
    if connection.vendor == "postgresql":
        return RawSQL(  # noqa: S611 (constant SQL, the query is a parameter)
            f"ts_rank('{{0.1, 0.2, 0.4, 1.0}}', {INDEX_TABLE}.search_vector, "  # noqa: S608
            "to_tsquery('simple', %s), 0)",
            [_pg_query(terms)],
            output_field=FloatField(),
        )
    return ExpressionWrapper(
        _sqlite_match(terms, "title", IntegerField()) * 4
        + _sqlite_match(terms, "summary", IntegerField()) * 2
        + _sqlite_match(terms, "description", IntegerField()),
        output_field=FloatField(),
    )


def write(rows: list[tuple[int, str, str, str]]) -> None:
    """Replace the text of these listings: [(page_id, title, summary, description)]."""
    if not rows:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.executemany(
                f"UPDATE {INDEX_TABLE} SET search_vector = "  # noqa: S608
                "setweight(to_tsvector('simple', %s), 'A') || "
                "setweight(to_tsvector('simple', %s), 'B') || "
                "setweight(to_tsvector('simple', %s), 'C') WHERE page_id = %s",
                [(t, s, d, pk) for pk, t, s, d in rows],
            )
            return
        cursor.executemany(
            f"DELETE FROM {FTS_TABLE} WHERE rowid = %s",  # noqa: S608
            [(pk,) for pk, *_rest in rows],
        )
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE} (rowid, title, summary, description) "  # noqa: S608
            "VALUES (%s, %s, %s, %s)",
            rows,
        )


def delete(page_ids: list[int]) -> None:
    if connection.vendor == "postgresql" or not page_ids:
        return  # the column goes with its row
    with connection.cursor() as cursor:
        cursor.executemany(
            f"DELETE FROM {FTS_TABLE} WHERE rowid = %s",  # noqa: S608
            [(pk,) for pk in page_ids],
        )


def clear() -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")  # noqa: S608


# Used by migration 0003.
def create_schema(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
            "title, summary, description, tokenize = 'unicode61 remove_diacritics 2')"
        )
    elif vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {INDEX_TABLE} ADD COLUMN search_vector tsvector")
        schema_editor.execute(
            f"CREATE INDEX listingindex_fts_idx ON {INDEX_TABLE} USING gin (search_vector)"
        )


def drop_schema(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS listingindex_fts_idx")
        schema_editor.execute(f"ALTER TABLE {INDEX_TABLE} DROP COLUMN IF EXISTS search_vector")
