"""The bulk import from the command line (the same dry run and modes as the admin screen)."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from providers.imports import services
from providers.imports.readers import FileProblem, read


class Command(BaseCommand):
    help = (
        "Import listings from a CSV (docs/import-format.md) or an ORUK/HSDS JSON feed. "
        "Prints the dry run; writes only with --apply."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--apply", action="store_true", help="Import (default: dry run only).")
        parser.add_argument("--publish", action="store_true", help="Publish (default: drafts).")
        parser.add_argument(
            "--valid-rows",
            action="store_true",
            help="Import the valid rows even if some are bad (default: all or nothing).",
        )
        parser.add_argument("--user", help="Username recorded on the revisions.")

    def handle(self, *args, file, apply, publish, valid_rows, user=None, **options):
        path = Path(file)
        try:
            parsed = read(path.read_bytes(), filename=path.name)
        except (OSError, FileProblem) as problem:
            raise CommandError(str(problem)) from None
        result = services.plan(parsed, publish=publish)
        for notice in result.notices:
            self.stdout.write(notice)
        where = "item" if result.format == "json" else "line"  # as the admin screen says
        for item in result.errors:
            for field, message in item.row.problems:
                self.stdout.write(f"{where} {item.row.line}: {field or 'row'} {message}")
        counts = result.counts
        summary = (
            f"{counts['create']} to create, {counts['update']} to update, "
            f"{counts['unchanged']} unchanged, {counts['error']} bad"
        )
        if not apply:
            self.stdout.write(f"Dry run: {summary}.")
            return
        account = get_user_model().objects.filter(username=user).first() if user else None
        mode = services.VALID_ROWS if valid_rows else services.ALL_OR_NOTHING
        try:
            services.apply(parsed, mode=mode, publish=publish, user=account)
        except services.NothingImported:
            raise CommandError(f"Nothing imported: some rows are bad ({summary}).") from None
        self.stdout.write(self.style.SUCCESS(f"Imported: {summary}."))
