"""A public statistics page: honours per year, award and unit, profiles per campaign, as charts with tables."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from ..blocks import RICH_TEXT_FEATURES
from .base import ThiduaPageMixin


class StatisticsPage(ThiduaPageMixin, Page):
    """Charts of what the site's published profiles record. Place it where you like (once per parent)."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("statistics page")
        verbose_name_plural = _("statistics pages")

    def get_context(self, request, *args, **kwargs):
        from ..statistics import all_charts

        context = super().get_context(request, *args, **kwargs)
        context["charts"] = all_charts(self.locale)
        return context
