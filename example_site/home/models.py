from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from thidua_wagtail.cache import ResponseCacheMixin


class HomePage(ResponseCacheMixin, Page):
    """The example site's home page: an introduction, then current campaigns, recent profiles and news.
    Anonymous visitors get it from the cache until the next publish (thidua_wagtail.cache)."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    max_count_per_parent = 1
