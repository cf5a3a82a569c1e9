"""The default award set, after the Law on Emulation and Commendation 2022 (Luật Thi đua, khen thưởng).

``load_default_awards()`` creates what is missing (matched on ``code`` in the
locale) and never changes an award an editor has edited, so it is safe to run
again. Names are Vietnamese, as the law writes them; the English names are
kept alongside for the translation step.
"""

from wagtail.models import Locale

from .models import Award

T, C = Award.Kind.TITLE, Award.Kind.COMMENDATION
NAT, PROV, BASE = Award.Level.NATIONAL, Award.Level.PROVINCIAL, Award.Level.GRASSROOTS
IND, COL, BOTH = Award.Recipient.INDIVIDUAL, Award.Recipient.COLLECTIVE, Award.Recipient.BOTH

# (code, Vietnamese name, English name, kind, level, recipient)
DEFAULT_AWARDS = [
    ("chien-si-thi-dua-toan-quoc", "Chiến sĩ thi đua toàn quốc", "National Emulation Fighter", T, NAT, IND),
    ("chien-si-thi-dua-cap-tinh", "Chiến sĩ thi đua cấp tỉnh", "Provincial Emulation Fighter", T, PROV, IND),
    ("chien-si-thi-dua-co-so", "Chiến sĩ thi đua cơ sở", "Grassroots Emulation Fighter", T, BASE, IND),
    ("lao-dong-tien-tien", "Lao động tiên tiến", "Advanced Worker", T, BASE, IND),
    ("co-thi-dua-chinh-phu", "Cờ thi đua của Chính phủ", "Government Emulation Flag", T, NAT, COL),
    ("co-thi-dua-cap-tinh", "Cờ thi đua của Ủy ban nhân dân tỉnh", "Provincial People's Committee Emulation Flag", T, PROV, COL),
    ("tap-the-lao-dong-xuat-sac", "Tập thể lao động xuất sắc", "Excellent Labour Collective", T, PROV, COL),
    ("tap-the-lao-dong-tien-tien", "Tập thể lao động tiên tiến", "Advanced Labour Collective", T, BASE, COL),
    ("anh-hung-lao-dong", "Anh hùng Lao động", "Hero of Labour", C, NAT, BOTH),
    ("huan-chuong-lao-dong", "Huân chương Lao động", "Labour Order", C, NAT, BOTH),
    ("bang-khen-thu-tuong", "Bằng khen của Thủ tướng Chính phủ", "Prime Minister's Certificate of Merit", C, NAT, BOTH),
    ("bang-khen-chu-tich-ubnd-tinh", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Certificate of Merit of the Chairman of the Provincial People's Committee", C, PROV, BOTH),
    ("bang-khen-bo-truong", "Bằng khen của Bộ trưởng", "Minister's Certificate of Merit", C, PROV, BOTH),
    ("ky-niem-chuong-khcn", "Kỷ niệm chương Vì sự nghiệp khoa học và công nghệ", "Medal for the Cause of Science and Technology", C, PROV, IND),
    ("giay-khen", "Giấy khen", "Certificate of Commendation", C, BASE, BOTH),
]


def load_default_awards(locale=None):
    """Create the default awards missing in ``locale`` (the default locale if None). Returns (created, existing)."""
    locale = locale or Locale.get_default()
    created = existing = 0
    for order, (code, name, _en, kind, level, recipient) in enumerate(DEFAULT_AWARDS):
        _award, was_created = Award.objects.get_or_create(
            code=code,
            locale=locale,
            defaults={"name": name, "kind": kind, "level": level, "recipient": recipient, "sort_order": order * 10},
        )
        if was_created:
            created += 1
        else:
            existing += 1
    return created, existing
