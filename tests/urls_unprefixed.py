"""A site that had no language prefixes keeps its addresses: the default language unprefixed, the others under
their prefix (docs/install.md, "Your addresses")."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls

from thidua_wagtail.api import api_router

urlpatterns = [path("api/v2/", api_router.urls)]
urlpatterns += i18n_patterns(
    path("", include("thidua_wagtail.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
