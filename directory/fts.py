"""Full-text search beside the listing index, one implementation per database.

SQLite: an FTS5 virtual table `directory_listingfts(title, summary, description, places)`
whose rowid is the listing's page id; `places` holds a token for the listing's 10 km grid
square ("g5610017") and one per council it covers ("e06000034"), so a keyword search is
narrowed by geography inside the full-text engine: the match runs once per search over
small doclists, never once per row (FTS5 re-reads a term's whole doclist each time a
cursor opens, which is what made per-row matching and relevance quadratic).
PostgreSQL: a weighted `tsvector` column `search_vector` on directory_listingindex with
a GIN index (title A, summary B, description C); the match is a cheap per-row test on
the rows the geographic index finds.

Both stem English words (porter / the 'english' configuration): "gardening" finds
"garden". Relevance: 4 when the name holds a word, 2 the summary, 1 the description
(SQLite; PostgreSQL's ts_rank with the same weights)."""

import re

from django.db import connection
from django.db.models import BooleanField, FloatField, IntegerField, Q, Value
from django.db.models.expressions import RawSQL

from . import bulk

FTS_TABLE = "directory_listingfts"
INDEX_TABLE = "directory_listingindex"
_WORD = re.compile(r"[^\W_]+")
MAX_WORDS = 8


def words(text: str) -> list[str]:
    """The search words in what a visitor typed: letters and digits only, at most 8."""
    return [w.lower() for w in _WORD.findall(text or "")][:MAX_WORDS]


def place_tokens(*, cell: int, councils) -> str:
    return " ".join([f"g{cell}", *(code.lower() for code in councils)])


def _fts5_query(terms: list[str], cells, council_code: str) -> str:
    text = " AND ".join(f'"{w}"' for w in terms)
    places = " OR ".join([*(f'"g{c}"' for c in cells), f'"{council_code.lower()}"'])
    return f"{{title summary description}} : ({text}) AND places : ({places})"


def match_q(terms: list[str], *, cells, council_code: str) -> Q:
    """A filter: the listing holds every word (and, on SQLite, is in one of these grid
    squares or covers this council: the geographic part of the search)."""
    if connection.vendor == "postgresql":
        return Q(
            RawSQL(  # noqa: S611 (constant SQL, the words are a parameter)
                f"{INDEX_TABLE}.search_vector @@ plainto_tsquery('english', %s)",  # noqa: S608
                [" ".join(terms)],
                output_field=BooleanField(),
            )
        )
    return Q(
        RawSQL(  # noqa: S611 (constant SQL, the query is a parameter)
            f"{INDEX_TABLE}.page_id IN (SELECT rowid FROM {FTS_TABLE} "  # noqa: S608
            f"WHERE {FTS_TABLE} MATCH %s)",
            [_fts5_query(terms, cells, council_code)],
            output_field=BooleanField(),
        )
    )


def relevance(terms: list[str]):
    """A per-row weight for the rows already matched (cheap: no full-text cursor)."""
    if connection.vendor == "postgresql":
        return RawSQL(  # noqa: S611 (constant SQL, the words are a parameter)
            f"ts_rank('{{0.1, 0.2, 0.4, 1.0}}', {INDEX_TABLE}.search_vector, "  # noqa: S608
            "plainto_tsquery('english', %s))",
            [" ".join(terms)],
            output_field=FloatField(),
        )
    score = Value(0, output_field=IntegerField())
    for term in terms:
        like = f"%{term}%"
        score = score + RawSQL(  # noqa: S611 (constant SQL, the word is a parameter)
            f"(CASE WHEN {INDEX_TABLE}.title LIKE %s THEN 4 ELSE 0 END + "  # noqa: S608
            f"CASE WHEN {INDEX_TABLE}.summary LIKE %s THEN 2 ELSE 0 END)",
            [like, like],
            output_field=IntegerField(),
        )
    return score


def write(rows: list[tuple[int, str, str, str, str]]) -> None:
    """Replace the text of these listings: [(page_id, title, summary, description, places)]."""
    if not rows:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and len(rows) > 1000:
            _write_postgresql_bulk(cursor, rows)
            return
        if connection.vendor == "postgresql":
            cursor.executemany(
                f"UPDATE {INDEX_TABLE} SET search_vector = "  # noqa: S608
                "setweight(to_tsvector('english', %s), 'A') || "
                "setweight(to_tsvector('english', %s), 'B') || "
                "setweight(to_tsvector('english', %s), 'C') WHERE page_id = %s",
                [(t, s, d, pk) for pk, t, s, d, _places in rows],
            )
            return
        cursor.executemany(
            f"DELETE FROM {FTS_TABLE} WHERE rowid = %s",  # noqa: S608
            [(row[0],) for row in rows],
        )
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE} (rowid, title, summary, description, places) "  # noqa: S608
            "VALUES (%s, %s, %s, %s, %s)",
            rows,
        )


def _write_postgresql_bulk(cursor, rows) -> None:
    """Many rows at once: COPY the text into a temporary table, then one UPDATE."""
    cursor.execute(
        "CREATE TEMPORARY TABLE listing_text (page_id integer PRIMARY KEY, title text, "
        "summary text, description text)"
    )
    bulk.insert_values(
        "listing_text", "page_id, title, summary, description", (row[:4] for row in rows)
    )
    cursor.execute(
        f"UPDATE {INDEX_TABLE} AS li SET search_vector = "  # noqa: S608
        "setweight(to_tsvector('english', t.title), 'A') || "
        "setweight(to_tsvector('english', t.summary), 'B') || "
        "setweight(to_tsvector('english', t.description), 'C') "
        "FROM listing_text AS t WHERE li.page_id = t.page_id"
    )
    cursor.execute("DROP TABLE listing_text")


def optimize() -> None:
    """Merge the full-text index into one segment (after a bulk load)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")  # noqa: S608


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


# Used by migrations.
def create_schema(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
            "title, summary, description, places, "
            "tokenize = 'porter unicode61 remove_diacritics 2')"
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
