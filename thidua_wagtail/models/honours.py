"""What an honour is, wherever it is recorded, and the recipients a decision lists without a profile.

An honour is conferred by a commendation decision (quyết định khen thưởng). It is recorded either on the profile of
the person, collective or household (``profiles.ProfileHonour``, edited on the profile page) or, for recipients the
site has no profile for, on the decision's own list (``DecisionRecipient``, edited on the decision or imported from
the department's spreadsheet, see ``recipient_import.py``). Both read the same way (``HonourFacts``): the register,
the decision pages and the open data list them side by side.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from ..text import fold
from .snippets import Award, OfficialDocument


class RecipientKind(models.TextChoices):
    """Who receives an honour (Law on Emulation and Commendation 2022: individuals, collectives, households)."""

    INDIVIDUAL = "individual", _("Individual")
    COLLECTIVE = "collective", _("Collective")
    HOUSEHOLD = "household", _("Household")


def honour_grade_error(award, grade):
    """Why ``grade`` does not fit ``award`` (an order or medal with classes needs one; others take none), or None."""
    if award.has_grades and not grade:
        return _("Choose the class of “%(award)s”.") % {"award": award}
    if grade and not award.has_grades:
        return _("“%(award)s” is not awarded in classes.") % {"award": award}
    return None


def honour_kind_error(award, kind):
    """Why ``award`` may not go to a recipient of ``kind``, or None."""
    if award.can_be_given_to(kind):
        return None
    return _("“%(award)s” is not awarded to %(kind)s.") % {"award": award, "kind": RecipientKind(kind).label.lower()}


def on_public_decisions(locale=None):
    """The recipients without a profile that the public decisions of ``locale`` (None: of every language) list: a
    decision imported from a spreadsheet stays private, and its recipients out of the register, until an editor
    makes it public."""
    listed = DecisionRecipient.objects.filter(decision__is_public=True,
                                              decision__doc_type=OfficialDocument.DocType.DECISION)
    return listed if locale is None else listed.filter(locale=locale)


def award_with_grade(award, grade_label):
    """The award with its class when it has one: what an honour, a decision's recipient or a nominee's proposed
    award shows."""
    if not grade_label:
        return str(award)
    # Translators: an award and its class, e.g. "Labour Order, Third Class" (Vietnamese: "… hạng Ba").
    return _("%(award)s, %(grade)s") % {"award": award, "grade": grade_label}


class HonourFacts:
    """What every honour shows: the award with its class, the decision that conferred it and the one that revoked
    it. Needs ``award``, ``grade``, ``decision``, ``revoked_by`` and, for typed numbers, ``decision_number`` and
    ``decided_by``."""

    decision_number = ""
    decided_by = ""

    @property
    def is_revoked(self):
        return self.revoked_by_id is not None

    @property
    def award_name(self):
        """The award with its class, e.g. "Huân chương Lao động hạng Ba" / "Labour Order, Third Class"."""
        return award_with_grade(self.award, self.get_grade_display() if self.grade else "")

    @property
    def conferred_by_number(self):
        """The decision's number: the linked decision's, else as typed."""
        return self.decision.number if self.decision_id is not None else self.decision_number

    @property
    def conferred_by(self):
        """The deciding authority: the linked decision's issuing body, else as typed."""
        return self.decision.issuing_body if self.decision_id is not None else self.decided_by

    @property
    def conferred_on(self):
        """The date of the linked decision, when the site holds the decision and its date; else None."""
        return self.decision.issue_date if self.decision_id is not None else None

    @property
    def revoked_by_number(self):
        return self.revoked_by.number if self.revoked_by_id is not None else ""


class DecisionRecipient(HonourFacts, TranslatableMixin, Orderable):
    """A recipient listed on a decision who has no profile on the site (yet): the name, and the position and unit
    as they were at the time of the award, with the award and its class. The honour's year is the decision's year
    honoured (``OfficialDocument.honours_year``)."""

    decision = ParentalKey(OfficialDocument, on_delete=models.CASCADE, related_name="listed_recipients")
    kind = models.CharField(_("recipient"), max_length=20, choices=RecipientKind.choices,
                            default=RecipientKind.INDIVIDUAL)
    name = models.CharField(_("name"), max_length=255,
                            help_text=_("Full name of the person, or name of the collective or household."))
    position = models.CharField(_("position"), max_length=255, blank=True)
    unit = models.CharField(_("unit"), max_length=255, blank=True,
                            help_text=_("As on the decision: the unit at the time of the award."))
    award = models.ForeignKey(Award, verbose_name=_("award"), on_delete=models.PROTECT,
                              related_name="listed_recipients")
    grade = models.CharField(_("class"), max_length=10, blank=True, choices=Award.Grade.choices)
    revoked_by = models.ForeignKey(
        OfficialDocument, verbose_name=_("revoked by"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="revoked_listed_recipients", limit_choices_to={"doc_type": "decision"},
        help_text=_("The decision that revoked the honour (Law on Emulation and Commendation, Chapter VII)."),
    )
    folded_name = models.CharField(max_length=255, blank=True, editable=False, db_index=True)
    # The year the honour counts for: the decision's year honoured, else its year of issue (kept by
    # OfficialDocument.save and this row's own save).
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, editable=False, db_index=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("position"), FieldPanel("unit")]),
        FieldRowPanel([FieldPanel("award"), FieldPanel("grade")]),
        FieldPanel("revoked_by"),
    ]

    # Names are translated like a profile's title (a collective's name is; a person's stays as it is).
    override_translatable_fields = [SynchronizedField("kind"), SynchronizedField("grade")]

    profile = None  # read like a profile's honour: this one has no profile page

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("recipient without a profile")
        verbose_name_plural = _("recipients without a profile")

    def __str__(self):
        return f"{self.name}: {self.award_name}"

    @property
    def recipient_name(self):
        return self.name

    @property
    def recipient_position(self):
        return self.position

    @property
    def recipient_kind(self):
        return self.kind

    @property
    def unit_name(self):
        return self.unit

    def clean(self):
        super().clean()
        if self.award_id is None:
            return
        errors = {}
        if message := honour_grade_error(self.award, self.grade):
            errors["grade"] = message
        if message := honour_kind_error(self.award, self.kind):
            errors["award"] = message
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.folded_name = fold(self.name)[:255]
        if self.decision_id is not None:
            self.year = self.decision.honours_year
        super().save(*args, **kwargs)
