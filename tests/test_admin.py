"""The admin as an editor uses it: Vietnamese UI, creating and publishing each page type and snippet."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from thidua_wagtail.models import CampaignPage, ExemplaryProfilePage, NewsPage, OfficialDocument, Unit

from . import factories


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def add_page(client, parent, model, data):
    url = reverse("wagtailadmin_pages:add", args=["thidua_wagtail", model._meta.model_name, parent.pk])
    data = nested_form_data({"comments": inline_formset([]), **data})
    data["action-publish"] = "action-publish"
    return client.post(url, data)


def test_admin_reads_in_vietnamese(editor_client, sections):
    response = editor_client.get(reverse("wagtailadmin_home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'lang="vi"' in html
    assert "Bảng điều khiển" in html and "Trang tổng quan" not in html  # Wagtail's "Dashboard", in the app's catalogue
    response = editor_client.get(
        reverse("wagtailadmin_pages:add", args=["thidua_wagtail", "campaignpage", sections["campaigns"].pk])
    )
    html = response.content.decode()
    assert "Ngày bắt đầu" in html and "Mục đích" in html and "Tổ chức thực hiện" in html


def test_editor_creates_and_publishes_each_page_type(editor_client, sections, awards, unit):
    document = factories.make_document()
    response = add_page(editor_client, sections["campaigns"], CampaignPage, {
        "title": "Phong trào thi đua văn hóa công sở",
        "slug": "van-hoa-cong-so",
        "campaign_type": "phased",
        "launching_authority": "Thủ tướng Chính phủ",
        "start_date": "2019-01-01",
        "end_date": "2025-12-31",
        "slogan": "",
        "summary": "Thi đua thực hiện văn hóa công sở.",
        "purposes": rich_text("<ul><li>Xây dựng phong cách ứng xử chuẩn mực</li></ul>"),
        "requirements": rich_text(""),
        "content": streamfield([("paragraph", rich_text("<p>Nội dung phong trào</p>"))]),
        "responsibilities": inline_formset([{"unit": unit.pk, "assignee": "", "responsibility": "Đôn đốc"}]),
        "document_links": inline_formset([{"document": document.pk}]),
        "unit_links": inline_formset([{"unit": unit.pk}]),
        "reviews": inline_formset([{"kind": "mid_term", "held_on": "2022-06-30", "title": "Sơ kết giữa kỳ",
                                    "report": rich_text("<p>Báo cáo sơ kết</p>"), "report_file": ""}]),
        "parent_campaign": "",
    })
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    campaign = CampaignPage.objects.get(slug="van-hoa-cong-so")
    assert campaign.live and campaign.responsibilities.get().unit == unit
    assert campaign.document_links.get().document == document
    assert campaign.reviews.get().title == "Sơ kết giữa kỳ"

    response = add_page(editor_client, sections["profiles"], ExemplaryProfilePage, {
        "title": "Nguyễn Thị Thu Hà",
        "slug": "nguyen-thi-thu-ha",
        "kind": "individual",
        "year_recognised": "2020",
        "position": "Chuyên viên",
        "unit": unit.pk,
        "photo": "",
        "achievements": "Hoàn thành xuất sắc nhiệm vụ.",
        "story": streamfield([]),
        "honours": inline_formset([{"award": awards["chien-si-thi-dua-co-so"].pk, "year": "2020",
                                    "decision_number": "215/QĐ-KHCN", "decided_by": "Giám đốc Sở"}]),
        "campaign_links": inline_formset([{"campaign": campaign.pk}]),
    })
    assert response.status_code == 302, response.context["form"].errors
    profile = ExemplaryProfilePage.objects.get(slug="nguyen-thi-thu-ha")
    assert profile.live and profile.honours.get().decision_number == "215/QĐ-KHCN"

    response = add_page(editor_client, sections["news"], NewsPage, {
        "title": "Biểu dương điển hình",
        "slug": "bieu-duong",
        "date": "2020-06-12",
        "summary": "Biểu dương các cá nhân tiêu biểu.",
        "image": "",
        "body": streamfield([("paragraph", rich_text("<p>Nội dung tin</p>"))]),
        "tags": "\"Khen thưởng\"",
        "related_campaigns": inline_formset([{"campaign": campaign.pk}]),
        "related_profiles": inline_formset([{"profile": profile.pk}]),
        "attachments": inline_formset([]),
    })
    assert response.status_code == 302, response.context["form"].errors
    news = NewsPage.objects.get(slug="bieu-duong")
    assert news.live and [t.name for t in news.tags.all()] == ["Khen thưởng"]

    # The visitor follows the links between the three.
    html = editor_client.get(campaign.url).content.decode()
    assert f'href="{profile.url}"' in html and f'href="{news.url}"' in html


def test_admin_rejects_an_award_that_does_not_fit_the_recipient(editor_client, sections, awards):
    response = add_page(editor_client, sections["profiles"], ExemplaryProfilePage, {
        "title": "Tổ Thử nghiệm",
        "slug": "to-thu-nghiem",
        "kind": "collective",
        "year_recognised": "2020",
        "position": "",
        "unit": "",
        "photo": "",
        "achievements": "Tập thể tiêu biểu.",
        "story": streamfield([]),
        "honours": inline_formset([{"award": awards["chien-si-thi-dua-co-so"].pk, "year": "2020",
                                    "decision_number": "", "decided_by": ""}]),
        "campaign_links": inline_formset([]),
    })
    assert response.status_code == 200
    assert not ExemplaryProfilePage.objects.filter(slug="to-thu-nghiem").exists()
    html = response.content.decode()
    assert "Chiến sĩ thi đua cơ sở" in html and "không dành cho" in html


def _profile_with_honour(client, sections, slug, kind, honour):
    return add_page(client, sections["profiles"], ExemplaryProfilePage, {
        "title": "Hộ ông Nguyễn Văn Bình" if kind == "household" else "Trung tâm Thử nghiệm", "slug": slug,
        "kind": kind, "year_recognised": "2023", "position": "", "unit": "", "photo": "",
        "achievements": "Tiêu biểu.", "story": streamfield([]),
        "honours": inline_formset([{"year": "2023", "decision_number": "1456/QĐ-CTN", "decided_by": "", **honour}]),
        "campaign_links": inline_formset([]),
    })


def test_admin_asks_for_the_class_of_an_order_and_takes_a_household(editor_client, sections, awards):
    """Issue 17: an order with classes is recorded with its class; a household receives the household title."""
    labour = awards["huan-chuong-lao-dong"].pk
    response = _profile_with_honour(editor_client, sections, "khong-hang", "collective",
                                    {"award": labour, "grade": ""})
    assert response.status_code == 200 and "Hãy chọn hạng của “Huân chương Lao động”." in response.content.decode()
    assert not ExemplaryProfilePage.objects.filter(slug="khong-hang").exists()
    response = _profile_with_honour(editor_client, sections, "giay-khen-hang", "collective",
                                    {"award": awards["giay-khen"].pk, "grade": "first"})
    assert "“Giấy khen” không chia hạng." in response.content.decode()
    response = _profile_with_honour(editor_client, sections, "hang-ba", "collective", {"award": labour,
                                                                                      "grade": "third"})
    assert response.status_code == 302
    honour = ExemplaryProfilePage.objects.get(slug="hang-ba").honours.get()
    assert (honour.grade, str(honour)) == ("third", "Huân chương Lao động hạng Ba (2023)")
    response = _profile_with_honour(editor_client, sections, "ho-gia-dinh", "household",
                                    {"award": awards["gia-dinh-van-hoa"].pk, "grade": ""})
    assert response.status_code == 302
    response = _profile_with_honour(editor_client, sections, "ho-sai", "household",
                                    {"award": awards["lao-dong-tien-tien"].pk, "grade": ""})
    assert response.status_code == 200 and not ExemplaryProfilePage.objects.filter(slug="ho-sai").exists()


def test_admin_warns_about_the_law_s_prerequisites_without_refusing(editor_client, sections, awards):
    """Issue 17: the national Emulation Fighter is chosen among holders of two consecutive ministry / province
    titles (Art. 21), the grassroots one meets the "Lao động tiên tiến" standard (Art. 23): a warning, not a
    refusal."""
    def honour(code, year):
        return {"award": awards[code].pk, "grade": "", "year": str(year), "decision_number": "", "decided_by": ""}

    data = {"title": "Lê Thị Mai", "slug": "le-thi-mai", "kind": "individual", "year_recognised": "2024",
            "position": "", "unit": "", "photo": "", "achievements": "Tiêu biểu.", "story": streamfield([]),
            "honours": inline_formset([honour("chien-si-thi-dua-cap-tinh", 2020),
                                       honour("chien-si-thi-dua-toan-quoc", 2024),
                                       honour("chien-si-thi-dua-co-so", 2019), honour("lao-dong-tien-tien", 2019),
                                       honour("chien-si-thi-dua-co-so", 2018)]),
            "campaign_links": inline_formset([])}
    url = reverse("wagtailadmin_pages:add", args=["thidua_wagtail", "exemplaryprofilepage", sections["profiles"].pk])
    form = nested_form_data({"comments": inline_formset([]), **data})
    form["action-publish"] = "action-publish"
    response = editor_client.post(url, form, follow=True)
    assert ExemplaryProfilePage.objects.get(slug="le-thi-mai").live
    html = response.content.decode()
    assert ("“Chiến sĩ thi đua toàn quốc” (2024) được xét trong số những người có 2 lần liên tục đạt “Chiến sĩ thi "
            "đua bộ, ban, ngành, tỉnh” (Luật Thi đua, khen thưởng 2022, Điều 21); hồ sơ này mới có 1 lần trước năm "
            "2024.") in html
    # 2020's provincial title after two grassroots ones (three needed), and 2018's grassroots title without
    # "Lao động tiên tiến" that year; 2019's has it.
    assert "hồ sơ này mới có 2 lần trước năm 2020" in html
    assert html.count("cần đạt tiêu chuẩn “Lao động tiên tiến” trong cùng năm") == 1
    assert "“Chiến sĩ thi đua cơ sở” (2018) cần đạt tiêu chuẩn" in html


def test_a_revoked_honour_neither_needs_nor_meets_a_prerequisite(editor_client, sections, awards, locale_vi):
    revoking = OfficialDocument.objects.create(locale=locale_vi, number="9/QĐ-UBND", doc_type="decision",
                                               title="Hủy bỏ", issue_date="2023-01-05", issuing_body="UBND tỉnh")

    def honour(code, year, revoked=None):
        return {"award": awards[code].pk, "grade": "", "year": str(year), "decision_number": "", "decided_by": "",
                "unit": "", "revoked_by": revoked.pk if revoked else ""}

    data = {"title": "Đỗ Văn Hùng", "slug": "do-van-hung", "kind": "individual", "year_recognised": "2024",
            "position": "", "unit": "", "photo": "", "achievements": "Tiêu biểu.", "story": streamfield([]),
            "honours": inline_formset([honour("chien-si-thi-dua-cap-tinh", 2020, revoking),
                                       honour("chien-si-thi-dua-cap-tinh", 2022),
                                       honour("chien-si-thi-dua-toan-quoc", 2024)]),
            "campaign_links": inline_formset([])}
    url = reverse("wagtailadmin_pages:add", args=["thidua_wagtail", "exemplaryprofilepage", sections["profiles"].pk])
    form = nested_form_data({"comments": inline_formset([]), **data})
    form["action-publish"] = "action-publish"
    html = editor_client.post(url, form, follow=True).content.decode()
    # The 2020 title was revoked: one provincial title before 2024, not two; and the revoked one gets no warning.
    assert "hồ sơ này mới có 1 lần trước năm 2024" in html
    assert "(2020)" not in html and "(2022)" in html


def test_a_decision_lists_recipients_without_a_profile(editor_client, locale_vi, awards):
    """Issue 17: one decision, many honours; a recipient with no profile is a name with the position and unit of the
    time, the award and its class, checked like a profile's honour."""
    def post(rows):
        return editor_client.post(reverse("wagtailsnippets_thidua_wagtail_officialdocument:add"), nested_form_data({
            "number": "1456/QĐ-CTN", "doc_type": "decision", "title": "Quyết định khen thưởng",
            "issue_date": "2024-08-30", "place": "Hà Nội", "issuing_body": "Chủ tịch nước", "signer_title": "",
            "signer_name": "", "summary": "", "recipients": "", "file": "", "is_public": "on",
            "implements_links": inline_formset([]), "listed_recipients": inline_formset(rows),
            "locale": locale_vi.pk}))

    labour = awards["huan-chuong-lao-dong"].pk
    row = {"name": "Phòng Quản lý khoa học", "kind": "collective", "position": "", "unit": "Sở KH&CN Thái Nguyên",
           "award": labour, "grade": "", "revoked_by": ""}
    response = post([row, {**row, "name": "Hộ ông Lò Văn Pủa", "kind": "household",
                                 "award": awards["lao-dong-tien-tien"].pk}])
    html = response.content.decode()
    assert response.status_code == 200 and not OfficialDocument.objects.filter(number="1456/QĐ-CTN").exists()
    assert "Hãy chọn hạng của “Huân chương Lao động”." in html and "“Lao động tiên tiến” không dành cho hộ gia đình." in html
    response = post([{**row, "grade": "third"},
                     {**row, "name": "Lê Văn Tâm", "kind": "individual", "position": "Kỹ sư", "award": labour,
                      "grade": "second"}])
    assert response.status_code == 302
    decision = OfficialDocument.objects.get(number="1456/QĐ-CTN")
    assert [(r.name, r.award_name, r.unit, r.year, r.locale_id) for r in decision.listed_recipients.all()] == [
        ("Phòng Quản lý khoa học", "Huân chương Lao động hạng Ba", "Sở KH&CN Thái Nguyên", 2024, locale_vi.pk),
        ("Lê Văn Tâm", "Huân chương Lao động hạng Nhì", "Sở KH&CN Thái Nguyên", 2024, locale_vi.pk)]


