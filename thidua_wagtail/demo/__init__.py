"""Demo content drawn from Kế hoạch số 60/KH-KHCN (the seed plan shipped beside this file).

``load_demo()`` is safe to run again: everything is looked up by a natural key
(unit name, award code, document number, page slug under its parent) and only
what is missing is created. Existing content is never overwritten.

The sections are made by ``thidua_setup``'s code (``sections.setup_sections``) and the seed plan goes through the
plan importer (``plans.drafts.import_plan_file``), as an editor's upload would: the demo shows what the importer
makes of a real plan, then adds what an editor adds before publishing.

The people and collectives in the profiles are fictional.
"""

import datetime
import html
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Site

from ..awards import CATALOGUE, load_default_awards
from ..i18n import vietnamese_locale
from ..models import (
    Award,
    CampaignDocument,
    CampaignPage,
    CampaignReview,
    CampaignUnit,
    ConsultationComment,
    ConsultationNominee,
    ConsultationPage,
    DecisionRecipient,
    ExemplaryProfilePage,
    NewsPage,
    OfficialDocument,
    Organisation,
    OrganisationSettings,
    RegistrationEntry,
    RegistrationPage,
    Unit,
)
from ..pagetypes import section_types
from ..plans.drafts import existing_document, import_plan_file
from ..roles import OFFICE_GROUP, setup_roles
from ..sections import localized_home, setup_sections
from ..text import ascii_slug
from ..workdays import add_working_days

SEED_PATH = Path(__file__).with_name("ke-hoach-60-KH-KHCN.txt")
D = datetime.date


@dataclass
class Report:
    created: list = field(default_factory=list)
    existing: int = 0

    def add(self, obj, was_created):
        if was_created:
            self.created.append(obj)
        else:
            self.existing += 1


# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------

UNITS = [
    # name, short name, kind, parent name
    ("Ban Giám đốc Sở", "BGĐ", Unit.Kind.LEADERSHIP, None),
    ("Văn phòng Sở", "VP", Unit.Kind.OFFICE, None),
    ("Thanh tra Sở", "TTra", Unit.Kind.DIVISION, None),
    ("Phòng Kế hoạch - Tài chính", "KHTC", Unit.Kind.DIVISION, None),
    ("Phòng Quản lý khoa học", "QLKH", Unit.Kind.DIVISION, None),
    ("Phòng Quản lý công nghệ và Thị trường công nghệ", "QLCN", Unit.Kind.DIVISION, None),
    ("Chi cục Tiêu chuẩn Đo lường Chất lượng", "CCTĐC", Unit.Kind.AFFILIATED, None),
    ("Trung tâm Ứng dụng tiến bộ khoa học và công nghệ", "TTƯD", Unit.Kind.AFFILIATED, None),
    ("Phòng Thử nghiệm", "PTN", Unit.Kind.OTHER, "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ"),
]

# What the organisation page shows of each unit (Decree 42/2022/NĐ-CP, Art. 4): duties, head, contacts. Invented.
UNIT_DETAILS = {
    "Ban Giám đốc Sở": ("Lãnh đạo, điều hành toàn bộ hoạt động của Sở.", "Giám đốc Sở", "Trần Minh Đức",
                        "0208 3855 001", "giamdoc@example.org"),
    "Văn phòng Sở": ("Tham mưu tổng hợp, hành chính, văn thư, thi đua, khen thưởng của Sở.", "Chánh Văn phòng",
                     "Lê Thị Hồng", "0208 3855 002", "vanphong@example.org"),
    "Thanh tra Sở": ("Thanh tra hành chính và thanh tra chuyên ngành khoa học và công nghệ.", "Chánh Thanh tra",
                     "Phạm Văn Bình", "0208 3855 003", ""),
    "Phòng Kế hoạch - Tài chính": ("Tham mưu kế hoạch, ngân sách và tài sản của Sở.", "Trưởng phòng",
                                   "Đỗ Thu Trang", "0208 3855 004", ""),
    "Phòng Quản lý khoa học": ("Quản lý nhiệm vụ khoa học và công nghệ các cấp.", "Trưởng phòng", "Ngô Quang Huy",
                               "0208 3855 005", ""),
    "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ": (
        "Ứng dụng, chuyển giao tiến bộ khoa học và công nghệ vào sản xuất và đời sống.", "Giám đốc Trung tâm",
        "Vũ Thị Lan", "0208 3855 010", "trungtam@example.org"),
}
ORGANISATION_FUNCTIONS = (
    "<p>Sở Khoa học và Công nghệ là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, tham mưu, giúp Ủy ban nhân dân "
    "tỉnh quản lý nhà nước về khoa học và công nghệ.</p>"
    "<p>Sở có tư cách pháp nhân, có con dấu và tài khoản riêng; chịu sự chỉ đạo, quản lý về tổ chức, biên chế và "
    "công tác của Ủy ban nhân dân tỉnh.</p>"
    "<p>Sở tổ chức các phong trào thi đua và công tác khen thưởng trong ngành theo Luật Thi đua, khen thưởng.</p>"
)
# The field (lĩnh vực) of the demo's documents, as the registry filters them.
DOCUMENT_AREA = "Thi đua, khen thưởng"

PLAN_NUMBER = "60/KH-KHCN"
PLAN_TITLE = "Tuyên truyền, phổ biến, quán triệt thực hiện Đại hội Thi đua yêu nước tỉnh lần thứ V"

