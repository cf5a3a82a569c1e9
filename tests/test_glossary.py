"""Issue 18: the glossary translator pre-fills what the app's fixed terms and earlier human translations know, and
leaves the rest (or hands it to a fallback engine); the dashboard syncs every changed page at once."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from thidua_wagtail.glossary import Glossary, GlossaryTranslator, terms
from thidua_wagtail.translation_review import outdated_sources

from . import factories

GLOSSARY = {"CLASS": "thidua_wagtail.glossary.GlossaryTranslator"}


class RecordingTranslator:
    """A fallback engine that says which strings it was asked for, and answers them in capitals."""

    display_name = "Recorder"
    asked = []

    def __init__(self, options):
        self.options = options

    def can_translate(self, source_locale, target_locale):
        return True

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        RecordingTranslator.asked.append([string.data for string in strings])
        return {string: StringValue(string.data.upper()) for string in strings}


def test_the_glossary_matches_whole_segments_keeping_numbering_case_and_punctuation(db):
    glossary = Glossary(terms())
    assert glossary.lookup("Chiến sĩ thi đua cơ sở", "vi", "en") == "Grassroots Emulation Fighter"
    assert glossary.lookup("I. MỤC ĐÍCH, YÊU CẦU", "vi", "en") == "I. PURPOSES AND REQUIREMENTS"
    assert glossary.lookup("  2.   tổ chức  thực hiện:", "vi", "en") == "2. Organisation of implementation:"
    assert glossary.lookup("Phong trào thi đua chuyên đề", "vi", "en") == "Thematic emulation campaign"
    assert glossary.lookup("Độc lập - Tự do - Hạnh phúc", "vi", "en") == "Independence - Freedom - Happiness"
    assert glossary.lookup("Grassroots Emulation Fighter", "en", "vi") == "Chiến sĩ thi đua cơ sở"
    # A sentence that only contains a term is the translator's.
    assert glossary.lookup("Mục đích của kế hoạch là động viên cán bộ", "vi", "en") is None
    assert glossary.lookup("Mục đích", "vi", "fr") is None


def test_the_sites_own_terms_and_translated_units_join_the_glossary(unit, locale_en, settings):
    assert "Phòng Quản lý khoa học" not in terms()
    factories.translate(unit, locale_en, fill=lambda e: "Science Management Division" if e.msgid == unit.name
                        else e.msgid)
    settings.THIDUA_TRANSLATION_GLOSSARY = {"Chuyển đổi số": "Digital transformation"}
    found = terms()
    assert found["Phòng Quản lý khoa học"] == "Science Management Division"
    assert found["Chuyển đổi số"] == "Digital transformation"
    out = io.StringIO()
    call_command("thidua_glossary", stdout=out)
    lines = out.getvalue().splitlines()
    assert "Chiến sĩ thi đua cơ sở\tGrassroots Emulation Fighter" in lines
    assert "Phòng Quản lý khoa học\tScience Management Division" in lines
    assert all(line.count("\t") == 1 for line in lines)


@pytest.fixture
def office(client, db):
    client.force_login(get_user_model().objects.create_superuser("office", "o@example.org", "pw"))
    return client


def campaign_with(sections, title, heading, quote):
    return factories.make_campaign(sections["campaigns"], title, content=[
        ("heading", {"text": heading, "level": "h2"}),
        ("quote", {"quote": quote, "attribution": "Hồ Chí Minh"})])


def machine_translate(office, page, locale):
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation = factories.translate(page, locale)
    response = office.post(reverse("wagtail_localize:machine_translate", args=[translation.id]),
                           {"next": "/admin/"})
    assert response.status_code == 302
    return {s.translation_of.data: s for s in StringTranslation.objects.filter(
        context__object_id=page.translation_key, locale=locale).select_related("translation_of")}


def test_translate_pre_fills_the_glossary_terms_and_earlier_human_translations_only(
        office, sections, locale_en, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = GLOSSARY
    first = campaign_with(sections, "Phong trào thứ nhất", "Nội dung", "Thi đua là yêu nước")
    factories.translate(first, locale_en, fill=lambda e: {"Thi đua là yêu nước": "Emulation is patriotism"}.get(
        e.msgid, ""))
    second = campaign_with(sections, "Phong trào thứ hai", "I. TỔ CHỨC THỰC HIỆN", "Thi đua là yêu nước")
    filled = machine_translate(office, second, locale_en)
    assert filled["I. TỔ CHỨC THỰC HIỆN"].data == "I. ORGANISATION OF IMPLEMENTATION"
    assert filled["I. TỔ CHỨC THỰC HIỆN"].translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    assert filled["Thi đua là yêu nước"].data == "Emulation is patriotism"  # translation memory
    # The title and the attribution are no fixed term: left for the translator.
    assert "Phong trào thứ hai" not in filled and "Hồ Chí Minh" not in filled


def test_what_the_glossary_does_not_know_goes_to_the_fallback_engine(office, sections, locale_en, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {**GLOSSARY, "OPTIONS": {
        "FALLBACK": {"CLASS": "tests.test_glossary.RecordingTranslator"}}}
    RecordingTranslator.asked = []
    page = campaign_with(sections, "Phong trào ba", "Mục đích, yêu cầu", "Thi đua là yêu nước")
    filled = machine_translate(office, page, locale_en)
    assert filled["Mục đích, yêu cầu"].data == "Purposes and requirements"
    assert filled["Thi đua là yêu nước"].data == "THI ĐUA LÀ YÊU NƯỚC"  # the engine's answer
    asked = [data for call in RecordingTranslator.asked for data in call]
    assert "Mục đích, yêu cầu" not in asked and "Thi đua là yêu nước" in asked
    assert GlossaryTranslator(settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR["OPTIONS"]).display_name == \
        "bảng thuật ngữ + Recorder"


def test_the_dashboard_syncs_every_changed_page(office, client, sections, locale_en, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = GLOSSARY
    page = campaign_with(sections, "Phong trào đồng bộ", "Nội dung", "Thi đua là yêu nước")
    factories.translate(page, locale_en, fill=lambda e: e.msgid)
    other = campaign_with(sections, "Phong trào không đổi", "Nội dung", "Đoàn kết")
    factories.translate(other, locale_en, fill=lambda e: e.msgid)
    assert outdated_sources().count() == 0
    html = office.get(reverse("wagtailadmin_home")).content.decode()
    assert "Đồng bộ mọi trang đã thay đổi" not in html
    # The source changes: a new heading, a term of the glossary.
    page.content = [("heading", {"text": "Tổ chức thực hiện", "level": "h2"}),
                    ("quote", {"quote": "Thi đua là yêu nước", "attribution": "Hồ Chí Minh"})]
    page.save_revision().publish()
    assert list(outdated_sources().values_list("object_id", flat=True)) == [page.translation_key]
    html = office.get(reverse("wagtailadmin_home")).content.decode()
    assert "Đồng bộ mọi trang đã thay đổi" in html and "Điền sẵn các chuỗi mới bằng bảng thuật ngữ" in html
    response = office.post(reverse("thidua_sync_translations"), {"machine_translate": "1"}, follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert "Đã đồng bộ 1 trang: các chuỗi mới chờ dịch trong trình biên tập bản dịch." in messages
    assert "Đã điền sẵn 1 bản dịch bằng bảng thuật ngữ." in messages
    assert outdated_sources().count() == 0
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    assert "Tổ chức thực hiện" in [s.string.data for s in source.stringsegment_set.select_related("string")]
    assert StringTranslation.objects.get(translation_of__data="Tổ chức thực hiện", locale=locale_en).data == \
        "Organisation of implementation"
    # Nothing was published: the English page still has the old content until the Office publishes it.
    english = Page.objects.get(translation_key=page.translation_key, locale=locale_en).specific
    assert "Tổ chức thực hiện" not in str(english.content) and "Organisation" not in str(english.content)
    assert Translation.objects.filter(source=source).count() == 1


def test_only_those_who_may_submit_translations_sync(client, sections, locale_en):
    user = get_user_model().objects.create_user("reader", "r@example.org", "pw")
    editors = Group.objects.create(name="Đọc")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(editors)
    client.force_login(user)
    page = campaign_with(sections, "Phong trào", "Nội dung", "Đoàn kết")
    factories.translate(page, locale_en, fill=lambda e: e.msgid)
    page.save_revision().publish()
    # Wagtail's admin answers a PermissionDenied with a redirect to the dashboard and its message.
    response = client.post(reverse("thidua_sync_translations"), follow=True)
    assert "Bạn không có quyền truy cập khu vực này." in [str(m).strip() for m in response.context["messages"]]
    assert outdated_sources().count() == 1
    assert client.get(reverse("thidua_sync_translations")).status_code == 405
