"""Issue 21: "Was this information useful?" on every article (Decree 42/2022/NĐ-CP, Art. 8), its protections, and
the admin's report with its exports."""

import csv
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thidua_wagtail.models import ContentFeedback

from . import factories

REPORT = "/admin/reports/thidua-feedback/"
URL = "/vi/feedback/"


@pytest.fixture
def articles(sections, locale_vi):
    campaign = factories.make_campaign(sections["campaigns"], "Phong trào thi đua chuyển đổi số")
    news = factories.make_news(sections["news"], "Tin tuyên dương")
    draft = factories.make_news(sections["news"], "Tin nháp", publish=False)
    decision = factories.make_document("87/QĐ-KHCN", doc_type="decision", title="Quyết định khen thưởng")
    private = factories.make_document("99/KH-KHCN", is_public=False)
    return {"campaign": campaign, "news": news, "draft": draft, "decision": decision, "private": private}


def post(client, data, **headers):
    return client.post(URL, data, **{f"HTTP_{name.upper().replace('-', '_')}": value for name, value in headers.items()})


def test_each_article_carries_the_form_without_a_csrf_token(client, articles):
    for url, field, pk in ((articles["campaign"].url, "page", articles["campaign"].pk),
                           (articles["news"].url, "page", articles["news"].pk),
                           (f"/vi/tra-cuu-khen-thuong/quyet-dinh/{articles['decision'].pk}/", "document",
                            articles["decision"].pk)):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        form = html.split('<form class="td-feedback"', 1)[1].split("</form>", 1)[0]
        assert 'action="/vi/feedback/"' in form and f'name="{field}" value="{pk}"' in form
        assert "Thông tin này có hữu ích không?" in form
        assert 'name="useful" value="yes"' in form and 'name="useful" value="no"' in form
        assert "csrfmiddlewaretoken" not in form  # the page is served from the cache to everyone


