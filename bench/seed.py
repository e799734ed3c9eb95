"""Build N live provider listings fast, for benchmarks, on the database in DATABASE_URL.

    DATABASE_URL=sqlite:////work/wt-search/var/bench.sqlite3 .venv/bin/python bench/seed.py 100000

Needs migrations and the full postcode table (`manage.py load_postcodes`). Replaces every
listing already there (bench databases only: it refuses to run without DATABASE_URL).

What it writes, in bulk and honestly: Wagtail page rows with precomputed treebeard paths,
ProviderPage rows, the vocabulary and council many-to-many rows, and the directory's
search index through the same functions the publish signal uses
(directory.services.index_values / fts_row, directory.fts.write), then ANALYZE (on PostgreSQL
VACUUM FULL too, as rebuild_listing_index does after its rewrite). It writes no
revisions and no Wagtail search or reference index entries: the public search reads
only directory.ListingIndex and its full text, and listings reference nothing.

Deterministic from --seed: real postcodes in England and Wales (sampled in proportion to
postcodes, so to where people live), plausible names, prices, hours and vocabularies,
confirmation dates spread over 400 days (so some are stale and some hidden)."""

import argparse
import os
import random
import sys
import time
import uuid
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of listings")
    parser.add_argument("--seed", type=int, default=2026)
    return parser.parse_args()


def sample_postcodes(cursor, n, rng):
    """n postcodes in England and Wales, uniformly over postcodes, deterministic."""
    cursor.execute(
        "SELECT COUNT(*) FROM geography_postcode WHERE district_code LIKE 'E%%' "
        "OR district_code LIKE 'W%%'"
    )
    total = cursor.fetchone()[0]
    if total < n:
        sys.exit(f"only {total} postcodes loaded: run manage.py load_postcodes first")
    # A deterministic subset chosen in SQL by the inward code's last letter (unrelated
    # to place), so that only a fraction of the 2.7 million rows reach Python.
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    share = min(len(letters), max(1, round(n * 1.5 / total * len(letters))))
    subset = " OR ".join(f"postcode LIKE '%%{c}'" for c in letters[:share])
    cursor.execute(
        "SELECT postcode, easting, northing, district_code FROM geography_postcode "  # noqa: S608
        f"WHERE (district_code LIKE 'E%%' OR district_code LIKE 'W%%') AND ({subset}) "
        "ORDER BY postcode"
    )
    keep = min(1.0, n * 1.1 / (total * share / len(letters)))
    chosen = []
    while rows := cursor.fetchmany(50_000):
        chosen.extend(row for row in rows if rng.random() < keep)
    rng.shuffle(chosen)
    return chosen[:n]


