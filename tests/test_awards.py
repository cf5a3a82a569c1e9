"""The award catalogue of the law (issue 17): its entries, and how a site's catalogue is brought up to date."""

import datetime
import uuid
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Locale as WagtailLocale

from thidua_wagtail.awards import CATALOGUE, RELEASE_0_1, load_default_awards
from thidua_wagtail.models import Award

from . import factories

APP = "thidua_wagtail"
pytestmark = pytest.mark.django_db


def test_the_catalogue_has_the_law_s_titles_and_forms_with_their_legal_names():
    entries = {entry.code: entry for entry in CATALOGUE}
    assert len(entries) == len(CATALOGUE), "codes are unique"
    assert entries["chien-si-thi-dua-cap-tinh"].name == "Chiến sĩ thi đua bộ, ban, ngành, tỉnh"
    assert "Chiến sĩ thi đua cấp tỉnh" in entries["chien-si-thi-dua-cap-tinh"].local_names
    assert entries["co-thi-dua-cap-tinh"].name == "Cờ thi đua của bộ, ban, ngành, tỉnh"
    # The ten orders, five of them in three classes; the medal of glorious soldiers in classes too.
    orders = [entry for entry in CATALOGUE if entry.category == Award.Category.ORDER]
    assert len(orders) == 10 and sum(entry.grades for entry in orders) == 5
    assert entries["huy-chuong-chien-si-ve-vang"].grades
    assert len([entry for entry in CATALOGUE if entry.category == Award.Category.HONORARY_TITLE]) == 13
    assert entries["giai-thuong-ho-chi-minh"].category == entries["giai-thuong-nha-nuoc"].category == "prize"
    assert entries["gia-dinh-van-hoa"].recipients == ("household",)
    assert entries["huan-chuong-lao-dong"].legal_basis == "Luật Thi đua, khen thưởng 2022, Điều 33"
    assert entries["huan-chuong-lao-dong"].legal_basis_en == "Law on Emulation and Commendation 2022, Art. 33"
    # Renamed by the two-level local government: the old name ends, its successor begins the next day.
    old, new = entries["xa-phuong-thi-tran-tieu-bieu"], entries["xa-phuong-dac-khu-tieu-bieu"]
    assert (old.replaced_by, str(old.valid_to), str(new.valid_from)) == (new.code, "2025-06-30", "2025-07-01")
    assert entries["bang-khen-chu-tich-ubnd-tinh"].form_of == "bang-khen-bo-ban-nganh-tinh"
    for entry in CATALOGUE:
        for code in (entry.form_of, entry.replaced_by):
            assert not code or code in entries, code
        assert entry.english and entry.recipients


def test_loaded_entries_link_their_successors_and_legal_forms(locale_vi):
    load_default_awards(locale_vi)
    old = Award.objects.get(code="xa-phuong-thi-tran-tieu-bieu")
    assert old.replaced_by.code == "xa-phuong-dac-khu-tieu-bieu"
    assert old.is_valid_on(datetime.date(2025, 6, 30)) and not old.is_valid_on(datetime.date(2025, 7, 1))
    legal = Award.objects.get(code="bang-khen-bo-ban-nganh-tinh")
    assert set(legal.forms.values_list("code", flat=True)) == {"bang-khen-chu-tich-ubnd-tinh", "bang-khen-bo-truong"}
    assert Award.objects.get(code="huan-chuong-lao-dong").kind == Award.Kind.COMMENDATION
    assert Award.objects.get(code="lao-dong-tien-tien").kind == Award.Kind.TITLE


