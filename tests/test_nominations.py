"""Public nominations: the form, abuse protection, notification, review and export in the admin."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.fields import get_translatable_fields

from thidua_wagtail.models import ExemplaryProfilePage, Nomination, NominationAttachment, NominationPage

from . import factories

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def form_page(sections, home):
    page = NominationPage(title="Đề cử điển hình", slug="de-cu", notify_emails="vp@example.org, td@example.org",
                          thank_you_text="<p>Cảm ơn bạn đã đề cử.</p>")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def campaign(sections):
    return factories.make_campaign(sections["campaigns"], "Thi đua văn hóa công sở")


def valid_data(the_unit, campaign=None, **overrides):
    data = {
        "kind": "individual",
        "nominee_name": "Phạm Thị Lan",
        "position": "Chuyên viên",
        "unit": the_unit.pk,
        "unit_name": "",
        "achievements": "Có sáng kiến số hóa hồ sơ kiểm định, tiết kiệm 300 giờ công mỗi năm.",
        "campaign": campaign.pk if campaign else "",
        "nominator_name": "Trần Văn Bình",
        "nominator_email": "binh@example.org",
        "nominator_phone": "0912 345 678",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def test_form_renders_in_both_languages(client, form_page, unit, campaign, locale_en):
    html = client.get("/vi/de-cu/").content.decode()
    assert 'enctype="multipart/form-data"' in html and "csrfmiddlewaretoken" in html
    assert "Phòng Quản lý khoa học" in html and "Thi đua văn hóa công sở" in html
    assert 'class="td-form__hp" aria-hidden="true"' in html and 'name="website"' in html
    en = factories.translate(form_page, locale_en, fill=lambda e: e.msgid)
    en_page = NominationPage.objects.get(locale=locale_en)
    with translation.override("en"):
        html = client.get(en_page.url).content.decode()
    assert 'lang="en"' in html and "Send the nomination" in html and "About you" in html
    assert en.target_locale == locale_en


def test_valid_nomination_is_stored_notified_and_thanked(client, form_page, unit, campaign,
                                                         django_capture_on_commit_callbacks):
    files = [SimpleUploadedFile("thanh-tich.pdf", PDF, "application/pdf"),
             SimpleUploadedFile("anh.png", PNG, "image/png")]
    with django_capture_on_commit_callbacks(execute=True):  # the mail goes once the nomination is committed
        response = client.post("/vi/de-cu/", {**valid_data(unit, campaign), "attachments": files},
                               REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 302 and response["Location"] == "/vi/de-cu/?sent=1"
    nomination = Nomination.objects.get()
    assert nomination.nominee_name == "Phạm Thị Lan" and nomination.unit == unit and nomination.campaign == campaign
    assert nomination.status == "new" and nomination.locale.language_code == "vi" and nomination.consent
    names = sorted(a.original_name for a in nomination.attachments.all())
    assert names == ["anh.png", "thanh-tich.pdf"]
    assert all(a.file.name.startswith("thidua_nominations/") and "thanh-tich" not in a.file.name
               for a in nomination.attachments.all())
    [message] = mail.outbox
    assert message.to == ["vp@example.org", "td@example.org"]
    assert "Phạm Thị Lan" in message.subject and "binh@example.org" in message.body
    assert f"/admin/thidua_nominations/edit/{nomination.pk}/" in message.body
    thanks = client.get("/vi/de-cu/?sent=1").content.decode()
    assert "Cảm ơn bạn đã đề cử." in thanks and "<form class=\"td-form\"" not in thanks


def test_errors_keep_what_was_typed_and_explain_in_the_language(client, form_page, unit):
    data = valid_data(unit, consent="", achievements="Tốt", unit="", unit_name="", nominator_email="không-phải-email")
    response = client.post("/vi/de-cu/", data)
    html = response.content.decode()
    assert response.status_code == 400
    assert 'value="Phạm Thị Lan"' in html and 'value="Trần Văn Bình"' in html and 'value="0912 345 678"' in html
    with translation.override("vi"):
        from django.utils.translation import gettext as _

        for msgid in ("Your consent is needed for the office to process this nomination.",
                      "Please describe the achievements in a few sentences.",
                      "Choose the unit, or write its name if it is not listed."):
            assert _(msgid) in html
            assert _(msgid) != msgid  # the Vietnamese catalogue has it
    assert not Nomination.objects.exists() and not mail.outbox


def test_honeypot_pretends_success_and_stores_nothing(client, form_page, unit):
    response = client.post("/vi/de-cu/", valid_data(unit, website="http://spam.example"))
    assert response.status_code == 302 and response["Location"].endswith("?sent=1")
    assert not Nomination.objects.exists() and not mail.outbox


def test_rate_limit_per_address(client, form_page, unit, settings):
    settings.THIDUA_NOMINATION_RATE_LIMIT = 2
    for _ in range(2):
        assert client.post("/vi/de-cu/", valid_data(unit), REMOTE_ADDR="198.51.100.1").status_code == 302
    response = client.post("/vi/de-cu/", valid_data(unit, nominee_name="Người thứ ba"), REMOTE_ADDR="198.51.100.1")
    assert response.status_code == 429
    assert 'value="Người thứ ba"' in response.content.decode()
    assert Nomination.objects.count() == 2
    # Another address is not affected.
    assert client.post("/vi/de-cu/", valid_data(unit), REMOTE_ADDR="198.51.100.2").status_code == 302


@pytest.mark.parametrize(
    "name,content",
    [
        ("trang.html", b"<script>alert(1)</script>"),
        ("hinh.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"),
        ("cai-dat.exe", b"MZ\x90\x00\x03"),
        ("gia-mao.pdf", b"<html><script>alert(1)</script></html>"),
        ("lon.pdf", PDF + b"0" * (5 * 1024 * 1024)),
    ],
)
def test_dangerous_or_oversized_attachments_are_refused(client, form_page, unit, name, content):
    response = client.post("/vi/de-cu/", {**valid_data(unit), "attachments": [SimpleUploadedFile(name, content)]})
    assert response.status_code == 400
    assert name in response.content.decode()
    assert not Nomination.objects.exists() and not NominationAttachment.objects.exists()


def test_too_many_attachments(client, form_page, unit):
    files = [SimpleUploadedFile(f"{i}.pdf", PDF) for i in range(4)]
    response = client.post("/vi/de-cu/", {**valid_data(unit), "attachments": files})
    assert response.status_code == 400 and not Nomination.objects.exists()


def test_csrf_is_enforced(form_page, unit):
    client = Client(enforce_csrf_checks=True)
    assert client.post("/vi/de-cu/", valid_data(unit)).status_code == 403
    assert not Nomination.objects.exists()


@pytest.fixture
def office(client, db):
    user = get_user_model().objects.create_superuser("office", "office@example.org", "pw")
    client.force_login(user)
    return client


def submit(the_unit, campaign=None, **overrides):
    client = Client()
    response = client.post("/vi/de-cu/", {**valid_data(the_unit, campaign, **overrides),
                                          "attachments": [SimpleUploadedFile("ho-so.pdf", PDF)]})
    assert response.status_code == 302
    return Nomination.objects.order_by("-pk").first()


def test_admin_list_filter_and_exports(office, form_page, unit, campaign):
    first = submit(unit, campaign)
    second = submit(unit, nominee_name="Tập thể Phòng Thử nghiệm", kind="collective")
    second.status = "rejected"
    second.save()
    url = reverse("thidua_nominations:index")
    html = office.get(url).content.decode()
    assert "Phạm Thị Lan" in html and "Tập thể Phòng Thử nghiệm" in html
    html = office.get(url, {"status": "new"}).content.decode()
    assert "Phạm Thị Lan" in html and "Tập thể Phòng Thử nghiệm" not in html
    response = office.get(url, {"export": "csv"})
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 3
    row = next(r for r in rows if "Phạm Thị Lan" in r)
    assert "binh@example.org" in row and "Thi đua văn hóa công sở" in row and "Phòng Quản lý khoa học" in row
    # A visitor's text cannot become a spreadsheet formula in the CSV.
    submit(unit, nominee_name='=HYPERLINK("http://evil.example","Bấm vào")', position="+1 lãnh đạo")
    rows = list(csv.reader(io.StringIO(b"".join(office.get(url, {"export": "csv"}).streaming_content)
                                       .decode("utf-8-sig"))))
    evil = next(r for r in rows if "evil.example" in "".join(r))
    assert "'=HYPERLINK(\"http://evil.example\",\"Bấm vào\")" in evil and "'+1 lãnh đạo" in evil
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)
    response = office.get(url, {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert "Phạm Thị Lan" in values and "Tập thể Phòng Thử nghiệm" in values
    # No "add" in the admin: nominations come from visitors.
    assert office.get(reverse("thidua_nominations:add")).status_code in (302, 403)
    # The attachment downloads as an attachment, for staff only.
    attachment = first.attachments.get()
    link = reverse("thidua_nominations:attachment", args=[first.pk, attachment.pk])
    response = office.get(link)
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    assert Client().get(link).status_code == 302  # to the admin login


def test_accepting_creates_a_draft_profile(office, form_page, unit, campaign):
    nomination = submit(unit, campaign)
    edit = office.get(reverse("thidua_nominations:edit", args=[nomination.pk])).content.decode()
    assert "ho-so.pdf" in edit and reverse("thidua_nominations:accept", args=[nomination.pk]) in edit
    response = office.post(reverse("thidua_nominations:accept", args=[nomination.pk]))
    profile = ExemplaryProfilePage.objects.get(title="Phạm Thị Lan")
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_pages:edit", args=[profile.pk])
    assert not profile.live and profile.get_parent().specific_class.__name__ == "ProfileIndexPage"
    assert profile.unit == unit and profile.position == "Chuyên viên" and "300 giờ công" in profile.achievements
    assert [link.campaign for link in profile.campaign_links.all()] == [campaign]
    nomination.refresh_from_db()
    assert nomination.status == "accepted" and nomination.profile == profile and nomination.reviewed_by is not None
    # Accepting twice does not make a second profile.
    office.post(reverse("thidua_nominations:accept", args=[nomination.pk]))
    assert ExemplaryProfilePage.objects.filter(title="Phạm Thị Lan").count() == 1
    # GET does not change anything.
    other = submit(unit, nominee_name="Lê Văn Cường")
    assert office.get(reverse("thidua_nominations:accept", args=[other.pk])).status_code == 405
    office.post(reverse("thidua_nominations:reject", args=[other.pk]), {"review_note": "Chưa đủ thành tích"})
    other.refresh_from_db()
    assert other.status == "rejected" and other.review_note == "Chưa đủ thành tích"


def test_staff_without_nomination_rights_cannot_review(client, form_page, unit):
    from django.contrib.auth.models import Permission

    nomination = submit(unit)
    user = get_user_model().objects.create_user("intern", "i@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.post(reverse("thidua_nominations:accept", args=[nomination.pk])).status_code in (302, 403)
    assert client.get(reverse("thidua_nominations:index")).status_code in (302, 403)
    nomination.refresh_from_db()
    assert nomination.status == "new" and not ExemplaryProfilePage.objects.exists()
    assert Locale.objects.count() >= 1


# ---------------------------------------------------------------------------
# Issue 15: routing personal data, mail headers, notification never lost silently, cache outages
# ---------------------------------------------------------------------------


def test_a_line_break_in_a_name_cannot_stop_the_notification(client, form_page, unit,
                                                              django_capture_on_commit_callbacks):
    """Django refuses a mail subject with a line break (header injection): the Office was never told."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/vi/de-cu/", valid_data(unit, nominee_name="Phạm Thị\r\nLan\nBcc: x@evil.example"))
    assert response.status_code == 302
    nomination = Nomination.objects.get()
    assert nomination.nominee_name == "Phạm Thị Lan Bcc: x@evil.example"
    [message] = mail.outbox
    assert "\n" not in message.subject and "\r" not in message.subject
    assert message.to == ["vp@example.org", "td@example.org"] and not message.bcc
    assert nomination.__class__.objects.get().notification == Nomination.Notification.SENT