def test_campaign_dates_are_validated_in_the_admin(editor_client, sections):
    response = add_page(editor_client, sections["campaigns"], CampaignPage, {
        "title": "Sai ngày", "slug": "sai-ngay", "campaign_type": "thematic", "launching_authority": "Sở",
        "start_date": "2020-01-01", "end_date": "2019-01-01", "slogan": "", "summary": "x",
        "purposes": rich_text(""), "requirements": rich_text(""), "content": streamfield([]),
        "responsibilities": inline_formset([]), "document_links": inline_formset([]),
        "unit_links": inline_formset([]), "reviews": inline_formset([]), "parent_campaign": "",
    })
    assert response.status_code == 200
    assert "Ngày kết thúc không được trước ngày bắt đầu" in response.content.decode()
    assert not CampaignPage.objects.filter(slug="sai-ngay").exists()


def test_editor_manages_snippets(editor_client, locale_vi):
    response = editor_client.post(reverse("wagtailsnippets_thidua_wagtail_unit:add"), {
        "name": "Thanh tra Sở", "short_name": "TTra", "kind": "division", "parent": "", "sort_order": "10",
        "locale": locale_vi.pk,
    })
    assert response.status_code == 302
    assert Unit.objects.get(name="Thanh tra Sở").short_name == "TTra"

    earlier = factories.make_document("109/KH-UBND", issuing_body="UBND tỉnh Thái Nguyên")
    response = editor_client.post(reverse("wagtailsnippets_thidua_wagtail_officialdocument:add"), nested_form_data({
        "number": "60/KH-KHCN", "doc_type": "plan", "title": "Kế hoạch tuyên truyền", "issue_date": "2019-08-26",
        "place": "Thái Nguyên", "issuing_body": "Sở Khoa học và Công nghệ", "signer_title": "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
        "signer_name": "Đinh Bộ Sơn", "summary": "", "recipients": "Lãnh đạo Sở", "file": "",
        "implements_links": inline_formset([{"implemented": earlier.pk, "relation": "implements"}]), "listed_recipients": inline_formset([]),
        "locale": locale_vi.pk,
    }))
    assert response.status_code == 302
    plan = OfficialDocument.objects.get(number="60/KH-KHCN")
    assert plan.implements_links.get().implemented == earlier

    listing = editor_client.get(reverse("wagtailsnippets_thidua_wagtail_officialdocument:list")).content.decode()
    assert "60/KH-KHCN" in listing and "109/KH-UBND" in listing


