"""Patriotic emulation campaigns, exemplary profiles and news for Wagtail."""

from pathlib import Path

__version__ = "0.1.0"

# The Vietnamese catalogue of the Wagtail admin and wagtail-localize: a site adds it to LOCALE_PATHS
# (docs/install.md, step 2; thidua_wagtail/wagtail_catalogue.py says why LOCALE_PATHS).
WAGTAIL_LOCALE_PATH = str(Path(__file__).resolve().parent / "wagtail_locale")
