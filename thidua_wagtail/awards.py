"""The award catalogue: every emulation title and form of commendation of the Law on Emulation and Commendation 2022
(Luật Thi đua, khen thưởng, 06/2022/QH15, in force 1/1/2024) and its decrees, and how a site's catalogue is brought
up to date.

Each entry has its legal name (Vietnamese, as the law writes it), an English name, its form (one of the seven forms of
commendation, or an emulation title), its level, who may receive it, whether it has classes (hạng), its legal basis,
its validity, and the local names a department uses. docs/awards.md lists which articles were checked against the
law's text and which are still to be verified.

``load_default_awards()`` (the ``thidua_load_awards`` command) adds what is missing, updates what the catalogue
changed, and never overwrites a change an editor made: each award remembers, in ``catalogue_values``, what the
catalogue last wrote into it. Nothing is deleted: a renamed or retired entry gets its end date and successor, and
honours already conferred keep pointing at it.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from wagtail.models import Locale

from .i18n import vietnamese_locale
from .models import Award

LAW = "Luật Thi đua, khen thưởng 2022"
LAW_EN = "Law on Emulation and Commendation 2022"
DECREE_152 = "Nghị định 152/2025/NĐ-CP"
LAW_IN_FORCE = datetime.date(2024, 1, 1)
# Two-level local government (no more districts or townships, thị trấn) from 1/7/2025; Decree 152/2025/NĐ-CP names
# the commune title "Xã, phường, đặc khu tiêu biểu".
COMMUNES_REORGANISED = datetime.date(2025, 7, 1)

Cat, Lvl = Award.Category, Award.Level
IND, COL, HH = "individual", "collective", "household"


@dataclass(frozen=True)
class Entry:
    code: str
    name: str
    english: str
    category: str
    level: str
    recipients: tuple
    article: str = ""  # "Điều 33": the article of the law; empty when the entry rests on another text (``basis``)
    basis: str = ""
    basis_en: str = ""
    grades: bool = False
    local_names: tuple = ()
    form_of: str = ""
    valid_from: datetime.date = LAW_IN_FORCE
    valid_to: datetime.date | None = None
    replaced_by: str = ""

    @property
    def legal_basis(self):
        if self.basis:
            return self.basis
        return f"{LAW}, {self.article}" if self.article else LAW

    @property
    def legal_basis_en(self):
        if self.basis_en:
            return self.basis_en
        return f"{LAW_EN}, Art. {self.article.removeprefix('Điều ')}" if self.article else LAW_EN


def _orders():
    plain = [("sao-vang", "Sao vàng", "Gold Star Order", (IND, COL)), ("ho-chi-minh", "Hồ Chí Minh", "Ho Chi Minh Order",
                                                                        (IND, COL))]
    graded = [("doc-lap", "Độc lập", "Independence Order"), ("quan-cong", "Quân công", "Military Exploit Order"),
              ("lao-dong", "Lao động", "Labour Order"), ("bao-ve-to-quoc", "Bảo vệ Tổ quốc",
                                                         "Fatherland Protection Order"),
              ("chien-cong", "Chiến công", "Feat of Arms Order")]
    last = [("dai-doan-ket-dan-toc", "Đại đoàn kết dân tộc", "Great National Unity Order", (IND,)),
            ("dung-cam", "Dũng cảm", "Bravery Order", (IND,)), ("huu-nghi", "Hữu nghị", "Friendship Order", (IND, COL))]
    entries = [Entry(f"huan-chuong-{code}", f"Huân chương {name}", en, Cat.ORDER, Lvl.NATIONAL, who, "Điều 33")
               for code, name, en, who in plain]
    entries += [Entry(f"huan-chuong-{code}", f"Huân chương {name}", en, Cat.ORDER, Lvl.NATIONAL, (IND, COL), "Điều 33",
                      grades=True) for code, name, en in graded]
    entries += [Entry(f"huan-chuong-{code}", f"Huân chương {name}", en, Cat.ORDER, Lvl.NATIONAL, who, "Điều 33")
                for code, name, en, who in last]
    return entries


def _honorary_titles():
    pairs = [("nha-giao", "Nhà giáo", "Teacher"), ("thay-thuoc", "Thầy thuốc", "Physician"),
             ("nghe-si", "Nghệ sĩ", "Artist"), ("nghe-nhan", "Nghệ nhân", "Artisan")]
    entries = [
        Entry("tinh-anh-hung", "Tỉnh Anh hùng", "Heroic Province", Cat.HONORARY_TITLE, Lvl.NATIONAL, (COL,), "Điều 59"),
        Entry("thanh-pho-anh-hung", "Thành phố Anh hùng", "Heroic City", Cat.HONORARY_TITLE, Lvl.NATIONAL, (COL,),
              "Điều 59"),
        Entry("ba-me-viet-nam-anh-hung", "Bà mẹ Việt Nam anh hùng", "Heroic Vietnamese Mother", Cat.HONORARY_TITLE,
              Lvl.NATIONAL, (IND,), "Điều 59"),
        Entry("anh-hung-luc-luong-vu-trang-nhan-dan", "Anh hùng Lực lượng vũ trang nhân dân",
              "Hero of the People's Armed Forces", Cat.HONORARY_TITLE, Lvl.NATIONAL, (IND, COL), "Điều 59"),
        Entry("anh-hung-lao-dong", "Anh hùng Lao động", "Hero of Labour", Cat.HONORARY_TITLE, Lvl.NATIONAL, (IND, COL),
              "Điều 59"),
    ]
    for code, name, en in pairs:
        entries.append(Entry(f"{code}-nhan-dan", f"{name} nhân dân", f"People's {en}", Cat.HONORARY_TITLE,
                             Lvl.NATIONAL, (IND,), "Điều 59"))
        entries.append(Entry(f"{code}-uu-tu", f"{name} ưu tú", f"Meritorious {en}", Cat.HONORARY_TITLE,
                             Lvl.NATIONAL, (IND,), "Điều 59"))
    return entries


CATALOGUE = [
    # Emulation titles (danh hiệu thi đua): individuals.
    Entry("chien-si-thi-dua-toan-quoc", "Chiến sĩ thi đua toàn quốc", "National Emulation Fighter",
          Cat.EMULATION_TITLE, Lvl.NATIONAL, (IND,), "Điều 21"),
    Entry("chien-si-thi-dua-cap-tinh", "Chiến sĩ thi đua bộ, ban, ngành, tỉnh",
          "Emulation Fighter of a Ministry, Branch or Province", Cat.EMULATION_TITLE, Lvl.PROVINCIAL, (IND,), "Điều 22",
          local_names=("Chiến sĩ thi đua cấp tỉnh", "Chiến sĩ thi đua cấp bộ")),
    Entry("chien-si-thi-dua-co-so", "Chiến sĩ thi đua cơ sở", "Grassroots Emulation Fighter", Cat.EMULATION_TITLE,
          Lvl.GRASSROOTS, (IND,), "Điều 23"),
    Entry("lao-dong-tien-tien", "Lao động tiên tiến", "Advanced Worker", Cat.EMULATION_TITLE, Lvl.GRASSROOTS, (IND,),
          "Điều 24"),
    Entry("chien-si-tien-tien", "Chiến sĩ tiên tiến", "Advanced Soldier", Cat.EMULATION_TITLE, Lvl.GRASSROOTS, (IND,),
          "Điều 24"),
    # Collectives.
    Entry("co-thi-dua-chinh-phu", "Cờ thi đua của Chính phủ", "Government Emulation Flag", Cat.EMULATION_TITLE,
          Lvl.NATIONAL, (COL,), "Điều 25"),
    Entry("co-thi-dua-cap-tinh", "Cờ thi đua của bộ, ban, ngành, tỉnh",
          "Emulation Flag of a Ministry, Branch or Province", Cat.EMULATION_TITLE, Lvl.PROVINCIAL, (COL,), "Điều 26",
          local_names=("Cờ thi đua của Ủy ban nhân dân tỉnh", "Cờ thi đua của UBND tỉnh", "Cờ thi đua cấp tỉnh")),
    Entry("tap-the-lao-dong-xuat-sac", "Tập thể lao động xuất sắc", "Excellent Labour Collective",
          Cat.EMULATION_TITLE, Lvl.PROVINCIAL, (COL,), "Điều 27"),
    Entry("don-vi-quyet-thang", "Đơn vị quyết thắng", "Determined-to-Win Unit", Cat.EMULATION_TITLE, Lvl.PROVINCIAL,
          (COL,), "Điều 27"),
    Entry("tap-the-lao-dong-tien-tien", "Tập thể lao động tiên tiến", "Advanced Labour Collective",
          Cat.EMULATION_TITLE, Lvl.GRASSROOTS, (COL,), "Điều 28"),
    Entry("don-vi-tien-tien", "Đơn vị tiên tiến", "Advanced Unit", Cat.EMULATION_TITLE, Lvl.GRASSROOTS, (COL,),
          "Điều 28"),
    Entry("xa-phuong-thi-tran-tieu-bieu", "Xã, phường, thị trấn tiêu biểu", "Exemplary Commune, Ward or Township",
          Cat.EMULATION_TITLE, Lvl.PROVINCIAL, (COL,), "Điều 29",
          valid_to=COMMUNES_REORGANISED - datetime.timedelta(days=1), replaced_by="xa-phuong-dac-khu-tieu-bieu"),
    Entry("xa-phuong-dac-khu-tieu-bieu", "Xã, phường, đặc khu tiêu biểu",
          "Exemplary Commune, Ward or Special Zone", Cat.EMULATION_TITLE, Lvl.PROVINCIAL, (COL,),
          basis=f"{LAW}, Điều 29; {DECREE_152}", basis_en=f"{LAW_EN}, Art. 29; Decree 152/2025/NĐ-CP",
          valid_from=COMMUNES_REORGANISED),
    Entry("thon-to-dan-pho-van-hoa", "Thôn, tổ dân phố văn hóa", "Cultural Village or Residential Group",
          Cat.EMULATION_TITLE, Lvl.GRASSROOTS, (COL,), "Điều 30"),
    # Households.
    Entry("gia-dinh-van-hoa", "Gia đình văn hóa", "Cultural Family", Cat.EMULATION_TITLE, Lvl.GRASSROOTS, (HH,),
          "Điều 31"),
    # The seven forms of commendation (hình thức khen thưởng): 1. orders (huân chương).
    *_orders(),
    # 2. Medals (huy chương): individuals.
    Entry("huy-chuong-quan-ky-quyet-thang", "Huy chương Quân kỳ quyết thắng", "Determined-to-Win Army Flag Medal",
          Cat.MEDAL, Lvl.NATIONAL, (IND,), "Điều 54"),
    Entry("huy-chuong-vi-an-ninh-to-quoc", "Huy chương Vì an ninh Tổ quốc", "For the Fatherland's Security Medal",
          Cat.MEDAL, Lvl.NATIONAL, (IND,), "Điều 54"),
    Entry("huy-chuong-chien-si-ve-vang", "Huy chương Chiến sĩ vẻ vang", "Glorious Soldier Medal", Cat.MEDAL,
          Lvl.NATIONAL, (IND,), "Điều 54", grades=True),
    Entry("huy-chuong-huu-nghi", "Huy chương Hữu nghị", "Friendship Medal", Cat.MEDAL, Lvl.NATIONAL, (IND,),
          "Điều 54"),
    # 3. State honorary titles (danh hiệu vinh dự nhà nước).
    *_honorary_titles(),
    # 4. and 5. The prizes: science and technology works among them (the department's own field).
    Entry("giai-thuong-ho-chi-minh", "Giải thưởng Hồ Chí Minh", "Ho Chi Minh Prize", Cat.PRIZE, Lvl.NATIONAL, (IND, COL)),
    Entry("giai-thuong-nha-nuoc", "Giải thưởng Nhà nước", "State Prize", Cat.PRIZE, Lvl.NATIONAL, (IND, COL)),
    # 6. Commemorative medals (kỷ niệm chương): of ministries, branches and provinces, individuals only.
    Entry("ky-niem-chuong", "Kỷ niệm chương", "Commemorative Medal", Cat.COMMEMORATIVE_MEDAL, Lvl.PROVINCIAL, (IND,)),
    Entry("ky-niem-chuong-khcn", "Kỷ niệm chương Vì sự nghiệp khoa học và công nghệ",
          "Medal for the Cause of Science and Technology", Cat.COMMEMORATIVE_MEDAL, Lvl.PROVINCIAL, (IND,),
          form_of="ky-niem-chuong"),
    # 7. Certificates of merit (bằng khen) and of commendation (giấy khen).
    Entry("bang-khen-thu-tuong", "Bằng khen của Thủ tướng Chính phủ", "Prime Minister's Certificate of Merit",
          Cat.CERTIFICATE_OF_MERIT, Lvl.NATIONAL, (IND, COL, HH)),
    Entry("bang-khen-bo-ban-nganh-tinh", "Bằng khen cấp bộ, ban, ngành, tỉnh",
          "Certificate of Merit of a Ministry, Branch or Province", Cat.CERTIFICATE_OF_MERIT, Lvl.PROVINCIAL,
          (IND, COL, HH)),
    Entry("bang-khen-chu-tich-ubnd-tinh", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
          "Certificate of Merit of the Chairman of the Provincial People's Committee", Cat.CERTIFICATE_OF_MERIT,
          Lvl.PROVINCIAL, (IND, COL, HH), form_of="bang-khen-bo-ban-nganh-tinh"),
    Entry("bang-khen-bo-truong", "Bằng khen của Bộ trưởng", "Minister's Certificate of Merit",
          Cat.CERTIFICATE_OF_MERIT, Lvl.PROVINCIAL, (IND, COL, HH), form_of="bang-khen-bo-ban-nganh-tinh"),
    Entry("giay-khen", "Giấy khen", "Certificate of Commendation", Cat.CERTIFICATE_OF_COMMENDATION, Lvl.GRASSROOTS,
          (IND, COL, HH)),
]

# What version 0.1 wrote into the fields it had, for a site upgrading from it (its awards have no
# ``catalogue_values`` yet): a field that still holds the 0.1 value was not changed by an editor. The fields 0.1 did
# not have were filled by migration 0006 and may be brought up to date.
RELEASE_0_1 = {
    "chien-si-thi-dua-toan-quoc": {"name": "Chiến sĩ thi đua toàn quốc", "level": "national", "sort_order": 0},
    "chien-si-thi-dua-cap-tinh": {"name": "Chiến sĩ thi đua cấp tỉnh", "level": "provincial", "sort_order": 10},
    "chien-si-thi-dua-co-so": {"name": "Chiến sĩ thi đua cơ sở", "level": "grassroots", "sort_order": 20},
    "lao-dong-tien-tien": {"name": "Lao động tiên tiến", "level": "grassroots", "sort_order": 30},
    "co-thi-dua-chinh-phu": {"name": "Cờ thi đua của Chính phủ", "level": "national", "sort_order": 40},
    "co-thi-dua-cap-tinh": {"name": "Cờ thi đua của Ủy ban nhân dân tỉnh", "level": "provincial", "sort_order": 50},
    "tap-the-lao-dong-xuat-sac": {"name": "Tập thể lao động xuất sắc", "level": "provincial", "sort_order": 60},
    "tap-the-lao-dong-tien-tien": {"name": "Tập thể lao động tiên tiến", "level": "grassroots", "sort_order": 70},
    "anh-hung-lao-dong": {"name": "Anh hùng Lao động", "level": "national", "sort_order": 80},
    "huan-chuong-lao-dong": {"name": "Huân chương Lao động", "level": "national", "sort_order": 90},
    "bang-khen-thu-tuong": {"name": "Bằng khen của Thủ tướng Chính phủ", "level": "national", "sort_order": 100},
    "bang-khen-chu-tich-ubnd-tinh": {"name": "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "level": "provincial", "sort_order": 110},
    "bang-khen-bo-truong": {"name": "Bằng khen của Bộ trưởng", "level": "provincial", "sort_order": 120},
    "ky-niem-chuong-khcn": {"name": "Kỷ niệm chương Vì sự nghiệp khoa học và công nghệ", "level": "provincial", "sort_order": 130},
    "giay-khen": {"name": "Giấy khen", "level": "grassroots", "sort_order": 140},
}

FIELDS = ("name", "category", "level", "has_grades", "for_individuals", "for_collectives", "for_households",
          "local_names", "legal_basis", "valid_from", "valid_to", "sort_order", "form_of", "replaced_by")
RELATIONS = ("form_of", "replaced_by")


def english_names():
    """Vietnamese legal name → English name, and the same for the legal bases (for the translation step)."""
    names = {entry.name: entry.english for entry in CATALOGUE}
    names.update({entry.legal_basis: entry.legal_basis_en for entry in CATALOGUE})
    return names


def _target(entry, order):
    return {
        "name": entry.name, "category": entry.category, "level": entry.level, "has_grades": entry.grades,
        "for_individuals": IND in entry.recipients, "for_collectives": COL in entry.recipients,
        "for_households": HH in entry.recipients, "local_names": "\n".join(entry.local_names),
        "legal_basis": entry.legal_basis, "valid_from": entry.valid_from, "valid_to": entry.valid_to,
        "sort_order": order * 10, "form_of": entry.form_of, "replaced_by": entry.replaced_by,
    }


def _stored(value):
    return value.isoformat() if isinstance(value, datetime.date) else value


@dataclass
class CatalogueReport:
    created: list = field(default_factory=list)  # codes
    updated: list = field(default_factory=list)  # (code, field, old, new)
    kept: list = field(default_factory=list)  # (code, field, the editor's value, the catalogue's)
    unchanged: int = 0

    def lines(self):
        yield from (f"+ {code}" for code in self.created)
        yield from (f"~ {code}: {name} {old!r} → {new!r}" for code, name, old, new in self.updated)
        yield from (f"= {code}: {name} kept as the editor set it ({mine!r}; the catalogue says {theirs!r})"
                    for code, name, mine, theirs in self.kept)


def _current(award, name, by_pk):
    if name in RELATIONS:
        related = by_pk.get(getattr(award, f"{name}_id"))
        return related.code if related is not None else ""
    return _stored(getattr(award, name))


def _previous(award, name, current):
    """What the catalogue last wrote into ``name``: remembered, or, for an award from 0.1, what 0.1 wrote (a field
    0.1 did not have counts as untouched)."""
    if award.catalogue_values:
        return award.catalogue_values.get(name)
    return RELEASE_0_1.get(award.code, {}).get(name, current)


def catalogue_locale():
    """Where the catalogue lives: Vietnamese, the language of the law's names, when it is a content language (other
    languages get translations of it, through wagtail-localize); else the site's default language."""
    return vietnamese_locale() or Locale.get_default()


