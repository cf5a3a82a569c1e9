from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from thidua_wagtail.api import api_router
from thidua_wagtail.sitemaps import MultilingualSitemap

urlpatterns = [
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]
urlpatterns += i18n_patterns(
    path("", include("thidua_wagtail.urls")),
    path("", include(wagtail_urls)),
)