MOVEMENTS = [
    {
        "title": "Thái Nguyên chung tay vì người nghèo, không để ai bị bỏ lại phía sau",
        "campaign_type": CampaignPage.CampaignType.REGULAR,
        "launching_authority": "Ủy ban nhân dân tỉnh Thái Nguyên",
        "start_date": D(2016, 1, 1),
        "end_date": None,
        "slogan": "Không để ai bị bỏ lại phía sau",
        "summary": "Phong trào thi đua thường xuyên huy động mọi nguồn lực chung tay giảm nghèo bền vững, "
        "bảo đảm an sinh xã hội trên địa bàn tỉnh.",
    },
    {
        "title": "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở",
        "campaign_type": CampaignPage.CampaignType.PHASED,
        "launching_authority": "Thủ tướng Chính phủ",
        "start_date": D(2019, 1, 1),
        "end_date": D(2025, 12, 31),
        "slogan": "Chuẩn mực, chuyên nghiệp, tận tụy",
        "summary": "Phong trào thi đua giai đoạn 2019–2025 xây dựng phong cách ứng xử chuẩn mực, "
        "chuyên nghiệp của cán bộ, công chức, viên chức tại công sở.",
    },
    {
        "title": "Thái Nguyên chung sức xây dựng nông thôn mới",
        "campaign_type": CampaignPage.CampaignType.REGULAR,
        "launching_authority": "Ủy ban nhân dân tỉnh Thái Nguyên",
        "start_date": D(2011, 1, 1),
        "end_date": None,
        "slogan": "",
        "summary": "Phong trào thi đua thường xuyên chung sức xây dựng nông thôn mới, trong đó ngành khoa học "
        "và công nghệ chuyển giao tiến bộ kỹ thuật cho sản xuất nông nghiệp.",
    },
]

OTHER_CAMPAIGNS = [
    {
        "title": "Phong trào thi đua thực hiện nhiệm vụ khoa học và công nghệ năm 2026",
        "campaign_type": CampaignPage.CampaignType.REGULAR,
        "launching_authority": "Sở Khoa học và Công nghệ",
        "start_date": D(2026, 1, 1),
        "end_date": D(2026, 12, 31),
        "slogan": "Đổi mới sáng tạo vì sự phát triển của tỉnh",
        "summary": "Phong trào thi đua thường xuyên năm 2026 của công chức, viên chức và người lao động "
        "trong các phòng, đơn vị thuộc Sở.",
    },
    {
        "title": "Thi đua lập thành tích chào mừng Ngày Khoa học và Công nghệ Việt Nam 18/5/2027",
        "campaign_type": CampaignPage.CampaignType.PHASED,
        "launching_authority": "Sở Khoa học và Công nghệ",
        "start_date": D(2027, 3, 1),
        "end_date": D(2027, 5, 18),
        "slogan": "",
        "summary": "Đợt thi đua cao điểm chào mừng Ngày Khoa học và Công nghệ Việt Nam.",
    },
]

PROFILES = [
    {
        "title": "Nguyễn Thị Thu Hà",
        "kind": ExemplaryProfilePage.Kind.INDIVIDUAL,
        "position": "Chuyên viên",
        "unit": "Phòng Quản lý khoa học",
        "year_recognised": 2020,
        "achievements": "Chủ trì tham mưu quản lý 12 nhiệm vụ khoa học cấp tỉnh, đề xuất quy trình "
        "xét duyệt hồ sơ trực tuyến rút ngắn một nửa thời gian thẩm định.",
        "story": "Chị Hà gắn bó với công tác quản lý khoa học từ năm 2012. Với tinh thần trách nhiệm và sự tận tụy, "
        "chị luôn hoàn thành xuất sắc nhiệm vụ được giao và là tấm gương về thực hiện văn hóa công sở.",
        "honours": [("chien-si-thi-dua-co-so", 2019, "215/QĐ-KHCN", "Giám đốc Sở Khoa học và Công nghệ"),
                    ("bang-khen-chu-tich-ubnd-tinh", 2020, "3021/QĐ-UBND", "Chủ tịch UBND tỉnh Thái Nguyên")],
        "campaigns": [PLAN_TITLE, "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở"],
    },
    {
        "title": "Trần Văn Minh",
        "kind": ExemplaryProfilePage.Kind.INDIVIDUAL,
        "position": "Phó Giám đốc Trung tâm",
        "unit": "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
        "year_recognised": 2021,
        "achievements": "Chuyển giao thành công quy trình nhân giống chè chất lượng cao cho 5 xã "
        "xây dựng nông thôn mới, giúp hàng trăm hộ tăng thu nhập.",
        "story": "Anh Minh cùng đồng nghiệp bám cơ sở, hướng dẫn bà con áp dụng tiến bộ kỹ thuật vào sản xuất, "
        "góp phần vào phong trào Thái Nguyên chung sức xây dựng nông thôn mới.",
        "honours": [("chien-si-thi-dua-cap-tinh", 2021, "1876/QĐ-UBND", "Chủ tịch UBND tỉnh Thái Nguyên"),
                    ("ky-niem-chuong-khcn", 2022, "", "Bộ trưởng Bộ Khoa học và Công nghệ")],
        "campaigns": ["Thái Nguyên chung sức xây dựng nông thôn mới"],
    },
    {
        "title": "Lê Thị Hồng",
        "kind": ExemplaryProfilePage.Kind.INDIVIDUAL,
        "position": "Kế toán viên",
        "unit": "Văn phòng Sở",
        "year_recognised": 2019,
        "achievements": "Thực hành tiết kiệm, công khai minh bạch tài chính; vận động quyên góp "
        "ủng hộ Quỹ Vì người nghèo của tỉnh.",
        "story": "Chị Hồng là người tích cực trong các hoạt động thiện nguyện của cơ quan.",
        "honours": [("lao-dong-tien-tien", 2019, "", "Giám đốc Sở Khoa học và Công nghệ"),
                    ("giay-khen", 2019, "198/QĐ-KHCN", "Giám đốc Sở Khoa học và Công nghệ")],
        "campaigns": ["Thái Nguyên chung tay vì người nghèo, không để ai bị bỏ lại phía sau"],
    },
    {
        "title": "Hoàng Đức Thắng",
        "kind": ExemplaryProfilePage.Kind.INDIVIDUAL,
        "position": "Kiểm định viên",
        "unit": "Chi cục Tiêu chuẩn Đo lường Chất lượng",
        "year_recognised": 2026,
        "achievements": "Hoàn thành vượt kế hoạch kiểm định phương tiện đo, không để xảy ra sai sót; "
        "có sáng kiến quản lý hồ sơ kiểm định điện tử.",
        "story": "Sáng kiến của anh Thắng được áp dụng trong toàn Chi cục từ năm 2025.",
        "honours": [("chien-si-thi-dua-co-so", 2025, "87/QĐ-KHCN", "Giám đốc Sở Khoa học và Công nghệ")],
        "campaigns": ["Phong trào thi đua thực hiện nhiệm vụ khoa học và công nghệ năm 2026"],
    },
    {
        "title": "Phòng Quản lý khoa học",
        "kind": ExemplaryProfilePage.Kind.COLLECTIVE,
        "position": "",
        "unit": "Phòng Quản lý khoa học",
        "year_recognised": 2020,
        "achievements": "Tập thể đoàn kết, hoàn thành xuất sắc nhiệm vụ năm 2019 và 2020; "
        "tham mưu tổ chức thành công Đại hội Thi đua yêu nước của Sở.",
        "story": "Phòng luôn đi đầu trong việc tuyên truyền, phổ biến Luật Thi đua, khen thưởng tới công chức, viên chức.",
        "honours": [("tap-the-lao-dong-xuat-sac", 2020, "3055/QĐ-UBND", "Chủ tịch UBND tỉnh Thái Nguyên")],
        "campaigns": [PLAN_TITLE],
    },
    {
        "title": "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
        "kind": ExemplaryProfilePage.Kind.COLLECTIVE,
        "position": "",
        "unit": "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
        "year_recognised": 2021,
        "achievements": "Đơn vị dẫn đầu khối thi đua; chuyển giao 8 mô hình ứng dụng khoa học và công nghệ "
        "cho các xã xây dựng nông thôn mới.",
        "story": "Trung tâm đã xây dựng nhiều mô hình điểm được nhân rộng trên địa bàn tỉnh.",
        "honours": [("co-thi-dua-cap-tinh", 2021, "1902/QĐ-UBND", "Ủy ban nhân dân tỉnh Thái Nguyên"),
                    ("huan-chuong-lao-dong", 2023, "1456/QĐ-CTN", "Chủ tịch nước", "third")],
        "campaigns": ["Thái Nguyên chung sức xây dựng nông thôn mới", PLAN_TITLE],
    },
]

