"""The honours register (admin report and its exports), the dashboard panels and the statistics page."""

import csv
import datetime
import io
import re

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page

from thidua_wagtail.models import Nomination, StatisticsPage
from thidua_wagtail.models.statistics import all_charts

from . import factories


@pytest.fixture
def office(client, db):
    client.force_login(get_user_model().objects.create_superuser("office", "o@example.org", "pw"))
    return client


@pytest.fixture
def honours(sections, awards, unit, locale_vi):
    other_unit = factories.make_unit("Văn phòng Sở", locale=locale_vi)
    campaign = factories.make_campaign(sections["campaigns"], "Văn hóa công sở")
    second = factories.make_campaign(sections["campaigns"], "Nông thôn mới")
    csts = awards["chien-si-thi-dua-co-so"]
    ldtt = awards["lao-dong-tien-tien"]
    a = factories.make_profile(sections["profiles"], "Nguyễn Thị Thu Hà", unit=unit, campaigns=[campaign, second],
                               honours=[(csts, 2019), (ldtt, 2020)])
    b = factories.make_profile(sections["profiles"], "Trần Văn Minh", unit=other_unit, campaigns=[campaign],
                               honours=[(ldtt, 2020)])
    draft = factories.make_profile(sections["profiles"], "Hồ sơ nháp", unit=unit, campaigns=[campaign],
                                   honours=[(csts, 2021)], publish=False)
    return {"a": a, "b": b, "draft": draft, "campaign": campaign, "second": second, "csts": csts, "ldtt": ldtt,
            "unit": unit, "other_unit": other_unit}


URL = "/admin/reports/thidua-honours/"