def test_vietnamese_titles_get_whole_slugs(editor_client, sections):
    """The admin's browser-side slug drops letters it cannot transliterate ("thử" -> "th"); the page repairs it.
    A slug the editor chose is kept."""
    def add(title, slug):
        response = add_page(editor_client, sections["news"], NewsPage, {
            "title": title, "slug": slug, "date": "2026-01-01", "summary": "Tóm tắt", "image": "",
            "body": streamfield([("paragraph", rich_text("<p>Nội dung</p>"))]),
            "related_campaigns": inline_formset([]), "related_profiles": inline_formset([]),
            "attachments": inline_formset([]), "tags": "",
        })
        assert response.status_code == 302, response.context["form"].errors if response.context else response
        return NewsPage.objects.get(title=title)

    assert add("Tin thử nghiệm trình duyệt", "tin-th-nghim-trinh-duyt").slug == "tin-thu-nghiem-trinh-duyet"
    assert add("Hội nghị điển hình tiên tiến", "hoi-nghi-2026").slug == "hoi-nghi-2026"
    # Once published, a page keeps its slug whatever happens to the title.
    page = NewsPage.objects.get(slug="tin-thu-nghiem-trinh-duyet")
    page.title = "Tin đã đổi tên"
    page.slug = "tin-i-i-tn"
    page.save()
    assert NewsPage.objects.get(pk=page.pk).slug == "tin-i-i-tn"