def load_default_awards(locale=None):
    """Bring the catalogue of ``locale`` (``catalogue_locale()`` if None) up to date. Returns a CatalogueReport."""
    locale = locale or catalogue_locale()
    report = CatalogueReport()
    with transaction.atomic():
        awards = {award.code: award for award in Award.objects.filter(locale=locale)}
        targets = {entry.code: _target(entry, order) for order, entry in enumerate(CATALOGUE)}
        snapshots = {code: {name: _stored(target[name]) for name in FIELDS} for code, target in targets.items()}
        for code, target in targets.items():
            if code not in awards:
                # Saved again below only if it names another entry (form of, replaced by), created here too.
                values = {k: v for k, v in target.items() if k not in RELATIONS}
                awards[code] = Award.objects.create(code=code, locale=locale, catalogue_values=snapshots[code],
                                                    **values)
                report.created.append(code)
        by_pk = {award.pk: award for award in awards.values()}
        for code, target in targets.items():
            award, changed = awards[code], False
            created = code in report.created
            for name in FIELDS:
                wanted = _stored(target[name])
                current = _current(award, name, by_pk)
                if current == wanted:
                    continue
                if not created and current != _previous(award, name, current):
                    report.kept.append((code, name, current, wanted))
                    continue
                if name in RELATIONS:
                    setattr(award, name, awards.get(wanted) if wanted else None)
                else:
                    setattr(award, name, target[name])
                if not created:
                    report.updated.append((code, name, current, wanted))
                changed = True
            snapshot = snapshots[code]
            if changed or award.catalogue_values != snapshot:
                award.catalogue_values = snapshot
                award.save()
            elif not created:
                report.unchanged += 1
    return report


