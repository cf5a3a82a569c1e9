"""A public statistics page: honours per year, award and unit, profiles per campaign, as charts with tables.

Only what visitors may see is counted: live, public profiles in the reader's language. Each count returns a
``charts.Chart`` (title, and rows of label and value).
"""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from ..blocks import RICH_TEXT_FEATURES
from ..charts import Chart
from ..links import translations
from ..pagetypes import Section
from ..querysets import published
from .base import ThiduaPageMixin
from .campaigns import CampaignPage
from .profiles import ExemplaryProfilePage, ProfileCampaign, ProfileHonour


class StatisticsPage(ThiduaPageMixin, Page):
    """Charts of what the site's published profiles record. Place it where you like (once per parent)."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    subpage_types = []
    max_count_per_parent = 1
    # Counts every profile and names every campaign: publishing one refreshes the page.
    shows_all_of = ("thidua_wagtail.ExemplaryProfilePage", "thidua_wagtail.CampaignPage")
    section = Section("statistics", pgettext_lazy("section title", "Emulation and commendation statistics"),
                      order=50, workflow=False)

    class Meta:
        verbose_name = _("statistics page")
        verbose_name_plural = _("statistics pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["charts"] = all_charts(self.locale)
        return context


def visible_profiles(locale):
    return published(ExemplaryProfilePage.objects.filter(locale=locale))


def visible_honours(locale):
    # A revoked honour leaves the counts (Law on Emulation and Commendation, Chapter VII).
    return ProfileHonour.objects.filter(profile__in=visible_profiles(locale).values("pk"), revoked_by__isnull=True)


def honours_per_year(locale):
    rows = visible_honours(locale).values("year").annotate(n=Count("pk")).order_by("year")
    return Chart("years", _("Honours per year"), _("Year"), _("Honours"),
                 [(str(row["year"]), row["n"]) for row in rows])


def honours_per_award(locale):
    rows = (visible_honours(locale).values("award__name", "award__sort_order")
            .annotate(n=Count("pk")).order_by("-n", "award__sort_order", "award__name"))
    return Chart("awards", _("Honours per award"), _("Award"), _("Honours"),
                 [(row["award__name"], row["n"]) for row in rows])


def honours_per_unit(locale):
    rows = (visible_honours(locale).values("profile__unit__name")
            .annotate(n=Count("pk")).order_by("-n", "profile__unit__name"))
    unlisted = _("No unit given")
    return Chart("units", _("Honours per unit"), _("Unit"), _("Honours"),
                 [(row["profile__unit__name"] or unlisted, row["n"]) for row in rows])


def profiles_per_campaign(locale):
    """Profiles linked to each campaign; a link may point at the campaign in another language (by key)."""
    links = (ProfileCampaign.objects.filter(profile__in=visible_profiles(locale).values("pk"))
             .values("campaign__translation_key").annotate(n=Count("profile", distinct=True)))
    counts = {row["campaign__translation_key"]: row["n"] for row in links}
    campaigns = published(translations(CampaignPage, locale, list(counts)))
    rows = sorted(((c.title, counts[c.translation_key]) for c in campaigns.only("title", "translation_key")),
                  key=lambda row: (-row[1], row[0]))
    return Chart("campaigns", _("Exemplary profiles per campaign"), _("Campaign"), _("Profiles"), rows)


def all_charts(locale):
    return [honours_per_year(locale), honours_per_award(locale), honours_per_unit(locale),
            profiles_per_campaign(locale)]
