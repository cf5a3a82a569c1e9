"""The public register of honours and its open data (issue 17)."""

import csv
import datetime
import io
import json

import pytest
from wagtail.models import PageViewRestriction

from thidua_wagtail.models import DecisionRecipient, OfficialDocument, ProfileHonour

from . import factories

pytestmark = pytest.mark.django_db

URL = "/vi/tra-cuu-khen-thuong/"


@pytest.fixture
def register(sections, awards, unit):
    """Three published profiles, a draft and one behind a password; a decision, a typed number, a revocation."""
    locale = sections["profiles"].locale
    decision = OfficialDocument.objects.create(
        locale=locale, number="215/QĐ-KHCN", doc_type="decision", title="Quyết định khen thưởng",
        issue_date=datetime.date(2019, 12, 20), issuing_body="Giám đốc Sở Khoa học và Công nghệ")
    revoking = OfficialDocument.objects.create(
        locale=locale, number="9/QĐ-KHCN", doc_type="decision", title="Quyết định hủy bỏ",
        issue_date=datetime.date(2024, 2, 1), issuing_body="Giám đốc Sở Khoa học và Công nghệ")
    index = sections["profiles"]
    made = {}
    for title, position, honours in (
        ("Nguyễn Thị Hà", "Chuyên viên", [("chien-si-thi-dua-co-so", 2019, decision, None),
                                          ("lao-dong-tien-tien", 2019, None, None)]),
        ("Nguyễn Thị Thu", "", [("giay-khen", 2021, None, None)]),
        ("Trần Văn Bình", "Phó trưởng phòng", [("chien-si-thi-dua-co-so", 2020, None, revoking)]),
    ):
        profile = factories.make_profile(index, title, publish=False, position=position, unit=unit)
        for code, year, conferred, revoked in honours:
            profile.honours.add(ProfileHonour(award=awards[code], year=year, decision=conferred, revoked_by=revoked,
                                              decision_number="" if conferred else f"{year}/QĐ-UBND"))
        profile.save_revision().publish()
        made[title] = profile
    draft = factories.make_profile(index, "Lê Văn Nháp", publish=False)
    draft.honours.add(ProfileHonour(award=awards["giay-khen"], year=2022))
    draft.save_revision()
    hidden = factories.make_profile(index, "Phạm Văn Kín", honours=[(awards["giay-khen"], 2022)])
    PageViewRestriction.objects.create(page=hidden, restriction_type="password", password="x")
    return made


def test_the_register_finds_names_with_or_without_marks(client, register):
    html = client.get(URL, {"q": "Nguyen Thi"}).content.decode()
    assert "3 khen thưởng" in html
    assert "Nguyễn Thị Hà" in html and "Nguyễn Thị Thu" in html and "Trần Văn Bình" not in html
    assert client.get(URL, {"q": "nguyễn thị hà"}).content.decode().count('<th scope="row"><a href=') == 2
    html = client.get(URL, {"q": "NGUYEN THI THU"}).content.decode()
    assert "1 khen thưởng" in html and f'href="{register["Nguyễn Thị Thu"].url}"' in html


def test_the_register_shows_only_what_visitors_may_see_with_decisions_and_revocations(client, register):
    html = client.get(URL).content.decode()
    assert "4 khen thưởng" in html  # not the draft's, not the password-protected profile's
    assert "Lê Văn Nháp" not in html and "Phạm Văn Kín" not in html
    assert "Quyết định số 215/QĐ-KHCN</a> ngày 20/12/2019, Giám đốc Sở Khoa học và Công nghệ" in html
    assert "2021/QĐ-UBND" in html  # a typed number, as typed
    assert ('<strong>Đã bị hủy bỏ</strong>: <a href="/vi/tra-cuu-khen-thuong/quyet-dinh/' in html
            and 'Quyết định số 9/QĐ-KHCN</a> ngày 1/2/2024' in html
            and "<s>Chiến sĩ thi đua cơ sở</s>" in html)


def test_the_register_filters_by_award_year_unit_and_decision(client, register, awards, unit):
    def count(**params):
        html = client.get(URL, params).content.decode()
        return html.count('<th scope="row"><a href=')

    assert count(award=awards["chien-si-thi-dua-co-so"].pk) == 2
    assert count(year=2019) == 2
    assert count(unit=unit.pk, year=2021) == 1
    assert count(decision="215/qd") == 1  # folded: "qd" finds "QĐ"
    assert count(decision="2021/QĐ") == 1
    assert count(q="Hà", decision="2021") == 0


