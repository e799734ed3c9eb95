"""Time the Open Referral API's list endpoints on the database in DATABASE_URL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/care_bench .venv/bin/python bench/api.py
    # build the listings first with bench/seed.py 100000 (needs the full postcode table)

Requests go through Django's full stack in-process (middleware, view, serialisation, JSON),
with the response cache OFF (every request reaches the database) and then ON (a repeat of
the same URL). Prints p50/p95/max per query shape; the target is p95 under 50 ms per page
at 100,000 providers."""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import host  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=40, help="requests per query shape")
    parser.add_argument("--seed", type=int, default=2026)
    return parser.parse_args()


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def main():
    args = parse_args()
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.test import Client
    from django.test.utils import override_settings

    from directory.openreferral.taxonomy import Taxonomies
    from providers.geography.models import Postcode
    from providers.selectors import visible_listings

    rng = random.Random(args.seed)
    visible = visible_listings().count()
    total_pages = max(1, visible // 50)
    terms = [t.id for t in Taxonomies().terms]
    postcodes = list(
        Postcode.objects.filter(
            postcode__in=visible_listings().values("base_postcode")[:2000]
        ).values_list("postcode", flat=True)
    ) or ["RM17 5SW"]
    shapes = {
        "services page 1": lambda: {},
        "services random page": lambda: {"page": rng.randint(1, total_pages)},
        "services per_page=200": lambda: {
            "per_page": 200,
            "page": rng.randint(1, max(1, visible // 200)),
        },
        "services text": lambda: {"text": rng.choice(["care", "garden", "support", "friends"])},
        "services taxonomy_term_id": lambda: {"taxonomy_term_id": rng.choice(terms)},
        "services modified_after": lambda: {"modified_after": "2026-01-01"},
        "services postcode (coverage)": lambda: {"postcode": rng.choice(postcodes)},
        "services postcode+proximity 5km": lambda: {
            "postcode": rng.choice(postcodes),
            "proximity": 5000,
        },
        "service_at_locations page 1": lambda: {},
        "service_at_locations postcode": lambda: {"postcode": rng.choice(postcodes)},
        "taxonomy_terms": lambda: {},
    }
    client = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else "localhost")
    print(
        f"{visible:,} visible listings ({settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}); "
        f"{host.describe()}"
    )
    print(f"{'query':36} {'mode':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'items':>6}")
    # One untimed request per endpoint first: the process's first request imports and
    # builds what every later one reuses (URL resolvers, Wagtail's site root paths).
    with override_settings(API_CACHE_SECONDS=0, API_COUNT_CACHE_SECONDS=0):
        for endpoint in ("services", "service_at_locations", "taxonomy_terms"):
            client.get(f"/api/openreferral/{endpoint}")
    # cold: no cache at all (every request counts and reads); paging: counts cached (a
    # client paging through one result set), responses not; repeat: the same URL again.
    modes = {"cold": (0, 0), "paging": (0, 60), "repeat": (60, 60)}
    worst = {}
    for mode, (response_seconds, count_seconds) in modes.items():
        with override_settings(
            API_CACHE_SECONDS=response_seconds, API_COUNT_CACHE_SECONDS=count_seconds
        ):
            cache.clear()
            for name, make in shapes.items():
                endpoint = name.split()[0]
                times, items = [], 0
                params = make()
                if mode == "paging":  # one filter, many pages: count once
                    client.get(f"/api/openreferral/{endpoint}", params)
                for _ in range(args.repeat):
                    if mode == "cold":
                        params = make()
                    elif mode == "paging":
                        params = {**params, "page": rng.randint(1, 20)}
                    start = time.perf_counter()
                    response = client.get(f"/api/openreferral/{endpoint}", params)
                    times.append((time.perf_counter() - start) * 1000)
                    assert response.status_code == 200, (name, params, response.content[:200])
                    items = len(response.json()["contents"])
                p95 = percentile(times, 95)
                worst[mode] = max(worst.get(mode, 0), p95)
                print(
                    f"{name:36} {mode:>6} {statistics.median(times):8.1f} "
                    f"{p95:8.1f} {max(times):8.1f} {items:6}"
                )
    for mode, value in worst.items():
        print(f"worst p95 ({mode}): {value:.1f} ms (target < 50 ms)")
    print(f"at the end, {host.describe()}")


if __name__ == "__main__":
    main()
