"""Small text helpers for Vietnamese."""

from anyascii import anyascii
from django.utils.text import slugify


def ascii_slug(value, max_length=200):
    """"Đại hội Thi đua" -> "dai-hoi-thi-dua" (đ becomes d, unlike Django's slugify)."""
    return slugify(anyascii(value))[:max_length].strip("-")