def test_the_plan_import_menu_item_is_shown_to_importers_only(client, sections):
    """Built through the viewset's public menu_item_class (the same in Wagtail 7.4 and 8)."""
    from django.contrib.auth.models import Permission

    User = get_user_model()
    client.force_login(User.objects.create_superuser("office-admin", "o@example.org", "pw"))
    assert "thidua_plan_import" in client.get(reverse("wagtailadmin_home")).content.decode()
    reader = User.objects.create_user("reader", "r@example.org", "pw")
    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(reader)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200 and "thidua_plan_import" not in response.content.decode()


def test_the_admin_s_search_finds_words_with_or_without_marks(editor_client, sections, unit, awards):
    """Issue 18: the explorer, the page chooser and the snippets' listings find "van hoa cong so" as they find
    "văn hóa công sở" (they searched as you type on the titles as written; the snippets' listings answered 500)."""
    campaign = factories.make_campaign(sections["campaigns"], "Thi đua thực hiện văn hóa công sở")
    unit.short_name = "QLKH"
    unit.save()
    factories.make_document("60/KH-KHCN", issuing_body="Sở Khoa học và Công nghệ", title="Kế hoạch tuyên truyền")
    for query in ("văn hóa công sở", "van hoa cong so", "VAN HOA"):
        for url in (reverse("wagtailadmin_pages:search"), reverse("wagtailadmin_choose_page_search")):
            response = editor_client.get(url, {"q": query})
            assert response.status_code == 200 and campaign.title in response.content.decode(), (url, query)
    for model, queries, expected in (
            ("unit", ("quản lý", "quan ly", "QLKH"), unit.name),
            ("award", ("lao động tiên", "lao dong tien", "lao-dong-tien-tien"), "Lao động tiên tiến"),
            ("officialdocument", ("kế hoạch", "ke hoach tuyen", "60/KH"), "60/KH-KHCN")):
        for query in queries:
            response = editor_client.get(reverse(f"wagtailsnippets_thidua_wagtail_{model}:list"), {"q": query})
            assert response.status_code == 200 and expected in response.content.decode(), (model, query)
    response = editor_client.get(reverse("wagtailsnippets_thidua_wagtail_award:list"), {"q": "huan chuong lao"})
    assert "Huân chương Lao động" in response.content.decode()
    assert "Lao động tiên tiến" not in response.content.decode()  # every word must match