def test_notification_mail_is_in_the_offices_language(client, form_page, unit, locale_en,
                                                        django_capture_on_commit_callbacks):
    factories.translate(form_page, locale_en, fill=lambda entry: entry.msgid)
    english = NominationPage.objects.get(locale=locale_en)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(english.url, valid_data(unit, unit="", unit_name="Lab")).status_code == 302
    [message] = mail.outbox
    with translation.override("vi"):
        from django.utils.translation import gettext as _

        label = _("Nominated: %(name)s (%(kind)s)")
        assert label != "Nominated: %(name)s (%(kind)s)"  # the catalogue has the mail's labels
        assert label % {"name": "Phạm Thị Lan", "kind": _("Individual")} in message.body
    assert message.subject.startswith("Đề cử mới")


def test_a_translation_cannot_reroute_nominations(client, form_page, unit, locale_en,
                                                   django_capture_on_commit_callbacks):
    """A translator rewrote the English form's notification addresses; nominations went to an outsider."""
    factories.translate(form_page, locale_en, fill=lambda entry: entry.msgid)
    english = NominationPage.objects.get(locale=locale_en)
    english.notify_emails = "attacker@evil.example"
    english.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(english.url, valid_data(unit, unit="", unit_name="Lab")).status_code == 302
    [message] = mail.outbox
    assert message.to == ["vp@example.org", "td@example.org"]
    field = next(f for f in get_translatable_fields(NominationPage) if f.field_name == "notify_emails")
    assert not field.is_overridable(english)  # the translation editor does not offer to change them


