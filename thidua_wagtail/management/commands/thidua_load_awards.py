from django.core.management.base import BaseCommand

from thidua_wagtail.awards import load_default_awards


class Command(BaseCommand):
    help = "Create the default emulation titles and forms of commendation (safe to run again)."

    def handle(self, *args, **options):
        created, existing = load_default_awards()
        self.stdout.write(self.style.SUCCESS(f"Awards: {created} created, {existing} already present."))
