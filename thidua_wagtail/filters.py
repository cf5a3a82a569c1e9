"""What the listing pages' GET filter forms share (each page type's own form is in its model module).

Every parameter goes through a form field, so a malformed value ("abc", "²",
a NUL byte, a huge number, an unknown choice) is dropped and reported as a
notice, never passed to the database.
"""

from django import forms
from django.utils.html import conditional_escape, escape, format_html, format_html_join
from django.utils.safestring import mark_safe

from .conf import thidua_settings
from .links import in_locale

MAX_YEAR = 2100
MAX_ID = 2**63 - 1


def _attributes(attrs):
    """`` name="value"`` for each attribute, a bare `` name`` for True, nothing for False or None (as Django's
    ``django/forms/widgets/attrs.html`` writes them)."""
    return format_html_join("", "{}", (
        (format_html(' {}="{}"', name, value) if value is not True else format_html(" {}", name),)
        for name, value in attrs.items() if value is not False and value is not None))


class FilterSelect(forms.Select):
    """A ``<select>`` written in Python, with the HTML Django's template-rendered Select gives. Django renders each
    option through two template includes; a listing's filters offer tens to hundreds of options (units, awards,
    campaigns), which made rendering them most of the cost of a list page rendered afresh."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = set(self.format_value(value))
        chosen = False

        def options(choices):
            nonlocal chosen
            html = []
            for option_value, label in choices:
                option_value = "" if option_value is None else str(option_value)
                is_selected = option_value in selected and (self.allow_multiple_selected or not chosen)
                chosen = chosen or is_selected
                html.append(f'<option value="{escape(option_value)}"{" selected" if is_selected else ""}>'
                            f"{conditional_escape(label)}</option>")
            return "".join(html)

        body = []
        for group_value, group_label in self.choices:
            if isinstance(group_label, (list, tuple)):
                body.append(f'<optgroup label="{escape(group_value)}">{options(group_label)}</optgroup>')
            else:
                body.append(options([(group_value, group_label)]))
        final_attrs = self.build_attrs(self.attrs, attrs)
        return format_html('<select name="{}"{}>{}</select>', name, _attributes(final_attrs), mark_safe("".join(body)))


class LabelChoiceIterator(forms.models.ModelChoiceIterator):
    """The choices read as (id, label) pairs, without building an object for each: a filter offers every campaign,
    and a page object is costly to build (most of the time of a list page's filters went there)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self.queryset.values_list("pk", self.field.label_field)


class IdChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField that rejects anything but a plain id in the database's range before querying; with
    ``label_field``, its choices are labelled by that field, read without building objects."""

    widget = FilterSelect

    def __init__(self, *args, label_field=None, **kwargs):
        self.label_field = label_field
        if label_field:  # before the queryset is set, which hands the widget its choices
            self.iterator = LabelChoiceIterator
        super().__init__(*args, **kwargs)

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
    # The page types whose pages the form's choices list ("thidua_wagtail.CampaignPage"): its rendering is kept under
    # their versions and the site's (``thidua_filters_cache_key``), so a publish of another type keeps it.
    offers = ()

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


def choice_field(label, queryset, empty_label, locale, label_field="name"):
    """A choice of ``queryset``'s objects (units, awards, campaigns) in ``locale`` (every locale when None),
    labelled by their ``label_field``."""
    return IdChoiceField(required=False, label=label, queryset=in_locale(queryset, locale), empty_label=empty_label,
                         label_field=label_field)
