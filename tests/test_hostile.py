"""Hostile input: generated query strings and paths never cause a 500; rich text cannot carry script; uploads
of dangerous or oversized files are refused; documents download as attachments."""

import string
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from thidua_wagtail.models import CampaignPage

HYPOTHESIS = settings(max_examples=500, deadline=None, derandomize=True,
                      suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

FILTER_KEYS = ["status", "type", "year", "kind", "unit", "award", "campaign", "tag", "page", "q", "in", "sent",
               "export", "locale", "format", "limit", "offset", "order", "fields", "search", "doc_type", "issuing_body",
               "area", "decision"]
NASTY = ["", "0", "-1", "²", "١٢", "9" * 40, "%00", "\x00", "' OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd",
         "NaN", "1e309", "true", "ongoing", "regular", "individual", "2020", "🎉", "Đ", "\u202e", "a" * 3000]
values = st.one_of(st.sampled_from(NASTY), st.text(max_size=60), st.integers(-10**20, 10**20).map(str))
query = st.lists(st.tuples(st.sampled_from(FILTER_KEYS) | st.text(min_size=1, max_size=12), values), max_size=6)
segment = st.one_of(st.sampled_from(["..", ".", "%2e%2e", "tim-kiem", "search", "feeds", "rss", "page", "2",
                                     "%00", "đại-hội", "a" * 300, "~", ";", "?", "#"]),
                    st.text(alphabet=string.ascii_letters + string.digits + "-_.~%đĐ ", min_size=1, max_size=30))




def test_generated_query_strings_never_500(client, site_urls):
    seen = []

    @HYPOTHESIS
    @given(url=st.sampled_from(site_urls), params=query)
    def check(url, params):
        response = client.get(url, params)
        seen.append(1)
        assert response.status_code < 500, (url, params)

    check()
    assert len(seen) >= 500


def test_generated_paths_never_500(client, site_urls):
    seen = []

    @HYPOTHESIS
    @given(prefix=st.sampled_from(["/vi/", "/en/", "/", "/api/v2/pages/", "/vi/phong-trao/", "/documents/",
                                          "/vi/van-ban-thi-dua/", "/en/documents/"]),
           parts=st.lists(segment, min_size=1, max_size=4))
    def check(prefix, parts):
        path = prefix + "/".join(parts)
        response = client.get(path)
        seen.append(1)
        assert response.status_code < 500, path

    check()
    assert len(seen) >= 500


class ActiveContent(HTMLParser):
    """Collects what a browser would run: script elements, on* handlers, javascript: URLs, frames."""

    def __init__(self):
        super().__init__()
        self.found = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        if tag in ("iframe", "embed", "object"):
            self.found.append(tag)
        if tag == "script":
            self._in_script = dict(attrs).get("type") or "text/javascript"
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag}[{name}]")
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith(
                    "javascript:"):
                self.found.append(f"{tag}[{name}=javascript:]")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script == "application/ld+json":
            if "<" in data:  # JSON-LD must escape "<", or "</script>" in a value would end the element
                self.found.append("script[ld+json] with <")
        elif self._in_script and "alert" in data:
            self.found.append("script")


def active_content(html):
    parser = ActiveContent()
    parser.feed(html)
    return parser.found


SCRIPTS = ('<script>alert("x")</script>', '<img src="x" onerror="alert(1)">', '<a href="javascript:alert(1)">x</a>',
           '<iframe src="https://evil.example/"></iframe>', '<p onclick="alert(1)">p</p>', '<svg onload="alert(1)"></svg>')


def test_the_checker_finds_active_content():
    assert set(active_content("".join(SCRIPTS))) == {"script", "img[onerror]", "a[href=javascript:]", "iframe",
                                                     "p[onclick]", "svg[onload]"}