def test_bad_register_input_is_ignored_not_an_error(client, register):
    for params in ({"year": "abc"}, {"award": "999999999999999999999"}, {"unit": "x"}, {"page": "-3"},
                   {"q": "\x00" * 300}, {"decision": "%" * 100}):
        response = client.get(URL, params)
        assert response.status_code == 200, params
        assert "khen thưởng" in response.content.decode()


def test_the_register_is_paginated(client, register, settings):
    settings.THIDUA_REGISTER_PAGE_SIZE = 3
    html = client.get(URL).content.decode()
    assert "Trang 1 / 2" in html
    assert html.count('<th scope="row"><a href=') == 3
    assert client.get(URL, {"page": 2}).content.decode().count('<th scope="row"><a href=') == 1


def test_the_register_in_english(client, register, locale_en):
    response = client.get("/en/honours/")
    assert response.status_code == 200
    assert "Register of honours" in response.content.decode()


def test_open_data_as_csv_and_json_without_revoked_or_hidden_honours(client, register):
    response = client.get(URL + "honours.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="honours-vi.csv"'
    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    assert response.has_header("Last-Modified")
    table = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(r["name"], r["award_code"], r["year"], r["decision_number"], r["decision_date"]) for r in table] == [
        ("Nguyễn Thị Thu", "giay-khen", "2021", "2021/QĐ-UBND", ""),
        ("Nguyễn Thị Hà", "chien-si-thi-dua-co-so", "2019", "215/QĐ-KHCN", "2019-12-20"),
        ("Nguyễn Thị Hà", "lao-dong-tien-tien", "2019", "2019/QĐ-UBND", ""),
    ]
    assert table[1]["decided_by"] == "Giám đốc Sở Khoa học và Công nghệ"
    assert table[1]["profile_url"] == "http://testserver" + register["Nguyễn Thị Hà"].url
    data = json.loads(client.get(URL + "honours.json").content)
    assert data["licence"] == "CC BY 4.0" and data["count"] == 3 and data["language"] == "vi"
    assert data["fields"][:4] == ["name", "recipient", "position", "unit"]
    assert data["modified"].startswith(str(datetime.date.today().year))
    assert {r["name"] for r in data["records"]} == {"Nguyễn Thị Hà", "Nguyễn Thị Thu"}
    # A cached copy keeps the download's headers.
    again = client.get(URL + "honours.csv")
    assert again.get("X-Thidua-Cache") in (None, "hit") and again["Content-Disposition"] == (
        'attachment; filename="honours-vi.csv"')


