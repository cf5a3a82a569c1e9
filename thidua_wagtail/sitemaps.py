"""A sitemap of every language's pages, each URL with its hreflang alternates.

Wagtail's own sitemap lists the descendants of the site's root page, which in a
multilingual site is the root in one language only. This one lists the live, public
pages under the root in every locale, and adds ``<xhtml:link rel="alternate">`` for
each translation (Django's sitemap template renders ``alternates``).

    from thidua_wagtail.sitemaps import MultilingualSitemap
    path("sitemap.xml", wagtail.contrib.sitemaps.views.sitemap, {"sitemaps": {"pages": MultilingualSitemap}})
"""

from collections import defaultdict

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key, depth=root.depth)
        queryset = Page.objects.none()
        for localized_root in roots:
            queryset |= Page.objects.descendant_of(localized_root, inclusive=True)
        return queryset.live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        pages = list(self.paginator.page(page).object_list)
        keys = {p.translation_key for p in pages}
        siblings = defaultdict(list)
        for translation in (
            Page.objects.live().public().filter(translation_key__in=keys).select_related("locale").order_by("path")
        ):
            siblings[translation.translation_key].append(translation)
        by_location = {p.get_full_url(self.request): p for p in pages}
        for url_info in urls:
            current = by_location.get(url_info["location"])
            if current is None:
                continue
            translations = siblings.get(current.translation_key, [])
            if len(translations) > 1:
                url_info["alternates"] = [
                    {"lang_code": t.locale.language_code, "location": t.get_full_url(self.request)}
                    for t in translations
                ]
        return urls
