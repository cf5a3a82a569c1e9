"""Read API (Wagtail API v2) for campaigns, exemplary profiles and news.

    from thidua_wagtail.api import api_router
    urlpatterns = [path("api/v2/", api_router.urls), ...]

Endpoints: ``campaigns/``, ``profiles/``, ``news/`` (and ``pages/``). Besides Wagtail's own
parameters (``locale``, ``fields``, ``search``, ``order``, field filters such as
``campaign_type=regular`` or ``kind=collective``):

- campaigns: ``status`` (ongoing, upcoming, ended), ``year``
- profiles: ``unit``, ``award``, ``campaign`` (ids), ``year`` (year recognised)
- news: ``tag`` (slug), ``year``, ``campaign``

A malformed value gives a 400 with a message, like Wagtail's own filters.
"""

from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from .forms import CampaignFilterForm, NewsFilterForm, ProfileFilterForm
from .models import CampaignPage, ExemplaryProfilePage, NewsPage


class ThiduaFilterBackend(BaseFilterBackend):
    """Applies the endpoint's ``api_filters`` through the listing filter forms."""

    def filter_queryset(self, request, queryset, view):
        params = {name: request.GET[name] for name in view.api_filters if name in request.GET}
        if not params:
            return queryset
        form = view.filter_form_class(params, locale=None)
        if not form.is_valid():
            raise BadRequestError(
                "; ".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items())
            )
        return form.filter(queryset)


class ThiduaPagesAPIViewSet(PagesAPIViewSet):
    filter_form_class = None
    api_filters = ()

    # Our filters run before Wagtail's search filter, which must stay last.
    filter_backends = [*PagesAPIViewSet.filter_backends[:-1], ThiduaFilterBackend, PagesAPIViewSet.filter_backends[-1]]

    def check_query_parameters(self, queryset):
        self.known_query_parameters = PagesAPIViewSet.known_query_parameters.union(self.api_filters)
        return super().check_query_parameters(queryset)

    def get_queryset(self):
        if "type" in self.request.GET:
            raise BadRequestError("type: this endpoint lists one page type")
        return self.model.objects.filter(pk__in=self.get_base_queryset().values_list("pk", flat=True))


class CampaignsAPIViewSet(ThiduaPagesAPIViewSet):
    name = "campaigns"
    model = CampaignPage
    filter_form_class = CampaignFilterForm
    api_filters = ("status", "year")
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "campaign_type", "start_date", "end_date", "status",
    ]


class ProfilesAPIViewSet(ThiduaPagesAPIViewSet):
    name = "profiles"
    model = ExemplaryProfilePage
    filter_form_class = ProfileFilterForm
    api_filters = ("unit", "award", "campaign", "year")
    listing_default_fields = PagesAPIViewSet.listing_default_fields + ["kind", "year_recognised", "unit"]


class NewsAPIViewSet(ThiduaPagesAPIViewSet):
    name = "news"
    model = NewsPage
    filter_form_class = NewsFilterForm
    api_filters = ("tag", "year", "campaign")
    listing_default_fields = PagesAPIViewSet.listing_default_fields + ["date", "summary"]


api_router = WagtailAPIRouter("thidua_wagtail_api")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("campaigns", CampaignsAPIViewSet)
api_router.register_endpoint("profiles", ProfilesAPIViewSet)
api_router.register_endpoint("news", NewsAPIViewSet)
