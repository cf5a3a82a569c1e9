"""Small text helpers for Vietnamese: ASCII slugs and accent-insensitive search."""

import unicodedata
from functools import lru_cache

from anyascii import anyascii
from django.utils.html import strip_tags
from django.utils.text import slugify

# Marks removed by NFD decomposition do not cover these letters.
_SPECIAL = {"đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l"}


def ascii_slug(value, max_length=200):
    """"Đại hội Thi đua" -> "dai-hoi-thi-dua" (đ becomes d, unlike Django's slugify)."""
    return slugify(anyascii(value))[:max_length].strip("-")


def repair_lossy_slug(title, slug):
    """The ASCII slug of ``title`` if ``slug`` looks like a lossy automatic one, else ``slug``.

    Wagtail's admin makes slugs in the browser and, with ASCII slugs, drops the Vietnamese letters it cannot
    transliterate: "Tin thử nghiệm" becomes "tin-th-nghim". Such a slug is the proper one with letters missing
    (a subsequence of it); a slug the editor typed ("tin-tuc", "ke-hoach-60") rarely is, and is kept.
    """
    proper = ascii_slug(title)
    if not slug or not proper or slug == proper or len(slug) >= len(proper):
        return slug
    rest = iter(proper)
    if all(char in rest for char in slug) and slug.count("-") == proper.count("-"):
        return proper
    return slug


@lru_cache(maxsize=4096)
def _fold_char(char):
    if char in _SPECIAL:
        return _SPECIAL[char]
    decomposed = unicodedata.normalize("NFD", char)
    base = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return base if len(base) == 1 else char.lower()


def fold(text):
    """Lower case, without Vietnamese tone and vowel marks, đ as d: "THI ĐUA Nguyễn" -> "thi dua nguyen".

    Text is first composed (NFC), so "e" + combining tilde folds like "ẽ". After that it goes character
    for character: the result has the length of the composed input, so a match found in the folded text
    is at the same place in the composed original (``search.excerpt`` relies on this).
    """
    return "".join(_fold_char(c) for c in unicodedata.normalize("NFC", text))


def searchable_text(*values):
    """Plain text from field values (strings, rich text, StreamField values) joined for indexing."""
    parts = []
    for value in values:
        if value is None:
            continue
        stream_block = getattr(value, "stream_block", None)
        if stream_block is not None:
            parts.extend(str(v) for v in stream_block.get_searchable_content(value))
        else:
            parts.append(str(value))
    return strip_tags(" ".join(parts))


class FoldedSearchMixin:
    """Adds a search field holding the folded text of ``folded_search_fields``.

    The query is folded the same way (``thidua_wagtail.search``), so "thi dua", "THI ĐUA" and "thi đua"
    find the same pages on SQLite's and PostgreSQL's full-text search alike, neither of which folds
    Vietnamese marks (and "đ" is not a mark at all).
    """

    folded_search_fields = ["title"]

    def folded_search_text(self):
        return fold(searchable_text(*(getattr(self, name, None) for name in self.folded_search_fields)))
