"""Shared taxonomy, as translatable snippets: units, awards and official documents.

These are edited under "Snippets" in the admin and linked from campaigns,
exemplary profiles and news.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..text import FoldedSearchMixin


class Unit(index.Indexed, FoldedSearchMixin, TranslatableMixin, models.Model):
    """A division (phòng) or an affiliated unit (đơn vị) of the department."""

    class Kind(models.TextChoices):
        LEADERSHIP = "leadership", _("Leadership")
        OFFICE = "office", _("Office")
        DIVISION = "division", _("Specialised division")
        AFFILIATED = "affiliated", _("Affiliated unit")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(
        _("short name"), max_length=64, blank=True, help_text=_("Abbreviation used in lists, e.g. \"VP\".")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.DIVISION)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)
    # The organisation page (Decree 42/2022/NĐ-CP, Art. 4 and 7): what the unit does, who heads it, how to reach it.
    duties = models.TextField(_("functions and duties"), blank=True,
                              help_text=_("A short paragraph for the organisation page."))
    head_name = models.CharField(_("head"), max_length=128, blank=True, help_text=_("The name of who heads the unit."))
    head_title = models.CharField(_("head's title"), max_length=128, blank=True,
                                  help_text=_("E.g. \"Chánh Văn phòng\", \"Trưởng phòng\"."))
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    email = models.EmailField(_("email"), blank=True)
    # Who files the unit's yearly registration (models/registrations.py): thidua_setup_workflow makes the group.
    editor_group = models.ForeignKey(
        "auth.Group", verbose_name=_("editors' group"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("The group whose members edit for this unit and file its registrations "
                                      "(\"Thi đua – Biên tập: …\", made by thidua_setup_workflow)."))

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("short_name"), FieldPanel("kind")]),
        FieldPanel("parent"),
        FieldPanel("sort_order"),
        MultiFieldPanel([FieldPanel("duties"), FieldRowPanel([FieldPanel("head_title"), FieldPanel("head_name")]),
                         FieldRowPanel([FieldPanel("phone"), FieldPanel("email")])],
                        heading=_("On the organisation page")),
        FieldPanel("editor_group"),
    ]
    # A person's name and the contacts are the same in every language, and so are the unit's editors.
    override_translatable_fields = [SynchronizedField("head_name"), SynchronizedField("phone"),
                                    SynchronizedField("email"), SynchronizedField("editor_group", overridable=False)]

    # The admin's listing and choosers search as you type (autocomplete): the name as written and folded, so "quan
    # ly" finds "Quản lý" (Wagtail's database backends do not fold Vietnamese marks).
    search_fields = [index.SearchField("name"), index.SearchField("short_name"), index.AutocompleteField("name"),
                     index.AutocompleteField("folded_search_text"), index.SearchField("folded_search_text"),
                     index.FilterField("locale")]
    folded_search_fields = ["name", "short_name"]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        ancestor, seen = self.parent, set()
        while ancestor is not None and self.pk is not None:
            if ancestor.pk == self.pk or ancestor.pk in seen:
                raise ValidationError({"parent": _("A unit cannot be its own parent or ancestor.")})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent


class Award(index.Indexed, FoldedSearchMixin, TranslatableMixin, models.Model):
    """An entry of the award catalogue: an emulation title or one of the seven forms of commendation of the Law on
    Emulation and Commendation 2022 (Luật Thi đua, khen thưởng, 06/2022/QH15), with its legal basis and validity.

    ``awards.py`` holds the catalogue and brings a site's entries up to date (``thidua_load_awards``).
    """

    class Kind(models.TextChoices):
        TITLE = "title", _("Emulation title")
        COMMENDATION = "commendation", _("Form of commendation")

    class Category(models.TextChoices):
        EMULATION_TITLE = "emulation_title", _("Emulation title")
        ORDER = "order", _("Order")
        MEDAL = "medal", _("Medal")
        HONORARY_TITLE = "honorary_title", _("State honorary title")
        PRIZE = "prize", _("Ho Chi Minh Prize or State Prize")
        COMMEMORATIVE_MEDAL = "commemorative_medal", _("Commemorative medal")
        CERTIFICATE_OF_MERIT = "certificate_of_merit", _("Certificate of merit")
        CERTIFICATE_OF_COMMENDATION = "certificate_of_commendation", _("Certificate of commendation")

    class Level(models.TextChoices):
        NATIONAL = "national", _("National")
        PROVINCIAL = "provincial", _("Ministry / province")
        GRASSROOTS = "grassroots", _("Grassroots")

    class Grade(models.TextChoices):
        """The class (hạng) of an order or a medal that has classes."""

        FIRST = "first", _("First Class")
        SECOND = "second", _("Second Class")
        THIRD = "third", _("Third Class")

    name = models.CharField(_("name"), max_length=255, help_text=_("The legal name, as the law writes it."))
    code = models.SlugField(
        _("code"),
        max_length=80,
        help_text=_("A stable identifier, the same in every language, e.g. \"chien-si-thi-dua-co-so\"."),
    )
    category = models.CharField(_("form"), max_length=32, choices=Category.choices,
                                default=Category.EMULATION_TITLE)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, editable=False)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    has_grades = models.BooleanField(_("has classes"), default=False,
                                     help_text=_("Awarded in a First, Second or Third Class (hạng Nhất, Nhì, Ba)."))
    for_individuals = models.BooleanField(_("individuals"), default=True)
    for_collectives = models.BooleanField(_("collectives"), default=True)
    for_households = models.BooleanField(_("households"), default=False)
    local_names = models.TextField(
        _("local names"), blank=True,
        help_text=_("Other names the department uses for this award, one per line, e.g. \"Chiến sĩ thi đua cấp "
                    "tỉnh\". They are searched and shown beside the legal name."),
    )
    form_of = models.ForeignKey(
        "self", verbose_name=_("a form of"), null=True, blank=True, on_delete=models.SET_NULL, related_name="forms",
        help_text=_("The legal entry this award is a local form of, e.g. the certificate of merit of a ministry, "
                    "branch or province for \"Bằng khen của Chủ tịch UBND tỉnh\"."),
    )
    legal_basis = models.CharField(_("legal basis"), max_length=255, blank=True,
                                   help_text=_("E.g. \"Luật Thi đua, khen thưởng 2022, Điều 33\"."))
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True,
                                help_text=_("The last day the award could be conferred, if it was renamed or "
                                            "retired. Honours already conferred keep it."))
    replaced_by = models.ForeignKey(
        "self", verbose_name=_("replaced by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="replaces",
    )
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)
    # What the catalogue last wrote into each field, so that thidua_load_awards never overwrites an editor's change.
    catalogue_values = models.JSONField(default=dict, blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("level"), FieldPanel("has_grades")]),
        MultiFieldPanel([FieldRowPanel([FieldPanel("for_individuals"), FieldPanel("for_collectives"),
                                        FieldPanel("for_households")])], heading=_("Awarded to")),
        FieldPanel("local_names"),
        FieldPanel("form_of"),
        FieldPanel("legal_basis"),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to"), FieldPanel("replaced_by")]),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    search_fields = [index.SearchField("name"), index.SearchField("local_names"), index.SearchField("code"),
                     index.AutocompleteField("name"), index.AutocompleteField("folded_search_text"),
                     index.SearchField("folded_search_text"), index.FilterField("locale")]
    folded_search_fields = ["name", "local_names", "code"]

    # The code and the facts of the law are the same in every language; the name, legal basis and description are
    # translated (local names are Vietnamese usage and stay as they are).
    override_translatable_fields = [
        SynchronizedField("code"), SynchronizedField("category"), SynchronizedField("level"),
        SynchronizedField("has_grades"), SynchronizedField("for_individuals"), SynchronizedField("for_collectives"),
        SynchronizedField("for_households"), SynchronizedField("local_names"), SynchronizedField("valid_from"),
        SynchronizedField("valid_to"), SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="thidua_award_code_locale_unique"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.kind = self.Kind.TITLE if self.category == self.Category.EMULATION_TITLE else self.Kind.COMMENDATION
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not (self.for_individuals or self.for_collectives or self.for_households):
            raise ValidationError(_("Say who may receive this award: individuals, collectives or households."))
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("The award cannot end before it starts.")})
        for field in ("form_of", "replaced_by"):
            if getattr(self, f"{field}_id") is not None and getattr(self, f"{field}_id") == self.pk:
                raise ValidationError({field: _("An award cannot point to itself.")})

    @property
    def local_name_list(self):
        return [line.strip() for line in self.local_names.splitlines() if line.strip()]

    @property
    def recipients(self):
        """Who may receive it, as the profile kinds: individual, collective, household."""
        return [kind for kind, allowed in (("individual", self.for_individuals), ("collective", self.for_collectives),
                                           ("household", self.for_households)) if allowed]

    def can_be_given_to(self, profile_kind):
        return profile_kind in self.recipients

    def is_valid_on(self, day):
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


class OfficialDocument(index.Indexed, FoldedSearchMixin, TranslatableMixin, ClusterableModel):
    """An official document (văn bản): plan, decision, official letter …"""

    class DocType(models.TextChoices):
        PLAN = "plan", _("Plan")
        DECISION = "decision", _("Decision")
        DIRECTIVE = "directive", _("Directive")
        OFFICIAL_LETTER = "official_letter", _("Official letter")
        GUIDANCE = "guidance", _("Guidance")
        REPORT = "report", _("Report")
        NOTICE = "notice", _("Notice")
        OTHER = "other", _("Other")

    number = models.CharField(
        _("number and symbol"), max_length=64, help_text=_("As printed on the document, e.g. \"60/KH-KHCN\".")
    )
    doc_type = models.CharField(_("type"), max_length=20, choices=DocType.choices, default=DocType.PLAN)
    title = models.CharField(pgettext_lazy("official document", "title"), max_length=500, help_text=_("The document's summary line (trích yếu)."))
    # Required in the admin; empty only on a decision made from a typed number when upgrading from 0.1 (migration
    # 0007), until an editor completes it.
    issue_date = models.DateField(_("issue date"), null=True, blank=False)
    # Decree 42/2022/NĐ-CP, Art. 4: a published document states when it takes effect.
    effective_date = models.DateField(
        _("date of effect"), null=True, blank=True,
        help_text=_("When the document takes effect (often the issue date: \"có hiệu lực kể từ ngày ký\"). Public "
                    "documents without it are listed by the compliance report."))
    # A decision of January 2026 that confers the titles of 2025 honours 2025: its honours count for that year (the
    # register, the statistics, the registration board).
    year_honoured = models.PositiveSmallIntegerField(
        _("year honoured"), null=True, blank=True, validators=[MinValueValidator(1945), MaxValueValidator(2100)],
        help_text=_("For a commendation decision: the year whose achievements it honours, when it is not the year "
                    "of issue (e.g. 2025 for a decision of January 2026 conferring the titles of 2025)."))
    place = models.CharField(_("place of issue"), max_length=128, blank=True)
    area = models.CharField(
        pgettext_lazy("subject area", "field"), max_length=128, blank=True,
        help_text=_("The field the document belongs to (lĩnh vực), e.g. \"Thi đua, khen thưởng\": the document "
                    "registry filters by it."))
    issuing_body = models.CharField(_("issuing body"), max_length=255)
    signer_name = models.CharField(_("signer"), max_length=128, blank=True)
    signer_title = models.TextField(
        _("signer's title"),
        blank=True,
        help_text=_("One line per line of the signature block, e.g. \"KT. GIÁM ĐỐC\" then \"PHÓ GIÁM ĐỐC\"."),
    )
    summary = models.TextField(_("summary"), blank=True)
    recipients = models.TextField(_("recipients"), blank=True, help_text=_("One recipient per line (Nơi nhận)."))
    is_public = models.BooleanField(
        _("public"),
        default=True,
        help_text=_("Shown to visitors (search, campaign pages). A plan imported in the admin stays private, with "
                    "its file, until its campaign is published."),
    )
    file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # When the document last changed (the open data's "modified" reads it for decisions).
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("doc_type")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("issue_date"), FieldPanel("effective_date"), FieldPanel("place")]),
        FieldPanel("year_honoured"),
        FieldRowPanel([FieldPanel("issuing_body"), FieldPanel("area")]),
        MultiFieldPanel([FieldPanel("signer_title"), FieldPanel("signer_name")], heading=_("Signature")),
        FieldPanel("summary"),
        FieldPanel("recipients"),
        FieldPanel("file"),
        FieldPanel("is_public"),
        InlinePanel("implements_links", heading=_("Documents it implements or is issued under"),
                    label=pgettext_lazy("official document", "Document")),
        InlinePanel("listed_recipients", heading=_("Recipients without a profile"), label=_("Recipient"),
                    help_text=_("For a commendation decision: the people, collectives and households it honours who "
                                "have no profile on the site. Honours of profiles are recorded on the profile, with "
                                "this decision. A list can be imported from a spreadsheet (Emulation → Import a "
                                "decision's recipients).")),
    ]

    search_fields = [
        index.SearchField("number"),
        index.SearchField("title"),
        index.SearchField("summary"),
        index.AutocompleteField("number"),
        index.AutocompleteField("title"),
        index.SearchField("issuing_body"),
        index.SearchField("folded_search_text"),
        index.AutocompleteField("folded_search_text"),
        index.AutocompleteField("search_marker"),
        index.FilterField("locale"),
        index.FilterField("doc_type"),
        index.FilterField("is_public"),
        index.FilterField("id"),  # the search narrowed to the GIN index's candidates first (search.search_documents)
    ]
    folded_search_fields = ["number", "title", "issuing_body", "summary", "signer_name", "area"]
    # A word only documents' index entries hold (in their autocomplete text, which searches do not match): SQLite's
    # full-text search finds the documents matching a query among the documents' entries alone, where matching the
    # query first read every matching entry of every type (search.SQLiteRankedDocuments). Migration 0023 adds it
    # to the entries indexed before it.
    SEARCH_MARKER = "thiduavanbanmarker"

    def search_marker(self):
        return self.SEARCH_MARKER

    # Numbers, dates and the signer's name are the same in every language; titles and texts are translated.
    override_translatable_fields = [SynchronizedField("number"), SynchronizedField("signer_name"),
                                    SynchronizedField("effective_date", overridable=False),
                                    SynchronizedField("year_honoured", overridable=False),
                                    SynchronizedField("is_public", overridable=False)]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("official document")
        verbose_name_plural = _("official documents")
        ordering = ["-issue_date", "number"]

    def __str__(self):
        return f"{self.number} — {self.title}" if self.title else self.number

    @property
    def honours_year(self):
        """The year the honours it confers count for: the year honoured, else the year of issue."""
        # (to_python: a date given as text, e.g. to objects.create(), is read as the database will store it)
        issued = self._meta.get_field("issue_date").to_python(self.issue_date)
        return self.year_honoured or (issued.year if issued else None)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Its list of recipients keeps the year their honours count for (a column: filters and counts use it).
        self.listed_recipients.model.objects.filter(decision=self).exclude(year=self.honours_year).update(
            year=self.honours_year)

    @property
    def signer_title_lines(self):
        return [line.strip() for line in self.signer_title.splitlines() if line.strip()]

    @property
    def recipient_lines(self):
        return [line.strip(" -;.") for line in self.recipients.splitlines() if line.strip(" -;.")]


class DocumentImplements(Orderable):
    """The documents a document refers to in its preamble: those it implements ("Thực hiện …") and those it is
    issued under ("Căn cứ …": laws, decrees, decisions)."""

    class Relation(models.TextChoices):
        IMPLEMENTS = "implements", _("Implements (Thực hiện)")
        BASIS = "basis", _("Issued under (Căn cứ)")

    document = ParentalKey(OfficialDocument, on_delete=models.CASCADE, related_name="implements_links")
    implemented = models.ForeignKey(
        OfficialDocument,
        verbose_name=pgettext_lazy("official document", "document"),
        on_delete=models.CASCADE,
        related_name="implemented_by_links",
    )
    relation = models.CharField(_("relation"), max_length=16, choices=Relation.choices, default=Relation.IMPLEMENTS)

    panels = [FieldRowPanel([FieldPanel("implemented"), FieldPanel("relation")])]

    class Meta(Orderable.Meta):
        verbose_name = _("implemented document")
        verbose_name_plural = _("implemented documents")

    def clean(self):
        super().clean()
        if self.document_id and self.implemented_id == self.document_id:
            raise ValidationError({"implemented": _("A document cannot implement itself.")})
