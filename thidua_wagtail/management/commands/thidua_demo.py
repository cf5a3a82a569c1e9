from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale, Site

from thidua_wagtail.demo import DemoError, load_demo
from thidua_wagtail.demo.translate import translate_demo
from thidua_wagtail.i18n import content_languages, vietnamese_locale
from thidua_wagtail.sections import localized_home


class Command(BaseCommand):
    help = (
        "Load demo content drawn from Kế hoạch số 60/KH-KHCN under the default site's home page: "
        "units, awards, documents, campaigns, exemplary profiles and news, in Vietnamese and, when English "
        "is a content language, in English through wagtail-localize. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-english", action="store_true", help="Load the Vietnamese content only.")

    def handle(self, *args, **options):
        if not Site.objects.filter(is_default_site=True).exists():
            raise CommandError("No default site: create a Wagtail site (and its home page) first.")
        try:
            report = load_demo()
        except DemoError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(f"Demo content: {len(report.created)} created, {report.existing} already present.")
        )
        if options["no_english"] or "en" not in dict(content_languages()):
            return
        english, _ = Locale.objects.get_or_create(language_code="en")
        # The Vietnamese home page, with the demo below it: the site's root page, or its translation.
        root = localized_home(Site.objects.get(is_default_site=True), vietnamese_locale())[0]
        translated, missing = translate_demo(root, english)
        self.stdout.write(
            self.style.SUCCESS(f"English: {translated} translated through wagtail-localize, {len(missing)} strings left in Vietnamese.")
        )
