"""Units' yearly emulation registrations (đăng ký thi đua) and commitments (giao ước thi đua).

At the start of the year each unit registers the titles and forms of commendation it aims for, for the unit and
for named people, and signs its commitments, often within an emulation cluster or block (cụm, khối thi đua). A
``RegistrationPage`` is one unit's registration for one year: its entries (``RegistrationEntry``: who, and the
award aimed for), its commitments and the signed document.

Filing and approval use Wagtail's own workflow: a unit's editors (their group is the unit's ``editor_group``, set by
``thidua_setup_workflow``) add their unit's registration, and only their unit's (``RegistrationForm``), and submit
it; the Office approves it (it is published) or requests changes with a comment, which is the reason the unit
reads. The public board of a year (``RegistrationIndexPage``, ``board_for`` at the end of this module) lists the
approved registrations by unit and, once the commendation decisions are published, what each unit achieved beside
what it registered; ``registration_export.py`` makes it a spreadsheet.
"""

from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy, pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..blocks import RICH_TEXT_FEATURES
from ..cache import cached_response
from ..filters import ListingFilterForm, choice_field, year_field
from ..pagetypes import Card, Related, Section
from ..querysets import children_of, published
from ..registration_export import CONTENT_TYPES, board_response
from ..text import fold
from .base import DetailPage, FilteredIndexPage
from .honours import RecipientKind, honour_kind_error, on_public_decisions
from .profiles import YEAR_VALIDATORS, on_visible_profiles
from .serializers import AwardSerializer, PageLinkSerializer, UnitSerializer
from .settings import OrganisationSettings
from .snippets import Award, Unit


