"""Delete everything the app stored, so that `migrate thidua_wagtail zero` leaves a consistent site."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Page

from thidua_wagtail.models import Award, Nomination, OfficialDocument, Organisation, OrganisationSettings, Unit
from thidua_wagtail.pagetypes import app_page_types


class Command(BaseCommand):
    help = ("Delete the app's pages (in every language, with their revisions), nominations, official documents, "
            "awards, units and organisation settings, before `migrate thidua_wagtail zero`. Images and files in "
            "Wagtail's libraries are kept. Asks for --yes.")

    def add_arguments(self, parser):
        parser.add_argument("--yes", action="store_true", help="Really delete.")

    def handle(self, *args, yes, **options):
        pages = Page.objects.type(*app_page_types())
        counts = {
            "pages": pages.count(),
            "nominations": Nomination.objects.count(),
            "documents": OfficialDocument.objects.count(),
            "awards": Award.objects.count(),
            "units": Unit.objects.count(),
        }
        summary = ", ".join(f"{n} {name}" for name, n in counts.items())
        if not yes:
            raise CommandError(f"This would delete {summary}. Run again with --yes to delete them.")
        with transaction.atomic():
            # Delete from the top: a section takes its pages (and their translations' trees) with it.
            for page in pages.order_by("depth"):
                page = Page.objects.filter(pk=page.pk).first()  # may already be gone with its parent
                if page is not None:
                    page.delete()
            Nomination.objects.all().delete()
            OfficialDocument.objects.all().delete()
            # Units and awards are referenced by each other (parent unit) and by nothing else now.
            Unit.objects.update(parent=None)
            Unit.objects.all().delete()
            Award.objects.all().delete()
            OrganisationSettings.objects.all().delete()
            Organisation.objects.all().delete()
        self.stdout.write(self.style.SUCCESS(f"Deleted {summary}."))
        self.stdout.write("Next: python manage.py migrate thidua_wagtail zero; then remove the app's settings and URLs.")
