"""Admin listings for the shared snippets, grouped under one menu item."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Award, OfficialDocument, Unit


class UnitViewSet(SnippetViewSet):
    model = Unit
    icon = "group"
    menu_label = _("Units")
    list_display = ["name", "short_name", "kind", "parent"]
    list_filter = ["kind", "locale"]
    search_fields = ["name", "short_name"]
    ordering = ["sort_order", "name"]


class AwardViewSet(SnippetViewSet):
    model = Award
    icon = "pick"
    menu_label = _("Awards")
    list_display = ["name", "kind", "level", "recipient"]
    list_filter = ["kind", "level", "recipient", "locale"]
    search_fields = ["name", "code"]
    ordering = ["sort_order", "name"]


class OfficialDocumentViewSet(SnippetViewSet):
    model = OfficialDocument
    icon = "doc-full"
    menu_label = _("Official documents")
    list_display = ["number", "title", "doc_type", "issue_date", "issuing_body"]
    list_filter = ["doc_type", "locale"]
    search_fields = ["number", "title", "issuing_body"]
    ordering = ["-issue_date"]


class ThiduaViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Emulation")
    menu_icon = "pick"
    menu_order = 250
    items = (UnitViewSet, AwardViewSet, OfficialDocumentViewSet)
