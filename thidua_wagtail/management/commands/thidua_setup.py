"""Create the app's sections under a site's home page, in every content language (``thidua_wagtail/sections.py``)."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.coreutils import get_content_languages
from wagtail.models import Site

from thidua_wagtail.i18n import has_vietnamese
from thidua_wagtail.pagetypes import sections_by_key
from thidua_wagtail.sections import SetupError, setup_sections


def parse_assignments(values, option):
    """["campaigns=Phong trào", "campaigns:en=Campaigns"] -> {"campaigns": …, ("campaigns", "en"): …}."""
    out = {}
    for value in values or []:
        key, sep, text = value.partition("=")
        if not sep or not text.strip():
            raise CommandError(f"{option} takes SECTION=VALUE or SECTION:LANGUAGE=VALUE, not {value!r}.")
        kind, _colon, language = key.strip().partition(":")
        known = sections_by_key()
        if kind not in known:
            raise CommandError(f"Unknown section {kind!r} in {option}; choose from {', '.join(known)}.")
        out[(kind, language) if language else kind] = text.strip()
    return out


class Command(BaseCommand):
    help = ("Create the campaign, profile and news lists, the nomination form and the statistics page under the "
            "site's home page, in every language of WAGTAIL_CONTENT_LANGUAGES. Safe to run again.")

    def add_arguments(self, parser):
        known = ", ".join(sections_by_key())
        parser.add_argument("--site", help="Hostname of the site (default: the default site).")
        parser.add_argument("--sections", default=known.replace(" ", ""),
                            help=f"Comma-separated subset of: {known} (default: all).")
        parser.add_argument("--title", action="append", metavar="SECTION[:LANG]=TITLE",
                            help="Title of a section, e.g. --title \"news=Tin tức\" --title \"news:en=News\".")
        parser.add_argument("--slug", action="append", metavar="SECTION[:LANG]=SLUG",
                            help="Slug of a section, e.g. --slug news=tin-tuc (default: from the title).")

    def handle(self, *args, site, sections, title, slug, **options):
        sites = Site.objects.filter(hostname=site) if site else Site.objects.filter(is_default_site=True)
        target = sites.select_related("root_page").first()
        if target is None:
            raise CommandError(f"No site with hostname {site!r}." if site else
                               "No default site: create a Wagtail site (and its home page) first.")
        kinds = [k.strip() for k in sections.split(",") if k.strip()]
        try:
            report = setup_sections(target, kinds, parse_assignments(title, "--title"),
                                    parse_assignments(slug, "--slug"))
        except SetupError as error:
            raise CommandError(str(error)) from error
        for page in report.created:
            self.stdout.write(f"  created: {page.url or page.title} ({page.locale.language_code})")
        if not has_vietnamese():
            self.stdout.write(self.style.WARNING(
                "Vietnamese is not a content language of this site: the sections are in "
                f"{', '.join(get_content_languages())} only. Add (\"vi\", \"Tiếng Việt\") to LANGUAGES and "
                "WAGTAIL_CONTENT_LANGUAGES and run thidua_setup again for the Vietnamese sections."))
        self.stdout.write(self.style.SUCCESS(
            f"Sections: {len(report.created)} created, {len(report.existing)} already present."))