def test_a_name_that_looks_like_a_formula_is_written_as_text(client, sections, awards):
    factories.make_profile(sections["profiles"], "=HYPERLINK(\"http://x\")", honours=[(awards["giay-khen"], 2020)])
    table = client.get(URL + "honours.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in table


def test_a_decision_s_page_lists_what_it_conferred_and_revoked(client, register):
    conferring = OfficialDocument.objects.get(number="215/QĐ-KHCN")
    html = client.get(f"{URL}quyet-dinh/{conferring.pk}/").content.decode()
    assert "<h1>Quyết định số 215/QĐ-KHCN</h1>" in html and "Ngày ban hành" in html
    assert f'<a href="{register["Nguyễn Thị Hà"].url}">Nguyễn Thị Hà</a>' in html
    assert "Chiến sĩ thi đua cơ sở" in html and "Các khen thưởng bị hủy bỏ" not in html
    revoking = OfficialDocument.objects.get(number="9/QĐ-KHCN")
    html = client.get(f"{URL}quyet-dinh/{revoking.pk}/").content.decode()
    assert "Các khen thưởng bị hủy bỏ theo quyết định" in html and "Trần Văn Bình" in html


def test_a_decision_page_is_only_for_public_decisions(client, register, sections):
    plan = OfficialDocument.objects.create(
        locale=sections["profiles"].locale, number="60/KH-KHCN", doc_type="plan", title="Kế hoạch",
        issue_date=datetime.date(2019, 8, 26), issuing_body="Sở")
    private = OfficialDocument.objects.get(number="215/QĐ-KHCN")
    private.is_public = False
    private.save()
    for pk in (plan.pk, private.pk, 999999):
        assert client.get(f"{URL}quyet-dinh/{pk}/").status_code == 404
    assert f"quyet-dinh/{private.pk}/" not in client.get(URL).content.decode()  # its number, without a link


@pytest.fixture
def listed(register, awards):
    """A public decision listing two recipients without a profile, one revoked later; a private one listing one."""
    locale = OfficialDocument.objects.get(number="215/QĐ-KHCN").locale
    public = OfficialDocument.objects.create(
        locale=locale, number="1456/QĐ-UBND", doc_type="decision", title="Quyết định khen thưởng",
        issue_date=datetime.date(2023, 5, 4), issuing_body="Chủ tịch Ủy ban nhân dân tỉnh Thái Nguyên")
    revoking = OfficialDocument.objects.get(number="9/QĐ-KHCN")
    public.listed_recipients = [
        DecisionRecipient(name="Nguyễn Thị Lụa", position="Kỹ sư", unit="Trung tâm Thông tin",
                          award=awards["bang-khen-chu-tich-ubnd-tinh"]),
        DecisionRecipient(name="Phòng Thanh tra", kind="collective", unit="Sở Khoa học và Công nghệ",
                          award=awards["huan-chuong-lao-dong"], grade="third", revoked_by=revoking),
    ]
    public.save()
    private = OfficialDocument.objects.create(
        locale=locale, number="77/QĐ-UBND", doc_type="decision", title="Nháp", issue_date=datetime.date(2024, 1, 2),
        issuing_body="Chủ tịch UBND tỉnh", is_public=False)
    private.listed_recipients = [DecisionRecipient(name="Nguyễn Thị Nháp", award=awards["giay-khen"])]
    private.save()
    return public


def test_recipients_without_a_profile_are_in_the_register_with_their_decision(client, listed, awards):
    html = client.get(URL, {"q": "nguyen thi l"}).content.decode()
    assert "1 khen thưởng" in html
    assert ('<th scope="row">Nguyễn Thị Lụa<br><span class="td-muted">Kỹ sư</span></th>\n'
            '                <td>Trung tâm Thông tin</td>') in html
    assert f'<a href="/vi/tra-cuu-khen-thuong/quyet-dinh/{listed.pk}/">Quyết định số 1456/QĐ-UBND</a>' in html
    html = client.get(URL).content.decode()
    assert "6 khen thưởng" in html and "Nguyễn Thị Nháp" not in html  # the private decision's list stays out
    # Newest year first, profiles and lists mixed: 2023's list before 2021's and 2019's profiles.
    assert html.index("Nguyễn Thị Lụa") < html.index("Nguyễn Thị Thu") < html.index("Nguyễn Thị Hà")
    assert "<s>Huân chương Lao động hạng Ba</s>" in html
    assert client.get(URL, {"year": 2023}).content.decode().count('<th scope="row">') == 2
    award = awards["bang-khen-chu-tich-ubnd-tinh"].pk
    assert client.get(URL, {"award": award}).content.decode().count('<th scope="row">') == 1
    assert f'<option value="{award}">' in html  # offered: an award only a decision's list holds
    assert client.get(URL, {"decision": "1456"}).content.decode().count('<th scope="row">') == 2


def test_a_decision_page_lists_its_recipients_without_a_profile(client, listed):
    html = client.get(f"{URL}quyet-dinh/{listed.pk}/").content.decode()
    assert "Nguyễn Thị Lụa<br><span class=\"td-muted\">Kỹ sư</span></th><td>Trung tâm Thông tin</td>" in html
    assert "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" in html and "<td class=\"td-nowrap\">2023</td>" in html
    revoking = OfficialDocument.objects.get(number="9/QĐ-KHCN")
    html = client.get(f"{URL}quyet-dinh/{revoking.pk}/").content.decode()
    assert "Phòng Thanh tra" in html and "Trần Văn Bình" in html


def test_open_data_and_statistics_count_the_lists_but_not_revoked_or_private_ones(client, listed):
    table = list(csv.DictReader(io.StringIO(client.get(URL + "honours.csv").content.decode("utf-8-sig"))))
    assert [r["name"] for r in table] == ["Nguyễn Thị Lụa", "Nguyễn Thị Thu", "Nguyễn Thị Hà", "Nguyễn Thị Hà"]
    row = table[0]
    assert (row["recipient"], row["unit"], row["award_code"], row["year"], row["decision_date"], row["profile_url"],
            row["decision_url"]) == ("individual", "Trung tâm Thông tin", "bang-khen-chu-tich-ubnd-tinh", "2023",
                                     "2023-05-04", "", f"http://testserver{URL}quyet-dinh/{listed.pk}/")
    from thidua_wagtail.models.statistics import honours_per_award, honours_per_year

    locale = listed.locale
    assert dict(honours_per_year(locale).rows) == {"2019": 2, "2021": 1, "2023": 1}
    assert dict(honours_per_award(locale).rows)["Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"] == 1
    assert "Huân chương Lao động" not in dict(honours_per_award(locale).rows)
