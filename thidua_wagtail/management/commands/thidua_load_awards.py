from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from thidua_wagtail.awards import load_default_awards


class Command(BaseCommand):
    help = ("Bring the award catalogue (the emulation titles and forms of commendation of the law) up to date: add "
            "what is missing, update what the catalogue changed, keep what an editor changed, delete nothing.")

    def add_arguments(self, parser):
        parser.add_argument("--locale", help="language code of the catalogue to update (default: Vietnamese when "
                                             "it is a content language, else the default language)")

    def handle(self, *args, **options):
        locale = None
        if options["locale"]:
            locale = Locale.objects.filter(language_code=options["locale"]).first()
            if locale is None:
                raise CommandError(f"No content language {options['locale']!r}: "
                                   f"choose from {', '.join(Locale.objects.values_list('language_code', flat=True))}.")
        report = load_default_awards(locale)
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(
            f"Awards: {len(report.created)} created, {len(report.updated)} fields updated, "
            f"{len(report.kept)} editor changes kept, {report.unchanged} unchanged."))
