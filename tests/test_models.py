import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from thidua_wagtail.models import (
    Award,
    CampaignIndexPage,
    CampaignPage,
    ExemplaryProfilePage,
    NewsIndexPage,
    NewsPage,
    ProfileIndexPage,
)

from . import factories

D = datetime.date


class TestPageTypeRules(WagtailPageTestCase):
    def test_detail_pages_only_under_their_index(self):
        self.assertAllowedParentPageTypes(CampaignPage, {CampaignIndexPage})
        self.assertAllowedParentPageTypes(ExemplaryProfilePage, {ProfileIndexPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})

    def test_indexes_only_take_their_detail_pages(self):
        self.assertAllowedSubpageTypes(CampaignIndexPage, {CampaignPage})
        self.assertAllowedSubpageTypes(ProfileIndexPage, {ExemplaryProfilePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})

    def test_detail_pages_are_leaves(self):
        for model in (CampaignPage, ExemplaryProfilePage, NewsPage):
            self.assertAllowedSubpageTypes(model, set())

    def test_indexes_can_go_under_a_plain_page(self):
        for model in (CampaignIndexPage, ProfileIndexPage, NewsIndexPage):
            self.assertCanCreateAt(Page, model)
        self.assertCanNotCreateAt(Page, CampaignPage)
        self.assertCanNotCreateAt(CampaignIndexPage, NewsPage)


@pytest.mark.parametrize(
    "start,end,expected",
    [
        (D(2026, 12, 1), D(2027, 1, 1), "upcoming"),
        (D(2026, 1, 1), D(2026, 12, 31), "ongoing"),
        (D(2026, 6, 1), D(2026, 6, 1), "ongoing"),
        (D(2020, 1, 1), None, "ongoing"),
        (D(2019, 1, 1), D(2020, 1, 1), "ended"),
    ],
)
def test_status_is_derived_from_dates(start, end, expected):
    campaign = CampaignPage(start_date=start, end_date=end)
    assert campaign.get_status(on=D(2026, 6, 1)) == expected


def test_status_querysets_agree_with_property(sections):
    index = sections["campaigns"]
    today = datetime.date.today()
    upcoming = factories.make_campaign(index, "Sắp tới", start_date=today + datetime.timedelta(days=5),
                                       end_date=today + datetime.timedelta(days=50))
    ongoing = factories.make_campaign(index, "Đang diễn ra", start_date=today - datetime.timedelta(days=5),
                                      end_date=today + datetime.timedelta(days=5))
    regular = factories.make_campaign(index, "Thường xuyên", campaign_type="regular",
                                      start_date=today - datetime.timedelta(days=900), end_date=None)
    ended = factories.make_campaign(index, "Đã kết thúc", start_date=D(2019, 1, 1), end_date=D(2019, 12, 31))
    assert set(CampaignPage.objects.upcoming()) == {upcoming}
    assert set(CampaignPage.objects.ongoing()) == {ongoing, regular}
    assert set(CampaignPage.objects.ended()) == {ended}
    for campaign in (upcoming, ongoing, regular, ended):
        assert campaign in CampaignPage.objects.with_status(campaign.status)
    assert set(CampaignPage.objects.active_in_year(2019)) == {ended} | ({regular} if regular.start_date.year <= 2019 else set())


@pytest.mark.django_db
def test_campaign_validation():
    with pytest.raises(ValidationError) as exc:
        CampaignPage(title="x", slug="x", launching_authority="a", summary="s", campaign_type="thematic",
                     start_date=D(2020, 1, 1), end_date=D(2019, 1, 1)).full_clean()
    assert "end_date" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        CampaignPage(title="x", slug="x", launching_authority="a", summary="s", campaign_type="thematic",
                     start_date=D(2020, 1, 1), end_date=None).full_clean()
    assert "end_date" in exc.value.message_dict
    # A regular campaign may run without an end date.
    CampaignPage(title="x", slug="x", launching_authority="a", summary="s", campaign_type="regular",
                 start_date=D(2020, 1, 1), end_date=None).clean()


def test_unit_cannot_be_its_own_ancestor(locale_vi):
    parent = factories.make_unit("Trung tâm", locale=locale_vi)
    child = factories.make_unit("Phòng Thử nghiệm", locale=locale_vi, parent=parent)
    parent.parent = child
    with pytest.raises(ValidationError) as exc:
        parent.clean()
    assert "parent" in exc.value.message_dict


def test_award_recipient_rules(awards):
    assert awards["chien-si-thi-dua-co-so"].can_be_given_to("individual")
    assert not awards["chien-si-thi-dua-co-so"].can_be_given_to("collective")
    assert awards["tap-the-lao-dong-xuat-sac"].can_be_given_to("collective")
    assert awards["bang-khen-chu-tich-ubnd-tinh"].can_be_given_to("individual")
    assert awards["bang-khen-chu-tich-ubnd-tinh"].can_be_given_to("collective")


def test_default_awards_cover_every_form_and_level_and_load_once(locale_vi):
    from thidua_wagtail.awards import CATALOGUE, load_default_awards

    report = load_default_awards(locale_vi)
    assert len(report.created) == len(CATALOGUE) and not report.updated and not report.kept
    assert set(Award.objects.values_list("kind", flat=True)) == {"title", "commendation"}
    assert set(Award.objects.values_list("category", flat=True)) == set(Award.Category.values)
    assert set(Award.objects.values_list("level", flat=True)) == {"national", "provincial", "grassroots"}
    assert Award.objects.filter(for_households=True, for_individuals=False).get().name == "Gia đình văn hóa"
    renamed = Award.objects.get(code="giay-khen")
    renamed.name = "Giấy khen của Giám đốc Sở"
    renamed.save()
    again = load_default_awards(locale_vi)
    assert (again.created, again.updated, again.unchanged) == ([], [], len(CATALOGUE))
    assert again.kept == [("giay-khen", "name", "Giấy khen của Giám đốc Sở", "Giấy khen")]
    assert Award.objects.get(code="giay-khen").name == "Giấy khen của Giám đốc Sở"


def test_honours_are_ordered_and_named(sections, awards):
    profile = factories.make_profile(
        sections["profiles"],
        honours=[(awards["lao-dong-tien-tien"], 2018), (awards["chien-si-thi-dua-co-so"], 2020)],
    )
    assert [str(h) for h in profile.honours.all()] == ["Lao động tiên tiến (2018)", "Chiến sĩ thi đua cơ sở (2020)"]
    assert profile.honours.first().locale == profile.locale


def test_official_document_lines(locale_vi):
    doc = factories.make_document(signer_title="KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n", recipients="- Lãnh đạo Sở;\n- Lưu: VT, VP.\n")
    assert doc.signer_title_lines == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    assert doc.recipient_lines == ["Lãnh đạo Sở", "Lưu: VT, VP"]
    assert str(doc) == "60/KH-KHCN — Tuyên truyền Đại hội Thi đua yêu nước"
