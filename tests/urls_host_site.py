"""A host site's URLs with the app joined to them as docs/install.md ("Beside your site's own sitemap and API")
shows: the site's own API router gains the app's endpoints; one sitemap index lists the site's sections and the
app's multilingual pages."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.images.api.v2.views import ImagesAPIViewSet

from thidua_wagtail.api import register_endpoints
from thidua_wagtail.sitemaps import MultilingualSitemap


class StaticViewSitemap(DjangoSitemap):
    """A section of the site's own, beside its Wagtail pages."""

    def items(self):
        return ["/contact/"]

    def location(self, item):
        return item


# The site's router, as it was before the app came ...
api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
# ... and with the app's endpoints.
register_endpoints(api_router)

SITEMAPS = {"pages": MultilingualSitemap, "static": StaticViewSitemap}

urlpatterns = [
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap"}),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]
urlpatterns += i18n_patterns(
    path("", include("thidua_wagtail.urls")),
    path("", include(wagtail_urls)),
)
