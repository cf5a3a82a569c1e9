from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    intro = models.CharField(max_length=255, blank=True)
    content_panels = Page.content_panels + [FieldPanel("intro")]


class BlogIndexPage(Page):
    intro = RichTextField(blank=True)
    content_panels = Page.content_panels + [FieldPanel("intro")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["posts"] = self.get_children().live().specific().order_by("path")
        return context


class BlogPage(Page):
    date = models.DateField()
    body = RichTextField(blank=True)
    content_panels = Page.content_panels + [FieldPanel("date"), FieldPanel("body")]