class RegistrationFilterForm(ListingFilterForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"] = year_field(_("Year"))
        self.fields["unit"] = choice_field(_("Unit"), Unit.objects.all(), _("All units"), self.locale)

    def filter_year(self, queryset, value):
        return queryset.filter(year=value)

    def filter_unit(self, queryset, value):
        return queryset.filter(unit=value)


class RegistrationIndexPage(FilteredIndexPage):
    """The public board of the units' registrations, one year at a time (``board_for``): each unit's entries and,
    once the decisions are published, what it achieved."""

    filter_form_class = RegistrationFilterForm
    listing_model = "thidua_wagtail.RegistrationPage"
    results_text = ngettext_lazy("%(counter)s unit registered", "%(counter)s units registered", "counter")
    empty_text = _("No registration has been published for this year yet.")
    listing_class = "td-list"
    section = Section("registrations", pgettext_lazy("section title", "Emulation registrations"), order=33,
                      unit_editors=True)
    # The board shows what each unit achieved: the honours on every profile.
    shows_all_of = ("thidua_wagtail.ExemplaryProfilePage",)

    subpage_types = ["thidua_wagtail.RegistrationPage"]

    class Meta:
        verbose_name = _("registration board")
        verbose_name_plural = _("registration boards")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: when the board's fragment is cached, nothing of it is asked of the database.
        form = context["filter_form"]
        context["board"] = SimpleLazyObject(lambda: self.board(form))
        return context

    def board(self, form):
        year = form.cleaned_data.get("year") if form.is_bound else None
        unit = form.cleaned_data.get("unit") if form.is_bound else None
        return board_for(self, year, unit)

    def serve(self, request, *args, **kwargs):
        """``?year=…&format=xlsx`` (or ``csv``): the year's board as the summary table, cached like the page."""
        fmt = request.GET.get("format")
        if fmt not in CONTENT_TYPES:
            return super().serve(request, *args, **kwargs)
        return cached_response(request, f"page-{self.pk}", lambda: self.export(request, fmt), self.pk)

    def export(self, request, fmt):
        form = self.filter_form_class(request.GET, locale=self.locale_id)
        form.is_valid()  # a malformed year or unit is left out of cleaned_data: ignored, as on the page
        board = self.board(form)
        if not board.rows:
            raise Http404("no registration for this year")
        return board_response(board, fmt, OrganisationSettings.cached_for_request(request).name)


class RegistrationForm(WagtailAdminPageForm):
    """A unit's editors file their own unit's registration only; whoever may publish in the section (the Office)
    files any unit's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        units = self.units_for_user()
        if units is not None and "unit" in self.fields:
            field = self.fields["unit"]
            field.queryset = units
            field.error_messages["invalid_choice"] = _("You can file the registration of your own unit only.")
            own = list(units.values_list("pk", flat=True)[:2])
            if len(own) == 1:  # the editor's one unit, chosen already
                field.empty_label = None
                if not self.instance.unit_id:
                    self.initial["unit"] = own[0]
            # A list of the user's own units instead of the chooser of every unit.
            field.widget = forms.Select()
            field.widget.choices = field.choices

    def units_for_user(self):
        """The units this user may file for, or None for any unit."""
        user = self.for_user
        if user is None or user.is_superuser:
            return None
        page = self.instance if self.instance.pk else self.parent_page
        if page is not None and page.permissions_for_user(user).can_publish():
            return None
        units = editor_units(user)
        return units.filter(locale=page.locale_id) if page is not None else units


def editor_units(user):
    """The units whose editors' group ``user`` is in (every language): the units they file registrations for."""
    return Unit.objects.filter(editor_group__in=user.groups.all())


class RegistrationPage(DetailPage):
    """One unit's registration for one year: the titles and forms it aims for and its commitments."""

    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS,
                                            help_text=_("The emulation year registered for."))
    registered_on = models.DateField(_("registered on"), help_text=_("The date of the signed registration."))
    cluster = models.CharField(
        _("emulation cluster or block"), max_length=255, blank=True,
        help_text=_("The cluster or block (cụm, khối thi đua) whose commitment the unit signed, if any."))
    commitments = RichTextField(
        _("commitments"), blank=True, features=RICH_TEXT_FEATURES,
        help_text=_("What the unit commits to (giao ước thi đua): targets, tasks, movements it takes part in."))
    signer_name = models.CharField(_("signer"), max_length=128, blank=True,
                                   help_text=_("Who signed for the unit, usually its head."))
    signer_title = models.CharField(_("signer's title"), max_length=128, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("signed registration"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", help_text=_("The signed and stamped registration (PDF)."))
    campaign = models.ForeignKey(
        "thidua_wagtail.CampaignPage", verbose_name=_("campaign"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("The campaign the unit registers in, if any (usually the year's regular "
                                      "campaign): the registration then shows on its timeline."))

    # Written on save from the unit and entries (``summarise``), in the page's language.
    summary = models.TextField(_("summary"), blank=True, editable=False)

    base_form_class = RegistrationForm

    card = Card(key="registration", template="thidua_wagtail/includes/registration_card.html",
                label=pgettext_lazy("page type", "Emulation registration"), ordering=("-year", "unit__sort_order",
                                                                                     "unit__name", "pk"),
                text="summary", date="year", select_related=("unit",))
    related = {
        "profiles": Related("thidua_wagtail.ExemplaryProfilePage", rows="entries", field="profile"),
        "campaign": Related("thidua_wagtail.CampaignPage", reference="campaign", single=True),
    }
    feed_urls = ("thidua_wagtail:registrations_rss", "thidua_wagtail:registrations_atom")
    # Its results come from the honours on profiles: publishing one refreshes it (decisions are snippets: any edit
    # of them refreshes every page).
    shows_all_of = ("thidua_wagtail.ExemplaryProfilePage",)
    folded_search_fields = ["title", "unit_name", "entry_names", "cluster"]

    content_panels = Page.content_panels + [
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("unit"), FieldPanel("year"), FieldPanel("registered_on")]),
            FieldRowPanel([FieldPanel("campaign"), FieldPanel("cluster")]),
        ], heading=_("Registration")),
        InlinePanel("entries", heading=_("Titles and forms registered"), label=_("Entry"), min_num=1,
                    help_text=_("One line per title or form: for the unit itself (a collective entry with no name) "
                                "or for a named person or team.")),
        FieldPanel("commitments"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("signer_title"), FieldPanel("signer_name")]),
                         FieldPanel("document")], heading=_("Signature")),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("folded_search_text"),
        index.AutocompleteField("folded_search_text"),
        index.FilterField("year"),
    ]

    override_translatable_fields = [
        SynchronizedField("year", overridable=False),
        SynchronizedField("registered_on", overridable=False),
        SynchronizedField("signer_name"),
    ]

    api_fields = [
        APIField("unit", serializer=UnitSerializer(read_only=True)),
        APIField("year"),
        APIField("registered_on"),
        APIField("cluster"),
        APIField("commitments"),
        APIField("signer_name"),
        APIField("signer_title"),
        APIField("entries"),
        APIField("campaigns", serializer=PageLinkSerializer(source="related_pages.campaign", many=True,
                                                            read_only=True)),
    ]

    parent_page_types = ["thidua_wagtail.RegistrationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("emulation registration")
        verbose_name_plural = _("emulation registrations")

    @property
    def unit_name(self):
        return self.unit.name if self.unit_id else ""

    @property
    def entry_names(self):
        return " ".join(f"{entry.recipient_name} {entry.award}" for entry in self.entries.all() if entry.award_id)

    def save(self, *args, **kwargs):
        if self.unit_id and self.locale_id:
            with translation.override(self.locale.language_code):
                self.summary = self.summarise()[:1000]
        return super().save(*args, **kwargs)

    def summarise(self):
        """One line for cards, search results and meta descriptions, from the unit and the entries."""
        entries = [entry for entry in self.entries.all() if entry.award_id]
        individuals = sum(1 for entry in entries if entry.kind == RecipientKind.INDIVIDUAL)
        parts = [self.unit_name, str(self.year)]
        collective = [str(entry.award) for entry in entries if entry.kind != RecipientKind.INDIVIDUAL]
        text = " – ".join(parts)
        if collective:
            text += ": " + ", ".join(collective)
        if individuals:
            text += "; " + ngettext("%(count)s person registered", "%(count)s people registered",
                                    individuals) % {"count": individuals}
        return text

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        entries = list(self.entries.select_related("award", "profile").defer("profile__story"))
        # A person's profile is linked only when a visitor may see it (live, public, in this language).
        visible = set(self.related_pages.profiles.values_list("pk", flat=True))
        for entry in entries:
            entry.public_profile = entry.profile if entry.profile_id in visible else None
        # What each entry achieved, as on the board, once an honour of the year is on the site.
        honours = honours_of_year(self.locale_id, self.year)
        context.update(results=entry_results(self, entries, honours), results_published=bool(honours))
        return context

    def clean(self):
        super().clean()
        if not (self.unit_id and self.year):
            return
        taken = (RegistrationPage.objects.filter(unit=self.unit_id, year=self.year, locale=self.locale_id)
                 .exclude(translation_key=self.translation_key))
        if taken.exists():
            raise ValidationError({"unit": _("%(unit)s already has a registration for %(year)s: edit that one.") % {
                "unit": self.unit, "year": self.year}})

    def structured_data(self, request, base, publisher):
        return {**base, "@type": "WebPage", "name": self.title, "description": self.summary,
                "publisher": publisher}


class RegistrationEntry(TranslatableMixin, Orderable):
    """One title or form registered: for the unit itself, or for a named person or collective (a profile of the
    site, or a name and position)."""

    page = ParentalKey(RegistrationPage, on_delete=models.CASCADE, related_name="entries")
    kind = models.CharField(_("for"), max_length=20, choices=RecipientKind.choices,
                            default=RecipientKind.INDIVIDUAL)
    name = models.CharField(_("name"), max_length=255, blank=True,
                            help_text=_("Leave empty for the unit itself."))
    position = models.CharField(_("position"), max_length=255, blank=True)
    profile = models.ForeignKey(
        "thidua_wagtail.ExemplaryProfilePage", verbose_name=_("exemplary profile"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", help_text=_("If the person has a profile on the site."))
    award = models.ForeignKey(Award, verbose_name=_("title or form registered"), on_delete=models.PROTECT,
                              related_name="+")

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("award")]),
        FieldRowPanel([FieldPanel("name"), FieldPanel("position"), FieldPanel("profile")]),
    ]
    override_translatable_fields = [SynchronizedField("kind")]
    api_fields = [APIField("kind"), APIField("recipient_name"), APIField("position"),
                  APIField("award", serializer=AwardSerializer(read_only=True))]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("registered title")
        verbose_name_plural = _("registered titles")

    def __str__(self):
        return f"{self.recipient_name}: {self.award}" if self.award_id else self.recipient_name

    def save(self, *args, **kwargs):
        # The name as registered: a profile's title is copied, so the registration keeps it whatever becomes of
        # the profile (and a draft profile's text is never read out on the board).
        if not self.name.strip() and self.profile_id is not None:
            self.name = self.profile.title[:255]
        super().save(*args, **kwargs)

    @property
    def for_unit(self):
        """An entry for the unit itself (a collective entry without a name or profile)."""
        return self.kind == RecipientKind.COLLECTIVE and not self.name.strip() and not self.profile_id

    @property
    def recipient_name(self):
        if self.name.strip():
            return self.name.strip()
        if self.profile_id and self.profile:
            return self.profile.title
        return self.page.unit_name if self.kind == RecipientKind.COLLECTIVE else ""

    @property
    def folded_recipient(self):
        return fold(self.recipient_name)

    def clean(self):
        super().clean()
        errors = {}
        if self.kind != RecipientKind.COLLECTIVE and not self.name.strip() and not self.profile_id:
            errors["name"] = _("Give the person's name, or choose their profile.")
        if self.award_id is not None and (message := honour_kind_error(self.award, self.kind)):
            errors["award"] = message
        if errors:
            raise ValidationError(errors)


