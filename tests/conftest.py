import datetime

import pytest
from django.utils import translation
from wagtail.models import Locale, Page, Site

from thidua_wagtail.models import (
    ConsultationIndexPage,
    ConsultationNominee,
    ConsultationPage,
    NominationPage,
    RegistrationIndexPage,
    StatisticsPage,
)

from . import factories


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def empty_cache():
    """The database is rolled back after each test; the cache must be too."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


@pytest.fixture
def locale_vi(db):
    return Locale.objects.get_or_create(language_code="vi")[0]


@pytest.fixture
def locale_en(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def home(db, locale_vi):
    """A site whose root is a plain page in Vietnamese, replacing Wagtail's welcome page."""
    return site_home("Trang chủ", locale_vi)


def site_home(title, locale):
    """The default site's root: a plain page in ``locale``, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    Site.objects.all().delete()
    for page in root.get_children():
        page.delete()
    home = root.add_child(instance=Page(title=title, slug="home", locale=locale))
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


@pytest.fixture
def sections(home):
    return factories.build_sections(home)


@pytest.fixture
def unit(locale_vi):
    return factories.make_unit("Phòng Quản lý khoa học", locale=locale_vi)


@pytest.fixture
def awards(locale_vi):
    from thidua_wagtail.awards import load_default_awards
    from thidua_wagtail.models import Award

    load_default_awards(locale_vi)
    return {a.code: a for a in Award.objects.filter(locale=locale_vi)}


@pytest.fixture
def site_urls(sections, home, unit, awards):
    """A page of each type, with its links, and the app's views: the URLs the hostile-input tests probe."""
    campaign = factories.make_campaign(sections["campaigns"], "Thi đua yêu nước")
    profile = factories.make_profile(sections["profiles"], "Nguyễn Văn An", campaigns=[campaign], unit=unit,
                                     honours=[(awards["lao-dong-tien-tien"], 2020)])
    news = factories.make_news(sections["news"], "Tin thi đua", campaigns=[campaign], profiles=[profile], tags=["x"])
    nomination = NominationPage(title="Đề cử", slug="de-cu")
    statistics = StatisticsPage(title="Thống kê", slug="thong-ke")
    registrations = RegistrationIndexPage(title="Đăng ký thi đua", slug="dang-ky")
    consultations = ConsultationIndexPage(title="Lấy ý kiến", slug="lay-y-kien")
    for page in (nomination, statistics, registrations, consultations):
        home.add_child(instance=page)
        page.save_revision().publish()
    today = datetime.date.today()  # an open consultation: its comment form is probed too
    consultation = ConsultationPage(title="Lấy ý kiến Nhân dân", slug="dot-1", summary="Tóm tắt", proposing_body="Sở",
                                    opens_on=today - datetime.timedelta(days=1),
                                    closes_on=today + datetime.timedelta(days=40))
    consultation.nominees.add(ConsultationNominee(name="Nguyễn Thị Hoa", achievements="Thành tích",
                                                  proposed_award=awards["huan-chuong-lao-dong"]))
    consultations.add_child(instance=consultation)
    consultation.save_revision().publish()
    registration = factories.make_registration(registrations, unit, 2026,
                                               [("collective", "", awards["tap-the-lao-dong-xuat-sac"])])
    urls = [p.url for p in (sections["campaigns"], sections["profiles"], sections["news"], campaign, profile, news,
                            nomination, statistics, registrations, registration, consultations, consultation)]
    document = factories.make_document("60/KH-KHCN", area="Thi đua, khen thưởng")
    return urls + ["/vi/van-ban-thi-dua/", f"/vi/van-ban-thi-dua/{document.pk}/", "/vi/co-cau-to-chuc/", "/vi/", "/vi/tim-kiem/",
                   "/vi/feeds/news/rss/", "/vi/feeds/registrations/rss/", "/vi/feeds/consultations/rss/",
                   "/api/v2/campaigns/", "/api/v2/profiles/",
                   "/api/v2/news/", "/api/v2/registrations/", "/api/v2/consultations/", "/sitemap.xml"]


@pytest.fixture
def english_site(db, settings):
    """A site whose default language is English, Vietnamese a second content language (issue 16)."""
    settings.LANGUAGE_CODE = "en"
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("vi", "Tiếng Việt")]
    return site_home("Home", Locale.objects.get_or_create(language_code="en")[0])
