"""A page type a site adds with the app's declarations (``pagetypes.py``), and nothing else: its search results,
metadata, dashboard rows and cache purging come from the declarations alone (tests/test_page_type_shape.py)."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from thidua_wagtail.models.base import DetailPage
from thidua_wagtail.pagetypes import Card, Related


class DecisionPage(DetailPage):
    decision_date = models.DateField()
    summary = models.TextField()

    card = Card(key="decision", template="testapp/decision_card.html", label="Decision",
                ordering=("-decision_date", "-pk"), text="summary", date="decision_date")
    related = {"campaigns": Related("thidua_wagtail.CampaignPage", rows="campaign_links", field="campaign")}
    og_type = "article"

    content_panels = Page.content_panels + [FieldPanel("decision_date"), FieldPanel("summary"),
                                            InlinePanel("campaign_links")]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("folded_search_text")]
    folded_search_fields = ["title", "summary"]

    def structured_data(self, request, base, publisher):
        return {**base, "@type": "Legislation", "name": self.title, "legislationDate": self.decision_date.isoformat()}


class DecisionCampaign(Orderable):
    page = ParentalKey(DecisionPage, on_delete=models.CASCADE, related_name="campaign_links")
    campaign = models.ForeignKey("thidua_wagtail.CampaignPage", on_delete=models.CASCADE, related_name="+")