NEWS = [
    {
        "title": "Sở Khoa học và Công nghệ ban hành Kế hoạch tuyên truyền Đại hội Thi đua yêu nước tỉnh lần thứ V",
        "date": D(2019, 8, 26),
        "summary": "Kế hoạch số 60/KH-KHCN đề ra mục đích, yêu cầu, nội dung tuyên truyền và giao nhiệm vụ "
        "cho các phòng, đơn vị thuộc Sở.",
        "body": "Ngày 26/8/2019, Sở Khoa học và Công nghệ ban hành Kế hoạch số 60/KH-KHCN về tuyên truyền, "
        "phổ biến, quán triệt thực hiện Đại hội Thi đua yêu nước tỉnh lần thứ V, thực hiện Kế hoạch số "
        "109/KH-UBND ngày 06/8/2019 của Ủy ban nhân dân tỉnh.",
        "tags": ["Đại hội thi đua", "Kế hoạch"],
        "campaigns": [PLAN_TITLE],
        "profiles": [],
        "attach_plan": True,
    },
    {
        "title": "Biểu dương điển hình tiên tiến trong phong trào thi đua yêu nước",
        "date": D(2020, 6, 12),
        "summary": "Sở tổ chức biểu dương các tập thể, cá nhân tiêu biểu, xuất sắc giai đoạn 2015–2020.",
        "body": "Tại hội nghị, Giám đốc Sở đã trao khen thưởng cho các tập thể và cá nhân có thành tích "
        "xuất sắc, tiêu biểu là Phòng Quản lý khoa học và chuyên viên Nguyễn Thị Thu Hà.",
        "tags": ["Điển hình tiên tiến", "Khen thưởng"],
        "campaigns": [PLAN_TITLE],
        "profiles": ["Phòng Quản lý khoa học", "Nguyễn Thị Thu Hà"],
        "attach_plan": False,
    },
    {
        "title": "Chuyển giao tiến bộ kỹ thuật giúp nông dân xây dựng nông thôn mới",
        "date": D(2021, 9, 20),
        "summary": "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ chuyển giao quy trình nhân giống chè "
        "cho bà con các xã.",
        "body": "Các mô hình do Trung tâm xây dựng đã giúp nhiều hộ nông dân nâng cao năng suất, chất lượng sản phẩm.",
        "tags": ["Nông thôn mới"],
        "campaigns": ["Thái Nguyên chung sức xây dựng nông thôn mới"],
        "profiles": ["Trần Văn Minh", "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ"],
        "attach_plan": False,
    },
    {
        "title": "Công chức, viên chức của Sở hưởng ứng phong trào thực hiện văn hóa công sở",
        "date": D(2023, 3, 8),
        "summary": "Các phòng, đơn vị ký cam kết thực hiện văn hóa công sở, xây dựng môi trường làm việc chuyên nghiệp.",
        "body": "Phong trào được triển khai sâu rộng tới toàn thể công chức, viên chức và người lao động của Sở.",
        "tags": ["Văn hóa công sở"],
        "campaigns": ["Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở"],
        "profiles": ["Nguyễn Thị Thu Hà"],
        "attach_plan": False,
    },
    {
        "title": "Phát động phong trào thi đua thực hiện nhiệm vụ khoa học và công nghệ năm 2026",
        "date": D(2026, 1, 15),
        "summary": "Sở phát động phong trào thi đua năm 2026 với chủ đề đổi mới sáng tạo vì sự phát triển của tỉnh.",
        "body": "Các phòng, đơn vị đăng ký danh hiệu thi đua và xây dựng kế hoạch thực hiện ngay từ đầu năm.",
        "tags": ["Phát động thi đua"],
        "campaigns": ["Phong trào thi đua thực hiện nhiệm vụ khoa học và công nghệ năm 2026"],
        "profiles": ["Hoàng Đức Thắng"],
        "attach_plan": False,
    },
]


