"""GET filters and pagination of the three listings, including malformed input."""

import datetime
import re

import pytest
from django import forms

from thidua_wagtail.filters import FilterSelect

from . import factories

D = datetime.date


def titles(response):
    assert response.status_code == 200
    return set(re.findall(r'class="td-card__title"><a href="[^"]*">([^<]*)</a>', response.content.decode()))


@pytest.fixture
def campaigns(sections):
    index = sections["campaigns"]
    today = datetime.date.today()
    return {
        "old": factories.make_campaign(index, "Cũ 2019", start_date=D(2019, 1, 1), end_date=D(2019, 12, 31)),
        "regular": factories.make_campaign(index, "Thường xuyên", campaign_type="regular",
                                           start_date=D(2018, 1, 1), end_date=None),
        "future": factories.make_campaign(index, "Sắp tới", campaign_type="phased",
                                          start_date=today + datetime.timedelta(days=30),
                                          end_date=today + datetime.timedelta(days=60)),
    }


def test_campaign_filters(client, sections, campaigns):
    url = sections["campaigns"].url
    assert titles(client.get(url)) == {"Cũ 2019", "Thường xuyên", "Sắp tới"}
    assert titles(client.get(url, {"status": "ongoing"})) == {"Thường xuyên"}
    assert titles(client.get(url, {"status": "upcoming"})) == {"Sắp tới"}
    assert titles(client.get(url, {"status": "ended"})) == {"Cũ 2019"}
    assert titles(client.get(url, {"type": "regular"})) == {"Thường xuyên"}
    assert titles(client.get(url, {"type": "phased"})) == {"Sắp tới"}
    assert titles(client.get(url, {"year": "2019"})) == {"Cũ 2019", "Thường xuyên"}
    assert titles(client.get(url, {"year": "2019", "type": "thematic"})) == {"Cũ 2019"}


@pytest.fixture
def profiles(sections, campaigns, awards, locale_vi):
    index = sections["profiles"]
    office = factories.make_unit("Văn phòng Sở", locale=locale_vi)
    lab = factories.make_unit("Trung tâm Ứng dụng", locale=locale_vi)
    return {
        "office": office,
        "lab": lab,
        "an": factories.make_profile(index, "Nguyễn Văn An", unit=office, campaigns=[campaigns["old"]],
                                     honours=[(awards["chien-si-thi-dua-co-so"], 2019)]),
        "binh": factories.make_profile(index, "Trần Thị Bình", unit=lab, campaigns=[campaigns["regular"]],
                                       honours=[(awards["lao-dong-tien-tien"], 2020),
                                                (awards["lao-dong-tien-tien"], 2021)]),
        "team": factories.make_profile(index, "Tổ Thử nghiệm", kind="collective", unit=lab,
                                       campaigns=[campaigns["old"], campaigns["regular"]],
                                       honours=[(awards["tap-the-lao-dong-xuat-sac"], 2020)]),
    }


def test_profile_filters(client, sections, profiles, awards, campaigns):
    url = sections["profiles"].url
    assert titles(client.get(url)) == {"Nguyễn Văn An", "Trần Thị Bình", "Tổ Thử nghiệm"}
    assert titles(client.get(url, {"kind": "collective"})) == {"Tổ Thử nghiệm"}
    assert titles(client.get(url, {"unit": profiles["lab"].pk})) == {"Trần Thị Bình", "Tổ Thử nghiệm"}
    # An award received twice lists the profile once.
    response = client.get(url, {"award": awards["lao-dong-tien-tien"].pk})
    assert titles(response) == {"Trần Thị Bình"}
    assert response.content.decode().count("Trần Thị Bình</a>") == 1
    assert titles(client.get(url, {"campaign": campaigns["old"].pk})) == {"Nguyễn Văn An", "Tổ Thử nghiệm"}
    assert titles(client.get(url, {"campaign": campaigns["old"].pk, "unit": profiles["lab"].pk})) == {"Tổ Thử nghiệm"}


def test_news_filters(client, sections, campaigns):
    index = sections["news"]
    factories.make_news(index, "Tin 2019", date=D(2019, 5, 1), campaigns=[campaigns["old"]], tags=["Khen thưởng"])
    factories.make_news(index, "Tin 2020", date=D(2020, 5, 1), tags=["Nông thôn mới"])
    url = index.url
    assert titles(client.get(url)) == {"Tin 2019", "Tin 2020"}
    assert titles(client.get(url, {"year": "2020"})) == {"Tin 2020"}
    assert titles(client.get(url, {"campaign": campaigns["old"].pk})) == {"Tin 2019"}
    html = client.get(url).content.decode()
    slug = re.search(r'href="\?tag=([^"]+)">Nông thôn mới', html).group(1)
    assert titles(client.get(f"{url}?tag={slug}")) == {"Tin 2020"}



