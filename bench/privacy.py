"""How long a view restriction on the whole directory takes to apply and to lift, on the
database in DATABASE_URL (build it with bench/seed.py first). The search index follows
privacy changes (directory.services.reindex_under): restricting removes every listing
below the page from it, lifting indexes them all again in bulk. The database is left as
it was found (unrestricted, every listing indexed).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/care_search_bench .venv/bin/python bench/privacy.py

Prints the seconds each step took, as a moderator's request would spend them (the index
follows after the restriction's own commit), with the host's speed."""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import host  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")


def main():
    import django

    django.setup()
    from django.db import connection, transaction
    from wagtail.models import PageViewRestriction

    from directory.models import DirectoryPage, ListingIndex

    directory = DirectoryPage.objects.first()
    if directory is None or PageViewRestriction.objects.filter(page=directory).exists():
        sys.exit("needs an unrestricted directory page: run bench/seed.py first")
    indexed = ListingIndex.objects.count()
    print(f"{indexed:,} listings indexed ({connection.vendor}); {host.describe()}")

    started = time.perf_counter()
    with transaction.atomic():  # the index follows on commit, as after an admin request
        restriction = PageViewRestriction.objects.create(page=directory, restriction_type="login")
    print(
        f"restrict the directory: {time.perf_counter() - started:.1f} s "
        f"({ListingIndex.objects.count():,} left in the index)"
    )
    started = time.perf_counter()
    with transaction.atomic():
        restriction.delete()
    print(
        f"lift the restriction:   {time.perf_counter() - started:.1f} s "
        f"({ListingIndex.objects.count():,} in the index)"
    )
    print(f"at the end, {host.describe()}")


if __name__ == "__main__":
    main()