NOMINATION_INTRO = (
    "<p>Kế hoạch 60/KH-KHCN giao các phòng, đơn vị phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến. "
    "Bạn biết một cá nhân hay tập thể có thành tích tiêu biểu? Hãy giới thiệu với Văn phòng Sở.</p>"
)
NOMINATION_PRIVACY = (
    "<p>Thông tin cá nhân trong đề cử chỉ được Văn phòng Sở dùng để xem xét đề cử và liên hệ với người "
    "gửi, theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân.</p>"
)
STATISTICS_INTRO = "<p>Số liệu từ các hồ sơ điển hình tiên tiến đã công bố trên trang.</p>"

NOMINATION_THANKS = "<p>Cảm ơn bạn. Văn phòng Sở đã nhận đề cử và sẽ xem xét trong thời gian sớm nhất.</p>"

SECTION_TITLES = {
    "consultations": "Lấy ý kiến Nhân dân",
    "registrations": "Đăng ký thi đua",
    "campaigns": "Phong trào thi đua",
    "profiles": "Điển hình tiên tiến",
    "news": "Tin thi đua, khen thưởng",
    "nominations": "Đề cử điển hình tiên tiến",
    "statistics": "Thống kê thi đua, khen thưởng",
}
SECTION_FIELDS = {
    "registrations": {"intro": "<p>Các phòng, đơn vị thuộc Sở đăng ký danh hiệu thi đua, hình thức khen thưởng hằng "
                               "năm; kết quả được cập nhật khi có quyết định khen thưởng.</p>"},
    "consultations": {"intro": "<p>Sở công khai các trường hợp đề nghị tặng huân chương, danh hiệu vinh dự Nhà nước "
                               "để lấy ý kiến Nhân dân trước khi Hội đồng Thi đua - Khen thưởng xét.</p>"},
    "campaigns": {"intro": "<p>Các phong trào thi đua yêu nước do Sở phát động và tham gia.</p>"},
    "profiles": {"intro": "<p>Những tập thể, cá nhân tiêu biểu được phát hiện, bồi dưỡng và nhân rộng.</p>"},
    "nominations": {"intro": NOMINATION_INTRO, "privacy_notice": NOMINATION_PRIVACY,
                    "thank_you_text": NOMINATION_THANKS, "notify_emails": "thidua@example.org"},
    "statistics": {"intro": STATISTICS_INTRO},
}

REVIEWED_CAMPAIGN = "Thái Nguyên chung sức xây dựng nông thôn mới"
REVIEWED_DECISION = "1876/QĐ-UBND"
REVIEWS = [
    ("mid_term", datetime.date(2020, 12, 18), "Sơ kết 10 năm thực hiện phong trào",
     "<p>Ngành khoa học và công nghệ đã chuyển giao 35 tiến bộ kỹ thuật cho các xã xây dựng nông thôn mới.</p>"),
    ("final", datetime.date(2025, 12, 16), "Tổng kết giai đoạn 2021 - 2025",
     "<p>Giai đoạn 2021 - 2025, 5 xã được hỗ trợ đạt chuẩn nông thôn mới nâng cao.</p>"),
]
CONSULTATION_HOW = ("<p>Ý kiến cũng có thể gửi bằng văn bản về Văn phòng Sở Khoa học và Công nghệ tỉnh Thái Nguyên "
                    "hoặc thư điện tử thidua@example.org.</p>")
CONSULTATION_PRIVACY = ("<p>Họ tên và thông tin liên hệ chỉ dùng để Văn phòng Sở liên hệ về ý kiến của bạn; ý kiến được "
                        "tổng hợp báo cáo Hội đồng Thi đua - Khen thưởng và không công bố.</p>")
# A consultation whose window spans Tết Bính Ngọ (16-20/2/2026): ten working days from 9/2 end on 27/2, not 20/2.
CONSULTATIONS = [
    {
        "title": "Lấy ý kiến Nhân dân đối với trường hợp đề nghị tặng Huân chương Lao động năm 2025",
        "summary": "Sở Khoa học và Công nghệ công khai trường hợp đề nghị Chủ tịch nước tặng Huân chương Lao động "
                   "hạng Ba để lấy ý kiến Nhân dân.",
        "proposed_to": "Chủ tịch nước",
        "campaign": "Thái Nguyên chung sức xây dựng nông thôn mới",
        "opens_on": datetime.date(2026, 2, 9),
        "closes_on": datetime.date(2026, 2, 27),
        "council_meets_on": datetime.date(2026, 3, 10),
        "nominees": [("Trần Văn Minh", "huan-chuong-lao-dong", "third",
                      "Chủ trì chuyển giao quy trình nhân giống chè chất lượng cao cho 5 xã; 3 năm liền đạt danh hiệu "
                      "Chiến sĩ thi đua cấp tỉnh.")],
        "comments": [("Trần Văn Minh", "Nguyễn Văn Bình", "binh@example.org",
                      "Tôi là người trồng chè ở xã Tân Cương, được anh Minh hướng dẫn kỹ thuật, hoàn toàn đồng ý.",
                      "Đã tổng hợp báo cáo Hội đồng ngày 10/3/2026."),
                     ("Trần Văn Minh", "Hoàng Thị Mai", "0912 000 111",
                      "Đề nghị làm rõ số hộ được hưởng lợi từ mô hình chuyển giao.",
                      "Đã bổ sung số liệu 240 hộ vào báo cáo thành tích.")],
    },
    {
        "title": "Lấy ý kiến Nhân dân đối với trường hợp đề nghị xét tặng Giải thưởng Nhà nước về khoa học và công nghệ",
        "summary": "Sở Khoa học và Công nghệ công khai các trường hợp đề nghị xét tặng Giải thưởng Nhà nước về khoa học "
                   "và công nghệ để lấy ý kiến Nhân dân.",
        "proposed_to": "Hội đồng xét tặng giải thưởng cấp Nhà nước",
        "opens_on": None,  # open now: see _load_consultations
        "nominees": [("Nguyễn Thị Thu Hà", "giai-thuong-nha-nuoc", "",
                      "Đồng tác giả cụm công trình số hóa quy trình xét duyệt nhiệm vụ khoa học, áp dụng tại 12 sở, "
                      "ngành của tỉnh.")],
        "comments": [],
    },
]

