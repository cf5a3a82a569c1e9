"""Per-site settings: who publishes the site, with the organisation's translatable texts."""

from django.db import models
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Locale, Site, TranslatableMixin

from ..blocks import RICH_TEXT_FEATURES
from ..cache import versioned
from ..i18n import active_locale


class Organisation(TranslatableMixin, models.Model):
    """The organisation's texts a visitor reads (name, parent authority, address, footer), in each language:
    translated with wagtail-localize like every other text. A site's settings name it."""

    name = models.CharField(_("organisation name"), max_length=255, blank=True)
    parent_authority = models.CharField(
        _("parent authority"), max_length=255, blank=True, help_text=_("E.g. \"UBND tỉnh Thái Nguyên\".")
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    footer = RichTextField(_("footer"), blank=True, features=RICH_TEXT_FEATURES)
    # Decree 42/2022/NĐ-CP, Art. 4 and 7: the organisation page shows its position, functions and duties (and its
    # units, from the Unit snippets), in each language.
    functions = RichTextField(
        _("functions and duties"), blank=True, features=RICH_TEXT_FEATURES,
        help_text=_("Position, functions, duties and powers (Vị trí, chức năng, nhiệm vụ, quyền hạn), as the "
                    "organisation page shows them."))

    panels = [FieldPanel("name"), FieldPanel("parent_authority"), FieldPanel("address"), FieldPanel("functions"),
              FieldPanel("footer")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name or str(self._meta.verbose_name)


@register_setting(icon="site")
class OrganisationSettings(BaseSiteSetting):
    """Who publishes the site: its organisation (whose texts are translated, see ``Organisation``), its contacts
    and logo. ``texts`` is the organisation in the active language (the source when not translated)."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("Its name, parent authority, address and footer, translated like other texts."),
    )
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    email = models.EmailField(_("email"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("logo"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("organisation"),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Contact")),
        FieldPanel("logo"),
    ]

    class Meta:
        verbose_name = _("organisation")

    @classmethod
    def cached_for_request(cls, request):
        """``for_request()`` with the organisation's texts in the active language, kept in the cache until the next
        edit (every page shows the organisation), with its logo. Empty settings when no site matches the request."""
        language = translation.get_language() or ""
        memo = getattr(request, "_thidua_organisation", None)
        if memo is None or memo[0] != language:
            site = Site.find_for_request(request)
            if site is None:
                return cls()

            def load():
                settings = cls.for_site(site)
                settings.logo  # noqa: B018 (loaded now, cached along with the settings)
                settings.texts  # noqa: B018 (the same)
                return settings

            memo = request._thidua_organisation = (language, versioned(f"organisation-{site.pk}-{language}", load))
        return memo[1]

    @cached_property
    def texts(self):
        """The organisation in the active language, else its source; an empty one when none is chosen."""
        if self.organisation_id is None:
            return Organisation()
        try:
            locale = active_locale()
        except Locale.DoesNotExist:
            return self.organisation
        if self.organisation.locale_id == locale.pk:
            return self.organisation
        return self.organisation.get_translation_or_none(locale) or self.organisation

    @property
    def organisation_name(self):
        """The organisation's name in its source language (the default issuing body of imported plans)."""
        return self.organisation.name if self.organisation_id else ""

    @property
    def name(self):
        return self.texts.name

    @property
    def authority(self):
        return self.texts.parent_authority

    @property
    def localized_address(self):
        return self.texts.address

    @property
    def localized_footer(self):
        return self.texts.footer
