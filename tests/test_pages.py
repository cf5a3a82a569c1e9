"""Each page type rendered with real content; links between campaigns, profiles and news."""

import re

import pytest
from wagtail.models import PageViewRestriction

from . import factories


def get(client, page, **params):
    response = client.get(page.url, params)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


@pytest.fixture
def content(sections, awards, unit):
    c_index, p_index, n_index = sections["campaigns"], sections["profiles"], sections["news"]
    plan = factories.make_document()
    campaign = factories.make_campaign(
        c_index,
        "Tuyên truyền Đại hội Thi đua yêu nước tỉnh lần thứ V",
        slogan="Thi đua yêu nước",
        purposes="<ul><li>Phát huy tinh thần chủ động sáng tạo</li></ul>",
        requirements="<ul><li>Phát động sâu rộng</li></ul>",
        content=[("heading", {"text": "Nội dung tuyên truyền", "level": "h2"}),
                 ("paragraph", "<p>Tuyên truyền trên trang thông tin điện tử</p>")],
    )
    campaign.responsibilities.create(unit=unit, responsibility="Theo dõi, đôn đốc triển khai")
    campaign.document_links.create(document=plan)
    campaign.unit_links.create(unit=unit)
    campaign.save_revision().publish()
    movement = factories.make_campaign(c_index, "Chung sức xây dựng nông thôn mới", campaign_type="regular",
                                       end_date=None, parent_campaign=campaign)
    person = factories.make_profile(p_index, "Nguyễn Thị Thu Hà", unit=unit, position="Chuyên viên",
                                    campaigns=[campaign],
                                    honours=[(awards["chien-si-thi-dua-co-so"], 2019),
                                             (awards["bang-khen-chu-tich-ubnd-tinh"], 2020)])
    collective = factories.make_profile(p_index, "Phòng Quản lý khoa học", kind="collective", unit=unit,
                                        campaigns=[movement], honours=[(awards["tap-the-lao-dong-xuat-sac"], 2020)])
    news = factories.make_news(n_index, "Biểu dương điển hình tiên tiến", campaigns=[campaign], profiles=[person],
                               tags=["Khen thưởng"])
    return locals()


def test_campaign_page_shows_plan_profiles_news_and_documents(client, content):
    html = get(client, content["campaign"])
    assert "<h1>Tuyên truyền Đại hội Thi đua yêu nước tỉnh lần thứ V</h1>" in html
    assert "“Thi đua yêu nước”" in html
    assert "Phát huy tinh thần chủ động sáng tạo" in html and "Phát động sâu rộng" in html
    assert "<h2>Nội dung tuyên truyền</h2>" in html
    assert re.search(r'<th scope="row">Phòng Quản lý khoa học</th><td>Theo dõi, đôn đốc triển khai</td>', html)
    assert "60/KH-KHCN" in html
    assert f'href="{content["person"].url}"' in html
    assert f'href="{content["news"].url}"' in html
    assert f'href="{content["movement"].url}"' in html  # sub-campaign
    assert "td-badge--ended" in html
    # The collective belongs to the sub-campaign only.
    assert f'href="{content["collective"].url}"' not in html


def test_sub_campaign_links_to_its_parent(client, content):
    html = get(client, content["movement"])
    assert f'<a href="{content["campaign"].url}">{content["campaign"].title}</a>' in html
    assert "td-badge--ongoing" in html


def test_profile_page_shows_honours_campaigns_and_news(client, content):
    html = get(client, content["person"])
    assert "<h1>Nguyễn Thị Thu Hà</h1>" in html
    assert "Chuyên viên, Phòng Quản lý khoa học" in html
    # Honours newest first, each with its decision.
    honours = re.search(r'<section aria-labelledby="td-honours">.*?</section>', html, re.S).group(0)
    first = honours.index("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")
    second = honours.index("Chiến sĩ thi đua cơ sở")
    assert first < second
    assert "2019/QĐ-UBND" in html and "2020/QĐ-UBND" in html
    assert f'href="{content["campaign"].url}"' in html
    assert f'href="{content["news"].url}"' in html


def test_news_page_shows_related_campaigns_profiles_and_topics(client, content):
    html = get(client, content["news"])
    assert "<h1>Biểu dương điển hình tiên tiến</h1>" in html
    assert f'href="{content["campaign"].url}"' in html
    assert f'href="{content["person"].url}"' in html
    assert "Khen thưởng</a>" in html


