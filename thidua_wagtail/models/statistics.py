"""A public statistics page: honours per year, award and unit, profiles per campaign, as charts with tables.

Only what visitors may see is counted: live, public profiles in the reader's language. Each count returns a
``charts.Chart`` (title, and rows of label and value).
"""

from collections import Counter

from django.db.models import Count, F
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
from .honours import on_public_decisions
from .profiles import ExemplaryProfilePage, ProfileCampaign, on_visible_profiles
from .snippets import Award


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
    return on_visible_profiles(locale).filter(revoked_by__isnull=True)


def counted(locale, on_profiles, on_decisions):
    """Honours counted by a value: those of profiles (``on_profiles``: the value's field) and those the public
    decisions list for recipients without a profile (``on_decisions``: a field or an expression)."""
    counts = Counter()
    for field, rows in ((on_profiles, visible_honours(locale)),
                        (on_decisions, on_public_decisions(locale).filter(revoked_by__isnull=True))):
        for row in rows.annotate(value=field if not isinstance(field, str) else F(field)).values("value").annotate(
                n=Count("pk")).order_by():
            counts[row["value"]] += row["n"]
    return counts


def honours_per_year(locale):
    counts = counted(locale, "year", "year")
    return Chart("years", _("Honours per year"), _("Year"), _("Honours"),
                 [(str(year), n) for year, n in sorted(counts.items(), key=lambda item: item[0] or 0) if year])


def honours_per_award(locale):
    counts = counted(locale, "award", "award")
    awards = {award.pk: award for award in Award.objects.filter(pk__in=list(counts))}
    rows = sorted(((awards[pk], n) for pk, n in counts.items()), key=lambda row: (-row[1], row[0].sort_order,
                                                                                  row[0].name))
    return Chart("awards", _("Honours per award"), _("Award"), _("Honours"), [(award.name, n) for award, n in rows])


def honours_per_unit(locale):
    """By the unit at the time of the award, as the decision records it."""
    counts = counted(locale, "unit", "unit")
    unlisted = _("No unit given")
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0] or ""))
    return Chart("units", _("Honours per unit"), _("Unit"), _("Honours"), [(unit or unlisted, n) for unit, n in rows])


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
