"""Exemplary profiles (điển hình tiên tiến): individuals and collectives, with their honours."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy, pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..blocks import BodyBlock
from ..filters import FilterSelect, ListingFilterForm, choice_field, year_field
from ..links import same_object
from ..pagetypes import Card, Related, Section
from ..querysets import published
from ..text import fold
from .base import DetailPage, FilteredIndexPage
from .campaigns import CampaignPage
from .honours import HonourFacts, RecipientKind, honour_grade_error, honour_kind_error
from .serializers import AwardSerializer, DecisionSerializer, PageLinkSerializer, UnitSerializer
from .snippets import Award, Unit

YEAR_VALIDATORS = [MinValueValidator(1945), MaxValueValidator(2100)]


class ProfileFilterForm(ListingFilterForm):
    kind = forms.ChoiceField(label=_("Recipient"), widget=FilterSelect)
    offers = ("thidua_wagtail.CampaignPage", "thidua_wagtail.ExemplaryProfilePage")  # campaigns, awards held

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All recipients")), *ExemplaryProfilePage.Kind.choices]
        self.fields["unit"] = choice_field(_("Unit"), Unit.objects.all(), _("All units"), self.locale)
        self.fields["award"] = choice_field(_("Award"), awards_held(revoked=False), _("All awards"), self.locale)
        self.fields["campaign"] = CampaignPage.choice_field(self.locale)
        self.fields["year"] = year_field(_("Year recognised"))

    def filter_year(self, queryset, value):
        return queryset.filter(year_recognised=value)

    def filter_kind(self, queryset, value):
        return queryset.filter(kind=value)

    def filter_unit(self, queryset, unit):
        return queryset.filter(same_object("unit", unit))

    def filter_award(self, queryset, award):
        honoured = ProfileHonour.objects.filter(same_object("award", award))
        return queryset.filter(pk__in=honoured.values("profile_id"))

    def filter_campaign(self, queryset, campaign):
        linked = ProfileCampaign.objects.filter(same_object("campaign", campaign))
        return queryset.filter(pk__in=linked.values("profile_id"))


class ProfileIndexPage(FilteredIndexPage):
    """Lists exemplary profiles, filterable by kind, unit, award and campaign."""

    filter_form_class = ProfileFilterForm
    listing_model = "thidua_wagtail.ExemplaryProfilePage"
    results_text = ngettext_lazy("%(counter)s exemplary profile", "%(counter)s exemplary profiles", "counter")
    empty_text = _("No exemplary profile matches these filters.")
    listing_class = "td-grid td-grid--profiles"
    shows_all_of = ("thidua_wagtail.CampaignPage",)  # the campaign filter offers every campaign
    section = Section("profiles", pgettext_lazy("section title", "Exemplary profiles"), order=20,
                      unit_editors=True)

    subpage_types = ["thidua_wagtail.ExemplaryProfilePage"]

    class Meta:
        verbose_name = _("exemplary profile index")
        verbose_name_plural = _("exemplary profile indexes")


def on_visible_profiles(locale):
    """The honours, revoked ones too, of the profiles of ``locale`` a visitor may see (live, public): what the
    register and the statistics start from."""
    return ProfileHonour.objects.filter(
        profile__in=published(ExemplaryProfilePage.objects.filter(locale=locale)).values("pk"))


def awards_held(*, revoked):
    """The awards that honours of live profiles hold (``revoked``: counting revoked honours too), for filters: the
    catalogue has every award of the law, most of which a department never confers."""
    # EXISTS per award (an index probe on the honours' award, stopping at the first) rather than the awards of every
    # honour: the cost follows the catalogue's size, not the number of honours.
    honours = ProfileHonour.objects.filter(award=models.OuterRef("pk"), profile__live=True)
    if not revoked:
        honours = honours.filter(revoked_by__isnull=True)
    return Award.objects.filter(models.Exists(honours))


class ExemplaryProfileForm(WagtailAdminPageForm):
    """Checks that each honour may be given to this kind of recipient."""

    def clean(self):
        cleaned_data = super().clean()
        kind = cleaned_data.get("kind")
        formset = self.formsets.get("honours")
        # Formsets are cleaned after the form: clean the honours now to read them.
        if kind and formset is not None and formset.is_valid():
            for form in formset.forms:
                award = form.cleaned_data.get("award")
                if not award or form.cleaned_data.get("DELETE"):
                    continue
                grade_error = honour_grade_error(award, form.cleaned_data.get("grade"))
                if grade_error:
                    form.add_error("grade", grade_error)
                if kind_error := honour_kind_error(award, kind):
                    form.add_error("award", kind_error)
                    self.add_error(None, _("Some honours do not fit this kind of recipient."))
        return cleaned_data


def honour_credential(honour):
    """schema.org's view of an honour: a credential, of its form, recognised by the deciding authority, dated by
    its decision."""
    credential = {"@type": "EducationalOccupationalCredential", "name": honour.award_name,
                  "credentialCategory": honour.award.get_category_display()}
    if honour.conferred_by:
        credential["recognizedBy"] = {"@type": "Organization", "name": honour.conferred_by}
    credential["dateCreated"] = honour.conferred_on.isoformat() if honour.conferred_on else str(honour.year)
    if honour.conferred_by_number:
        credential["identifier"] = honour.conferred_by_number
    return credential


class ExemplaryProfilePage(DetailPage):
    """An exemplary individual or collective, with their achievements and honours.

    The page title is the person's or the collective's name.
    """

    Kind = RecipientKind

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.INDIVIDUAL)
    photo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("photo"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    position = models.CharField(
        _("position"), max_length=255, blank=True, help_text=_("Job title of an individual, e.g. \"Chuyên viên\".")
    )
    unit = models.ForeignKey(
        "thidua_wagtail.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    year_recognised = models.PositiveSmallIntegerField(_("year recognised"), validators=YEAR_VALIDATORS)
    achievements = models.TextField(
        _("achievements"), help_text=_("A short summary of the achievements, shown in lists.")
    )
    story = StreamField(BodyBlock(), verbose_name=_("story"), blank=True)
    # The name without marks or capitals ("nguyen thi ha"), for the public register of honours (register.py): the
    # same lookup on SQLite and PostgreSQL, neither of which folds Vietnamese marks.
    folded_name = models.CharField(max_length=255, blank=True, editable=False, db_index=True)

    base_form_class = ExemplaryProfileForm

    card = Card(key="profile", template="thidua_wagtail/includes/profile_card.html", label=_("Exemplary profile"),
                ordering=("-year_recognised", "folded_name", "title"), text="achievements", date="year_recognised",
                image="photo", rendition="fill-240x300", select_related=("unit",))
    related = {
        "campaigns": Related("thidua_wagtail.CampaignPage", rows="campaign_links", field="campaign",
                             ordering=("-start_date",)),
        "latest_news": Related("thidua_wagtail.NewsPage", through="thidua_wagtail.NewsRelatedProfile",
                               field="profile", owner="page", limit="RELATED_NEWS_COUNT"),
    }

    content_panels = [
        FieldPanel("title", heading=_("Name"), help_text=_("Full name of the person or name of the collective.")),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("year_recognised")]),
        FieldRowPanel([FieldPanel("position"), FieldPanel("unit")]),
        FieldPanel("photo"),
        FieldPanel("achievements"),
        FieldPanel("story"),
        InlinePanel("honours", heading=_("Honours"), label=_("Honour")),
        MultiFieldPanel([InlinePanel("campaign_links", label=_("Campaign"))], heading=_("Campaigns")),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("achievements"),
        index.SearchField("position"),
        index.SearchField("story"),
        index.SearchField("folded_search_text"),
        index.AutocompleteField("folded_search_text"),  # the admin's search as you type, without marks
        index.FilterField("kind"),
        index.FilterField("year_recognised"),
        index.FilterField("unit"),
    ]

    folded_search_fields = ["title", "position", "achievements", "story"]

    api_fields = [
        APIField("kind"),
        APIField("photo", serializer=ImageRenditionField("fill-400x500")),
        APIField("position"),
        APIField("unit", serializer=UnitSerializer(read_only=True)),
        APIField("year_recognised"),
        APIField("achievements"),
        APIField("story"),
        APIField("honours"),
        APIField("campaigns", serializer=PageLinkSerializer(source="related_pages.campaigns", many=True,
                                                            read_only=True)),
    ]

    parent_page_types = ["thidua_wagtail.ProfileIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("exemplary profile")
        verbose_name_plural = _("exemplary profiles")
        # The list's order (the year, then the name without marks or capitals, as a reader looks a name up: "Đặng"
        # among the D's) is this index's: a list page reads its twelve keys from it and stops there
        # (``querysets.SectionPaginator``), instead of sorting the section's profiles (which grew with them).
        indexes = [models.Index(fields=["-year_recognised", "folded_name"], name="thidua_profile_order_idx")]

    def save(self, *args, **kwargs):
        self.folded_name = fold(self.title)[:255]
        if kwargs.get("update_fields") is not None and "title" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "folded_name"}
        super().save(*args, **kwargs)

    @property
    def is_individual(self):
        return self.kind == self.Kind.INDIVIDUAL

    @property
    def og_type(self):
        return "profile" if self.is_individual else "website"

    @cached_property
    def honours_listed(self):
        """The honours, newest first, with their award, decision (and its file) and revocation: what the page
        lists and its structured data names, read once per page rendered."""
        return list(self.honours.select_related("award", "decision__file", "revoked_by")
                    .order_by("-year", "sort_order", "pk"))

    def structured_data(self, request, base, publisher):
        honours = sorted((h for h in self.honours_listed if h.revoked_by_id is None), key=lambda h: h.year)
        awards = [f"{h.award_name} ({h.year})" for h in honours]
        credentials = [honour_credential(h) for h in honours]
        if not self.is_individual:
            return {**base, "@type": "Organization", "name": self.title, "description": self.achievements,
                    "award": awards, "hasCredential": credentials, "parentOrganization": publisher}
        data = {**base, "@type": "Person", "name": self.title, "description": self.achievements, "award": awards,
                "hasCredential": credentials}
        if self.position:
            data["jobTitle"] = self.position
        if self.unit:
            data["worksFor"] = {"@type": "Organization", "name": self.unit.name, "parentOrganization": publisher}
        else:
            data["worksFor"] = publisher
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["honours"] = SimpleLazyObject(lambda: self.honours_listed)  # not read when the page's fragment is cached
        return context


class ProfileHonour(HonourFacts, TranslatableMixin, Orderable):
    """One honour received: an award, the year, and the decision that conferred it."""

    profile = ParentalKey(ExemplaryProfilePage, on_delete=models.CASCADE, related_name="honours")
    award = models.ForeignKey(
        "thidua_wagtail.Award", verbose_name=_("award"), on_delete=models.PROTECT, related_name="honours"
    )
    grade = models.CharField(_("class"), max_length=10, blank=True, choices=Award.Grade.choices,
                             help_text=_("For an order or a medal awarded in classes."))
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    decision = models.ForeignKey(
        "thidua_wagtail.OfficialDocument", verbose_name=_("decision"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="conferred_honours",
        limit_choices_to={"doc_type": "decision"},
        help_text=_("The commendation decision (quyết định khen thưởng) that conferred the honour: its number, date, "
                    "deciding authority and file are shown with it."),
    )
    decision_number = models.CharField(
        _("decision number"), max_length=64, blank=True,
        help_text=_("Only when the decision is not among the site's documents, e.g. \"1234/QĐ-UBND\"."),
    )
    decided_by = models.CharField(
        _("decided by"), max_length=255, blank=True,
        help_text=_("Only when the decision is not among the site's documents, e.g. \"Chủ tịch UBND tỉnh Thái "
                    "Nguyên\"."),
    )
    unit = models.CharField(
        _("unit at the time"), max_length=255, blank=True,
        help_text=_("The unit as on the decision. Left empty, the profile's unit is filled in when it is published."),
    )
    revoked_by = models.ForeignKey(
        "thidua_wagtail.OfficialDocument", verbose_name=_("revoked by"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="revoked_honours", limit_choices_to={"doc_type": "decision"},
        help_text=_("The decision that revoked the honour (Law on Emulation and Commendation, Chapter VII). A revoked "
                    "honour stays on the profile, marked as revoked, and leaves the counts and statistics."),
    )

    panels = [
        FieldRowPanel([FieldPanel("award"), FieldPanel("grade"), FieldPanel("year")]),
        FieldRowPanel([FieldPanel("decision"), FieldPanel("unit")]),
        FieldRowPanel([FieldPanel("decision_number"), FieldPanel("decided_by")]),
        FieldPanel("revoked_by"),
    ]

    override_translatable_fields = [SynchronizedField("year"), SynchronizedField("grade"),
                                    SynchronizedField("decision_number")]
    api_fields = [APIField("award", serializer=AwardSerializer(read_only=True)), APIField("grade"), APIField("year"),
                  APIField("decision", serializer=DecisionSerializer(read_only=True)),
                  APIField("decision_number"), APIField("decided_by"), APIField("unit"),
                  APIField("revoked_by", serializer=DecisionSerializer(read_only=True))]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("honour")
        verbose_name_plural = _("honours")

    def __str__(self):
        return f"{self.award_name} ({self.year})"

    @property
    def recipient_name(self):
        return self.profile.title

    @property
    def recipient_position(self):
        return self.profile.position

    @property
    def recipient_kind(self):
        return self.profile.kind

    @property
    def unit_name(self):
        """The unit as on the decision; for an honour saved before 0.2, the profile's unit."""
        if self.unit:
            return self.unit
        return self.profile.unit.name if self.profile.unit_id else ""

    def save(self, *args, **kwargs):
        if not self.unit and self.profile.unit_id:
            self.unit = self.profile.unit.name[:255]
        super().save(*args, **kwargs)


class ProfileCampaign(Orderable):
    """A campaign in which the profile was recognised."""

    profile = ParentalKey(ExemplaryProfilePage, on_delete=models.CASCADE, related_name="campaign_links")
    campaign = models.ForeignKey(
        "thidua_wagtail.CampaignPage", verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("campaign")]

    class Meta(Orderable.Meta):
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def clean(self):
        super().clean()
        if self.campaign_id is None:
            raise ValidationError({"campaign": _("Choose a campaign.")})