# -- the board -------------------------------------------------------------------------------------------------

@dataclass
class EntryResult:
    """A registered entry and the honour that answers it, if any: the same award, to the same person or collective
    (their profile, or their name without marks), conferred for the same year by a public decision and not
    revoked."""

    entry: RegistrationEntry
    honour: object = None  # a ProfileHonour or a DecisionRecipient
    # Not achieved, but another title (or form, for a form registered) conferred on the same recipient that year:
    # a unit that registered "Excellent" and was found "Advanced".
    instead: object = None

    @property
    def achieved(self):
        return self.honour is not None


@dataclass
class BoardRow:
    registration: RegistrationPage
    results: list

    @property
    def registered(self):
        return len(self.results)

    @property
    def achieved(self):
        return sum(1 for result in self.results if result.achieved)


@dataclass
class Board:
    year: int = None
    years: list = field(default_factory=list)
    rows: list = field(default_factory=list)
    results_published: bool = False  # whether any honour of the year is on the site yet

    @property
    def other_years(self):
        return [year for year in self.years if year != self.year]

    @property
    def unit_count(self):
        return len(self.rows)

    @property
    def registered(self):
        return sum(row.registered for row in self.rows)

    @property
    def achieved(self):
        return sum(row.achieved for row in self.rows)


def honours_of_year(locale, year):
    """``{key: honour}`` of the honours a visitor may see that were conferred for ``year`` and not revoked, keyed
    by ``(folded name, award's translation key)`` and, for honours on profiles, ``(profile's translation key, award's
    translation key)``. A profile's honour has its own year; a decision's list counts for the decision's year
    honoured, else its year of issue (as in the register and the statistics)."""
    found = {}
    on_profiles = (on_visible_profiles(locale).filter(year=year, revoked_by__isnull=True)
                   .select_related("award", "decision", "profile").defer("profile__story")
                   .order_by("pk"))
    for honour in on_profiles:
        for who in (honour.profile.translation_key, honour.profile.folded_name or fold(honour.profile.title)):
            found.setdefault((who, honour.award.translation_key), honour)
            found.setdefault((who, f"kind:{honour.award.kind}"), honour)
    listed = (on_public_decisions(locale).filter(year=year, revoked_by__isnull=True)
              .select_related("award", "decision").order_by("pk"))
    for recipient in listed:
        who = recipient.folded_name or fold(recipient.name)
        found.setdefault((who, recipient.award.translation_key), recipient)
        found.setdefault((who, f"kind:{recipient.award.kind}"), recipient)
    return found


