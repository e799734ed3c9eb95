"""A minimal bulk builder of N live listings for bench/api.py (when bench/seed.py from the
search work is not available): Wagtail page rows with treebeard paths, ProviderPage rows
and vocabulary/council links, written in bulk; no revisions. Bench databases only.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/care_opendata \\
        .venv/bin/python bench/api_seed.py 100000   # needs manage.py load_postcodes

Deterministic from --seed: real postcodes (England and Wales), a quarter with premises,
one in ten Shared Lives, plausible prices and vocabularies; a few percent unconfirmed for
over a year (hidden)."""

import argparse
import os
import random
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

NAMES = ["Willow", "Riverside", "Meadow", "Beacon", "Orchard", "Compass", "Kindly", "Hearth"]
KINDS = ["Care", "Support", "Companions", "Home Help", "Friends", "Wellbeing"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        sys.exit("set DATABASE_URL to a bench database")
    import django

    django.setup()
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from home.demo import seed_site
    from providers.geography.models import Council, Postcode
    from providers.models import (
        AccessFeature,
        Audience,
        Language,
        PaymentMethod,
        ProviderPage,
        SupportKind,
    )
    from providers.selectors import directory_root

    rng = random.Random(args.seed)
    start = time.perf_counter()
    seed_site()
    parent = directory_root()
    ProviderPage.objects.all().delete() if ProviderPage.objects.count() < 1000 else None
    with connection.cursor() as cursor:
        for table in [
            f.remote_field.through._meta.db_table for f in ProviderPage._meta.many_to_many
        ]:
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608
        cursor.execute("DELETE FROM providers_providerpage")
    Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).delete()
    parent.refresh_from_db()
    postcodes = list(
        Postcode.objects.filter(district__gss_code__regex=r"^[EW]")
        .order_by("?")[: args.n]
        .values_list("postcode", "easting", "northing", "district_id")
    )
    districts = {
        d.pk: d
        for d in __import__(
            "providers.geography.models", fromlist=["District"]
        ).District.objects.select_related("council")
    }
    councils = list(Council.objects.values_list("pk", flat=True))
    vocab = {
        "support_kinds": list(SupportKind.objects.values_list("pk", flat=True)),
        "audiences": list(Audience.objects.values_list("pk", flat=True)),
        "access_features": list(AccessFeature.objects.values_list("pk", flat=True)),
        "languages": list(Language.objects.values_list("pk", flat=True)),
        "payment_methods": list(PaymentMethod.objects.values_list("pk", flat=True)),
    }
    content_type = ContentType.objects.get_for_model(ProviderPage)
    locale = Locale.get_default()
    now = timezone.now()
    with transaction.atomic():
        pages = []
        for i in range(args.n):
            postcode, _e, _n, _d = postcodes[i % len(postcodes)]
            title = f"{rng.choice(NAMES)} {rng.choice(KINDS)} {i + 1}"
            slug = f"bench-{i + 1}"
            pages.append(
                Page(
                    path=Page._get_path(parent.path, parent.depth + 1, i + 1),
                    depth=parent.depth + 1,
                    numchild=0,
                    translation_key=uuid.UUID(int=rng.getrandbits(128), version=4),
                    locale=locale,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now - timedelta(days=rng.randint(0, 700)),
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    url_path=f"{parent.url_path}{slug}/",
                )
            )
        Page.objects.bulk_create(pages, batch_size=5000)
        Page.objects.filter(pk=parent.pk).update(numchild=args.n)
        ids = list(
            Page.objects.filter(depth=parent.depth + 1, path__startswith=parent.path)
            .order_by("path")
            .values_list("pk", flat=True)
        )
        columns = [
            "page_ptr_id",
            "kind",
            "summary",
            "description",
            "price_per_hour",
            "price_per_session",
            "price_per_night",
            "price_note",
            "availability",
            "taking_new_people",
            "base_postcode",
            "easting",
            "northing",
            "district_code",
            "council_code",
            "region_code",
            "town",
            "area_label",
            "premises_address",
            "travel_radius_miles",
            "phone",
            "show_phone",
            "website",
            "email",
            "show_email",
            "last_confirmed_at",
            "external_id",
        ]
        rows, links = [], {key: [] for key in [*vocab, "councils_covered"]}
        for i, pk in enumerate(ids):
            postcode, e, n, d = postcodes[i % len(postcodes)]
            district = districts.get(d)
            council = district.council if district else None
            outward = postcode.split()[0]
            shared = rng.random() < 0.1
            premises = (
                ""
                if shared or rng.random() < 0.75
                else f"{rng.randint(1, 200)} High Street\n{postcode}"
            )
            rows.append(
                (
                    pk,
                    "shared_lives" if shared else "micro_enterprise",
                    "Friendly support at home and out and about.",
                    "<p>Experienced and insured.</p>",
                    f"{rng.randint(15, 35)}.{rng.choice(['00', '50'])}",
                    None,
                    None,
                    "",
                    rng.getrandbits(28),
                    True,
                    postcode,
                    e,
                    n,
                    d,
                    council.pk if council else "",
                    council.region_code if council else "",
                    district.name if district else "",
                    f"{district.name if district else ''} ({outward})",
                    premises,
                    rng.choice([None, 5, 10, 15, 25]),
                    "01234 567890",
                    rng.random() < 0.5,
                    "",
                    "",
                    False,
                    now - timedelta(days=rng.randint(0, 380)),
                    "",
                )
            )
            for key, pks in vocab.items():
                for term in rng.sample(pks, k=min(len(pks), rng.randint(0, 3))):
                    links[key].append((pk, term))
            if rng.random() < 0.3:
                links["councils_covered"].append((pk, rng.choice(councils)))
        placeholders = ", ".join(["%s"] * len(columns))
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO providers_providerpage ({', '.join(columns)}) VALUES ({placeholders})",  # noqa: S608
                rows,
            )
            for field in ProviderPage._meta.many_to_many:
                through = field.remote_field.through
                a, b = [f.column for f in through._meta.local_fields if f.column != "id"]
                cursor.executemany(
                    f"INSERT INTO {through._meta.db_table} ({a}, {b}) VALUES (%s, %s)",  # noqa: S608
                    links[field.name],
                )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"{args.n:,} listings in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
