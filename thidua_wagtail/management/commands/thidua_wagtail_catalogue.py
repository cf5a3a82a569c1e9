"""How much of the Wagtail admin and wagtail-localize renders in Vietnamese on this site, and which strings do not:
run it after upgrading Wagtail (system check thidua_wagtail.W006 says when)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from thidua_wagtail.wagtail_catalogue import DOMAINS, coverage


class Command(BaseCommand):
    help = ("Measure the share of the installed Wagtail and wagtail-localize strings that render in Vietnamese on "
            "this site (server and JavaScript catalogues) and list those that do not.")

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true",
                            help="Exit with an error when any string renders in English.")

    def handle(self, *args, check=False, **options):
        missing = 0
        for domain in DOMAINS:
            result = coverage(domain)
            missing += len(result.missing)
            self.stdout.write(_("%(domain)s: %(rendered)s of %(total)s strings in Vietnamese (%(share).1f%%)") % {
                "domain": domain, "rendered": result.rendered, "total": result.total, "share": 100 * result.share})
            for msgid in result.missing:
                self.stdout.write("  " + msgid.replace("\n", "\\n"))
        if check and missing:
            raise CommandError(_("%(count)s strings of the Wagtail admin render in English: translate them in "
                                 "thidua_wagtail/wagtail_locale/vi/ (docs/translation.md).") % {"count": missing})
