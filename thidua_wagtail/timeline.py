"""A campaign's year in order (its timeline) and the results its reviews report.

The timeline puts on one line, by date, what the site holds of a campaign: its start and end, the documents linked
to it (the plan that launches it, the decisions that confer its honours), the units' registrations in it (one event
per year, linked to that year's board), its reviews (sơ kết, tổng kết) and the consultations on nominees it led to,
each linked. A review's results are computed from the data, never typed: the honours conferred, by the review's
date, by the public decisions linked to the campaign, counted by unit and award (revoked honours left out), from the
honours on profiles and the decisions' lists of recipients alike.
"""

from collections import Counter
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from .models import ConsultationPage, OfficialDocument, RegistrationPage
from .models.honours import on_public_decisions
from .models.profiles import on_visible_profiles
from .querysets import published


@dataclass
class Event:
    date: object
    kind: str  # start, end, document, decision, registration, review, consultation
    label: str
    title: str
    url: str = ""


@dataclass
class ResultRow:
    unit: str
    award: str
    count: int


def campaign_decisions(campaign, until=None):
    """The public commendation decisions linked to ``campaign`` (issued by ``until`` when given)."""
    decisions = OfficialDocument.objects.filter(
        pk__in=campaign.document_links.values("document_id"), doc_type=OfficialDocument.DocType.DECISION,
        is_public=True, locale=campaign.locale_id)
    return decisions.filter(issue_date__lte=until) if until else decisions


def campaign_results(campaign, until=None):
    """``[ResultRow]``: the honours the campaign's decisions conferred (by ``until``), by unit and award, most first."""
    decisions = campaign_decisions(campaign, until)
    counts = Counter()
    on_profiles = (on_visible_profiles(campaign.locale_id).filter(decision__in=decisions, revoked_by__isnull=True)
                   .select_related("award", "profile__unit"))
    for honour in on_profiles:
        unit = honour.unit or (honour.profile.unit.name if honour.profile.unit_id else "")
        counts[unit, honour.award_name] += 1
    listed = (on_public_decisions(campaign.locale_id).filter(decision__in=decisions, revoked_by__isnull=True)
              .select_related("award"))
    for recipient in listed:
        counts[recipient.unit, recipient.award_name] += 1
    rows = [ResultRow(str(unit), str(award), count) for (unit, award), count in counts.items()]
    return sorted(rows, key=lambda row: (-row.count, row.unit, row.award))


def campaign_timeline(campaign, request=None):
    """``[Event]`` of ``campaign``, oldest first."""
    events = [Event(campaign.start_date, "start", _("Launched"), campaign.title)]
    if campaign.end_date:
        events.append(Event(campaign.end_date, "end", _("Ends"), campaign.title))
    for link in campaign.document_links.select_related("document"):
        document = link.document
        if not document.is_public or not document.issue_date:
            continue
        if document.doc_type == OfficialDocument.DocType.DECISION:
            events.append(Event(document.issue_date, "decision", _("Commendation decision"), str(document),
                                reverse("thidua_wagtail:decision", args=[document.pk])))
        else:
            events.append(Event(document.issue_date, "document", document.get_doc_type_display(), str(document),
                                reverse("thidua_wagtail:document", args=[document.pk])))
    for review in campaign.reviews.all():
        events.append(Event(review.held_on, "review", review.get_kind_display(), review.heading,
                            f"#review-{review.pk}"))
    consultations = published(ConsultationPage.objects.filter(locale=campaign.locale_id, campaign__translation_key=
                                                              campaign.translation_key))
    for consultation in consultations:
        events.append(Event(consultation.opens_on, "consultation", pgettext_lazy("page type", "Public consultation"),
                            consultation.title, consultation.get_url(request)))
    registrations = published(RegistrationPage.objects.filter(
        locale=campaign.locale_id, campaign__translation_key=campaign.translation_key))
    by_year = {}
    for registration in registrations.order_by("registered_on"):
        by_year.setdefault(registration.year, []).append(registration)
    for year, filed in by_year.items():
        board = filed[0].get_parent()
        url = f"{board.get_url(request)}?year={year}" if board is not None else ""
        title = ngettext("%(count)s unit registered for %(year)s", "%(count)s units registered for %(year)s",
                         len(filed)) % {"count": len(filed), "year": year}
        events.append(Event(filed[0].registered_on, "registration", _("Registrations"), title, url))
    order = {"start": 0, "document": 1, "registration": 2, "review": 3, "consultation": 4, "decision": 5, "end": 6}
    return sorted(events, key=lambda event: (event.date, order[event.kind]))