# The units' registrations: 2025 with its results (decision 12/QĐ-KHCN and the profiles' honours), 2026 in the
# year's campaign, one waiting for the Office and one returned to its unit. Entries: (kind, name or profile title,
# position, award code); a collective entry without a name is for the unit itself.
RESULTS_DECISION = "12/QĐ-KHCN"
RESULTS_TITLE = "Công nhận danh hiệu thi đua năm 2025"
RESULTS_2025 = [
    ("Văn phòng Sở", "collective", "", "Sở Khoa học và Công nghệ tỉnh Thái Nguyên", "tap-the-lao-dong-xuat-sac"),
    ("Phòng Quản lý khoa học", "collective", "", "Sở Khoa học và Công nghệ tỉnh Thái Nguyên",
     "tap-the-lao-dong-tien-tien"),
    ("Chi cục Tiêu chuẩn Đo lường Chất lượng", "collective", "", "Sở Khoa học và Công nghệ tỉnh Thái Nguyên",
     "tap-the-lao-dong-tien-tien"),
    ("Trung tâm Ứng dụng tiến bộ khoa học và công nghệ", "collective", "", "Sở Khoa học và Công nghệ tỉnh Thái Nguyên",
     "tap-the-lao-dong-tien-tien"),
    ("Nguyễn Văn An", "individual", "Chuyên viên", "Văn phòng Sở", "lao-dong-tien-tien"),
    ("Vũ Thị Lan", "individual", "Giám đốc Trung tâm", "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
     "lao-dong-tien-tien"),
]
REGISTRATION_COMMITMENTS = (
    "<p>Hoàn thành 100% nhiệm vụ được giao đúng tiến độ; không có cá nhân vi phạm kỷ luật; tham gia đầy đủ các phong "
    "trào thi đua do Sở phát động.</p>")
REGISTRATIONS = [
    # year, unit, registered on, state ("live", "waiting", "returned"), entries
    (2025, "Văn phòng Sở", D(2025, 1, 15), "live",
     [("collective", "", "", "tap-the-lao-dong-xuat-sac"), ("individual", "Lê Thị Hồng", "Kế toán viên",
                                                            "chien-si-thi-dua-co-so"),
      ("individual", "Nguyễn Văn An", "Chuyên viên", "lao-dong-tien-tien")]),
    (2025, "Phòng Quản lý khoa học", D(2025, 1, 16), "live",
     [("collective", "", "", "tap-the-lao-dong-tien-tien"),
      ("individual", "Nguyễn Thị Thu Hà", "Chuyên viên", "chien-si-thi-dua-co-so")]),
    (2025, "Chi cục Tiêu chuẩn Đo lường Chất lượng", D(2025, 1, 17), "live",
     [("collective", "", "", "tap-the-lao-dong-xuat-sac"),
      ("individual", "Hoàng Đức Thắng", "Kiểm định viên", "chien-si-thi-dua-co-so")]),
    (2025, "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ", D(2025, 1, 17), "live",
     [("collective", "", "", "tap-the-lao-dong-tien-tien"),
      ("individual", "Vũ Thị Lan", "Giám đốc Trung tâm", "lao-dong-tien-tien")]),
    (2026, "Phòng Quản lý khoa học", D(2026, 1, 19), "live",
     [("collective", "", "", "tap-the-lao-dong-xuat-sac"),
      ("individual", "Nguyễn Thị Thu Hà", "Chuyên viên", "chien-si-thi-dua-co-so")]),
    (2026, "Chi cục Tiêu chuẩn Đo lường Chất lượng", D(2026, 1, 20), "live",
     [("collective", "", "", "tap-the-lao-dong-tien-tien"),
      ("individual", "Hoàng Đức Thắng", "Kiểm định viên", "chien-si-thi-dua-co-so")]),
    (2026, "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ", D(2026, 1, 21), "live",
     [("collective", "", "", "tap-the-lao-dong-xuat-sac"),
      ("individual", "Trần Văn Minh", "Phó Giám đốc Trung tâm", "chien-si-thi-dua-co-so")]),
    (2026, "Văn phòng Sở", D(2026, 1, 22), "waiting",
     [("collective", "", "", "tap-the-lao-dong-xuat-sac"),
      ("individual", "Lê Thị Hồng", "Kế toán viên", "chien-si-thi-dua-co-so")]),
    (2026, "Thanh tra Sở", D(2026, 1, 23), "returned",
     [("collective", "", "", "tap-the-lao-dong-tien-tien")]),
]
REGISTRATION_CAMPAIGN = "Phong trào thi đua thực hiện nhiệm vụ khoa học và công nghệ năm 2026"
RETURN_REASON = "Đề nghị bổ sung danh sách cá nhân đăng ký danh hiệu Lao động tiên tiến và chữ ký của Chánh Thanh tra."
# Demo accounts without a password (they cannot sign in): who filed and who returned the registrations.
UNIT_EDITOR_PREFIX = "bientap."
OFFICE_REVIEWER = "duyet.vanphong"

# ---------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------


def _child(parent, model, title, **fields):
    """The child of ``parent`` with the slug of ``title``, created and published if missing."""
    slug = ascii_slug(title)
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(title=title, slug=slug, **fields)
    parent.add_child(instance=page)
    return page, True


def _publish(page):
    page.save_revision().publish()


class DemoError(ValueError):
    """The demo cannot be loaded on this site; the message says why and what to do."""


