"""The app's fixed terms in Vietnamese and English, and a wagtail-localize machine translator that applies them.

"Translate" in the translation editor (or "Sync" with machine translation) then pre-fills every segment the
glossary knows whole, and leaves the rest to the translator, or to another machine translator behind it:

    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "thidua_wagtail.glossary.GlossaryTranslator",
        "OPTIONS": {
            # optional: what the glossary does not know goes to DeepL (or LibreTranslate, Google)
            "FALLBACK": {"CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
                         "OPTIONS": {"AUTH_KEY": "..."}},
        },
    }

The terms (``terms()``):
- the award catalogue's names and legal bases (``awards.py``);
- the headings, letterhead and signature lines of a plan (``PLAN_TERMS``);
- the campaign types, and "phong trào thi đua" with each;
- the units' names and short names, once a unit has been translated;
- the site's own terms, ``THIDUA_TRANSLATION_GLOSSARY`` ({Vietnamese: English});
and, as translation memory, any segment a person has already translated elsewhere on the site.

A segment is matched whole, ignoring case, spacing and a leading "I." / "1." / "a)" numbering (kept in the result);
an all-capitals source gives an all-capitals translation. Terms work both ways (Vietnamese → English and back).
``manage.py thidua_glossary`` prints the glossary as TSV, the format DeepL's glossary API takes.
"""

import re

from django.utils import translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.models import StringTranslation
from wagtail_localize.strings import StringValue

from .awards import english_names
from .conf import thidua_settings
from .models import CampaignPage, Unit

# Vietnamese → English. Headings and lines of the plans the importer reads (see plans/parser.py) and of the
# letterhead of a Vietnamese administrative document (Decree 30/2020/NĐ-CP).
PLAN_TERMS = {
    "Mục đích, yêu cầu": "Purposes and requirements",
    "Mục đích": "Purposes",
    "Yêu cầu": "Requirements",
    "Nội dung": "Content",
    "Nội dung thi đua": "Emulation content",
    "Nội dung, chỉ tiêu thi đua": "Emulation content and targets",
    "Nội dung, nhiệm vụ": "Content and tasks",
    "Nhiệm vụ": "Tasks",
    "Chỉ tiêu": "Targets",
    "Đối tượng": "Participants",
    "Đối tượng, phạm vi": "Participants and scope",
    "Đối tượng thi đua": "Emulation participants",
    "Thời gian": "Timeline",
    "Thời gian thực hiện": "Implementation period",
    "Thời gian, địa điểm": "Time and venue",
    "Hình thức khen thưởng": "Forms of commendation",
    "Khen thưởng": "Commendation",
    "Tiêu chuẩn": "Criteria",
    "Kinh phí": "Funding",
    "Kinh phí thực hiện": "Implementation funding",
    "Chế độ báo cáo": "Reporting",
    "Tổ chức thực hiện": "Organisation of implementation",
    "Trách nhiệm thực hiện": "Responsibilities for implementation",
    "Nơi nhận": "Recipients",
    "Căn cứ": "Legal bases",
    "Cộng hòa xã hội chủ nghĩa Việt Nam": "Socialist Republic of Viet Nam",
    "Độc lập - Tự do - Hạnh phúc": "Independence - Freedom - Happiness",
    "Giám đốc": "Director",
    "Phó Giám đốc": "Deputy Director",
    "KT. Giám đốc": "For the Director",
    "TM. Ủy ban nhân dân": "On behalf of the People's Committee",
    "Chủ tịch": "Chairperson",
    "Phó Chủ tịch": "Vice Chairperson",
    "KT. Chủ tịch": "For the Chairperson",
    "Phong trào thi đua yêu nước": "Patriotic emulation movement",
    "Thi đua, khen thưởng": "Emulation and commendation",
    "Hội đồng Thi đua - Khen thưởng": "Emulation and Commendation Council",
}

NUMBERING = re.compile(r"^\s*(?P<number>[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])\s*(?P<mark>[.)])\s+", re.IGNORECASE)
TRAILING = re.compile(r"\s*([:.;]+)\s*$")
SPACES = re.compile(r"\s+")


def _key(text):
    return SPACES.sub(" ", text).strip().casefold()


def _choice_pairs(choices):
    pairs = {}
    for _value, label in choices:
        with translation.override("vi"):
            vietnamese = str(label)
        with translation.override("en"):
            english = str(label)
        if vietnamese != english:
            pairs[vietnamese] = english
            pairs[f"Phong trào thi đua {vietnamese.lower()}"] = f"{english} emulation campaign"
    return pairs


