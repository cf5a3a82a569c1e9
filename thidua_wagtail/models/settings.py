"""Per-site settings: who publishes the site."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Site

from ..blocks import RICH_TEXT_FEATURES
from ..cache import versioned


@register_setting(icon="site")
class OrganisationSettings(BaseSiteSetting):
    """The organisation shown in the header, footer and metadata of every page.

    Settings are per site, not per language, so the few texts a visitor reads
    have an optional English variant; ``localized()`` picks the right one.
    """

    organisation_name = models.CharField(_("organisation name"), max_length=255, blank=True)
    organisation_name_en = models.CharField(_("organisation name (English)"), max_length=255, blank=True)
    parent_authority = models.CharField(
        _("parent authority"), max_length=255, blank=True, help_text=_("E.g. \"UBND tỉnh Thái Nguyên\".")
    )
    parent_authority_en = models.CharField(_("parent authority (English)"), max_length=255, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    address_en = models.CharField(_("address (English)"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    email = models.EmailField(_("email"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("logo"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    footer = RichTextField(_("footer"), blank=True, features=RICH_TEXT_FEATURES)
    footer_en = RichTextField(_("footer (English)"), blank=True, features=RICH_TEXT_FEATURES)

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("parent_authority"), FieldPanel("logo")],
            heading=_("Organisation"),
        ),
        MultiFieldPanel([FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")], heading=_("Contact")),
        FieldPanel("footer"),
        MultiFieldPanel(
            [
                FieldPanel("organisation_name_en"),
                FieldPanel("parent_authority_en"),
                FieldPanel("address_en"),
                FieldPanel("footer_en"),
            ],
            heading=_("English versions"),
            classname="collapsed",
        ),
    ]

    class Meta:
        verbose_name = _("organisation")

    @classmethod
    def cached_for_request(cls, request):
        """``for_request()``, kept in the cache until the next edit (every page shows the organisation), with
        its logo. Empty settings when no site matches the request."""
        memo = getattr(request, "_thidua_organisation", None)
        if memo is None:
            site = Site.find_for_request(request)
            if site is None:
                return cls()

            def load():
                settings = cls.for_site(site)
                settings.logo  # noqa: B018 (loaded now, cached along with the settings)
                return settings

            memo = request._thidua_organisation = versioned(f"organisation-{site.pk}", load)
        return memo

    def localized(self, field):
        """The English variant of ``field`` when English is active and it is filled in."""
        if translation.get_language() and translation.get_language().startswith("en"):
            value = getattr(self, f"{field}_en", "")
            if value:
                return value
        return getattr(self, field)

    @property
    def name(self):
        return self.localized("organisation_name")

    @property
    def authority(self):
        return self.localized("parent_authority")

    @property
    def localized_address(self):
        return self.localized("address")

    @property
    def localized_footer(self):
        return self.localized("footer")
