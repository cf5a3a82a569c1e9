"""GET filter forms for the listing pages.

Every parameter goes through a form field, so a malformed value ("abc", "²",
a NUL byte, a huge number, an unknown choice) is dropped and reported as a
notice, never passed to the database.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from .conf import thidua_settings
from .querysets import public

MAX_YEAR = 2100
MAX_ID = 2**63 - 1


class IdChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField that rejects anything but a plain id in the database's range before querying."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        value = str(value)
        if not (value.isascii() and value.isdigit() and int(value) <= MAX_ID):
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class ListingFilterForm(forms.Form):
    """Base for listing filters: ``filter()`` applies each valid, non-empty field. ``locale`` (a Locale, its id, or
    None for every locale) limits the choices of the unit, award and campaign fields."""

    use_required_attribute = False

    def __init__(self, data=None, *, locale, **kwargs):
        super().__init__(data, **kwargs)
        self.locale = locale
        for field in self.fields.values():
            field.required = False

    def filter(self, queryset):
        if not self.is_bound:
            return queryset
        if not self.is_valid():  # cleaned_data keeps only the valid fields
            # Do not echo a malformed value back into the form.
            self.data = self.data.copy()
            for name in self.errors:
                self.data[name] = ""
        for name, value in self.cleaned_data.items():
            if value not in (None, "", []):
                queryset = getattr(self, f"filter_{name}")(queryset, value)
        return queryset

    @property
    def has_active_filters(self):
        return self.is_bound and any(v not in (None, "", []) for v in getattr(self, "cleaned_data", {}).values())

    @property
    def cache_key(self):
        """What the rendered list depends on: the valid filter values and the names of the ignored ones
        (not the raw query string, so junk parameters do not each get a cache entry)."""
        if not self.is_bound:
            return ""
        values = [f"{name}={getattr(value, 'pk', value)}" for name, value in sorted(self.cleaned_data.items())
                  if value not in (None, "", [])]
        return "&".join(values + [f"ignored={name}" for name in sorted(self.errors)])

    @property
    def ignored_fields(self):
        """Labels of the parameters that were malformed and so ignored."""
        if not self.is_bound:
            return []
        return [str(self.fields[name].label) for name in self.errors if name in self.fields]


def year_field(label):
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=thidua_settings.FIRST_YEAR,
        max_value=MAX_YEAR,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


def requested_page_number(value):
    """The page number asked for, as Django's ``Paginator.get_page()`` reads it (1 when it is not a number)."""
    try:
        return max(int(value), 1)
    except (TypeError, ValueError):
        return 1


def _in_locale(queryset, locale):
    """``queryset`` in ``locale``; every locale when ``locale`` is None (the read API)."""
    return queryset if locale is None else queryset.filter(locale=locale)


def unit_field(locale):
    from .models.snippets import Unit

    return IdChoiceField(
        required=False,
        label=_("Unit"), queryset=_in_locale(Unit.objects.all(), locale), empty_label=_("All units")
    )


def award_field(locale):
    from .models.snippets import Award

    return IdChoiceField(
        required=False,
        label=_("Award"), queryset=_in_locale(Award.objects.all(), locale), empty_label=_("All awards")
    )


def campaign_field(locale):
    from .models.campaigns import CampaignPage

    return IdChoiceField(
        required=False,
        label=_("Campaign"),
        queryset=_in_locale(public(CampaignPage.objects.live()), locale).order_by("-start_date"),
        empty_label=_("All campaigns"),
    )


class CampaignFilterForm(ListingFilterForm):
    STATUS_CHOICES = [
        ("", _("Any status")),
        ("ongoing", _("Ongoing")),
        ("upcoming", _("Upcoming")),
        ("ended", _("Ended")),
    ]

    status = forms.ChoiceField(label=_("Status"), choices=STATUS_CHOICES)
    type = forms.ChoiceField(label=_("Type"))

    def __init__(self, *args, **kwargs):
        from .models.campaigns import CampaignPage

        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("Any type")), *CampaignPage.CampaignType.choices]
        self.fields["year"] = year_field(_("Year"))

    def filter_status(self, queryset, value):
        return queryset.with_status(value)

    def filter_type(self, queryset, value):
        return queryset.filter(campaign_type=value)

    def filter_year(self, queryset, value):
        return queryset.active_in_year(value)


class ProfileFilterForm(ListingFilterForm):
    kind = forms.ChoiceField(label=_("Individual or collective"))

    def __init__(self, *args, **kwargs):
        from .models.profiles import ExemplaryProfilePage

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Individuals and collectives")), *ExemplaryProfilePage.Kind.choices]
        self.fields["unit"] = unit_field(self.locale)
        self.fields["award"] = award_field(self.locale)
        self.fields["campaign"] = campaign_field(self.locale)
        self.fields["year"] = year_field(_("Year recognised"))

    def filter_year(self, queryset, value):
        return queryset.filter(year_recognised=value)

    def filter_kind(self, queryset, value):
        return queryset.filter(kind=value)

    def filter_unit(self, queryset, unit):
        return queryset.filter(unit__translation_key=unit.translation_key)

    def filter_award(self, queryset, award):
        from .models.profiles import ProfileHonour

        honoured = ProfileHonour.objects.filter(award__translation_key=award.translation_key)
        return queryset.filter(pk__in=honoured.values("profile_id"))

    def filter_campaign(self, queryset, campaign):
        from .models.profiles import ProfileCampaign

        linked = ProfileCampaign.objects.filter(campaign__translation_key=campaign.translation_key)
        return queryset.filter(pk__in=linked.values("profile_id"))


class NewsFilterForm(ListingFilterForm):
    tag = forms.SlugField(label=_("Topic"), max_length=100, allow_unicode=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"] = year_field(_("Year"))
        self.fields["campaign"] = campaign_field(self.locale)

    def filter_tag(self, queryset, value):
        return queryset.filter(tags__slug=value)

    def filter_year(self, queryset, value):
        return queryset.filter(date__year=value)

    def filter_campaign(self, queryset, campaign):
        from .models.news import NewsRelatedCampaign

        linked = NewsRelatedCampaign.objects.filter(campaign__translation_key=campaign.translation_key)
        return queryset.filter(pk__in=linked.values("page_id"))
