"""Issue 21: the public document registry (Decree 42/2022/NĐ-CP, Art. 4) and the organisation page in both
languages (Art. 4 and 7)."""

import datetime
import re

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model

from thidua_wagtail.models import CampaignDocument, DocumentImplements, Organisation, OrganisationSettings, Unit

from . import factories

D = datetime.date


@pytest.fixture
def documents(sections, locale_vi):
    file = get_document_model().objects.create(title="Kế hoạch 60", file=ContentFile(b"%PDF-1.4 plan", name="kh60.pdf"))
    provincial = factories.make_document(
        "109/KH-UBND", title="Tổ chức Đại hội Thi đua yêu nước các cấp", issue_date=D(2019, 8, 6),
        effective_date=D(2019, 8, 6), issuing_body="Ủy ban nhân dân tỉnh Thái Nguyên", area="Thi đua, khen thưởng")
    plan = factories.make_document(
        "60/KH-KHCN", title="Tuyên truyền Đại hội Thi đua yêu nước", issue_date=D(2019, 8, 26),
        effective_date=D(2019, 9, 1), issuing_body="Sở Khoa học và Công nghệ", area="Thi đua, khen thưởng",
        signer_name="Đinh Bộ Sơn", summary="Kế hoạch tuyên truyền trong toàn ngành.", file=file)
    DocumentImplements.objects.create(document=plan, implemented=provincial)
    letter = factories.make_document(
        "15/CV-KHCN", doc_type="official_letter", title="Hướng dẫn chấm điểm thi đua năm 2024",
        issue_date=D(2024, 3, 5), issuing_body="Sở Khoa học và Công nghệ", area="Khoa học và công nghệ")
    hidden = factories.make_document("99/KH-KHCN", title="Kế hoạch chưa công bố", is_public=False)
    decision = factories.make_document("1456/QĐ-CTN", doc_type="decision", title="Quyết định khen thưởng",
                                       issue_date=D(2023, 12, 20), issuing_body="Chủ tịch nước")
    campaign = factories.make_campaign(sections["campaigns"], "Phong trào tuyên truyền Đại hội",
                                       document_links=[CampaignDocument(document=plan)])
    return {"plan": plan, "provincial": provincial, "letter": letter, "hidden": hidden, "decision": decision,
            "campaign": campaign}


def numbers(response):
    """The numbers listed in the registry's table, in order."""
    html = response.content.decode()
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in html else ""
    return re.findall(r'<th scope="row"><a [^>]*>([^<]+)</a>', body)


def test_the_registry_lists_public_documents_newest_first_with_dates_and_file(client, documents):
    response = client.get("/vi/van-ban-thi-dua/")
    assert response.status_code == 200
    assert numbers(response) == ["15/CV-KHCN", "1456/QĐ-CTN", "60/KH-KHCN", "109/KH-UBND"]
    html = response.content.decode()
    assert "99/KH-KHCN" not in html  # private
    assert "4 văn bản" in html
    plan_row = html.split(">60/KH-KHCN<", 1)[1].split("</tr>", 1)[0]
    assert "26/8/2019" in plan_row and "1/9/2019" in plan_row and 'download' in plan_row and "PDF" in plan_row


@pytest.mark.parametrize(("query", "expected"), [
    ({"q": "ke hoach tuyen truyen"}, ["60/KH-KHCN"]),  # no marks typed, found in the summary and title
    ({"q": "DAI HOI"}, ["60/KH-KHCN", "109/KH-UBND"]),
    ({"q": "60/kh"}, ["60/KH-KHCN"]),  # a number as typed: full-text parsers split it their own ways
    ({"q": "60/KH-KHCN"}, ["60/KH-KHCN"]),
    ({"q": "15 / cv"}, ["15/CV-KHCN"]),
    ({"q": "cv-khcn"}, ["15/CV-KHCN"]),  # a symbol without its number
    ({"q": "kh-ubnd"}, ["109/KH-UBND"]),
    ({"doc_type": "official_letter"}, ["15/CV-KHCN"]),
    ({"issuing_body": "Ủy ban nhân dân tỉnh Thái Nguyên"}, ["109/KH-UBND"]),
    ({"area": "Khoa học và công nghệ"}, ["15/CV-KHCN"]),
    ({"year": "2019"}, ["60/KH-KHCN", "109/KH-UBND"]),
    ({"year": "2019", "area": "Thi đua, khen thưởng", "q": "thi dua"}, ["60/KH-KHCN", "109/KH-UBND"]),
    ({"q": "chưa công bố"}, []),  # the private document is never found
])
def test_the_registry_filters_and_searches_without_marks(client, documents, query, expected):
    response = client.get("/vi/van-ban-thi-dua/", query)
    assert response.status_code == 200
    assert numbers(response) == expected
    if not expected:
        assert "Không có văn bản nào phù hợp với bộ lọc." in response.content.decode()


