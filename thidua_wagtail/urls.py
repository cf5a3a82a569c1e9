"""Public URLs of the app: include them inside ``i18n_patterns`` before Wagtail's own.

    urlpatterns += i18n_patterns(
        path("", include("thidua_wagtail.urls")),
        path("", include(wagtail_urls)),
    )
"""

from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy

from . import document_registry, feedback, feeds, organisation, register, views

app_name = "thidua_wagtail"

urlpatterns = [
    path(pgettext_lazy("URL path", "search/"), views.search_view, name="search"),
    path(pgettext_lazy("URL path", "honours/"), register.register_view, name="honours_register"),
    path(format_lazy("{}{}<int:pk>/", pgettext_lazy("URL path", "honours/"), pgettext_lazy("URL path", "decision/")),
         register.decision_view, name="decision"),
    path(format_lazy("{}honours.csv", pgettext_lazy("URL path", "honours/")), register.open_data_view,
         {"fmt": "csv"}, name="honours_csv"),
    path(format_lazy("{}honours.json", pgettext_lazy("URL path", "honours/")), register.open_data_view,
         {"fmt": "json"}, name="honours_json"),
    path(pgettext_lazy("URL path", "documents/"), document_registry.registry_view, name="documents"),
    path(format_lazy("{}<int:pk>/", pgettext_lazy("URL path", "documents/")), document_registry.document_view,
         name="document"),
    path(pgettext_lazy("URL path", "organisation/"), organisation.organisation_view, name="organisation"),
    path("feedback/", feedback.feedback_view, name="feedback"),
    path("feeds/news/rss/", feeds.NewsRssFeed(), name="news_rss"),
    path("feeds/news/atom/", feeds.NewsAtomFeed(), name="news_atom"),
    path("feeds/campaigns/rss/", feeds.CampaignRssFeed(), name="campaigns_rss"),
    path("feeds/campaigns/atom/", feeds.CampaignAtomFeed(), name="campaigns_atom"),
    path("feeds/consultations/rss/", feeds.ConsultationRssFeed(), name="consultations_rss"),
    path("feeds/consultations/atom/", feeds.ConsultationAtomFeed(), name="consultations_atom"),
    path("feeds/registrations/rss/", feeds.RegistrationRssFeed(), name="registrations_rss"),
    path("feeds/registrations/atom/", feeds.RegistrationAtomFeed(), name="registrations_atom"),
]
