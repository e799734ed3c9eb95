"""Search page timings at scale: the page through the Django test client against the raw
SQL of the same search, for random real postcodes, with and without filters and keywords.

    DATABASE_URL=sqlite:////work/wt-search/var/bench.sqlite3 .venv/bin/python bench/search.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/care_search_bench .venv/bin/python bench/search.py

Run bench/seed.py first. Prints, per scenario: median and p95 page time, median and p95
of the search's own SQL (the statements results_page runs: ids with the count, rows,
badges; executed raw on a cursor), the ratio of the
medians, queries per page (min-max) and results per search (median, max)."""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import host  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

SCENARIOS = {
    "postcode only, 10 miles": {"distance": "10"},
    "3 filters (support, pay, new)": {
        "distance": "10",
        "support": "personal-care",
        "pay": "direct-payment",
        "new": "on",
    },
    "day + time + max price, price sort": {
        "distance": "5",
        "day": ["sat", "sun"],
        "time": "evening",
        "max_price": "25",
        "sort": "price",
    },
    "keyword, rare (dementia)": {"distance": "10", "q": "dementia"},
    "keyword, common (care), relevance": {"distance": "25", "q": "care", "sort": "relevance"},
    "outward code only, 25 miles": {"distance": "25", "outward": True},
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postcodes", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    return parser.parse_args()


def pick_postcodes(n, rng):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT postcode FROM geography_postcode WHERE (district_code LIKE 'E%%' OR "
            "district_code LIKE 'W%%') AND postcode LIKE %s ORDER BY postcode",
            ["%7AB"],
        )
        rows = [r[0] for r in cursor.fetchall()]
    return rng.sample(rows, n)


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def main():
    args = parse_args()
    import django

    django.setup()
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from directory import selectors
    from directory.forms import SearchForm
    from directory.models import ListingIndex
    from directory.views import PER_PAGE

    rng = random.Random(args.seed)
    postcodes = pick_postcodes(args.postcodes, rng)
    client = Client()
    client.get("/find-support/?postcode=" + postcodes[0])  # warm up
    print(
        f"{ListingIndex.objects.count():,} listings in the index on {connection.vendor}; "
        f"{len(postcodes)} random postcodes; {host.describe()}"
    )
    print(
        f"{'scenario':<38} {'page ms':>15} {'search SQL ms':>15} {'ratio':>6} "
        f"{'queries':>8} {'results':>10}"
    )
    for name, params in SCENARIOS.items():
        page_ms, sql_ms, queries, counts = [], [], [], []
        for postcode in postcodes:
            query = {k: v for k, v in params.items() if k != "outward"}
            query["postcode"] = postcode.split(" ")[0] if params.get("outward") else postcode
            url = "/find-support/?" + urlencode(query, doseq=True)

            started = time.perf_counter()
            response = client.get(url)
            page_ms.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)

            if len(queries) < 20:  # queries per page: counted on the first 20 searches
                with CaptureQueriesContext(connection) as captured:
                    client.get(url)
                queries.append(len(captured.captured_queries))
                reset_queries()

            # The same search's SQL, executed raw: the count and the first page of rows.
            form = SearchForm(_querydict(query), vocab=selectors.vocabularies())
            assert form.is_valid(), form.errors
            qs = selectors.search_listings(**form.search_arguments())
            with CaptureQueriesContext(connection) as search_sql:
                result = selectors.results_page(search=qs, per_page=PER_PAGE)
            statements = [q["sql"] for q in search_sql.captured_queries]
            started = time.perf_counter()
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)
                    cursor.fetchall()
            sql_ms.append((time.perf_counter() - started) * 1000)
            counts.append(result.paginator.count)
        ratio = statistics.median(page_ms) / statistics.median(sql_ms)
        print(
            f"{name:<38} {statistics.median(page_ms):6.1f} p95 {pct(page_ms, 95):5.1f} "
            f"{statistics.median(sql_ms):6.1f} p95 {pct(sql_ms, 95):5.1f} {ratio:6.1f} "
            f"{min(queries):>3}-{max(queries):<4} {statistics.median(counts):>5.0f} "
            f"max {max(counts)}"
        )
    print(f"at the end, {host.describe()}")


def _querydict(query):
    from django.http import QueryDict

    qd = QueryDict(mutable=True)
    for key, value in query.items():
        if isinstance(value, list):
            qd.setlist(key, value)
        else:
            qd[key] = value
    return qd


if __name__ == "__main__":
    main()
