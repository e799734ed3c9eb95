"""Time the public profile page and count its queries (figures printed, never asserted).

    .venv/bin/python bench/profile_page.py [renders]

Builds a throwaway test database (SQLite unless DATABASE_URL is set), one fully filled-in
listing (every vocabulary, 3 councils, 4 badges, 6 photos), then renders its profile
`renders` times through the Django test client (after one warm-up render that makes the
photo renditions) and prints the median and 95th-percentile time and the query count."""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")


def main(renders: int) -> None:
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    test_db = connection.creation.create_test_db(verbosity=0, keepdb=False)
    try:
        from django.test import Client

        from tests import builders
        from tests.conftest import THURROCK_POSTCODES
        from tests.providers.test_profile_page import _add_photos

        for pc, e, n, d in THURROCK_POSTCODES:
            builders.build_postcode(postcode=pc, easting=e, northing=n, district_code=d)
        home = builders.build_home()
        directory = builders.build_directory(home=home)
        page = builders.build_provider(
            directory=directory,
            support_kinds=["personal-care", "transport", "pets"],
            audiences=["older-people", "autistic-people"],
            access_features=["bsl", "home-based"],
            languages=["pl", "pa", "cy"],
            payment_methods=["direct-payment", "self-funded"],
            councils=["E06000034", "E10000012", "E06000033"],
            availability=0b1010101010101010101010101010,
        )
        for kind in ("dbs", "insurance", "regulator", "quality_scheme"):
            builders.build_check(page=page, kind=kind, reference="1-000000001")
        _add_photos(page, 6)

        client = Client()
        client.get(page.url)  # warm-up: renditions, template loading
        timings = []
        for _ in range(renders):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(page.url)
                timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
        timings.sort()
        p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
        print(f"database: {connection.vendor}")
        print(f"renders: {renders}")
        print(f"median ms: {statistics.median(timings):.1f}")
        print(f"p95 ms: {p95:.1f}")
        print(f"queries per render: {len(queries.captured_queries)}")
    finally:
        connection.creation.destroy_test_db(test_db, verbosity=0)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
