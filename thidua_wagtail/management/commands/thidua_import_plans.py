"""Import a folder (or a list) of plan files as draft campaigns."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from tqdm import tqdm

from thidua_wagtail.models import CampaignIndexPage
from thidua_wagtail.plans import PlanReadError
from thidua_wagtail.plans.drafts import PlanImportError, import_plan_file

PATTERNS = ("*.docx", "*.txt")


class Command(BaseCommand):
    help = (
        "Import plans (.docx or UTF-8 .txt) as draft campaigns with their documents. "
        "Give files or folders; folders are searched for .docx and .txt files."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Plan files or folders of plans.")
        parser.add_argument("--parent", type=int, help="ID of the campaign list page to create the drafts under.")
        parser.add_argument("--issuing-body", default="", help="Issuing body when a plan's letterhead names none.")
        parser.add_argument("--no-movements", action="store_true",
                            help="Do not create draft sub-campaigns for the movements quoted in a plan.")

    def handle(self, *args, paths, parent, issuing_body, no_movements, verbosity, **options):
        parent_page = self.get_parent(parent)
        files = self.collect(paths)
        if not files:
            raise CommandError("No .docx or .txt files found in: " + ", ".join(paths))
        imported, failed = [], []
        bar = tqdm(files, unit="plan", file=self.stderr, disable=verbosity == 0, dynamic_ncols=True)
        for path in bar:
            bar.set_postfix_str(path.name[:40])
            try:
                result, _plan = import_plan_file(path.name, path.read_bytes(), parent=parent_page,
                                                 issuing_body=issuing_body, create_movements=not no_movements)
            except (PlanReadError, PlanImportError, OSError, DatabaseError) as error:
                failed.append((path, str(error)))
                continue
            imported.append((path, result))
        bar.close()
        for path, result in imported:
            line = f"  ✓ {path.name}: {result.document.number} → draft “{result.campaign.title}” (id {result.campaign.pk})"
            if result.sub_campaigns:
                line += f", {len(result.sub_campaigns)} sub-campaign(s)"
            self.stdout.write(line)
            for part in result.unplaced:
                self.stdout.write(self.style.WARNING(f"      not placed (kept in the content): {part}"))
        for path, reason in failed:
            self.stdout.write(self.style.ERROR(f"  ✗ {path.name}: {reason}"))
        self.stdout.write(f"{len(imported)} imported, {len(failed)} failed, of {len(files)} file(s).")
        if failed:
            raise CommandError(f"{len(failed)} of {len(files)} plan(s) were not imported (see above).")

    def get_parent(self, parent):
        if parent is not None:
            page = CampaignIndexPage.objects.filter(pk=parent).first()
            if page is None:
                raise CommandError(f"No campaign list page with id {parent}.")
            return page
        indexes = list(CampaignIndexPage.objects.order_by("path")[:2])
        if len(indexes) != 1:
            raise CommandError("Give --parent: the id of the campaign list page "
                               f"({'there are several' if indexes else 'there is none yet'}).")
        return indexes[0]

    def collect(self, paths):
        files = []
        for value in paths:
            path = Path(value)
            if path.is_dir():
                files.extend(sorted(p for pattern in PATTERNS for p in path.rglob(pattern)))
            elif path.is_file():
                files.append(path)
            else:
                raise CommandError(f"No such file or folder: {value}")
        return files