def test_news_topics_are_those_of_visible_items_of_the_section_probed_per_topic(client, sections, home):
    """The topics offered are the tags of the section's live, public items (not a draft's, a private item's or
    another news section's), each found by probing its own tagged items rather than reading the section first."""
    from django.db import connection
    from wagtail.models import PageViewRestriction

    from thidua_wagtail.models import NewsIndexPage, NewsPage

    index = sections["news"]
    factories.make_news(index, "Tin công khai", tags=["Khen thưởng", "Nông thôn mới"])
    factories.make_news(index, "Tin nháp", publish=False, tags=["Bản nháp"])
    private = factories.make_news(index, "Tin riêng", tags=["Riêng tư"])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    other = home.add_child(instance=NewsIndexPage(title="Tin khác", slug="tin-khac"))
    factories.make_news(other, "Tin mục khác", tags=["Mục khác"])

    html = client.get(index.url).content.decode()
    offered = re.findall(r'<li><a href="\?tag=[^"]+">([^<]+)</a></li>', html)
    assert offered == ["Khen thưởng", "Nông thôn mới"]
    assert [tag.name for tag in NewsPage.tags_in(other)] == ["Mục khác"]
    if connection.vendor == "sqlite":
        sql, params = NewsPage.tags_in(index).query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = " | ".join(str(row[-1]) for row in cursor.fetchall())
        assert "LIST SUBQUERY" not in plan and "CORRELATED SCALAR SUBQUERY" in plan, plan


def test_the_campaign_filter_offers_the_live_public_campaigns_of_the_language_newest_first(
        client, sections, campaigns, locale_en):
    """The profile and news lists' campaign filter: live, public campaigns of the reader's language, newest first;
    not a draft, a private campaign or another language's campaign."""
    from wagtail.models import PageViewRestriction

    index = sections["campaigns"]
    factories.make_campaign(index, "Bản nháp", publish=False)
    private = factories.make_campaign(index, "Riêng tư", start_date=D(2021, 1, 1), end_date=D(2021, 12, 31))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    english = campaigns["old"].copy_for_translation(locale_en, copy_parents=True)
    english.title = "Old 2019"
    english.save_revision().publish()
    for section in (sections["profiles"], sections["news"]):
        html = client.get(section.url).content.decode()
        select = re.search(r'<select name="campaign".*?</select>', html, re.S).group(0)
        offered = re.findall(r'<option value="(\d+)">([^<]+)</option>', select)
        assert offered == [(str(campaigns[key].pk), campaigns[key].title) for key in ("future", "old", "regular")]

BAD_VALUES = ["abc", "²", "\x00", "-1", "99999999999999999999999999", "1e3", "１", "' OR 1=1 --", "<script>", "x" * 5000]


def test_bad_parameters_are_ignored_never_500(client, sections, profiles):
    for value in BAD_VALUES:
        check_bad_value(client, sections, value)


def check_bad_value(client, sections, value):
    for index, params in (
        (sections["campaigns"], ["status", "type", "year", "page"]),
        (sections["profiles"], ["kind", "unit", "award", "campaign", "page"]),
        (sections["news"], ["tag", "year", "campaign", "page"]),
    ):
        for name in params:
            response = client.get(index.url, {name: value})
            assert response.status_code == 200, (index, name, value)
            html = response.content.decode()
            assert "\x00" not in html and "<script>" not in html
            if name not in ("page", "tag"):
                assert "td-notice" in html, (name, value)


def test_unknown_but_wellformed_ids_are_ignored(client, sections, profiles):
    response = client.get(sections["profiles"].url, {"unit": "987654"})
    assert titles(response) == {"Nguyễn Văn An", "Trần Thị Bình", "Tổ Thử nghiệm"}
    assert "td-notice" in response.content.decode()


def test_units_of_another_locale_are_not_offered(client, sections, profiles, locale_en):
    english_unit = profiles["lab"].copy_for_translation(locale_en)
    english_unit.name = "Application Centre"
    english_unit.save()
    html = client.get(sections["profiles"].url).content.decode()
    assert "Application Centre" not in html
    assert titles(client.get(sections["profiles"].url, {"unit": english_unit.pk})) == {
        "Nguyễn Văn An", "Trần Thị Bình", "Tổ Thử nghiệm"}


def test_pagination_clamps_and_keeps_filters(client, sections, settings):
    settings.THIDUA_PAGE_SIZE = 2
    index = sections["news"]
    for day in range(1, 6):
        factories.make_news(index, f"Tin ngày {day}", date=D(2020, 1, day))
    url = index.url
    assert titles(client.get(url)) == {"Tin ngày 5", "Tin ngày 4"}
    assert titles(client.get(url, {"page": 3})) == {"Tin ngày 1"}
    assert titles(client.get(url, {"page": 999})) == {"Tin ngày 1"}  # too large: last page
    assert titles(client.get(url, {"page": "abc"})) == {"Tin ngày 5", "Tin ngày 4"}  # not a number: first
    html = client.get(url, {"year": 2020, "page": 2}).content.decode()
    assert 'href="?year=2020&amp;page=3"' in html
    assert 'aria-current="page">2<' in html