def test_one_click_stores_the_answer_and_nothing_about_the_visitor(client, articles):
    response = post(client, {"page": articles["news"].pk, "useful": "yes"}, referer="http://testserver/vi/tin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cảm ơn bạn đã cho ý kiến." in html and 'href="http://testserver/vi/tin/"' in html
    assert response["Cache-Control"] == "private, no-cache"
    feedback = ContentFeedback.objects.get()
    assert (feedback.page_id, feedback.document_id, feedback.language, feedback.useful, feedback.comment) == (
        articles["news"].pk, None, "vi", True, "")
    # What is kept is what the form says: no address, browser, time or account.
    assert {field.name for field in ContentFeedback._meta.get_fields()} == {
        "id", "page", "document", "language", "useful", "comment", "created_on"}


def test_a_comment_from_the_page_s_script_gets_json(client, articles):
    response = post(client, {"document": articles["decision"].pk, "useful": "no",
                             "comment": "  Thiếu tệp quyết định\x07\u202e.\r\nXin bổ sung.  "},
                    accept="application/json", origin="http://testserver")
    assert response.status_code == 200
    assert json.loads(response.content) == {"message": "Cảm ơn bạn đã cho ý kiến."}
    feedback = ContentFeedback.objects.get()
    assert feedback.document_id == articles["decision"].pk and not feedback.useful
    assert feedback.comment == "Thiếu tệp quyết định.\nXin bổ sung."


@pytest.mark.parametrize(("data", "message"), [
    ({"useful": "yes"}, "Ý kiến này không cho biết nó nói về bài viết nào."),
    ({"useful": "maybe", "page": "PAGE"}, "Hãy chọn “Có” hoặc “Không”."),
    ({"page": "PAGE"}, "Hãy chọn “Có” hoặc “Không”."),
    ({"useful": "yes", "page": "DRAFT"}, "Bài viết này không được đăng công khai."),
    ({"useful": "yes", "document": "PRIVATE"}, "Bài viết này không được đăng công khai."),
    ({"useful": "yes", "page": "999999"}, "Bài viết này không được đăng công khai."),
    ({"useful": "yes", "page": "HOME"}, "Bài viết này không được đăng công khai."),  # the site's own page
    ({"useful": "yes", "page": "PAGE", "document": "DOCUMENT"}, "Ý kiến này không cho biết nó nói về bài viết nào."),
    ({"useful": "yes", "page": "PAGE", "comment": "x" * 1001}, "1000"),
])
def test_bad_answers_get_a_400_with_a_message_and_store_nothing(client, articles, data, message):
    ids = {"PAGE": articles["news"].pk, "DRAFT": articles["draft"].pk, "PRIVATE": articles["private"].pk,
           "DOCUMENT": articles["decision"].pk, "HOME": articles["news"].get_parent().get_parent().pk}
    data = {key: ids.get(value, value) for key, value in data.items()}
    response = post(client, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert ContentFeedback.objects.count() == 0


def test_an_article_in_another_language_is_refused(client, articles, locale_en):
    response = client.post("/en/feedback/", {"page": articles["news"].pk, "useful": "yes"})
    assert response.status_code == 400 and "This article is not published." in response.content.decode()


def test_robots_are_thanked_and_nothing_is_stored(client, articles):
    response = post(client, {"page": articles["news"].pk, "useful": "yes", "website": "http://spam.example"})
    assert response.status_code == 200 and "Cảm ơn" in response.content.decode()
    assert ContentFeedback.objects.count() == 0


def test_a_post_forged_from_another_site_is_refused(client, articles):
    for headers in ({"origin": "https://evil.example"}, {"referer": "https://evil.example/page"},
                    {"origin": "null", "referer": "https://evil.example/"}):
        response = post(client, {"page": articles["news"].pk, "useful": "yes"}, **headers)
        assert response.status_code == 403, headers
        assert "được gửi từ một trang web khác" in response.content.decode()
    assert ContentFeedback.objects.count() == 0
    assert post(client, {"page": articles["news"].pk, "useful": "yes"}, origin="http://testserver").status_code == 200


def test_the_rate_limit_holds_per_address(client, articles, settings):
    settings.THIDUA_FEEDBACK_RATE_LIMIT = 3
    codes = [post(client, {"page": articles["news"].pk, "useful": "yes"}).status_code for _ in range(5)]
    assert codes == [200, 200, 200, 429, 429]
    assert ContentFeedback.objects.count() == 3
    other = client.post(URL, {"page": articles["news"].pk, "useful": "no"}, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200 and ContentFeedback.objects.count() == 4


def test_only_posts_are_taken(client, articles):
    assert client.get(URL).status_code == 405


def test_generated_posts_never_500(client, articles):
    ids = [str(articles[name].pk) for name in articles]
    values = st.one_of(st.sampled_from(["", "yes", "no", "0", "-1", "9" * 30, "\x00", "²", *ids]), st.text(max_size=40))
    seen = []

    @settings(max_examples=200, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(data=st.dictionaries(st.sampled_from(["page", "document", "useful", "comment", "website"]), values))
    def check(data):
        from django.core.cache import cache

        cache.clear()  # the rate limit is not what is probed here
        response = client.post(URL, data)
        seen.append(1)
        assert response.status_code in (200, 400), (data, response.status_code)

    check()
    assert len(seen) >= 200


# ---------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------


@pytest.fixture
def answers(articles):
    news, decision = articles["news"], articles["decision"]
    for useful, comment in ((True, ""), (True, "Rất hữu ích"), (False, "=HYPERLINK(\"http://x\")"), (True, "")):
        ContentFeedback.objects.create(page=news, language="vi", useful=useful, comment=comment)
    ContentFeedback.objects.create(document=decision, language="vi", useful=False, comment="Thiếu tệp")
    return articles


@pytest.fixture
def office(client, db):
    client.force_login(get_user_model().objects.create_superuser("office", "o@example.org", "pw"))
    return client


def test_the_report_aggregates_per_article_with_links(office, answers):
    with CaptureQueriesContext(connection) as queries:
        response = office.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    news_row = html.split(">Tin tuyên dương</a>", 1)[1].split("</tr>", 1)[0]
    cells = [cell.split(">", 1)[1] for cell in news_row.split("</td>")[:-1]]
    assert cells[-6:] == ["vi", "3", "1", "75%", "2", cells[-1]] and cells[-1]
    assert f'/admin/pages/{answers["news"].pk}/edit/' in html
    assert f'/admin/snippets/thidua_wagtail/officialdocument/edit/{answers["decision"].pk}/' in html
    assert "Rất hữu ích" in html and "Thiếu tệp" in html and "Tổng cộng 5 câu trả lời." in html
    first = len(queries)
    for number in range(5):
        page = factories.make_news(answers["news"].get_parent(), f"Tin {number}")
        ContentFeedback.objects.create(page=page, language="vi", useful=True, comment="ok")
    with CaptureQueriesContext(connection) as queries:
        office.get(REPORT)
    assert len(queries) <= first + 2  # one more page type's specific query at most, not one per article


def test_the_exports_neutralise_formulas(office, answers):
    response = office.get(REPORT, {"export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Bài viết", "Loại", "Ngôn ngữ"]
    news = next(row for row in rows if row[0] == "Tin tuyên dương")
    assert news[2:7] == ["vi", "3", "1", "75", "2"] and news[8].startswith("http://testserver/")
    comments = list(csv.reader(io.StringIO(office.get(REPORT, {"export": "comments"}).content.decode("utf-8-sig"))))
    assert len(comments) == 4  # the heading and three comments
    assert ["Tin tuyên dương", "vi", "Không", "'=HYPERLINK(\"http://x\")"] in [row[1:] for row in comments]


def test_the_report_is_for_editors_only(client, answers):
    user, _group = factories.admin_user_in_group("viewer", "Xem quản trị")
    client.force_login(user)
    response = client.get(REPORT)
    assert response.status_code in (302, 403)
    assert "Tin tuyên dương" not in response.content.decode()