def _unit_pairs():
    """Units translated through wagtail-localize: the Vietnamese row and the English row share a translation key."""
    pairs = {}
    try:
        vietnamese, english = Locale.objects.get(language_code="vi"), Locale.objects.get(language_code="en")
    except Locale.DoesNotExist:
        return pairs
    translated = {unit.translation_key: unit for unit in Unit.objects.filter(locale=english)}
    for unit in Unit.objects.filter(locale=vietnamese, translation_key__in=list(translated)):
        other = translated[unit.translation_key]
        for source, target in ((unit.name, other.name), (unit.short_name, other.short_name)):
            if source and target and source != target:
                pairs[source] = target
    return pairs


def terms():
    """{Vietnamese: English} of every fixed term the app knows (see the module's docstring)."""
    found = dict(PLAN_TERMS)
    found.update({vi: en for vi, en in english_names().items() if vi and en})
    found.update(_choice_pairs(CampaignPage.CampaignType.choices))
    found.update(_unit_pairs())
    found.update(thidua_settings.TRANSLATION_GLOSSARY or {})
    return found


class Glossary:
    """Whole-segment lookup in both directions."""

    def __init__(self, pairs):
        self.to_english = {_key(vi): en for vi, en in pairs.items()}
        self.to_vietnamese = {_key(en): vi for vi, en in pairs.items()}

    def lookup(self, text, source_language, target_language):
        table = {("vi", "en"): self.to_english, ("en", "vi"): self.to_vietnamese}.get(
            (source_language, target_language))
        if table is None or not text.strip():
            return None
        prefix_match = NUMBERING.match(text)
        prefix = f"{prefix_match['number']}{prefix_match['mark']} " if prefix_match else ""
        body = text[len(prefix_match.group(0)):] if prefix_match else text
        suffix_match = TRAILING.search(body)
        suffix = suffix_match.group(1) if suffix_match else ""
        body = body[:suffix_match.start()] if suffix_match else body
        found = table.get(_key(body))
        if found is None:
            return None
        if body.isupper():
            found = found.upper()
        return f"{prefix}{found}{suffix}"


def _language(locale):
    return locale.language_code.split("-")[0]


def translation_memory(source_locale, target_locale, strings):
    """{source text: translation} for the strings a person has already translated between these locales, the
    newest translation first."""
    rows = (StringTranslation.objects
            .filter(translation_of__locale=source_locale, locale=target_locale, has_error=False,
                    translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                    translation_of__data__in=[string.data for string in strings])
            .order_by("translation_of__data", "-updated_at")
            .values_list("translation_of__data", "data"))
    memory = {}
    for source, target in rows:
        memory.setdefault(source, target)
    return memory


class GlossaryTranslator(BaseMachineTranslator):
    """Translates the segments the glossary or the translation memory knows; the others go to ``FALLBACK``
    (another machine translator's configuration) when there is one, else stay for the translator."""

    display_name = _("the glossary")

    def __init__(self, options):
        super().__init__(options)
        fallback = (options or {}).get("FALLBACK")
        self.fallback = None
        if fallback:
            self.fallback = _build(fallback)
        if self.fallback is not None:
            self.display_name = f"{_('the glossary')} + {self.fallback.display_name}"

    def can_translate(self, source_locale, target_locale):
        languages = {_language(source_locale), _language(target_locale)}
        if languages == {"vi", "en"}:
            return True
        return bool(self.fallback and self.fallback.can_translate(source_locale, target_locale))

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        source, target = _language(source_locale), _language(target_locale)
        glossary = Glossary(terms())
        memory = translation_memory(source_locale, target_locale, strings)
        found, rest = {}, []
        for string in strings:
            if string.data in memory:
                found[string] = StringValue(memory[string.data])
                continue
            text = string.render_text()
            translated = glossary.lookup(text, source, target) if StringValue.from_plaintext(text).data == \
                string.data else None
            if translated is None:
                rest.append(string)
            else:
                found[string] = StringValue.from_plaintext(translated)
        if rest and self.fallback is not None and self.fallback.can_translate(source_locale, target_locale):
            found.update(self.fallback.translate(source_locale, target_locale, rest))
        return found


def _build(config):
    return import_string(config["CLASS"])(config.get("OPTIONS", {}))
