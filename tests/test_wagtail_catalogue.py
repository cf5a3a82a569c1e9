"""Issue 18: the Wagtail admin and wagtail-localize in Vietnamese, from the catalogue the app ships; the glossary that
fixes its terms; a translator's work kept by `make messages`; a newer Wagtail's strings found by a check."""

import importlib.util
import re
import shutil
from pathlib import Path

import polib
import pytest
from django.contrib.auth import get_user_model
from django.core import checks
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

import thidua_wagtail
from thidua_wagtail import wagtail_catalogue
from thidua_wagtail.wagtail_catalogue import DOMAINS, catalogue_path, coverage, source_entries

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{[a-z_0-9]*\}")
TAG = re.compile(r"</?[a-z]+")


def catalogue(domain):
    return polib.pofile(str(catalogue_path(domain)))


def msgstr(entry):
    return entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_string_of_the_installed_wagtail_renders_in_vietnamese(domain):
    """The measure of the issue: the share of the installed Wagtail and wagtail-localize msgids that the site's own
    translation machinery (LOCALE_PATHS, the apps, Wagtail's jsi18n views) renders in Vietnamese."""
    result = coverage(domain)
    assert result.total > (1500 if domain == "django" else 100)
    assert result.missing == [] and result.share == 1.0


def test_without_the_locale_path_most_of_the_admin_is_english_and_the_check_says_so():
    with override_settings(LOCALE_PATHS=[]):
        server, javascript = coverage("django"), coverage("djangojs")
        assert server.share < 0.3 and javascript.share < 0.5  # Wagtail's own catalogues: 17% and 32%
        assert "Pages" in server.missing or "Save draft" in server.missing
        assert [m.id for m in checks.run_checks() if m.id.startswith("thidua")] == ["thidua_wagtail.W005"]
    assert [m.id for m in checks.run_checks() if m.id.startswith("thidua")] == []


def test_a_newer_wagtail_is_named_by_the_system_check_and_its_new_strings_by_the_command(monkeypatch, capsys):
    monkeypatch.setattr(wagtail_catalogue, "installed_versions", lambda: ["wagtail 9.0", "wagtail-localize 1.14.5"])
    monkeypatch.setattr("thidua_wagtail.checks.installed_versions", wagtail_catalogue.installed_versions)
    found = [m for m in checks.run_checks() if m.id.startswith("thidua")]
    assert [m.id for m in found] == ["thidua_wagtail.W006"] and "wagtail 9.0" in found[0].msg
    # The command lists what renders in English; --check fails on it.
    entries = wagtail_catalogue.source_entries("djangojs")
    entry = polib.POEntry(msgid="A string new in Wagtail 9", msgstr="")
    monkeypatch.setattr(wagtail_catalogue, "source_entries",
                        lambda domain, installed_only=True: {**entries, ("new",): (entry, Path("wagtail/admin"))}
                        if domain == "djangojs" else source_entries(domain, installed_only))
    with pytest.raises(CommandError, match="1 chuỗi"):
        call_command("thidua_wagtail_catalogue", "--check")
    out = capsys.readouterr().out
    assert "A string new in Wagtail 9" in out and "djangojs: 126/127" in out


def test_the_catalogue_keeps_placeholders_tags_and_spacing():
    for domain in DOMAINS:
        for entry in catalogue(domain):
            translated = msgstr(entry)
            assert translated, entry.msgid
            wanted = set(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
            found = set(PLACEHOLDER.findall(translated))
            if "no-python-format" not in entry.flags:
                assert wanted <= found <= wanted | set(PLACEHOLDER.findall(entry.msgid)), entry.msgid
            if not entry.msgid_plural:
                assert sorted(TAG.findall(entry.msgid)) == sorted(TAG.findall(translated)), entry.msgid
            assert entry.msgid.endswith(" ") == translated.endswith(" "), entry.msgid
    if shutil.which("msgfmt"):
        import subprocess

        for domain in DOMAINS:
            done = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(catalogue_path(domain))],
                                  capture_output=True, text=True)
            assert done.returncode == 0, done.stderr


def test_the_compiled_catalogue_is_the_po_file():
    for domain in DOMAINS:
        compiled = polib.mofile(str(catalogue_path(domain, ".mo")))
        assert {(e.msgctxt, e.msgid): e.msgstr for e in compiled if not e.msgid_plural} == {
            (e.msgctxt, e.msgid): e.msgstr for e in catalogue(domain) if not e.msgid_plural}


def glossary():
    text = (ROOT / "docs/glossary-vi.md").read_text(encoding="utf-8").split("## Terms")[1].split("\n## ")[0]
    rows = [line.split("|")[1:3] for line in text.splitlines() if line.startswith("| ") and "---" not in line]
    return [(english.strip(), [form.strip() for form in vietnamese.split("/")]) for english, vietnamese in rows[1:]]