def test_the_catalogue_follows_its_own_changes_but_never_an_editor_s(locale_vi, monkeypatch):
    import dataclasses

    from thidua_wagtail import awards as catalogue

    load_default_awards(locale_vi)
    mine = Award.objects.get(code="giay-khen")
    mine.legal_basis = "Quyết định 12/2024/QĐ-UBND"
    mine.save()
    changed = [dataclasses.replace(entry, english=entry.english, local_names=("Giấy khen của Giám đốc",))
               if entry.code in ("giay-khen", "lao-dong-tien-tien") else entry for entry in CATALOGUE]
    changed = [dataclasses.replace(entry, basis="Luật Thi đua, khen thưởng 2022, Điều 75")
               if entry.code in ("giay-khen", "lao-dong-tien-tien") else entry for entry in changed]
    monkeypatch.setattr(catalogue, "CATALOGUE", changed)
    report = load_default_awards(locale_vi)
    assert ("lao-dong-tien-tien", "legal_basis", "Luật Thi đua, khen thưởng 2022, Điều 24",
            "Luật Thi đua, khen thưởng 2022, Điều 75") in report.updated
    assert ("giay-khen", "local_names", "", "Giấy khen của Giám đốc") in report.updated
    assert report.kept == [("giay-khen", "legal_basis", "Quyết định 12/2024/QĐ-UBND",
                            "Luật Thi đua, khen thưởng 2022, Điều 75")]
    assert Award.objects.get(code="giay-khen").legal_basis == "Quyết định 12/2024/QĐ-UBND"
    assert Award.objects.get(code="lao-dong-tien-tien").legal_basis.endswith("Điều 75")


def test_the_command_prints_what_it_changed(locale_vi):
    out = StringIO()
    call_command("thidua_load_awards", stdout=out)
    assert f"Awards: {len(CATALOGUE)} created, 0 fields updated, 0 editor changes kept, 0 unchanged." in out.getvalue()
    assert "+ huan-chuong-sao-vang" in out.getvalue()
    out = StringIO()
    call_command("thidua_load_awards", stdout=out)
    assert out.getvalue().strip() == (f"Awards: 0 created, 0 fields updated, 0 editor changes kept, "
                                      f"{len(CATALOGUE)} unchanged.")


def test_the_command_refuses_an_unknown_language(locale_vi):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No content language 'fr': choose from vi"):
        call_command("thidua_load_awards", "--locale", "fr")


def test_an_order_with_classes_needs_its_class_and_others_refuse_one(sections, awards, admin_client):
    from thidua_wagtail.models.profiles import honour_grade_error

    load_default_awards(sections["profiles"].locale)
    labour = Award.objects.get(code="huan-chuong-lao-dong", locale=sections["profiles"].locale)
    assert str(honour_grade_error(labour, "")) == "Hãy chọn hạng của “Huân chương Lao động”."
    assert honour_grade_error(labour, "third") is None
    assert str(honour_grade_error(awards["giay-khen"], "first")) == "“Giấy khen” không chia hạng."
    profile = factories.make_profile(sections["profiles"], kind="collective")
    profile.honours.create(award=labour, grade="third", year=2023, decision_number="1456/QĐ-CTN")
    profile.save_revision().publish()
    assert str(profile.honours.get()) == "Huân chương Lao động hạng Ba (2023)"
    response = admin_client.get(profile.url, HTTP_ACCEPT_LANGUAGE="vi")
    assert "Huân chương Lao động hạng Ba" in response.content.decode()