@pytest.mark.parametrize("value", [None, "", "2", 1, "3", "x", "<script>"])
def test_the_filter_select_writes_what_django_s_select_writes(value):
    """FilterSelect (written in Python, for speed) gives the HTML of Django's template-rendered Select: the same
    escaping, selection, groups and attributes."""
    choices = [("", "Tất cả"), (1, "A & B <i>x</i>"), ("2", 'Trích "dẫn"'), ("Nhóm", [(3, "một"), (4, "hai")])]
    attrs = {"class": "td-select", "data-on": True, "data-off": False}

    def render(widget):
        html = widget(choices=choices, attrs=attrs).render("kind", value, attrs={"id": "id_kind"})
        return "".join(line.strip() for line in html.splitlines())

    assert render(FilterSelect) == render(forms.Select)
    assert "&lt;i&gt;x&lt;/i&gt;" in render(FilterSelect)


def ordered_titles(response):
    assert response.status_code == 200
    return re.findall(r'class="td-card__title"><a href="[^"]*">([^<]*)</a>', response.content.decode())


def test_list_pages_in_order_across_pages_and_filters_with_drafts_and_private_pages_left_out(
        client, sections, settings):
    """A list reads a page's keys in the list's order from the type's own index, then those pages: every page
    of the list, filtered or not, holds the items the whole ordered list would put there, the count is the
    visible items', and a draft, a private page or a page of another type below the section is neither listed nor
    counted. Profiles are in the year's order, then by name without marks or capitals (Đặng among the D's)."""
    from django.db import connection
    from wagtail.models import Page, PageViewRestriction

    from thidua_wagtail.models import ExemplaryProfilePage
    from thidua_wagtail.querysets import section_members
    from thidua_wagtail.text import fold

    settings.THIDUA_PAGE_SIZE = 4
    index = sections["profiles"]
    names = ["Đặng Văn Đức", "Anh Thư", "Bùi Thị Ánh", "Dương Minh", "đào Hải", "Zô Mạnh", "Ân Tình", "Cao Bằng",
             "Ê Đê", "Hà Nội", "Lê Lợi"]
    visible = []
    for n, name in enumerate(names):
        kind = "individual" if n % 3 else "collective"
        factories.make_profile(index, name, year_recognised=2020 + n % 3, kind=kind)
        visible.append((name, 2020 + n % 3, kind))
    factories.make_profile(index, "Bản nháp", publish=False, year_recognised=2022)
    private = factories.make_profile(index, "Riêng tư", year_recognised=2022)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    index.add_child(instance=Page(title="Trang khác loại", slug="khac-loai"))  # made before the type rules

    def expected(kind=None):
        rows = [row for row in visible if kind in (None, row[2])]
        return [name for name, _year, _kind in sorted(rows, key=lambda row: (-row[1], fold(row[0]), row[0]))]

    for params, kind in (({}, None), ({"kind": "individual"}, "individual"), ({"kind": "collective"}, "collective")):
        shown = []
        for number in range(1, (len(expected(kind)) + 3) // 4 + 1):
            shown += ordered_titles(client.get(index.url, {**params, "page": number}))
        assert shown == expected(kind)
        html = client.get(index.url, params).content.decode()
        assert re.search(rf'class="td-results-count">{len(expected(kind))} ', html), params

    # The list asks for the page's keys alone, each row's page checked by its key (then the four pages whole).
    from django.test.utils import CaptureQueriesContext

    settings.THIDUA_PAGE_CACHE_TIMEOUT = settings.THIDUA_FRAGMENT_CACHE_TIMEOUT = 0
    with CaptureQueriesContext(connection) as queries:
        assert ordered_titles(client.get(index.url, {"page": 2})) == expected()[4:8]
    keys_read = [q["sql"] for q in queries if q["sql"].startswith(
        'SELECT "thidua_wagtail_exemplaryprofilepage"."page_ptr_id" AS "pk"') and "EXISTS" in q["sql"]]
    assert len(keys_read) == 1 and "LIMIT 4 OFFSET 4" in keys_read[0], keys_read
    if connection.vendor == "sqlite":  # the keys come from the order's index, without sorting the section
        keys = ExemplaryProfilePage.objects.filter(section_members(index)).order_by(
            *ExemplaryProfilePage.card.ordering).values_list("pk", flat=True)[:4]
        sql, params = keys.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = " | ".join(str(row[-1]) for row in cursor.fetchall())
        assert "thidua_profile_order_idx" in plan and "TEMP B-TREE FOR ORDER BY" not in plan, plan
