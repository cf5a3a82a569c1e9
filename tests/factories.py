"""Builders for test content. Each returns saved, published objects unless told otherwise."""

import datetime
import itertools

from django.test import TestCase
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from thidua_wagtail.models import (
    CampaignIndexPage,
    CampaignPage,
    ExemplaryProfilePage,
    NewsIndexPage,
    NewsPage,
    NewsRelatedCampaign,
    NewsRelatedProfile,
    OfficialDocument,
    ProfileCampaign,
    ProfileHonour,
    ProfileIndexPage,
    RegistrationEntry,
    RegistrationPage,
    Unit,
)

_counter = itertools.count(1)


def _slug(prefix):
    return f"{prefix}-{next(_counter)}"


def build_sections(home):
    campaigns = home.add_child(instance=CampaignIndexPage(title="Phong trào thi đua", slug="phong-trao"))
    profiles = home.add_child(instance=ProfileIndexPage(title="Điển hình tiên tiến", slug="dien-hinh"))
    news = home.add_child(instance=NewsIndexPage(title="Tin tức", slug="tin-tuc"))
    return {"campaigns": campaigns, "profiles": profiles, "news": news}


def make_unit(name, locale=None, **kwargs):
    return Unit.objects.create(name=name, locale=locale or Locale.get_default(), **kwargs)


def make_document(number="60/KH-KHCN", **kwargs):
    defaults = {
        "title": "Tuyên truyền Đại hội Thi đua yêu nước",
        "issue_date": datetime.date(2019, 8, 26),
        "issuing_body": "Sở Khoa học và Công nghệ",
        "locale": Locale.get_default(),
    }
    defaults.update(kwargs)
    return OfficialDocument.objects.create(number=number, **defaults)


def make_campaign(index, title="Phong trào thi đua", *, publish=True, **kwargs):
    defaults = {
        "campaign_type": CampaignPage.CampaignType.THEMATIC,
        "launching_authority": "Sở Khoa học và Công nghệ",
        "start_date": datetime.date(2019, 8, 26),
        "end_date": datetime.date(2020, 12, 31),
        "summary": f"Tóm tắt {title}",
    }
    defaults.update(kwargs)
    page = CampaignPage(title=title, slug=_slug("campaign"), **defaults)
    return _add(index, page, publish)


def make_profile(index, title="Nguyễn Văn An", *, publish=True, campaigns=(), honours=(), **kwargs):
    defaults = {
        "kind": ExemplaryProfilePage.Kind.INDIVIDUAL,
        "year_recognised": 2020,
        "achievements": f"Thành tích của {title}",
    }
    defaults.update(kwargs)
    page = ExemplaryProfilePage(title=title, slug=_slug("profile"), **defaults)
    for campaign in campaigns:
        page.campaign_links.add(ProfileCampaign(campaign=campaign))
    for award, year in honours:
        page.honours.add(ProfileHonour(award=award, year=year, decision_number=f"{year}/QĐ-UBND"))
    return _add(index, page, publish)


def make_news(index, title="Tin thi đua", *, publish=True, campaigns=(), profiles=(), tags=(), **kwargs):
    defaults = {
        "date": datetime.date(2020, 6, 1),
        "summary": f"Tóm tắt {title}",
        "body": [("paragraph", f"<p>Nội dung {title}</p>")],
    }
    defaults.update(kwargs)
    page = NewsPage(title=title, slug=_slug("news"), **defaults)
    for campaign in campaigns:
        page.related_campaigns.add(NewsRelatedCampaign(campaign=campaign))
    for profile in profiles:
        page.related_profiles.add(NewsRelatedProfile(profile=profile))
    if tags:
        page.tags.add(*tags)
    return _add(index, page, publish)


def make_registration(board, unit, year, entries, *, publish=True, **kwargs):
    """A unit's registration for ``year`` below ``board``: ``entries`` are (kind, name, award[, profile])."""
    page = RegistrationPage(title=kwargs.pop("title", f"Đăng ký thi đua năm {year} – {unit.name}"),
                            slug=kwargs.pop("slug", f"dang-ky-{year}-{unit.pk}"), unit=unit, year=year,
                            registered_on=kwargs.pop("registered_on", datetime.date(year, 1, 15)), **kwargs)
    for kind, name, award, *profile in entries:
        page.entries.add(RegistrationEntry(kind=kind, name=name, award=award, profile=profile[0] if profile else None))
    return _add(board, page, publish)


def _add(index, page, publish):
    if not publish:
        page.live = False
    index.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def translate(obj, locale, fill=None):
    """Translate ``obj`` (and what it links to) as the admin's "Translate" button does; optionally fill its
    strings through a PO export/import with ``fill(msgid) -> msgstr``; publish. Returns the Translation.

    wagtail-localize publishes on transaction commit, so the callbacks are run here as a commit would."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return _translate(obj, locale, fill)


def _translate(obj, locale, fill):
    TranslationCreator(None, [locale]).create_translations(obj)
    source = TranslationSource.objects.get(object_id=obj.translation_key, locale=obj.locale)
    tr = Translation.objects.get(source=source, target_locale=locale)
    if fill is not None:
        po = tr.export_po()
        for entry in po:
            entry.msgstr = fill(entry)
        assert tr.import_po(po) == []
        tr.save_target(publish=True)
    return tr


def set_organisation(site, **texts):
    """The site's organisation texts in the default language (name, parent_authority, address, footer)."""
    from thidua_wagtail.models import Organisation, OrganisationSettings

    settings = OrganisationSettings.for_site(site)
    organisation = settings.organisation or Organisation(locale=Locale.get_default())
    for name, value in texts.items():
        setattr(organisation, name, value)
    organisation.save()
    settings.organisation = organisation
    settings.save()
    return settings


def admin_user_in_group(username, group_name):
    """A user whose group may only enter the admin (``access_admin``): what a report or an import must refuse.
    Returns (user, group), so a test can grant more."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    group = Group.objects.create(name=group_name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user, group