# serialized_rollback: migrations made the root page and locale every other test starts from.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_site_from_0_1_upgrades_with_every_honour_and_every_editor_change():
    """0006 and thidua_load_awards on a 0.1 catalogue: honours keep their awards; the names 0.1 got wrong become
    the legal ones (the old name kept as a local name); an award an editor renamed keeps the editor's name."""
    executor = MigrationExecutor(connection)
    executor.migrate([(APP, "0005_organisation_texts")])
    old = executor.loader.project_state([(APP, "0005_organisation_texts")]).apps
    Locale, Page, ContentType = (old.get_model(*name) for name in (
        ("wagtailcore", "Locale"), ("wagtailcore", "Page"), ("contenttypes", "ContentType")))
    vi, _ = Locale.objects.get_or_create(language_code="vi")
    OldAward = old.get_model(APP, "Award")
    kinds = {"anh-hung-lao-dong": "commendation", "huan-chuong-lao-dong": "commendation"}
    awards = {}
    for code, values in RELEASE_0_1.items():
        kind = kinds.get(code, "commendation" if code.startswith(("bang-khen", "ky-niem", "giay")) else "title")
        recipient = "both" if kind == "commendation" else (
            "collective" if code.startswith(("co-", "tap-the")) else "individual")
        awards[code] = OldAward.objects.create(code=code, locale=vi, translation_key=uuid.uuid4(), kind=kind,
                                               recipient=recipient, **values)
    OldAward.objects.filter(code="giay-khen").update(name="Giấy khen của Giám đốc Sở")
    own = OldAward.objects.create(code="huy-hieu-cong-doan", name="Huy hiệu Công đoàn", locale=vi,
                                  translation_key=uuid.uuid4(), kind="commendation", level="provincial",
                                  recipient="individual", sort_order=500)
    content_type, _ = ContentType.objects.get_or_create(app_label=APP, model="exemplaryprofilepage")
    root = Page.objects.get(depth=1)
    profile = old.get_model(APP, "ExemplaryProfilePage").objects.create(
        title="Nguyễn Văn A", slug="nguyen-van-a", path=root.path + "0099", depth=2, content_type=content_type,
        locale=vi, translation_key=uuid.uuid4(), url_path="/nguyen-van-a/", kind="individual", year_recognised=2021,
        achievements="…", live=True)
    Honour = old.get_model(APP, "ProfileHonour")
    for order, code in enumerate(("chien-si-thi-dua-cap-tinh", "co-thi-dua-cap-tinh", "giay-khen",
                                  "huan-chuong-lao-dong")):
        Honour.objects.create(profile=profile, award=awards[code], year=2020 + order, decision_number=f"{order}/QĐ",
                              locale=vi, translation_key=uuid.uuid4(), sort_order=order)
    Honour.objects.create(profile=profile, award=own, year=2024, locale=vi, translation_key=uuid.uuid4(),
                          sort_order=9)
    before = sorted(Honour.objects.values_list("pk", "award_id", "year", "decision_number"))
    try:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes(APP))
        from thidua_wagtail.models import ProfileHonour

        migrated = Award.objects.get(code="huan-chuong-lao-dong")
        assert (migrated.category, migrated.for_individuals, migrated.for_collectives) == ("order", True, True)
        assert Award.objects.get(code="chien-si-thi-dua-cap-tinh").for_collectives is False
        report = load_default_awards(WagtailLocale.objects.get(language_code="vi"))
        after = sorted(ProfileHonour.objects.values_list("pk", "award_id", "year", "decision_number"))
        assert after == before
        provincial = Award.objects.get(code="chien-si-thi-dua-cap-tinh")
        assert provincial.name == "Chiến sĩ thi đua bộ, ban, ngành, tỉnh"
        assert "Chiến sĩ thi đua cấp tỉnh" in provincial.local_name_list
        assert Award.objects.get(code="co-thi-dua-cap-tinh").name == "Cờ thi đua của bộ, ban, ngành, tỉnh"
        assert Award.objects.get(code="huan-chuong-lao-dong").has_grades
        assert Award.objects.get(code="giay-khen").name == "Giấy khen của Giám đốc Sở"
        assert ("giay-khen", "name", "Giấy khen của Giám đốc Sở", "Giấy khen") in report.kept
        assert Award.objects.get(pk=own.pk).name == "Huy hiệu Công đoàn"  # not in the catalogue: left alone
        assert len(report.created) == len(CATALOGUE) - len(RELEASE_0_1)
        assert ProfileHonour.objects.filter(award__code="chien-si-thi-dua-cap-tinh").get().award.name == (
            "Chiến sĩ thi đua bộ, ban, ngành, tỉnh")
    finally:
        MigrationExecutor(connection).migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def _decision(locale, number, **fields):
    from thidua_wagtail.models import OfficialDocument

    return OfficialDocument.objects.create(
        locale=locale, number=number, doc_type="decision", title="Quyết định khen thưởng",
        issue_date=fields.pop("issue_date", datetime.date(2022, 12, 20)),
        issuing_body=fields.pop("issuing_body", "Chủ tịch UBND tỉnh Thái Nguyên"), **fields)