def load_demo(stdout=None):
    """Load the demo content under the default site's home page. Returns a Report."""
    report = Report()
    # The demo's content is Vietnamese, whatever the site's default language: it goes in the Vietnamese tree.
    locale = vietnamese_locale()
    if locale is None:
        raise DemoError("Vietnamese is not a content language of this site: add (\"vi\", \"Tiếng Việt\") to LANGUAGES "
                        "and WAGTAIL_CONTENT_LANGUAGES, then run thidua_demo again.")
    with transaction.atomic():
        site = Site.objects.get(is_default_site=True)

        catalogue = load_default_awards(locale)
        report.existing += len(CATALOGUE) - len(catalogue.created)
        report.created.extend(["award"] * len(catalogue.created))

        _load_settings(site, locale, report)
        units = _load_units(locale, report)
        _load_documents(locale, report)

        # The sections as thidua_setup makes them (found by type), with the demo's titles and texts; the English
        # ones are translated through wagtail-localize with the rest (demo/translate.py).
        setup = setup_sections(site, titles=SECTION_TITLES, fields=SECTION_FIELDS, translate=False, source=locale)
        for page in setup.created:
            report.add(page, True)
        for page in setup.existing:
            report.add(page, False)
        home = localized_home(site, locale)[0]
        sections = {model.section.key: model.objects.child_of(home).get() for model in section_types()}
        for page in sections.values():
            if not page.live or page.has_unpublished_changes:
                _publish(page)
        campaigns_index, profiles_index, news_index = sections["campaigns"], sections["profiles"], sections["news"]

        plan, campaigns = _load_campaigns(campaigns_index, report)
        profiles = _load_profiles(profiles_index, units, campaigns, locale, report)
        _load_decision_lists(locale, report)
        _load_news(news_index, campaigns, profiles, plan, report)
        _load_reviews(campaigns, locale)
        _load_consultations(sections["consultations"], profiles, campaigns, locale, report)
        _load_registrations(sections["registrations"], units, profiles, campaigns, locale, report)
    return report


def _load_settings(site, locale, report):
    """The organisation (its texts are translated with the other snippets, demo/translate.py) and the settings."""
    settings = OrganisationSettings.for_site(site)
    if settings.organisation_id is None:
        settings.organisation = Organisation.objects.create(
            locale=locale,
            name="Sở Khoa học và Công nghệ tỉnh Thái Nguyên",
            parent_authority="Ủy ban nhân dân tỉnh Thái Nguyên",
            address="Thành phố Thái Nguyên, tỉnh Thái Nguyên",
            footer="<p>Trang thông tin thi đua, khen thưởng (nội dung minh họa).</p>",
            functions=ORGANISATION_FUNCTIONS,
        )
        settings.phone = "0208 3855 000"
        settings.email = "thidua@example.org"
        settings.save()
        report.add(settings, True)
    else:
        report.add(settings, False)


def _load_units(locale, report):
    units = {}
    for order, (name, short_name, kind, parent) in enumerate(UNITS):
        unit, created = Unit.objects.get_or_create(
            name=name,
            locale=locale,
            defaults={"short_name": short_name, "kind": kind, "parent": units.get(parent), "sort_order": order * 10,
                      **dict(zip(("duties", "head_title", "head_name", "phone", "email"),
                                 UNIT_DETAILS.get(name, ("", "", "", "", "")), strict=True))},
        )
        units[name] = unit
        report.add(unit, created)
    return units


def _load_documents(locale, report):
    """The provincial plan the seed plan implements: already in the registry when the seed plan is imported, so
    the import links to it (as it does for a department whose registry holds the documents it receives)."""
    provincial, created = OfficialDocument.objects.get_or_create(
        number="109/KH-UBND",
        locale=locale,
        defaults={
            "doc_type": OfficialDocument.DocType.PLAN,
            "title": "Tổ chức Đại hội Thi đua yêu nước các cấp tiến tới Đại hội Thi đua yêu nước toàn quốc lần thứ X",
            "issue_date": D(2019, 8, 6),
            "effective_date": D(2019, 8, 6),
            "place": "Thái Nguyên",
            "issuing_body": "Ủy ban nhân dân tỉnh Thái Nguyên",
            "area": DOCUMENT_AREA,
        },
    )
    report.add(provincial, created)


# ... and a table of the campaign's milestones (a Table block, as a plan's tables are imported)
TIMELINE_HEADING = "Các mốc thực hiện"
TIMELINE = [["Nội dung", "Thời gian"], ["Phát động phong trào trong toàn Sở", "Tháng 9/2019"],
            ["Sơ kết, biểu dương điển hình tiên tiến", "Tháng 12/2019"],
            ["Tổng kết, đề nghị khen thưởng", "Tháng 10/2020"]]

# What an editor adds to the drafts the import makes before publishing them: what a plan does not say.
MAIN_CAMPAIGN = {
    "campaign_type": CampaignPage.CampaignType.THEMATIC,
    "end_date": D(2020, 12, 31),
    "slogan": "Thi đua yêu nước, lập thành tích chào mừng Đại hội",
    "summary": "Tuyên truyền, phổ biến, quán triệt thực hiện Đại hội Thi đua yêu nước tỉnh Thái Nguyên lần thứ V "
    "trong công chức, viên chức và người lao động của Sở (Kế hoạch số 60/KH-KHCN).",
}


def _import_seed_plan(index, locale, report):
    """The seed plan through the plan importer, as an editor imports it (``plans.drafts.import_plan_file``): the
    document, its file, a draft campaign and a draft sub-campaign per movement it names. Then the editor's part:
    what the plan does not say, the units taking part, publishing. Run again, the document is found by its number
    and nothing is imported twice."""
    document = existing_document(PLAN_NUMBER, locale)
    if document is not None:
        report.add(document, False)
        main = CampaignPage.objects.child_of(index).filter(document_links__document=document).first()
        return document, main, []
    result, _plan = import_plan_file(SEED_PATH.name, SEED_PATH.read_bytes(), parent=index)
    report.add(result.document, True)
    # The editor's part: the date of effect (Decree 42/2022/NĐ-CP, Art. 4), which the plan leaves to its issue.
    result.document.effective_date = result.document.issue_date
    result.document.area = DOCUMENT_AREA
    result.document.save(update_fields=["effective_date", "area"])
    main = result.campaign
    for name, value in MAIN_CAMPAIGN.items():
        setattr(main, name, value)
    main.unit_links = [CampaignUnit(unit=unit) for unit in Unit.objects.filter(locale=locale)
                       if unit.kind != Unit.Kind.OTHER]
    main.content.append(("heading", {"text": TIMELINE_HEADING, "level": "h3"}))
    main.content.append(("table", {"caption": "", "header_row": True, "rows": TIMELINE}))
    _publish(main)  # publishing the campaign makes its documents public (plans.drafts.publish_plan_documents)
    report.add(main, True)
    return result.document, main, result.sub_campaigns


