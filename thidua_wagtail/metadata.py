"""What a page tells search engines and social networks: description, canonical URL,
OpenGraph/Twitter cards and schema.org JSON-LD. Each page type gives its own entity (``structured_data()``:
NewsArticle, Person/Organization with their awards, Event for campaigns) and OpenGraph type (``og_type``);
the publisher is the GovernmentOrganization of the organisation's settings. Other pages are a WebPage."""

import json
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from .i18n import absolute_url
from .models import OrganisationSettings

OG_LOCALES = {"vi": "vi_VN", "en": "en_GB"}
IMAGE_SPEC = "fill-1200x630"


@dataclass
class PageMetadata:
    title: str
    description: str
    canonical: str
    og_type: str
    image: str = ""
    image_alt: str = ""
    locale: str = ""
    alternate_locales: list = field(default_factory=list)
    json_ld: list = field(default_factory=list)

    @property
    def json_ld_script(self):
        """The JSON-LD as a safe string for a <script type="application/ld+json"> element."""
        text = json.dumps(self.json_ld, ensure_ascii=False, cls=DjangoJSONEncoder)
        return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def description_for(page):
    """The page's search description, else its card text (an index page: its introduction)."""
    if page.search_description:
        return page.search_description
    value = page.card_text if getattr(page, "card", None) else getattr(page, "intro", "")
    return Truncator(" ".join(strip_tags(str(value)).split())).chars(300) if value else ""


def image_for(page, organisation):
    """The page's card image, else the organisation's logo."""
    image = page.card_image if getattr(page, "card", None) else None
    return image if image is not None else organisation.logo


def publisher_data(organisation, request, site_root_url):
    data = {"@type": "GovernmentOrganization", "name": organisation.name or "", "url": site_root_url}
    if organisation.authority:
        data["parentOrganization"] = {"@type": "GovernmentOrganization", "name": organisation.authority}
    if organisation.localized_address:
        data["address"] = organisation.localized_address
    if organisation.phone:
        data["telephone"] = organisation.phone
    if organisation.email:
        data["email"] = organisation.email
    if organisation.logo:
        data["logo"] = absolute_url(request, organisation.logo.get_rendition("height-120").url)
    return data


def page_metadata(page, request, alternates=(), site_root=None):
    organisation = OrganisationSettings.cached_for_request(request) if request is not None else OrganisationSettings()
    url = absolute_url(request, page.get_url(request))
    image = image_for(page, organisation)
    image_url, image_alt = "", ""
    if image is not None:
        rendition = image.get_rendition(IMAGE_SPEC)
        image_url, image_alt = absolute_url(request, rendition.url), image.title
    # The switcher's alternates know the page's language already (page.locale would be a query of its own).
    language = next((a.language_code for a in alternates if a.is_current), None) or page.locale.language_code
    site_root_url = absolute_url(request, site_root.get_url(request)) if site_root is not None else url
    publisher = publisher_data(organisation, request, site_root_url)
    base = {"url": url, "inLanguage": language}
    if image_url:
        base["image"] = image_url
    if hasattr(page, "structured_data"):
        entity = page.structured_data(request, base, publisher)
    else:
        entity = {**base, "@type": "WebPage", "name": page.title, "publisher": publisher}
    entity["@context"] = "https://schema.org"
    publisher_entity = {"@context": "https://schema.org", **publisher}
    return PageMetadata(
        title=page.seo_title or page.title,
        description=description_for(page),
        canonical=url,
        og_type=getattr(page, "og_type", "website"),
        image=image_url,
        image_alt=image_alt,
        locale=OG_LOCALES.get(language, language),
        alternate_locales=[OG_LOCALES.get(a.language_code, a.language_code) for a in alternates
                           if a.is_translation and not a.is_current],
        json_ld=[entity, publisher_entity],
    )
