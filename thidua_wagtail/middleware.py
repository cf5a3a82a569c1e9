import functools

from django.conf import settings
from django.http import HttpResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import NoReverseMatch, Resolver404, get_script_prefix, is_valid_path, resolve, reverse
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from .conf import thidua_settings


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that a 404 from a URL outside the language prefixes stays a 404.

    Django redirects a 404 at ``/x/`` to ``/vi/x/`` when that path is valid, and with Wagtail's catch-all
    page route inside ``i18n_patterns`` every prefixed path is valid: an API client asking for a missing
    page (``/api/v2/news/999/``) or document would get a redirect to an HTML page instead of its 404.
    """

    def process_response(self, request, response):
        urlconf = getattr(request, "urlconf", None)
        if response.status_code == 404 and is_valid_path(request.path_info, urlconf):
            return response
        redirected = super().process_response(request, response)
        if response.status_code != 404 or redirected is response or redirected.status_code not in (301, 302):
            return redirected
        # Django sends an unprefixed address to the visitor's language (/about/ -> /vi/about/) whenever Wagtail's
        # catch-all route accepts it, even when the page exists only in another language: send it where the page is.
        target = redirected["Location"]
        language = target.removeprefix(get_script_prefix()).split("/", 1)[0]
        try:
            match = resolve(target.split("?", 1)[0].removeprefix(get_script_prefix().rstrip("/")), urlconf)
        except Resolver404:
            return redirected
        if match.url_name != "wagtail_serve":
            return redirected  # one of the app's views (search, register …): it answers in every language
        found = page_language(request, request.path_info, language)
        if found is None:
            return response  # no page has this address in any language: the 404 stays a 404
        if found == language:
            return redirected
        return redirected.__class__(f"{get_script_prefix()}{found}{request.get_full_path()}")


def page_language(request, path, preferred):
    """The language of a live page at ``path`` under the site's home page in some language: ``preferred`` when the
    page exists in it, else the default language's, else any; None when there is none."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    wanted = path.strip("/")
    homes = Page.objects.filter(translation_key=site.root_page.translation_key).select_related("locale")
    candidates = {home.url_path + (wanted + "/" if wanted else ""): home.locale.language_code for home in homes}
    found = {candidates[url_path] for url_path in Page.objects.live().filter(url_path__in=candidates).values_list(
        "url_path", flat=True)}
    for language in (preferred, settings.LANGUAGE_CODE):
        if language in found:
            return language
    return min(found) if found else None


class SecurityHeadersMiddleware:
    """``Content-Security-Policy`` and ``Permissions-Policy`` on every response (settings in ``conf.py``).

    The public pages of the app need nothing but the site's own scripts, styles and images, so they get
    ``THIDUA_CONTENT_SECURITY_POLICY`` (no inline script, no other origin, no framing). Wagtail's admin still
    uses inline scripts and styles (wagtail/wagtail#7053), and signed-in editors see the userbar and previews on
    public pages, so the admin and anyone with a session get ``THIDUA_ADMIN_CONTENT_SECURITY_POLICY``. A
    response that already has a policy (a site's own view) keeps it; a setting of ``None`` sends no header.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        editor = request.path.startswith(admin_prefix()) or settings.SESSION_COOKIE_NAME in request.COOKIES
        policy = (thidua_settings.ADMIN_CONTENT_SECURITY_POLICY if editor
                  else thidua_settings.CONTENT_SECURITY_POLICY)
        if policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = policy
        if thidua_settings.PERMISSIONS_POLICY and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = thidua_settings.PERMISSIONS_POLICY
        return response


@functools.cache
def admin_prefix():
    try:
        return reverse("wagtailadmin_home")
    except NoReverseMatch:
        return "/admin/"


class RequestBodyLimitMiddleware:
    """Refuse a request whose body is larger than ``THIDUA_MAX_REQUEST_BODY_SIZE`` with 413, before any of it
    is read: Django's own limits (``DATA_UPLOAD_MAX_MEMORY_SIZE``) leave out files, which it writes to a
    temporary file first, so a 100 MB upload filled the disk before the form refused it. Put it first in
    ``MIDDLEWARE``, and set the same cap in the web server in front (nginx ``client_max_body_size``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = thidua_settings.MAX_REQUEST_BODY_SIZE
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if limit and length > limit:
            message = _("The request is too large: at most %(size)s MB can be sent at once.") % {
                "size": round(limit / 1024 / 1024, 1)}
            return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
