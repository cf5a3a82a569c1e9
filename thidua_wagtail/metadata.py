"""What a page tells search engines and social networks: description, canonical URL,
OpenGraph/Twitter cards and schema.org JSON-LD (NewsArticle, Person/Organization with their
awards, Event for campaigns, GovernmentOrganization for the publisher)."""

import json
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from .i18n import absolute_url
from .models import CampaignPage, ExemplaryProfilePage, NewsPage, OrganisationSettings

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
    if page.search_description:
        return page.search_description
    for name in ("summary", "achievements", "intro"):
        value = getattr(page, name, "")
        if value:
            return Truncator(" ".join(strip_tags(str(value)).split())).chars(300)
    return ""


def image_for(page, organisation):
    for name in ("hero_image", "photo", "image"):
        image = getattr(page, name, None)
        if image is not None:
            return image
    return organisation.logo


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


def page_data(page, request, url, image_url, publisher, language):
    base = {"url": url, "inLanguage": language}
    if image_url:
        base["image"] = image_url
    if isinstance(page, NewsPage):
        return {
            **base,
            "@type": "NewsArticle",
            "headline": Truncator(page.title).chars(110),
            "description": page.summary,
            "datePublished": page.date.isoformat(),
            "dateModified": (page.last_published_at or page.latest_revision_created_at or page.date).isoformat(),
            "mainEntityOfPage": url,
            "author": publisher,
            "publisher": publisher,
            "keywords": [tag.name for tag in page.tags.all()],
            "about": [{"@type": "Event", "name": c.title, "url": absolute_url(request, c.get_url(request))}
                      for c in page.get_campaigns()],
        }
    if isinstance(page, ExemplaryProfilePage):
        awards = [f"{h.award.name} ({h.year})" for h in page.honours.select_related("award").order_by("year")]
        if page.is_individual:
            data = {**base, "@type": "Person", "name": page.title, "description": page.achievements, "award": awards}
            if page.position:
                data["jobTitle"] = page.position
            if page.unit:
                data["worksFor"] = {"@type": "Organization", "name": page.unit.name, "parentOrganization": publisher}
            else:
                data["worksFor"] = publisher
            return data
        return {**base, "@type": "Organization", "name": page.title, "description": page.achievements,
                "award": awards, "parentOrganization": publisher}
    if isinstance(page, CampaignPage):
        data = {
            **base,
            "@type": "Event",
            "name": page.title,
            "description": page.summary,
            "startDate": page.start_date.isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "organizer": {"@type": "GovernmentOrganization", "name": page.launching_authority},
            "location": {"@type": "Place", "name": publisher.get("parentOrganization", publisher)["name"]},
        }
        if page.end_date:
            data["endDate"] = page.end_date.isoformat()
        return data
    return {**base, "@type": "WebPage", "name": page.title, "publisher": publisher}


def page_metadata(page, request, alternates=(), site_root=None):
    organisation = OrganisationSettings.cached_for_request(request) if request is not None else OrganisationSettings()
    url = absolute_url(request, page.get_url(request))
    image = image_for(page, organisation)
    image_url, image_alt = "", ""
    if image is not None:
        rendition = image.get_rendition(IMAGE_SPEC)
        image_url, image_alt = absolute_url(request, rendition.url), image.title
    language = page.locale.language_code
    site_root_url = absolute_url(request, site_root.get_url(request)) if site_root is not None else url
    publisher = publisher_data(organisation, request, site_root_url)
    entity = page_data(page, request, url, image_url, publisher, language)
    entity["@context"] = "https://schema.org"
    publisher_entity = {"@context": "https://schema.org", **publisher}
    og_type = "article" if isinstance(page, NewsPage) else (
        "profile" if isinstance(page, ExemplaryProfilePage) and page.is_individual else "website"
    )
    return PageMetadata(
        title=page.seo_title or page.title,
        description=description_for(page),
        canonical=url,
        og_type=og_type,
        image=image_url,
        image_alt=image_alt,
        locale=OG_LOCALES.get(language, language),
        alternate_locales=[OG_LOCALES.get(a.language_code, a.language_code) for a in alternates
                           if a.is_translation and not a.is_current],
        json_ld=[entity, publisher_entity],
    )
