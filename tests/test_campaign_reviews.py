"""A campaign's reviews (sơ kết, tổng kết) with results computed from its decisions, and its timeline."""

import datetime

import pytest

from thidua_wagtail import timeline
from thidua_wagtail.models import (
    CampaignDocument,
    CampaignReview,
    ConsultationIndexPage,
    ConsultationNominee,
    ConsultationPage,
    DecisionRecipient,
    ProfileHonour,
)

from . import factories

D = datetime.date


@pytest.fixture
def campaign_year(sections, home, unit, awards):
    campaign = factories.make_campaign(sections["campaigns"], "Phong trào đổi mới sáng tạo",
                                       start_date=D(2024, 1, 15), end_date=D(2025, 12, 31))
    plan = factories.make_document("12/KH-KHCN", doc_type="plan", issue_date=D(2024, 1, 10), is_public=True,
                                   title="Kế hoạch phát động phong trào")
    first = factories.make_document("101/QĐ-UBND", doc_type="decision", issue_date=D(2024, 6, 1), is_public=True,
                                    title="Quyết định khen thưởng đợt 1")
    second = factories.make_document("202/QĐ-UBND", doc_type="decision", issue_date=D(2025, 6, 1), is_public=True,
                                     title="Quyết định khen thưởng đợt 2")
    unlinked = factories.make_document("303/QĐ-UBND", doc_type="decision", issue_date=D(2024, 7, 1), is_public=True)
    private = factories.make_document("404/QĐ-UBND", doc_type="decision", issue_date=D(2024, 8, 1), is_public=False)
    for document in (plan, first, second, private):
        CampaignDocument.objects.create(campaign=campaign, document=document, locale=campaign.locale)
    lao_dong, bang_khen = awards["lao-dong-tien-tien"], awards["bang-khen-chu-tich-ubnd-tinh"]
    profile = factories.make_profile(sections["profiles"], "Nguyễn Văn Sáng", unit=unit)
    for decision, award in ((first, bang_khen), (second, bang_khen), (unlinked, bang_khen), (private, lao_dong)):
        ProfileHonour.objects.create(profile=profile, award=award, year=decision.issue_date.year, decision=decision,
                                     locale=profile.locale)
    for name, decision, revoked in (("Trần Thị Tạo", first, None), ("Lê Văn Mới", second, None),
                                    ("Phạm Văn Thu Hồi", second, unlinked)):
        DecisionRecipient.objects.create(decision=decision, name=name, unit="Phòng Thử nghiệm", award=lao_dong,
                                         kind="individual", revoked_by=revoked, locale=decision.locale)
    CampaignReview.objects.create(campaign=campaign, kind="mid_term", held_on=D(2024, 12, 20),
                                  title="Sơ kết năm đầu", report="<p>Báo cáo sơ kết.</p>", locale=campaign.locale)
    CampaignReview.objects.create(campaign=campaign, kind="final", held_on=D(2025, 12, 30), locale=campaign.locale)
    index = home.add_child(instance=ConsultationIndexPage(title="Lấy ý kiến", slug="lay-y-kien"))
    consultation = ConsultationPage(title="Lấy ý kiến về đề nghị khen thưởng đợt 2", slug="y-kien", summary="Tóm tắt",
                                    proposing_body="Sở", opens_on=D(2025, 3, 3), closes_on=D(2025, 3, 17),
                                    campaign=campaign)
    consultation.nominees.add(ConsultationNominee(name="Lê Văn Mới", achievements="Thành tích",
                                                  proposed_award=awards["huan-chuong-lao-dong"]))
    index.add_child(instance=consultation)
    consultation.save_revision().publish()
    return campaign


def test_review_results_come_from_the_campaigns_public_decisions_by_the_reviews_date(campaign_year):
    mid_term, final = campaign_year.reviews.order_by("held_on")
    rows = [(row.unit, row.award, row.count) for row in timeline.campaign_results(campaign_year, mid_term.held_on)]
    # The first decision only: the private and the unlinked decisions never count.
    assert rows == [("Phòng Quản lý khoa học", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", 1),
                    ("Phòng Thử nghiệm", "Lao động tiên tiến", 1)]
    rows = [(row.unit, row.award, row.count) for row in timeline.campaign_results(campaign_year, final.held_on)]
    # Both decisions; the revoked recipient is left out.
    assert rows == [("Phòng Quản lý khoa học", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", 2),
                    ("Phòng Thử nghiệm", "Lao động tiên tiến", 2)]


def test_the_campaign_page_shows_its_timeline_in_order_and_its_reviews(client, campaign_year):
    html = client.get(campaign_year.url).content.decode()
    section = html.split('id="td-timeline"', 1)[1].split("</section>", 1)[0]
    order = ["12/KH-KHCN", "Phong trào đổi mới sáng tạo", "101/QĐ-UBND", "Sơ kết năm đầu",
             "Lấy ý kiến về đề nghị khen thưởng đợt 2", "202/QĐ-UBND", "Tổng kết", "31/12/2025"]
    positions = [section.index(text) for text in order]
    assert positions == sorted(positions), order
    assert "404/QĐ-UBND" not in section and "303/QĐ-UBND" not in section
    reviews = html.split('id="td-reviews"', 1)[1].split("</section>", 1)[0]
    assert "Báo cáo sơ kết." in reviews and "Phòng Thử nghiệm" in reviews
    assert "Trần Thị Tạo" not in reviews  # counts, not names
    assert reviews.count("<tr>") == 2 * (2 + 1)  # each review: two results and the header row


def test_a_campaign_without_decisions_says_so(client, sections):
    campaign = factories.make_campaign(sections["campaigns"], "Phong trào mới")
    CampaignReview.objects.create(campaign=campaign, kind="mid_term", held_on=D(2020, 6, 1), locale=campaign.locale)
    html = client.get(campaign.url).content.decode()
    assert "Chưa có quyết định nào gắn với phong trào khen thưởng trước thời điểm này." in html