def entry_result(entry, honours):
    """The entry with the honour that answers it, or else another of the same kind (a title for a title, a form for
    a form) that its recipient received that year."""
    recipients = [entry.folded_recipient]
    if entry.profile_id is not None and entry.profile is not None:
        recipients.insert(0, entry.profile.translation_key)
    exact = entry.award.translation_key
    for award in (exact, f"kind:{entry.award.kind}"):
        for who in recipients:
            honour = honours.get((who, award))
            if honour is not None:
                return EntryResult(entry, honour) if award == exact else EntryResult(entry, instead=honour)
    return EntryResult(entry)


def entry_results(registration, entries, honours):
    """``[EntryResult]`` of ``registration``'s ``entries`` against ``honours`` (``honours_of_year``)."""
    for entry in entries:
        entry.page = registration  # (an entry for the unit itself is named after the registration's unit)
    return [entry_result(entry, honours) for entry in entries]


def board_for(index, year=None, unit=None):
    """The board of ``index`` (a RegistrationIndexPage) for ``year`` (default: the latest year with a published
    registration), optionally one unit's row only."""
    registrations = published(children_of(RegistrationPage.objects.all(), index))
    years = sorted(set(registrations.values_list("year", flat=True)), reverse=True)
    board = Board(year=year or (years[0] if years else None), years=years)
    if board.year is None:
        return board
    chosen = registrations.filter(year=board.year)
    if unit is not None:
        chosen = chosen.filter(unit=unit)
    entries = RegistrationEntry.objects.select_related("award", "profile").defer("profile__story")
    chosen = (chosen.select_related("unit").prefetch_related(Prefetch("entries", queryset=entries))
              .order_by("unit__sort_order", "unit__name", "pk"))
    honours = honours_of_year(index.locale_id, board.year)
    board.results_published = bool(honours)
    for registration in chosen:
        board.rows.append(BoardRow(registration, entry_results(registration, registration.entries.all(), honours)))
    return board