def test_bad_filter_values_are_ignored_and_said(client, documents):
    response = client.get("/vi/van-ban-thi-dua/", {"year": "abc", "doc_type": "zzz", "issuing_body": "<script>", "page": "9"})
    assert response.status_code == 200
    html = response.content.decode()
    notice = html.split("Một số giá trị lọc không hợp lệ nên đã được bỏ qua:", 1)[1].split("</p>", 1)[0]
    assert "Loại" in notice and "Năm" in notice and "Cơ quan ban hành" in notice
    assert len(numbers(response)) == 4 and "<script>" not in html


def test_the_filters_offer_only_what_public_documents_hold(client, documents):
    html = client.get("/vi/van-ban-thi-dua/").content.decode()
    area = html.split('name="area"', 1)[1].split("</select>", 1)[0]
    assert ">Thi đua, khen thưởng<" in area and ">Khoa học và công nghệ<" in area
    doc_type = html.split('name="doc_type"', 1)[1].split("</select>", 1)[0]
    assert ">Công văn<" in doc_type and ">Chỉ thị<" not in doc_type


def test_a_document_page_shows_its_facts_file_and_what_links_to_it(client, documents):
    plan = documents["plan"]
    response = client.get(f"/vi/van-ban-thi-dua/{plan.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Kế hoạch số 60/KH-KHCN</h1>" in html
    for text in ("Sở Khoa học và Công nghệ", "Thi đua, khen thưởng", "26/8/2019", "1/9/2019", "Đinh Bộ Sơn",
                 "Kế hoạch tuyên truyền trong toàn ngành.", plan.file.url):
        assert text in html, text
    assert "Phong trào tuyên truyền Đại hội" in html and documents["campaign"].url in html
    assert f'/vi/van-ban-thi-dua/{documents["provincial"].pk}/' in html  # the plan it implements
    # ... and, from the provincial plan's page, the plan that implements it
    provincial = client.get(f"/vi/van-ban-thi-dua/{documents['provincial'].pk}/").content.decode()
    assert f"/vi/van-ban-thi-dua/{plan.pk}/" in provincial and "Văn bản dẫn chiếu" in provincial
    # The page has the print button and the feedback form of every article.
    assert "data-td-print" in html and f'name="document" value="{plan.pk}"' in html


def test_private_missing_and_decision_documents(client, documents):
    assert client.get(f"/vi/van-ban-thi-dua/{documents['hidden'].pk}/").status_code == 404
    assert client.get("/vi/van-ban-thi-dua/987654/").status_code == 404
    decision = client.get(f"/vi/van-ban-thi-dua/{documents['decision'].pk}/")
    assert decision.status_code == 302 and decision["Location"] == f"/vi/tra-cuu-khen-thuong/quyet-dinh/{documents['decision'].pk}/"


def test_the_registry_in_english_lists_the_translations(client, documents, locale_en):
    plan = documents["plan"]
    factories.translate(plan, locale_en, fill=lambda entry: {
        "Tuyên truyền Đại hội Thi đua yêu nước": "Communicating the Patriotic Emulation Congress",
        "Thi đua, khen thưởng": "Emulation and commendation"}.get(entry.msgid, entry.msgid))
    english = plan.get_translation(locale_en)
    response = client.get("/en/documents/", {"area": "Emulation and commendation"})
    assert response.status_code == 200
    assert numbers(response) == ["60/KH-KHCN"]
    html = response.content.decode()
    assert "Communicating the Patriotic Emulation Congress" in html and "1 document" in html
    page = client.get(f"/en/documents/{english.pk}/").content.decode()
    assert "<h1>Plan No. 60/KH-KHCN</h1>" in page and "Date of effect" in page and "1 Sep 2019" in page
    # The Vietnamese address in English goes to the translation.
    assert client.get(f"/en/documents/{plan.pk}/")["Location"] == f"/en/documents/{english.pk}/"
    # What it implements shows in English once translated, not the Vietnamese document its link row names.
    assert "109/KH-UBND" not in page
    factories.translate(documents["provincial"], locale_en, fill=lambda entry: entry.msgid)
    english_provincial = documents["provincial"].get_translation(locale_en)
    page = client.get(f"/en/documents/{english.pk}/", HTTP_COOKIE="x=1").content.decode()
    assert f'href="/en/documents/{english_provincial.pk}/">Plan No. 109/KH-UBND</a>' in page
    back = client.get(f"/en/documents/{english_provincial.pk}/").content.decode()
    assert f'href="/en/documents/{english.pk}/">Plan No. 60/KH-KHCN</a>' in back


def test_the_registry_s_queries_do_not_grow_with_the_documents(client, documents):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/vi/van-ban-thi-dua/", {"page": "1"}, HTTP_COOKIE="x=1").status_code == 200
        return len(queries)

    before = count()
    for number in range(30):
        factories.make_document(f"{number}/TB-KHCN", doc_type="notice", issuing_body=f"Cơ quan {number % 3}",
                                area="Thi đua, khen thưởng")
    from django.core.cache import cache
    cache.clear()
    assert count() <= before


def test_search_results_link_documents_to_their_page(client, documents):
    html = client.get("/vi/tim-kiem/", {"q": "tuyen truyen"}).content.decode()
    assert f'/vi/van-ban-thi-dua/{documents["plan"].pk}/' in html


# ---------------------------------------------------------------------------
# The organisation page
# ---------------------------------------------------------------------------


@pytest.fixture
def organisation(home, locale_vi):
    from wagtail.models import Site

    settings = factories.set_organisation(
        Site.objects.get(is_default_site=True), name="Sở Khoa học và Công nghệ tỉnh Thái Nguyên",
        parent_authority="Ủy ban nhân dân tỉnh Thái Nguyên", address="Số 1 đường Đội Cấn",
        functions="<p>Tham mưu quản lý nhà nước về khoa học và công nghệ.</p>")
    settings.phone, settings.email = "0208 3855 000", "so@example.org"
    settings.save()
    centre = factories.make_unit("Trung tâm Ứng dụng", locale=locale_vi, sort_order=20, head_title="Giám đốc",
                                 head_name="Vũ Thị Lan", phone="0208 3855 010", email="tt@example.org",
                                 duties="Chuyển giao công nghệ.", kind=Unit.Kind.AFFILIATED)
    office = factories.make_unit("Văn phòng Sở", locale=locale_vi, sort_order=10, head_title="Chánh Văn phòng",
                                 head_name="Lê Thị Hồng", duties="Tổng hợp, hành chính.", kind=Unit.Kind.OFFICE)
    lab = factories.make_unit("Phòng Thử nghiệm", locale=locale_vi, parent=centre, sort_order=30)
    return {"settings": settings, "centre": centre, "office": office, "lab": lab}


def test_the_organisation_page_shows_functions_units_heads_and_contacts(client, organisation):
    response = client.get("/vi/co-cau-to-chuc/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Sở Khoa học và Công nghệ tỉnh Thái Nguyên</h1>" in html
    for text in ("Ủy ban nhân dân tỉnh Thái Nguyên", "Số 1 đường Đội Cấn", "tel:02083855000", "so@example.org",
                 "Vị trí, chức năng, nhiệm vụ", "Tham mưu quản lý nhà nước về khoa học và công nghệ.",
                 "Cơ cấu tổ chức", "Chánh Văn phòng", "Lê Thị Hồng", "Vũ Thị Lan", "tt@example.org"):
        assert text in html, text
    # In their order, the laboratory under its centre (a nested list, a lower heading).
    assert html.index("Văn phòng Sở") < html.index("Trung tâm Ứng dụng") < html.index("Phòng Thử nghiệm")
    centre = html.split("Trung tâm Ứng dụng", 1)[1]
    assert '<ul class="td-units td-units--nested">' in centre.split("</li>", 1)[0]
    assert '<h4 class="td-unit__name">Phòng Thử nghiệm' in html
    # Every page links to it from the footer.
    assert 'href="/vi/co-cau-to-chuc/"' in client.get("/vi/van-ban-thi-dua/").content.decode()


def test_the_organisation_page_in_english(client, organisation, locale_en):
    english = {"Sở Khoa học và Công nghệ tỉnh Thái Nguyên": "Thai Nguyen Department of Science and Technology",
               "Tham mưu quản lý nhà nước về khoa học và công nghệ.":
                   "Advises on the state management of science and technology.",
               "Văn phòng Sở": "Department Office", "Chánh Văn phòng": "Chief of Office",
               "Tổng hợp, hành chính.": "General affairs and administration."}
    factories.translate(organisation["settings"].organisation, locale_en,
                        fill=lambda entry: english.get(entry.msgid, entry.msgid))
    factories.translate(organisation["office"], locale_en, fill=lambda entry: english.get(entry.msgid, entry.msgid))
    html = client.get("/en/organisation/").content.decode()
    assert "<h1>Thai Nguyen Department of Science and Technology</h1>" in html
    for text in ("Position, functions and duties", "Advises on the state management of science and technology.",
                 "Structure", "Department Office", "Chief of Office", "Lê Thị Hồng",
                 "General affairs and administration."):
        assert text in html, text
    # Units not translated yet are not shown in Vietnamese on the English page.
    assert "Trung tâm Ứng dụng" not in html
    assert Organisation.objects.count() == 2 and OrganisationSettings.objects.count() == 1


def test_the_organisation_page_without_settings_or_units(client, home):
    html = client.get("/en/organisation/").content.decode()
    assert "<h1>About the organisation</h1>" in html
    assert "The units of the organisation have not been published yet." in html


def test_a_unit_s_head_and_contacts_are_kept_across_languages(organisation, locale_en):
    factories.translate(organisation["centre"], locale_en, fill=lambda entry: entry.msgid)
    english = organisation["centre"].get_translation(locale_en)
    assert (english.head_name, english.phone, english.email) == ("Vũ Thị Lan", "0208 3855 010", "tt@example.org")


def test_publishing_a_page_keeps_the_registry_and_organisation_cached_and_a_document_edit_does_not(
        client, documents, organisation, sections):
    """They show documents, units and settings only: a news item published leaves them cached; a document or unit
    saved shows at once."""
    from thidua_wagtail.cache import CACHE_HEADER

    for url in ("/vi/van-ban-thi-dua/", "/vi/co-cau-to-chuc/"):
        assert client.get(url)[CACHE_HEADER] == "miss"
        assert client.get(url)[CACHE_HEADER] == "hit"
    factories.make_news(sections["news"], "Tin mới đăng")
    assert client.get("/vi/van-ban-thi-dua/")[CACHE_HEADER] == "hit"
    assert client.get("/vi/co-cau-to-chuc/")[CACHE_HEADER] == "hit"
    factories.make_document("77/TB-KHCN", doc_type="notice", title="Thông báo kết quả bình xét")
    response = client.get("/vi/van-ban-thi-dua/")
    assert response[CACHE_HEADER] == "miss" and "77/TB-KHCN" in response.content.decode()
    organisation["office"].head_name = "Phạm Thu Hà"
    organisation["office"].save()
    response = client.get("/vi/co-cau-to-chuc/")
    assert response[CACHE_HEADER] == "miss" and "Phạm Thu Hà" in response.content.decode()
