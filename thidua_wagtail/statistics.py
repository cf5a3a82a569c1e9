"""Counts for the statistics page and the honours register.

Only what visitors may see is counted: live, public profiles in the reader's language. Each function returns a
``Chart`` (title, and rows of label and value) so the same data feeds the SVG chart, the data table beside it
and the tests.
"""

from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from .models import CampaignPage, ExemplaryProfilePage, ProfileCampaign, ProfileHonour
from .querysets import published


@dataclass
class Chart:
    key: str
    title: str
    label_heading: str
    value_heading: str
    rows: list = field(default_factory=list)  # [(label, value)]

    @property
    def total(self):
        return sum(value for _label, value in self.rows)

    @property
    def maximum(self):
        return max((value for _label, value in self.rows), default=0)

    # Geometry of the SVG (user units; the SVG scales to its box, see thidua.css)
    WIDTH = 360
    ROW = 40
    BAR = 14
    VALUE_SPACE = 44

    @property
    def height(self):
        return max(len(self.rows), 1) * self.ROW

    @property
    def bars(self):
        """One dict a row: label, value, and where to draw it."""
        top = self.maximum or 1
        room = self.WIDTH - self.VALUE_SPACE
        out = []
        for i, (label, value) in enumerate(self.rows):
            width = round(room * value / top, 1)
            y = i * self.ROW
            out.append({"label": label, "value": value, "y_label": y + 15, "y_bar": y + 21,
                        "width": max(width, 1), "x_value": width + 6, "y_value": y + 33})
        return out


def visible_profiles(locale):
    return published(ExemplaryProfilePage.objects.filter(locale=locale))


def visible_honours(locale):
    return ProfileHonour.objects.filter(profile__in=visible_profiles(locale).values("pk"))


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
    campaigns = published(CampaignPage.objects.filter(locale=locale, translation_key__in=list(counts)))
    rows = sorted(((c.title, counts[c.translation_key]) for c in campaigns.only("title", "translation_key")),
                  key=lambda row: (-row[1], row[0]))
    return Chart("campaigns", _("Exemplary profiles per campaign"), _("Campaign"), _("Profiles"), rows)


def all_charts(locale):
    return [honours_per_year(locale), honours_per_award(locale), honours_per_unit(locale),
            profiles_per_campaign(locale)]