def test_a_revoked_honour_stays_visible_as_revoked_and_leaves_the_counts(client, sections, awards):
    """Law, Chapter VII: revocation is a decision too; the honour stays on the profile, marked, with the revoking
    decision, and leaves statistics, the award filter and structured data."""
    from thidua_wagtail.models import ProfileHonour
    from thidua_wagtail.models.statistics import visible_honours

    locale = sections["profiles"].locale
    conferring, revoking = _decision(locale, "3021/QĐ-UBND"), _decision(locale, "77/QĐ-UBND",
                                                                         issue_date=datetime.date(2024, 3, 5))
    profile = factories.make_profile(sections["profiles"], "Trần Văn Bình", publish=False)
    profile.honours.add(ProfileHonour(award=awards["chien-si-thi-dua-cap-tinh"], year=2022, decision=conferring,
                                      revoked_by=revoking))
    profile.honours.add(ProfileHonour(award=awards["giay-khen"], year=2021, decision_number="12/QĐ-KHCN",
                                      decided_by="Giám đốc Sở"))
    profile.save_revision().publish()
    html = client.get(profile.url).content.decode()
    assert ('<tr class="td-revoked"><td class="td-nowrap">2022</td><th scope="row"><s>Chiến sĩ thi đua bộ, ban, '
            f'ngành, tỉnh</s></th><td><a href="/vi/tra-cuu-khen-thuong/quyet-dinh/{conferring.pk}/">Quyết định số '
            '3021/QĐ-UBND</a> ngày 20/12/2022, Chủ tịch UBND tỉnh Thái Nguyên<p class="td-revoked-note"><strong>Đã '
            f'bị hủy bỏ</strong>: <a href="/vi/tra-cuu-khen-thuong/quyet-dinh/{revoking.pk}/">Quyết định số '
            '77/QĐ-UBND</a> ngày 5/3/2024, '
            'Chủ tịch UBND tỉnh Thái Nguyên</p></td></tr>') in html
    assert "12/QĐ-KHCN, Giám đốc Sở" in html  # a decision not among the site's documents: as typed
    assert list(visible_honours(locale).values_list("award__code", flat=True)) == ["giay-khen"]
    assert '"award": ["Giấy khen (2021)"]' in html
    assert ('"hasCredential": [{"@type": "EducationalOccupationalCredential", "name": "Giấy khen", '
            '"credentialCategory": "Giấy khen", "recognizedBy": {"@type": "Organization", "name": "Giám đốc Sở"}, '
            '"dateCreated": "2021", "identifier": "12/QĐ-KHCN"}]') in html
    listing = client.get(sections["profiles"].url).content.decode()
    assert f'<option value="{awards["giay-khen"].pk}">' in listing
    assert f'<option value="{awards["chien-si-thi-dua-cap-tinh"].pk}">' not in listing


def test_a_decision_that_confers_honours_cannot_be_deleted(admin_client, sections, awards):
    from thidua_wagtail.models import OfficialDocument

    decision = _decision(sections["profiles"].locale, "215/QĐ-KHCN")
    factories.make_profile(sections["profiles"], honours=[(awards["giay-khen"], 2019)]).honours.update(
        decision=decision)
    response = admin_client.post(f"/admin/snippets/thidua_wagtail/officialdocument/delete/{decision.pk}/",
                                 follow=True)
    assert response.status_code == 200
    assert OfficialDocument.objects.filter(pk=decision.pk).exists()
    assert ("Không thể xóa “215/QĐ-KHCN — Quyết định khen thưởng”: có 1 khen thưởng đang dựa vào mục này."
            in response.content.decode())
    # An award that honours hold, the same.
    response = admin_client.post(f"/admin/snippets/thidua_wagtail/award/delete/{awards['giay-khen'].pk}/",
                                 follow=True)
    assert "Không thể xóa “Giấy khen”: có 1 khen thưởng" in response.content.decode()


