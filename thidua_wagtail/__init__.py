"""Patriotic emulation campaigns, exemplary profiles and news for Wagtail."""

__version__ = "0.1.0"