def test_the_glossary_terms_are_used_in_every_string():
    terms = glossary()
    assert len(terms) >= 30 and ("page", ["trang"]) in terms
    offenders = []
    for domain in DOMAINS:
        for entry in catalogue(domain):
            source = PLACEHOLDER.sub(" ", re.sub(r"<[^>]+>", " ", f"{entry.msgid} {entry.msgid_plural}"))
            for english, forms in terms:
                if re.search(rf"\b{english}(s|es|d|ed|ing)?\b", source, re.IGNORECASE) and \
                        not any(form in msgstr(entry).lower() for form in forms):
                    offenders.append((english, entry.msgid))
    assert offenders == [], "\n".join(map(str, offenders))


def test_strings_shared_with_the_apps_catalogue_read_the_same():
    """LOCALE_PATHS comes before the app's own catalogue: a msgid in both must not change meaning."""
    app = {e.msgid: msgstr(e) for e in polib.pofile(str(ROOT / "thidua_wagtail/locale/vi/LC_MESSAGES/django.po"))
           if e.msgctxt is None}
    shared = {e.msgid: (app[e.msgid], msgstr(e)) for e in catalogue("django") if e.msgid in app}
    assert len(shared) > 10
    assert {msgid: pair for msgid, pair in shared.items() if pair[0] != pair[1]} == {}


def load_messages_script():
    spec = importlib.util.spec_from_file_location("messages_script", ROOT / "scripts/messages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_make_messages_keeps_a_translators_work_and_only_adds_new_strings(tmp_path):
    script = load_messages_script()
    path = tmp_path / "django.po"
    shutil.copy(catalogue_path("django"), path)
    po = polib.pofile(str(path), wrapwidth=0)
    edited = next(e for e in po if e.msgid == "Save draft")
    edited.msgstr = "Lưu bản nháp (sửa bởi người dịch)"
    po.save(str(path))
    sources = source_entries("django", installed_only=False)
    new = polib.POEntry(msgid="Brand new string of Wagtail 9", flags=["python-format"])
    sources[(None, new.msgid, None)] = (new, Path("site-packages/wagtail/admin/locale/en/LC_MESSAGES/django.po"))
    po = polib.pofile(str(path), wrapwidth=0)
    before = {e.msgid: msgstr(e) for e in po}
    assert script.merge(po, sources, ["wagtail 9.0"]) == 1
    po.save(str(path))
    after = polib.pofile(str(path))
    kept = {e.msgid: msgstr(e) for e in after if e.msgid in before}
    assert kept == before and kept["Save draft"] == "Lưu bản nháp (sửa bởi người dịch)"
    added = after.find("Brand new string of Wagtail 9")
    assert added.msgstr == "" and added.comment == "wagtail/admin"
    assert "wagtail 9.0" in after.metadata["X-Checked-Against"]
    assert script.untranslated(after) == ["Brand new string of Wagtail 9"]


@pytest.fixture
def editor_vi(client, db):
    user = get_user_model().objects.create_superuser("bientap", "b@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "vi"
    profile.save()
    client.force_login(user)
    return client


def test_the_admin_reads_in_vietnamese(editor_vi, sections):
    dashboard = editor_vi.get(reverse("wagtailadmin_home")).content.decode()
    for vietnamese in ("Bảng điều khiển", "Tìm trong tất cả các trang…", "Tổng quan trang web"):
        assert vietnamese in dashboard
    for english in ("Search all pages…", "Site summary", "Phân trang"):
        assert english not in dashboard
    edit = editor_vi.get(reverse("wagtailadmin_pages:edit", args=[sections["campaigns"].pk])).content.decode()
    assert "Lưu bản nháp" in edit and "Save draft" not in edit and "Thao tác khác" in edit
    # The admin's JavaScript catalogue (the sidebar, the explorer, StreamField) and wagtail-localize's.
    javascript = editor_vi.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    assert "Danh s\\u00e1ch trang" in javascript or "Danh sách trang" in javascript
    with translation.override("vi"):
        assert translation.gettext("Pages") == "Trang" and translation.gettext("Snippets") == "Nội dung dùng chung"


def test_the_install_guide_tells_a_site_to_add_the_locale_path():
    guide = (ROOT / "docs/install.md").read_text(encoding="utf-8")
    assert "thidua_wagtail.WAGTAIL_LOCALE_PATH" in guide
    assert Path(thidua_wagtail.WAGTAIL_LOCALE_PATH, "vi/LC_MESSAGES/djangojs.mo").exists()