def test_a_failed_notification_shows_on_the_dashboard(client, form_page, unit, monkeypatch,
                                                       django_capture_on_commit_callbacks):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr("thidua_wagtail.submissions.send_mail", broken)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/vi/de-cu/", valid_data(unit)).status_code == 302
    nomination = Nomination.objects.get()
    assert nomination.notification == Nomination.Notification.FAILED
    admin = Client()
    admin.force_login(get_user_model().objects.create_superuser("office", "office@example.org", "pw"))
    with translation.override("vi"):
        from django.utils.translation import ngettext

        warning = ngettext("The email about %(counter)s nomination could not be sent.",
                           "The emails about %(counter)s nominations could not be sent.", 1) % {"counter": 1}
    assert warning != "The email about 1 nomination could not be sent."
    assert warning in admin.get("/admin/").content.decode()
    listing = admin.get("/admin/thidua_nominations/?notification=failed").content.decode()
    assert "Phạm Thị Lan" in listing


def test_a_nomination_sent_while_the_cache_is_down_is_stored(client, form_page, unit, settings, caplog):
    """Redis down: the rate limit cannot be counted; the nomination is stored all the same, with a log line."""
    settings.CACHES = {"default": {"BACKEND": "thidua_wagtail.cache_backends.FailSafeRedisCache",
                                   "LOCATION": "redis://127.0.0.1:1/0",
                                   "OPTIONS": {"socket_connect_timeout": 0.2}}}
    response = client.post("/vi/de-cu/", valid_data(unit))
    assert response.status_code == 302
    assert Nomination.objects.count() == 1
    assert "rate limit not checked" in caplog.text
    assert "not answering" in caplog.text
