"""Print the app's Vietnamese–English glossary (glossary.py) as tab-separated pairs: the format DeepL's glossary
API takes, and one a spreadsheet opens."""

from django.core.management.base import BaseCommand

from thidua_wagtail.glossary import terms


class Command(BaseCommand):
    help = ("Print the glossary the translator applies (awards, plan headings, campaign types, translated units and "
            "the site's own terms) as Vietnamese<TAB>English lines.")

    def add_arguments(self, parser):
        parser.add_argument("--reverse", action="store_true", help="English<TAB>Vietnamese instead.")

    def handle(self, *args, reverse=False, **options):
        for vietnamese, english in sorted(terms().items()):
            # A tab or a line break inside a term would break the format: terms are one line each.
            pair = (" ".join(english.split()), " ".join(vietnamese.split())) if reverse else \
                (" ".join(vietnamese.split()), " ".join(english.split()))
            self.stdout.write("\t".join(pair))