# serialized_rollback: migrations made the root page and locale every other test starts from.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_typed_decision_numbers_become_decisions_in_each_language():
    """0007 (and 0009): each typed number becomes a decision (or links to the one already there), one per language, the
    copies translations of one another; the typed number and authority stay on the honour."""
    executor = MigrationExecutor(connection)
    executor.migrate([(APP, "0006_award_catalogue")])
    old = executor.loader.project_state([(APP, "0006_award_catalogue")]).apps
    Locale, Page, ContentType = (old.get_model(*name) for name in (
        ("wagtailcore", "Locale"), ("wagtailcore", "Page"), ("contenttypes", "ContentType")))
    vi, _ = Locale.objects.get_or_create(language_code="vi")
    en, _ = Locale.objects.get_or_create(language_code="en")
    award = old.get_model(APP, "Award").objects.create(code="giay-khen", name="Giấy khen", locale=vi,
                                                       translation_key=uuid.uuid4(), level="grassroots")
    existing = old.get_model(APP, "OfficialDocument").objects.create(
        number="5/QĐ-KHCN", doc_type="decision", title="Quyết định có sẵn", issue_date=datetime.date(2020, 1, 5),
        issuing_body="Sở", locale=vi, translation_key=uuid.uuid4())
    content_type, _ = ContentType.objects.get_or_create(app_label=APP, model="exemplaryprofilepage")
    root = Page.objects.get(depth=1)
    Profile, Honour = old.get_model(APP, "ExemplaryProfilePage"), old.get_model(APP, "ProfileHonour")
    unit = old.get_model(APP, "Unit").objects.create(name="Phòng Quản lý khoa học", locale=vi,
                                                     translation_key=uuid.uuid4())
    rows = []
    for n, (locale, decided_by) in enumerate(((vi, "Giám đốc Sở"), (en, "Director"))):
        profile = Profile.objects.create(
            title=f"Hồ sơ {n}", slug=f"ho-so-{n}", path=root.path + f"009{n}", depth=2, content_type=content_type,
            locale=locale, translation_key=uuid.uuid4(), url_path=f"/ho-so-{n}/", kind="individual",
            year_recognised=2021, achievements="…", live=True, unit=unit if locale == vi else None)
        for number in ("198/QĐ-KHCN", "5/QĐ-KHCN", ""):
            rows.append(Honour.objects.create(profile=profile, award=award, year=2020, decision_number=number,
                                              decided_by=decided_by, locale=locale, translation_key=uuid.uuid4()))
    try:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes(APP))
        from thidua_wagtail.models import OfficialDocument, ProfileHonour

        honours = {(h.locale.language_code, h.decision_number): h for h in ProfileHonour.objects.filter(
            pk__in=[row.pk for row in rows]).select_related("decision", "locale")}
        made_vi, made_en = honours[("vi", "198/QĐ-KHCN")].decision, honours[("en", "198/QĐ-KHCN")].decision
        assert (made_vi.doc_type, made_vi.issuing_body, made_vi.title, made_vi.issue_date) == (
            "decision", "Giám đốc Sở", "Quyết định khen thưởng", None)
        assert (made_en.issuing_body, made_en.title) == ("Director", "Commendation decision")
        assert made_vi.translation_key == made_en.translation_key and made_vi.pk != made_en.pk
        assert honours[("vi", "5/QĐ-KHCN")].decision_id == existing.pk  # the decision already there
        assert honours[("en", "5/QĐ-KHCN")].decision.translation_key == existing.translation_key
        assert honours[("vi", "")].decision is None
        assert honours[("vi", "198/QĐ-KHCN")].decided_by == "Giám đốc Sở"  # the typed authority stays
        assert OfficialDocument.objects.filter(number="198/QĐ-KHCN").count() == 2
        # 0009: an honour keeps the unit its profile had at the upgrade, the best record of the unit at the time.
        assert {(h.locale.language_code, h.unit) for h in honours.values()} == {("vi", "Phòng Quản lý khoa học"),
                                                                               ("en", "")}
    finally:
        MigrationExecutor(connection).migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
