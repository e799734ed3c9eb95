"""The moderators' provider listing at national scale: bulk-load N listings under one
directory page, then time the admin listing (plain, deep page, filters, title search,
CSV export) through the Django test client as a moderator. Prints figures.

    .venv/bin/python bench/admin_provider_listing.py --listings 20000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/care_bench .venv/bin/python bench/admin_provider_listing.py

Uses its own SQLite file (var/bench-admin.sqlite3) unless DATABASE_URL is set; the
database is rebuilt on every run."""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB_FILE = ROOT / "var" / "bench-admin.sqlite3"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{DB_FILE}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ["ALLOWED_HOSTS"] = "testserver"

import django  # noqa: E402


def build_database(listings: int, seed: int) -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from providers.models import ProviderCheck, ProviderPage
    from tests import builders

    if connection.vendor == "sqlite":
        connection.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{DB_FILE}{suffix}").unlink(missing_ok=True)
    else:
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    rng = random.Random(seed)
    home = builders.build_home()
    directory = builders.build_directory(home=home)
    builders.build_user(username="bench-moderator", groups=["Moderators"])
    content_type = ContentType.objects.get_for_model(ProviderPage)
    locale = Locale.get_default()
    councils = [("E06000034", "E12000006"), ("E10000012", "E12000006"), ("E08000025", "E12000005")]
    words = ["Care", "Support", "Companions", "Helpers", "Home Help", "Dementia Care", "Friends"]
    now = timezone.now()
    local_fields = ProviderPage._meta.local_concrete_fields
    quote = connection.ops.quote_name
    insert = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 (model metadata)
        quote(ProviderPage._meta.db_table),
        ", ".join(quote(f.column) for f in local_fields),
        ", ".join(["%s"] * len(local_fields)),
    )
    batch = 5000
    with transaction.atomic():
        for start in range(0, listings, batch):
            pages = []
            for n in range(start, min(start + batch, listings)):
                title = f"{rng.choice(words)} {n:06d} {rng.choice(words)}"
                pages.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=f"p{n}",
                        content_type=content_type,
                        locale=locale,
                        path=Page._get_path(directory.path, directory.depth + 1, n + 1),
                        depth=directory.depth + 1,
                        numchild=0,
                        url_path=f"{directory.url_path}p{n}/",
                        live=rng.random() < 0.9,
                        first_published_at=now,
                        last_published_at=now,
                        latest_revision_created_at=now - timedelta(days=rng.randrange(400)),
                    )
                )
            Page.objects.bulk_create(pages)
            rows = []
            for page in pages:
                council, region = rng.choice(councils)
                listing = ProviderPage(
                    page_ptr_id=page.pk,
                    kind=rng.choice(["micro_enterprise"] * 8 + ["shared_lives"]),
                    summary="Personal care and companionship.",
                    council_code=council,
                    region_code=region,
                    easting=rng.randrange(500000, 600000),
                    northing=rng.randrange(150000, 250000),
                    area_label="Grays, Thurrock (RM17)",
                    last_confirmed_at=now - timedelta(days=rng.randrange(400)),
                    price_per_hour=rng.randrange(15, 35),
                )
                rows.append(
                    [
                        f.get_db_prep_save(getattr(listing, f.attname), connection)
                        for f in local_fields
                    ]
                )
            with connection.cursor() as cursor:
                cursor.executemany(insert, rows)
            ProviderCheck.objects.bulk_create(
                ProviderCheck(
                    page_id=page.pk,
                    kind="insurance",
                    expires_on=timezone.localdate() + timedelta(days=rng.randrange(-30, 365)),
                )
                for page in pages
                if rng.random() < 0.5
            )
        Page.objects.filter(pk=directory.pk).update(numchild=listings)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"Loaded {listings:,} listings in {time.perf_counter() - started:.1f} s ({connection.vendor})."
    )


def measure(repeats: int) -> None:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(get_user_model().objects.get(username="bench-moderator"))
    url = "/admin/provider-listings/"
    cases = [
        ("first page", {}),
        ("page 100", {"p": "100"}),
        ("kind + state live", {"kind": "shared_lives", "state": "live"}),
        ("council", {"council": "E08000025"}),
        ("stale", {"stale": "yes"}),
        ("check expiring", {"check_expiring": "yes"}),
        ("search 'dementia'", {"q": "dementia"}),
        ("search 'care' (in most)", {"q": "care"}),
        ("search one title", {"q": "000123"}),
        ("search + council", {"q": "friends", "council": "E06000034"}),
    ]
    # Wall time suffers when the machine is shared; CPU time of this process does not.
    print(f"{'case':<28} {'wall ms':>8} {'cpu ms':>8} {'rows':>6} {'queries':>8}")
    for label, params in cases:
        walls, cpus = [], []
        for _ in range(repeats):
            with CaptureQueriesContext(connection) as queries:
                wall, cpu = time.perf_counter(), time.process_time()
                response = client.get(url, params)
                walls.append((time.perf_counter() - wall) * 1000)
                cpus.append((time.process_time() - cpu) * 1000)
            assert response.status_code == 200, (label, response.status_code)
        rows = len(response.context_data["object_list"])
        print(
            f"{label:<28} {statistics.median(walls):>8.0f} {statistics.median(cpus):>8.0f} "
            f"{rows:>6} {len(queries.captured_queries):>8}"
        )
    started = time.perf_counter()
    response = client.get(url, {"export": "csv", "council": "E06000034"})
    size = sum(len(chunk) for chunk in response.streaming_content)
    print(f"CSV export, one council: {(time.perf_counter() - started):.1f} s, {size / 1e6:.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listings", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--reuse", action="store_true", help="measure the existing database")
    args = parser.parse_args()
    django.setup()
    if not args.reuse:
        build_database(args.listings, args.seed)
    measure(args.repeats)


if __name__ == "__main__":
    main()
