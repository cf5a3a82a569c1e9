from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import is_valid_path


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that a 404 from a URL outside the language prefixes stays a 404.

    Django redirects a 404 at ``/x/`` to ``/vi/x/`` when that path is valid, and with Wagtail's catch-all
    page route inside ``i18n_patterns`` every prefixed path is valid: an API client asking for a missing
    page (``/api/v2/news/999/``) or document would get a redirect to an HTML page instead of its 404.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and is_valid_path(request.path_info, getattr(request, "urlconf", None)):
            return response
        return super().process_response(request, response)