def _load_campaigns(index, report):
    locale = index.locale
    plan, main, movements = _import_seed_plan(index, locale, report)
    campaigns = {PLAN_TITLE: main} if main is not None else {}
    drafts = {page.title: page for page in movements}
    for data in MOVEMENTS + OTHER_CAMPAIGNS:
        fields = {k: v for k, v in data.items() if k != "title"}
        draft = drafts.get(data["title"])
        if draft is not None:  # a movement the plan names: the import made its draft
            for name, value in fields.items():
                setattr(draft, name, value)
            campaign, created = draft, True
        else:
            is_movement = data in MOVEMENTS
            campaign, created = _child(index, CampaignPage, data["title"],
                                       parent_campaign=main if is_movement else None, **fields)
        if created:
            _publish(campaign)
        report.add(campaign, created)
        campaigns[data["title"]] = campaign
    return plan, campaigns


def _decision(number, year, decided_by, locale, report):
    """The commendation decision an honour of the demo comes from: one per number, among the site's documents."""
    decision, created = OfficialDocument.objects.get_or_create(
        number=number, locale=locale, doc_type=OfficialDocument.DocType.DECISION,
        defaults={"title": DECISION_TITLE, "issue_date": D(year, 12, 20), "effective_date": D(year, 12, 20),
                  "place": "Thái Nguyên", "issuing_body": decided_by, "area": DOCUMENT_AREA},
    )
    report.add(decision, created)
    return decision


DECISION_TITLE = "Quyết định khen thưởng"

# Recipients a decision of the demo lists who have no profile (name, kind, position, unit at the time, award code,
# class, revoked): one decision, many honours, beside the profile honour it also confers. The last one was revoked.
DECISION_LISTS = {
    "1876/QĐ-UBND": [
        ("Hoàng Thị Mai", "individual", "Chuyên viên", "Văn phòng Sở", "bang-khen-chu-tich-ubnd-tinh", "", False),
        ("Đặng Văn Quý", "individual", "Kiểm định viên", "Phòng Thử nghiệm", "bang-khen-chu-tich-ubnd-tinh", "",
         False),
        ("Phòng Kế hoạch - Tài chính", "collective", "", "Sở Khoa học và Công nghệ tỉnh Thái Nguyên",
         "tap-the-lao-dong-xuat-sac", "", False),
        ("Vũ Văn Hải", "individual", "Kế toán viên", "Chi cục Tiêu chuẩn Đo lường Chất lượng",
         "bang-khen-chu-tich-ubnd-tinh", "", True),
    ],
}
# The decision that revoked it (Law on Emulation and Commendation 2022, Chapter VII).
REVOCATION = {"number": "35/QĐ-UBND", "title": "Quyết định hủy bỏ quyết định khen thưởng",
              "issue_date": D(2022, 3, 15), "effective_date": D(2022, 3, 15), "place": "Thái Nguyên",
              "issuing_body": "Chủ tịch UBND tỉnh Thái Nguyên", "area": DOCUMENT_AREA,
              "summary": "Hủy bỏ Bằng khen đã tặng ông Vũ Văn Hải do hồ sơ đề nghị khen thưởng không trung thực."}


def _load_decision_lists(locale, report):
    """The lists of the demo's decisions, and the revocation of one honour."""
    awards = {a.code: a for a in Award.objects.filter(locale=locale)}
    revoking, created = OfficialDocument.objects.get_or_create(
        number=REVOCATION["number"], locale=locale, doc_type=OfficialDocument.DocType.DECISION,
        defaults={key: value for key, value in REVOCATION.items() if key != "number"})
    report.add(revoking, created)
    for number, rows in DECISION_LISTS.items():
        decision = OfficialDocument.objects.filter(number=number, locale=locale).first()
        if decision is None or decision.listed_recipients.exists():
            continue
        decision.listed_recipients = [
            DecisionRecipient(locale=locale, name=name, kind=kind, position=position, unit=unit, award=awards[code],
                              grade=grade, revoked_by=revoking if revoked else None)
            for name, kind, position, unit, code, grade, revoked in rows]
        decision.save()


def _load_profiles(index, units, campaigns, locale, report):
    profiles = {}
    awards = {a.code: a for a in Award.objects.filter(locale=locale)}
    for data in PROFILES:
        profile, created = _child(
            index,
            ExemplaryProfilePage,
            data["title"],
            kind=data["kind"],
            position=data["position"],
            unit=units[data["unit"]],
            year_recognised=data["year_recognised"],
            achievements=data["achievements"],
            story=[("paragraph", f"<p>{html.escape(data['story'])}</p>")],
        )
        if created:
            for code, year, number, decided_by, *grade in data["honours"]:
                decision = _decision(number, year, decided_by, locale, report) if number else None
                # An honour whose decision is not on the site keeps its deciding authority as typed.
                profile.honours.create(award=awards[code], grade="".join(grade), year=year, decision=decision,
                                       decided_by="" if decision else decided_by)
            for title in data["campaigns"]:
                if title in campaigns:  # the plan's campaign is gone when an editor deleted it after the import
                    profile.campaign_links.create(campaign=campaigns[title])
            _publish(profile)
        report.add(profile, created)
        profiles[data["title"]] = profile
    return profiles