# ---------------------------------------------------------------------------------------------------------------
# The law's prerequisites that the data can show: editors are warned (never refused), with the article cited.
# ---------------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Prerequisite:
    award: str  # the code of the award that has the prerequisite
    needs: str  # the code of the award it needs
    times: int  # how many times before (``same_year``: in the same year)
    article: str
    same_year: bool = False


PREREQUISITES = [
    # Chosen among holders of two consecutive ministry / province Emulation Fighter titles.
    Prerequisite("chien-si-thi-dua-toan-quoc", "chien-si-thi-dua-cap-tinh", 2, f"{LAW}, Điều 21"),
    # Chosen among holders of three consecutive grassroots Emulation Fighter titles.
    Prerequisite("chien-si-thi-dua-cap-tinh", "chien-si-thi-dua-co-so", 3, f"{LAW}, Điều 22"),
    # Meets the "Lao động tiên tiến" standard (and has an initiative or accepted research, which the data cannot show).
    Prerequisite("chien-si-thi-dua-co-so", "lao-dong-tien-tien", 1, f"{LAW}, Điều 23", same_year=True),
]


def prerequisite_warnings(honours):
    """What the honours ``[(award, year), …]`` lack of the law's prerequisites, as (award, year, rule, found)."""
    years = {}
    for award, year in honours:
        years.setdefault(award.code, []).append(year)
    names = {award.code: award for award, _year in honours}
    warnings = []
    for rule in PREREQUISITES:
        for year in sorted(years.get(rule.award, [])):
            held = years.get(rule.needs, [])
            found = sum(1 for y in held if (y == year if rule.same_year else y < year))
            if found < rule.times:
                warnings.append((names[rule.award], year, rule, found))
    return warnings
