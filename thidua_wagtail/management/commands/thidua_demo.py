from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from thidua_wagtail.demo import load_demo


class Command(BaseCommand):
    help = (
        "Load demo content drawn from Kế hoạch số 60/KH-KHCN under the default site's home page: "
        "units, awards, documents, campaigns, exemplary profiles and news. Safe to run again."
    )

    def handle(self, *args, **options):
        if not Site.objects.filter(is_default_site=True).exists():
            raise CommandError("No default site: create a Wagtail site (and its home page) first.")
        report = load_demo()
        self.stdout.write(
            self.style.SUCCESS(f"Demo content: {len(report.created)} created, {report.existing} already present.")
        )