def _load_reviews(campaigns, locale):
    """The rural campaign's reviews and the decision that conferred its honours, so that its page shows a timeline
    and results computed from the decision (one review before it, one after)."""
    campaign = campaigns.get(REVIEWED_CAMPAIGN)
    if campaign is None or campaign.reviews.exists():
        return
    decision = OfficialDocument.objects.filter(number=REVIEWED_DECISION, locale=locale).first()
    if decision is not None and not campaign.document_links.filter(document=decision).exists():
        campaign.document_links.add(CampaignDocument(document=decision))
    for kind, held_on, title, report in REVIEWS:
        campaign.reviews.add(CampaignReview(kind=kind, held_on=held_on, title=title, report=report))
    campaign.save()
    _publish(campaign)


def _load_consultations(index, profiles, campaigns, locale, report):
    awards = {a.code: a for a in Award.objects.filter(locale=locale)}
    today = datetime.date.today()
    for data in CONSULTATIONS:
        opens_on = data["opens_on"] or today - datetime.timedelta(days=2)
        closes_on = data.get("closes_on") or add_working_days(ConsultationPage.earliest_closing(opens_on), 3)
        page, created = _child(
            index, ConsultationPage, data["title"], summary=data["summary"],
            proposing_body="Sở Khoa học và Công nghệ tỉnh Thái Nguyên", proposed_to=data["proposed_to"],
            opens_on=opens_on, closes_on=closes_on, council_meets_on=data.get("council_meets_on"),
            how_to_comment=CONSULTATION_HOW, privacy_notice=CONSULTATION_PRIVACY, notify_emails="thidua@example.org",
            campaign=campaigns.get(data.get("campaign", "")))
        if created:
            for name, code, grade, achievements in data["nominees"]:
                profile = profiles[name]
                page.nominees.add(ConsultationNominee(
                    kind=profile.kind, profile=profile, position=profile.position, unit=profile.unit,
                    proposed_award=awards[code], proposed_grade=grade, achievements=achievements))
            page.save()
            _publish(page)
            nominees = {nominee.display_name: nominee for nominee in page.nominees.select_related("profile")}
            for name, author, contact, content, note in data["comments"]:
                ConsultationComment.objects.create(
                    page=page, nominee=nominees[name], consultation_title=page.title, nominee_name=name,
                    locale=locale, author_name=author, contact=contact, content=content, consent=True,
                    status=ConsultationComment.Status.HANDLED, handling_note=note,
                    notification=ConsultationComment.Notification.SENT)
        report.add(page, created)


def _load_registrations(index, units, profiles, campaigns, locale, report):
    """The registrations of 2025 with their results and of 2026 in the year's campaign; the groups and workflow of
    ``thidua_setup_workflow``, through which a unit's editor submitted one registration and the Office returned
    another with its reason."""
    awards = {a.code: a for a in Award.objects.filter(locale=locale)}
    # Issued in January 2026, it confers the titles of 2025: its honours count for 2025.
    decision, created = OfficialDocument.objects.get_or_create(
        number=RESULTS_DECISION, locale=locale, doc_type=OfficialDocument.DocType.DECISION,
        defaults={"title": RESULTS_TITLE, "issue_date": D(2026, 1, 12), "effective_date": D(2026, 1, 12),
                  "year_honoured": 2025, "place": "Thái Nguyên", "issuing_body": "Giám đốc Sở Khoa học và Công nghệ",
                  "area": DOCUMENT_AREA, "signer_name": "Trần Minh Đức", "signer_title": "GIÁM ĐỐC"})
    report.add(decision, created)
    if not decision.listed_recipients.exists():
        decision.listed_recipients = [
            DecisionRecipient(locale=locale, name=name, kind=kind, position=position, unit=unit, award=awards[code])
            for name, kind, position, unit, code in RESULTS_2025]
        decision.save()
    setup_roles()
    office = _demo_user(OFFICE_REVIEWER, Group.objects.get(name=OFFICE_GROUP))
    for year, unit_name, registered_on, state, entries in REGISTRATIONS:
        unit = units[unit_name]
        unit.refresh_from_db(fields=["editor_group"])  # (recorded by setup_roles)
        head = UNIT_DETAILS.get(unit_name, ("", "", ""))
        page, created = _child(index, RegistrationPage, f"Đăng ký thi đua năm {year} – {unit_name}", unit=unit,
                               year=year, registered_on=registered_on, commitments=REGISTRATION_COMMITMENTS,
                               campaign=campaigns.get(REGISTRATION_CAMPAIGN) if year == 2026 else None,
                               signer_title=head[1], signer_name=head[2], live=state == "live")
        report.add(page, created)
        if not created:
            continue
        for kind, name, position, code in entries:
            profile = profiles.get(name)
            page.entries.add(RegistrationEntry(kind=kind, name="" if profile else name, position=position,
                                               profile=profile, award=awards[code]))
        editor = _demo_user(f"{UNIT_EDITOR_PREFIX}{ascii_slug(unit.short_name)}", unit.editor_group)
        page.owner = editor
        page.save()
        revision = page.save_revision(user=editor)
        workflow = page.get_workflow()
        if state == "live":
            revision.publish()
        elif workflow is not None:
            # What the unit's editor's "Submit for moderation" and the Office's "Request changes" do.
            workflow_state = workflow.start(page, editor)
            if state == "returned":
                task_state = workflow_state.current_task_state
                task_state.task.specific.on_action(task_state, office, "reject", comment=RETURN_REASON)


def _demo_user(username, group):
    user, created = get_user_model().objects.get_or_create(username=username)
    if created:
        user.set_unusable_password()
        user.save()
    if group is not None:
        user.groups.add(group)
    return user


def _load_news(index, campaigns, profiles, plan, report):
    for data in NEWS:
        item, created = _child(
            index,
            NewsPage,
            data["title"],
            date=data["date"],
            summary=data["summary"],
            body=[("paragraph", f"<p>{html.escape(data['body'])}</p>")],
        )
        if created:
            item.tags.add(*data["tags"])
            for title in data["campaigns"]:
                if title in campaigns:  # (as for the profiles)
                    item.related_campaigns.create(campaign=campaigns[title])
            for title in data["profiles"]:
                item.related_profiles.create(profile=profiles[title])
            if data["attach_plan"] and plan.file:
                item.attachments.create(document=plan.file)
            item.save()
            _publish(item)
        report.add(item, created)