def test_honours_register_lists_filters_and_exports(office, honours):
    html = office.get(URL).content.decode()
    menu = office.get("/admin/").content.decode()
    assert URL in menu and "/admin/reports/thidua-listed-recipients/" in menu  # both reports in the menu
    for name in ("Nguyễn Thị Thu Hà", "Trần Văn Minh", "Hồ sơ nháp", "2019/QĐ-UBND", "Văn phòng Sở"):
        assert name in html
    html = office.get(URL, {"year": "2020"}).content.decode()
    assert html.count("2020/QĐ-UBND") == 2 and "2019/QĐ-UBND" not in html
    html = office.get(URL, {"unit": honours["other_unit"].pk}).content.decode()
    assert "Trần Văn Minh" in html and "Nguyễn Thị Thu Hà" not in html
    html = office.get(URL, {"award": honours["csts"].pk, "published": "true"}).content.decode()
    assert "Nguyễn Thị Thu Hà" in html and "Hồ sơ nháp" not in html and "Trần Văn Minh" not in html

    response = office.get(URL, {"export": "csv", "year": "2020"})
    assert response.status_code == 200 and "so-khen-thuong-" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 3
    assert sorted(r[0] for r in rows[1:]) == ["Nguyễn Thị Thu Hà", "Trần Văn Minh"]
    minh = next(r for r in rows if r[0] == "Trần Văn Minh")
    assert "Văn phòng Sở" in minh and "2020" in minh and "2020/QĐ-UBND" in minh and "Lao động tiên tiến" in minh

    response = office.get(URL, {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 5  # heading + 4 honours
    assert {r[0] for r in rows[1:]} == {"Nguyễn Thị Thu Hà", "Trần Văn Minh", "Hồ sơ nháp"}
    assert {r[5] for r in rows[1:]} == {2019, 2020, 2021}


def test_honours_register_shows_the_default_language_unless_asked(office, honours, locale_en):
    factories.translate(honours["b"], locale_en, fill=lambda e: e.msgid)
    response = office.get(URL, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 5 and {r[-1] for r in rows[1:]} == {"vi"}
    response = office.get(URL, {"export": "csv", "locale": "en"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert [(r[0], r[-1]) for r in rows[1:]] == [("Trần Văn Minh", "en")]


def test_honours_register_needs_page_rights(client, honours):
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user("viewer", "v@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code in (302, 403)
    assert client.get(URL, {"export": "csv"}).status_code in (302, 403)
    menu = client.get("/admin/").content.decode()
    assert URL not in menu and "/admin/reports/thidua-listed-recipients/" not in menu  # neither report is offered


def test_statistics_counts_only_what_visitors_see(honours, locale_vi):
    charts = {chart.key: chart for chart in all_charts(locale_vi)}
    assert charts["years"].rows == [("2019", 1), ("2020", 2)]
    assert dict(charts["awards"].rows) == {"Lao động tiên tiến": 2, "Chiến sĩ thi đua cơ sở": 1}
    assert dict(charts["units"].rows) == {"Phòng Quản lý khoa học": 2, "Văn phòng Sở": 1}
    assert charts["campaigns"].rows == [("Văn hóa công sở", 2), ("Nông thôn mới", 1)]
    bars = charts["years"].bars
    assert bars[1]["width"] == charts["years"].WIDTH - charts["years"].VALUE_SPACE  # the largest fills the room
    assert bars[0]["width"] == pytest.approx(bars[1]["width"] / 2, abs=0.1)


def test_statistics_page_renders_svg_and_tables_in_both_languages(client, honours, home, locale_en):
    page = StatisticsPage(title="Thống kê", slug="thong-ke")
    home.add_child(instance=page)
    page.save_revision().publish()
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/vi/thong-ke/").content.decode()
    assert html.count('<svg class="td-chart__svg" role="img"') == 4
    with translation.override("vi"):
        from django.utils.translation import gettext as _

        assert _("Honours per year") in html and _("Honours per year") != "Honours per year"
    assert re.search(r'<th scope="row">2020</th><td>2</td>', html)
    assert re.search(r'<th scope="row">Văn hóa công sở</th><td>2</td>', html)
    assert "Hồ sơ nháp" not in html
    assert '<rect class="td-chart__bar" x="0" y="21" width="316' in html or 'width="316.0"' in html
    counts = []
    for name, year in (("Thêm một người", 2022), ("Thêm người nữa", 2023)):
        factories.make_profile(Page.objects.get(slug="dien-hinh"), name, honours=[(honours["ldtt"], year)])
        with CaptureQueriesContext(connection) as queries:
            html = client.get("/vi/thong-ke/").content.decode()
        assert re.search(rf'<th scope="row">{year}</th><td>1</td>', html)  # publishing refreshed the fragment
        counts.append(len(queries))
    assert counts[0] == counts[1]  # the number of queries does not grow with the content

    factories.translate(page, locale_en, fill=lambda e: e.msgid if e.msgctxt != "slug" else "statistics")
    with translation.override("en"):
        en = client.get("/en/statistics/").content.decode()
    assert "Honours per year" in en and 'lang="en"' in en
    assert "Nothing to count yet." in en  # no English profiles yet: nothing is counted across languages


def test_dashboard_panels(office, honours, sections, home):
    today = timezone.localdate()
    factories.make_campaign(sections["campaigns"], "Sắp kết thúc", start_date=today - datetime.timedelta(days=60),
                            end_date=today + datetime.timedelta(days=10))
    factories.make_campaign(sections["campaigns"], "Còn dài", start_date=today - datetime.timedelta(days=5),
                            end_date=today + datetime.timedelta(days=200))
    Nomination.objects.create(locale=home.locale, nominee_name="Người được đề cử", achievements="…",
                              nominator_name="A", nominator_email="a@example.org", consent=True)
    html = office.get(reverse("wagtailadmin_home")).content.decode()
    ending = html.split('id="thidua-campaigns-section"')[1].split("</section>")[0]
    assert "Sắp kết thúc" in ending and "Còn dài" in ending
    assert ending.index("Sắp kết thúc") < ending.index("Còn dài")
    nominations = html.split('id="thidua-nominations-section"')[1].split("</section>")[0]
    assert "Người được đề cử" in nominations and "?status=new" in nominations
    # No other language yet: no translation panel.
    assert 'id="thidua-translations-section"' not in html


def test_translation_panel_finds_missing_and_outdated(office, honours, locale_en, django_capture_on_commit_callbacks):
    factories.translate(honours["b"], locale_en, fill=lambda e: e.msgid)
    html = office.get(reverse("wagtailadmin_home")).content.decode()
    panel = html.split('id="thidua-translations-section"')[1].split("</section>")[0]
    assert "Chưa dịch: 3. Đã thay đổi sau khi dịch: 0." in panel  # two campaigns and a profile
    assert "Nguyễn Thị Thu Hà" in panel and "Trần Văn Minh" not in panel
    # Change and republish the source after translating: it is now out of date.
    b = honours["b"]
    b.achievements = "Thành tích mới"
    b.save_revision().publish()
    html = office.get(reverse("wagtailadmin_home")).content.decode()
    panel = html.split('id="thidua-translations-section"')[1].split("</section>")[0]
    assert "Đã thay đổi sau khi dịch: 1." in panel and re.search(r"Trần Văn Minh</a> → ", panel)


def test_the_recipients_decisions_list_have_their_own_register(office, awards, locale_vi, client):
    """Issue 17: the honours register of the admin reads the new model: recipients without a profile, listed on
    decisions (public or not yet), filterable and exported like the profiles' honours."""
    import datetime

    from django.contrib.auth.models import Permission

    from thidua_wagtail.models import DecisionRecipient, OfficialDocument

    def decision(number, public, rows):
        made = OfficialDocument.objects.create(locale=locale_vi, number=number, doc_type="decision", title="QĐ",
                                               issue_date=datetime.date(2023, 5, 4), issuing_body="Chủ tịch UBND tỉnh",
                                               is_public=public)
        made.listed_recipients = rows
        made.save()
        return made

    decision("1456/QĐ-UBND", True, [
        DecisionRecipient(name="Nguyễn Thị Lụa", position="Kỹ sư", unit="Trung tâm Thông tin",
                          award=awards["bang-khen-chu-tich-ubnd-tinh"]),
        DecisionRecipient(name="Phòng Thanh tra", kind="collective", unit="Sở", award=awards["giay-khen"])])
    draft = decision("77/QĐ-UBND", False, [DecisionRecipient(name="Lê Văn Nháp", award=awards["giay-khen"])])
    url = "/admin/reports/thidua-listed-recipients/"
    html = office.get(url).content.decode()
    assert "Nguyễn Thị Lụa" in html and "Phòng Thanh tra" in html and "Lê Văn Nháp" in html
    assert f"/admin/snippets/thidua_wagtail/officialdocument/edit/{draft.pk}/" in html  # the row opens its decision
    html = office.get(url, {"kind": "collective"}).content.decode()
    assert "Phòng Thanh tra" in html and "Nguyễn Thị Lụa" not in html
    response = office.get(url, {"export": "csv", "public": "true"})
    assert "danh-sach-khen-thuong-" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["Tên", "Loại", "Chức vụ"]
    assert sorted(r[0] for r in rows[1:]) == ["Nguyễn Thị Lụa", "Phòng Thanh tra"]
    lua = next(r for r in rows if r[0] == "Nguyễn Thị Lụa")
    assert "Trung tâm Thông tin" in lua and "1456/QĐ-UBND" in lua and "2023" in lua
    user = get_user_model().objects.create_user("viewer", "v@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(url).status_code in (302, 403)