def test_index_pages_list_their_children(client, content):
    html = get(client, content["c_index"])
    assert content["campaign"].title in html and content["movement"].title in html
    html = get(client, content["p_index"])
    assert "Nguyễn Thị Thu Hà" in html and "Phòng Quản lý khoa học" in html
    html = get(client, content["n_index"])
    assert "Biểu dương điển hình tiên tiến" in html


def test_drafts_private_pages_and_other_locales_stay_hidden(client, content, locale_en):
    campaign, p_index, n_index = content["campaign"], content["p_index"], content["n_index"]
    factories.make_profile(p_index, "Bản nháp Trần Văn B", campaigns=[campaign], publish=False)
    private = factories.make_news(n_index, "Tin nội bộ riêng tư", campaigns=[campaign])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    english = content["person"].copy_for_translation(locale_en, copy_parents=True)
    english.title = "Nguyen Thi Thu Ha (English)"
    english.save_revision().publish()

    for page in (campaign, p_index, n_index):
        html = get(client, page)
        assert "Bản nháp Trần Văn B" not in html
        assert "Tin nội bộ riêng tư" not in html
        assert "(English)" not in html


def test_english_copy_links_resolve_in_its_own_locale(client, content, locale_en):
    """A translated profile still points at the Vietnamese campaign; the page shows the English campaign."""
    campaign_en = content["campaign"].copy_for_translation(locale_en, copy_parents=True)
    campaign_en.title = "Campaign in English"
    campaign_en.save_revision().publish()
    person_en = content["person"].copy_for_translation(locale_en, copy_parents=True)
    person_en.save_revision().publish()
    assert person_en.campaign_links.get().campaign_id == content["campaign"].pk
    html = get(client, person_en)
    assert f'<a href="{campaign_en.url}">Campaign in English</a>' in html
    assert f'{content["campaign"].title}</a>' not in html
    html = get(client, campaign_en)
    assert f'href="{person_en.url}"' in html


def test_empty_sections_say_so(client, sections):
    campaign = factories.make_campaign(sections["campaigns"], "Phong trào mới")
    html = get(client, campaign)
    # A Vietnamese page says it in Vietnamese.
    assert "Chưa có điển hình tiên tiến nào" in html
    assert "No exemplary profile has been published" not in html
    html = get(client, sections["profiles"])
    assert re.search(r'td-results-count">([^<]*)<', html).group(1) == "0 điển hình tiên tiến"


def test_layout_landmarks_and_organisation(client, content, home):
    from wagtail.models import Site


    factories.set_organisation(Site.objects.get(), name="Sở Khoa học và Công nghệ",
                               parent_authority="UBND tỉnh Thái Nguyên")
    html = get(client, content["campaign"])
    assert '<html lang="vi">' in html
    assert 'role="banner"' in html and '<main id="main"' in html and 'role="contentinfo"' in html
    assert "Sở Khoa học và Công nghệ" in html and "UBND tỉnh Thái Nguyên" in html
    assert 'name="viewport"' in html
    # Breadcrumbs: home › campaigns index › page
    crumbs = re.search(r'<nav class="td-breadcrumbs.*?</nav>', html, re.S).group(0)
    assert f'href="{content["c_index"].url}"' in crumbs and 'aria-current="page"' in crumbs


def test_every_article_can_be_printed_with_its_source_and_lists_cannot(client, content, sections):
    """Issue 21 (Decree 42/2022/NĐ-CP, Art. 7): campaigns, profiles, news and decisions carry the print button
    (hidden until the script shows it) and, for print only, their source address and the organisation."""
    import datetime

    from thidua_wagtail.models import OfficialDocument

    decision = OfficialDocument.objects.create(
        locale=sections["news"].locale, number="215/QĐ-KHCN", doc_type="decision", title="Quyết định khen thưởng",
        issue_date=datetime.date(2019, 12, 20), issuing_body="Giám đốc Sở")
    urls = [content["campaign"].url, content["person"].url, content["news"].url,
            f"/vi/tra-cuu-khen-thuong/quyet-dinh/{decision.pk}/"]
    for url in urls:
        html = client.get(url).content.decode()
        assert 'data-td-print hidden>In hoặc lưu thành PDF</button>' in html, url
        assert f'<p class="td-print__source">Nguồn: http://testserver{url}' in html, url
        assert html.count('src="/static/thidua_wagtail/js/print.js"') == 1, url
    for index in (sections["campaigns"], sections["profiles"], sections["news"]):
        assert "data-td-print" not in client.get(index.url).content.decode()
