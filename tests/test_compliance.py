"""Issue 21 (part): the Decree 42/2022/NĐ-CP compliance report, the dashboard's count, and documents' date of
effect."""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from thidua_wagtail.compliance import compliance_gaps
from thidua_wagtail.models import NewsPage, OfficialDocument

from . import factories

REPORT = "/admin/reports/thidua-compliance/"


@pytest.fixture
def office(client, db):
    client.force_login(get_user_model().objects.create_superuser("office", "o@example.org", "pw"))
    return client


@pytest.fixture
def content(sections, locale_en, locale_vi):
    translated = factories.make_campaign(sections["campaigns"], "Phong trào đã dịch")
    factories.translate(translated, locale_en, fill=lambda e: e.msgid)
    bare_news = factories.make_news(sections["news"], "Tin chưa có tóm tắt")
    NewsPage.objects.filter(pk=bare_news.pk).update(summary="  ")  # as a page from before the field was required
    described = get_image_model().objects.create(title="Ảnh có mô tả", file=get_test_image_file(),
                                                 description="Lễ phát động thi đua")
    bare = get_image_model().objects.create(title="Ảnh chưa mô tả", file=get_test_image_file())
    factories.make_document("12/QĐ-UBND", doc_type="decision", signer_name="Nguyễn Văn Bình",
                                       effective_date=datetime.date(2019, 8, 26), locale=locale_vi)
    factories.make_document("=HYPERLINK(1)/QĐ-UBND", doc_type="decision", locale=locale_vi)
    factories.make_document("99/KH-UBND", is_public=False, locale=locale_vi)  # private: not the site's duty yet
    return {"translated": translated, "bare": bare, "described": described}


def test_the_report_lists_each_gap_with_a_link_to_its_editor(office, content):
    gaps = compliance_gaps()
    found = {(gap.kind, gap.title) for gap in gaps}
    assert ("summary", "Tin chưa có tóm tắt") in found
    assert ("translation", "Tin chưa có tóm tắt") in found and ("translation", "Phong trào đã dịch") not in found
    assert ("alt_text", "Ảnh chưa mô tả") in found and ("alt_text", "Ảnh có mô tả") not in found
    decision = "=HYPERLINK(1)/QĐ-UBND – Tuyên truyền Đại hội Thi đua yêu nước"
    assert {("date_of_effect", decision), ("file", decision), ("signer", decision)} <= found
    complete = "12/QĐ-UBND – Tuyên truyền Đại hội Thi đua yêu nước"
    assert ("date_of_effect", complete) not in found and ("signer", complete) not in found
    assert ("file", complete) in found
    assert not any(title.startswith("99/KH-UBND") for _kind, title in found)

    html = office.get(REPORT).content.decode()
    assert "<title>Kiểm tra theo Nghị định 42 - " in html and "Hình ảnh chưa có văn bản thay thế" in html
    assert f'href="{reverse("wagtailimages:edit", args=[content["bare"].pk])}"' in html
    assert "Quyết định chưa có người ký</th><td>1</td>" in html

    response = office.get(REPORT + "?export=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Còn thiếu", "Tiêu đề", "Ngôn ngữ", "Sửa"]
    assert len(rows) == len(gaps) + 1
    assert ["Quyết định chưa có người ký", "'" + decision] == rows[[r[0] for r in rows].index(
        "Quyết định chưa có người ký")][:2]  # a title starting with "=" cannot run as a formula
    assert all(row[3].startswith("http://testserver/admin/") for row in rows[1:])


def test_the_dashboard_counts_the_gaps_and_the_report_is_for_editors_only(office, client, content):
    count = len(compliance_gaps())
    html = office.get(reverse("wagtailadmin_home")).content.decode()
    panel = html.split('id="thidua-compliance-section"')[1].split("</section>")[0]
    assert f"Còn thiếu {count} mục so với Nghị định số 42/2022/NĐ-CP." in panel and REPORT in panel
    menu = office.get(reverse("wagtailadmin_reports:locked_pages")).content.decode()
    assert REPORT in menu
    reader, _group = factories.admin_user_in_group("reader", "Chỉ xem")
    client.force_login(reader)
    response = client.get(REPORT)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_the_reports_queries_do_not_grow_with_content(content, sections):
    with CaptureQueriesContext(connection) as few:
        compliance_gaps()
    for number in range(12):
        factories.make_news(sections["news"], f"Tin {number}")
        factories.make_document(f"{number}/QĐ-UBND", doc_type="decision")
    NewsPage.objects.update(summary="")
    with CaptureQueriesContext(connection) as many:
        assert len(compliance_gaps()) > 40
    assert len(many) == len(few)


def test_a_document_shows_its_date_of_effect(client, sections, locale_vi):
    decision = factories.make_document("7/QĐ-UBND", doc_type="decision", locale=locale_vi,
                                       effective_date=datetime.date(2024, 3, 5))
    html = client.get(reverse("thidua_wagtail:decision", args=[decision.pk])).content.decode()
    assert "<dt>Ngày có hiệu lực</dt><dd><time datetime=\"2024-03-05\">5/3/2024</time></dd>" in html
    assert OfficialDocument._meta.get_field("effective_date").null