def test_rich_text_from_the_admin_cannot_carry_script(client, sections):
    client.force_login(get_user_model().objects.create_superuser("ed", "ed@example.org", "pw"))
    hostile = "<p>Nội dung</p>" + "".join(SCRIPTS)
    data = nested_form_data({
        "comments": inline_formset([]), "title": "Phong trào có mã độc", "slug": "ma-doc", "campaign_type": "regular",
        "launching_authority": "Sở", "start_date": "2020-01-01", "end_date": "", "slogan": "",
        "summary": '<script>alert("summary")</script>', "purposes": rich_text(hostile),
        "requirements": rich_text(hostile),
        "content": streamfield([("paragraph", rich_text(hostile)),
                                ("quote", {"quote": SCRIPTS[0], "attribution": SCRIPTS[1]})]),
        "responsibilities": inline_formset([]), "document_links": inline_formset([]),
        "unit_links": inline_formset([]), "reviews": inline_formset([]), "parent_campaign": "",
        "action-publish": "action-publish",
    })
    response = client.post(reverse("wagtailadmin_pages:add", args=["thidua_wagtail", "campaignpage",
                                                                   sections["campaigns"].pk]), data)
    assert response.status_code == 302
    page = CampaignPage.objects.get(slug="ma-doc")
    html = client.get(page.url).content.decode()
    assert "Nội dung" in html
    assert active_content(html) == []
    assert "&lt;script&gt;alert(&quot;summary&quot;)&lt;/script&gt;" in html  # plain text is escaped


def test_imported_plan_text_cannot_carry_script(client, sections):
    from thidua_wagtail.demo import SEED_PATH

    client.force_login(get_user_model().objects.create_superuser("ed", "ed@example.org", "pw"))
    seed = SEED_PATH.read_text(encoding="utf-8").replace("II. NỘI DUNG", "II. NỘI DUNG\n\n- " + "".join(SCRIPTS))
    response = client.post("/admin/thidua_plan_import/", {"parent": sections["campaigns"].pk, "text": seed})
    assert response.status_code == 200
    page = CampaignPage.objects.get(title__startswith="Tuyên truyền")
    page.save_revision().publish()
    html = client.get(CampaignPage.objects.get(pk=page.pk).url).content.decode()
    assert "&lt;script&gt;" in html  # shown as text
    assert active_content(html) == []


@pytest.fixture
def editor(client, db):
    client.force_login(get_user_model().objects.create_superuser("ed", "ed@example.org", "pw"))
    return client


@pytest.mark.parametrize("name,content", [
    ("trang.html", b"<html><script>alert(1)</script></html>"),
    ("hinh.svg", b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"),
    ("cai-dat.exe", b"MZ\x90\x00"),
    ("du-lieu.xml", b"<?xml version='1.0'?><x/>"),
])
def test_dangerous_documents_are_refused(editor, name, content):
    response = editor.post(reverse("wagtaildocs:add"), {"title": name, "file": SimpleUploadedFile(name, content),
                                                         "collection": 1}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert f"File extension “{name.rsplit('.', 1)[1]}” is not allowed" in response.content.decode()
    assert not get_document_model().objects.exists()


def test_oversized_document_and_svg_image_are_refused(editor, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = editor.post(reverse("wagtaildocs:add"), {"title": "lon", "collection": 1,
                                                         "file": SimpleUploadedFile("lon.pdf", b"%PDF-" + b"0" * 4096)},
                           HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200 and not get_document_model().objects.exists()
    assert "This file is too big" in response.content.decode()
    response = editor.post(reverse("wagtailimages:add"), {"title": "svg", "collection": 1, "file": SimpleUploadedFile(
        "hinh.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "image/svg+xml")})
    assert response.status_code == 200 and not get_image_model().objects.exists()


def test_documents_download_as_attachments(client, db):
    document = get_document_model()(title="Kế hoạch")
    document.file.save("ke-hoach.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    text = get_document_model()(title="Văn bản")
    text.file.save("van-ban.txt", ContentFile(b"<script>alert(1)</script>"), save=True)
    response = client.get(text.url)
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