def main():
    args = parse_args()
    if "DATABASE_URL" not in os.environ:
        sys.exit("Set DATABASE_URL to a benchmark database (this replaces its listings).")
    import django

    django.setup()
    from django.contrib.contenttypes.models import ContentType
    from django.core.management.color import no_style
    from django.db import connection, transaction
    from django.db.models import Max
    from django.utils import timezone
    from wagtail.models import Locale, Page, Site

    from bench.bulk_insert import delete_listings, insert_rows, insert_through, insert_values
    from bench.seed_words import FIRST, SECOND, SENTENCES, SURNAMES
    from directory import fts
    from directory.bulk import stored_fields
    from directory.models import ListingCouncil, ListingIndex
    from directory.services import (
        VOCABULARY_MASKS,
        analyze,
        forget_cached,
        fts_row,
        index_values,
    )
    from home.demo import seed_site
    from providers import availability as slots
    from providers.geography.models import Council, District, OutwardCode
    from providers.geography.selectors import Location
    from providers.models import (
        AccessFeature,
        Audience,
        Language,
        PaymentMethod,
        ProviderPage,
        SupportKind,
    )
    from providers.services import area_label

    started = time.perf_counter()
    rng = random.Random(args.seed)
    seed_site()
    directory = Page.objects.get(slug="find-support", depth=3).specific
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:  # index inserts into big tables need the cache
            cursor.execute("PRAGMA cache_size = -400000")
    with transaction.atomic():
        delete_listings()
        with connection.cursor() as cursor:
            postcodes = sample_postcodes(cursor, args.n, rng)
    t_sample = time.perf_counter()

    councils = {c.gss_code: c for c in Council.objects.all()}
    districts = {d.gss_code: d for d in District.objects.all()}
    # Listings sit at their outward code's centre, as apply_location places them.
    centres = {
        o: (e, n) for o, e, n in OutwardCode.objects.values_list("outward", "easting", "northing")
    }
    vocab = {
        "support_kinds": list(SupportKind.objects.values_list("pk", "slug", "name")),
        "audiences": list(Audience.objects.values_list("pk", "slug", "name")),
        "access_features": list(AccessFeature.objects.values_list("pk", "slug", "name")),
        "languages": list(Language.objects.values_list("pk", "slug", "name")),
        "payment_methods": list(PaymentMethod.objects.values_list("pk", "slug", "name")),
    }
    bsl = next(pk for pk, slug, _n in vocab["access_features"] if slug == "bsl")
    home_based = next(pk for pk, slug, _n in vocab["access_features"] if slug == "home-based")
    shared_lives_kinds = [pk for pk, slug, _n in vocab["support_kinds"] if "shared-lives" in slug]
    other_kinds = [pk for pk, slug, _n in vocab["support_kinds"] if "shared-lives" not in slug]
    kind_names = {pk: name for pk, _s, name in vocab["support_kinds"]}

    content_type = ContentType.objects.get_for_model(ProviderPage)
    locale = Locale.get_default()
    now = timezone.now()
    next_id = (Page.objects.aggregate(m=Max("pk"))["m"] or 0) + 1
    depth = directory.depth + 1
    page_fields = [f for f in Page._meta.local_concrete_fields]
    listing_fields = [f for f in ProviderPage._meta.local_concrete_fields]
    defaults = {f.attname: f.get_default() for f in page_fields + listing_fields}
    rows, index_rows, text_rows, council_rows = [], [], [], []
    through_rows = {field: [] for field in VOCABULARY_MASKS.values()}
    for i, (postcode, easting, northing, district_code) in enumerate(postcodes):
        district = districts[district_code]
        council = councils[district.council_id]
        easting, northing = centres[postcode.split(" ")[0]]
        shared_lives = rng.random() < 0.08
        if shared_lives:
            title = f"{council.name} Shared Lives {rng.choice(['Scheme', 'Service', 'Network'])}"
        elif rng.random() < 0.4:
            title = f"{rng.choice(SURNAMES)}'s {rng.choice(SECOND)}"
        else:
            title = f"{rng.choice(FIRST)} {rng.choice(SECOND)}"
        terms = {
            "support_kinds": rng.sample(shared_lives_kinds, rng.randint(1, 3))
            if shared_lives
            else rng.sample(other_kinds, rng.randint(1, 4)),
            "audiences": [pk for pk, _s, _n in rng.sample(vocab["audiences"], rng.randint(1, 3))],
            "payment_methods": [
                pk for pk, _s, _n in rng.sample(vocab["payment_methods"], rng.randint(1, 3))
            ],
            "languages": [pk for pk, _s, _n in rng.sample(vocab["languages"], 1)]
            if rng.random() < 0.2
            else [],
            "access_features": ([bsl] if rng.random() < 0.03 else [])
            + ([home_based] if rng.random() < 0.6 else []),
        }
        location = Location(
            postcode=postcode,
            outward=postcode.split(" ")[0],
            easting=easting,
            northing=northing,
            district_code=district_code,
            district_name=district.name,
            council_code=council.gss_code,
            council_name=council.name,
            region_code=council.region_code,
            region_name=council.region_name,
            is_outward_only=False,
        )
        covers_council = shared_lives or rng.random() < 0.3
        radius = (
            None if (covers_council and rng.random() < 0.5) else rng.choice([2, 3, 5, 5, 8, 10, 15])
        )
        kinds = ", ".join(kind_names[pk].lower() for pk in terms["support_kinds"][:2])
        page_id = next_id + i
        row = dict(
            defaults,
            id=page_id,
            page_ptr_id=page_id,
            path=Page._get_path(directory.path, depth, i + 1),
            depth=depth,
            translation_key=uuid.UUID(int=rng.getrandbits(128), version=4),
            locale_id=locale.pk,
            live=True,
            first_published_at=now,
            last_published_at=now,
            title=title,
            draft_title=title,
            slug=f"bench-{page_id}",
            content_type_id=content_type.pk,
            url_path=f"{directory.url_path}bench-{page_id}/",
            kind="shared_lives" if shared_lives else "micro_enterprise",
            summary=f"{kinds.capitalize()} in {council.name}."[:280],
            description="".join(
                f"<p>{s.format(years=rng.randint(2, 30))}</p>" for s in rng.sample(SENTENCES, 3)
            ),
            price_per_hour=None
            if shared_lives and rng.random() < 0.6
            else Decimal(rng.randrange(28, 72)) / 2,
            availability=slots.to_mask(
                rng.sample(slots.SLOTS[:20], rng.randint(3, 12))
                + (rng.sample(slots.SLOTS[20:], 2) if rng.random() < 0.3 else [])
            ),
            taking_new_people=rng.random() < 0.8,
            base_postcode=postcode,
            easting=easting,
            northing=northing,
            district_code=district_code,
            council_code=council.gss_code,
            region_code=council.region_code,
            area_label=area_label(location=location),
            travel_radius_miles=radius,
            last_confirmed_at=now - timedelta(days=rng.randint(0, 400), hours=rng.randint(0, 23)),
        )
        rows.append(row)
        listing = SimpleNamespace(pk=page_id, **row)
        index_rows.append(index_values(page=listing, term_ids=terms))
        text_rows.append(fts_row(listing, councils=[council.gss_code] if covers_council else []))
        for field, ids in terms.items():
            through_rows[field].extend((page_id, pk) for pk in ids)
        if covers_council:
            council_rows.append((page_id, council.gss_code))
    t_build = time.perf_counter()

    with transaction.atomic():
        insert_rows(Page._meta.db_table, page_fields, rows)
        insert_rows(ProviderPage._meta.db_table, listing_fields, rows)
        Page.objects.filter(pk=directory.pk).update(numchild=len(rows))
        for field, pairs in through_rows.items():
            insert_through(field, pairs)
        insert_through("councils_covered", council_rows)
        t_pages = time.perf_counter()
        insert_rows(ListingIndex._meta.db_table, stored_fields(ListingIndex), index_rows)
        insert_values(ListingCouncil._meta.db_table, "listing_id, council_code", council_rows)
        fts.write(text_rows)
        fts.optimize()
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [Page, ListingCouncil]):
                cursor.execute(sql)
    t_index = time.perf_counter()
    # Statistics for the tables written here. Not a database-wide ANALYZE: on SQLite it
    # leaves empty tables (page view restrictions) without statistics, and the planner
    # then drives Wagtail's public() query from 100,000 pages (0.1 s on every page).
    analyze(compact=True)
    with connection.cursor() as cursor:
        # Wagtail's page table too: without statistics PostgreSQL routes /find-support/
        # through a bitmap of all 100,000 page paths (6 ms a request); and then its sites,
        # or SQLite drives the site lookup from the page table (10 ms a request).
        cursor.execute(f"ANALYZE {Page._meta.db_table}")
        cursor.execute(f"ANALYZE {Site._meta.db_table}")
        cursor.execute(f"ANALYZE {ProviderPage._meta.db_table}")
        for field in [*VOCABULARY_MASKS.values(), "councils_covered"]:
            cursor.execute(f"ANALYZE {getattr(ProviderPage, field).through._meta.db_table}")
    forget_cached()
    done = time.perf_counter()
    print(
        f"{len(rows):,} live listings on {connection.vendor}: sample postcodes "
        f"{t_sample - started:.1f} s, build {t_build - t_sample:.1f} s, pages "
        f"{t_pages - t_build:.1f} s, search index {t_index - t_pages:.1f} s, ANALYZE (and VACUUM) "
        f"{done - t_index:.1f} s; total {done - started:.1f} s"
    )


if __name__ == "__main__":
    main()
