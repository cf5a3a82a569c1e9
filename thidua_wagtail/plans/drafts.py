"""Make an OfficialDocument and a draft CampaignPage (with draft sub-campaigns) from a ParsedPlan.

Everything is created inside one transaction: a failure leaves no half-made page, document or file. The
original file is written last, just before the transaction commits, so a worker killed during the import leaves
no orphan file in media either (a failure after the write removes it).
Pages are created unpublished, with a first revision, for an editor to review and publish.

Until its campaign is published, an imported plan is not public: its documents are private
(``OfficialDocument.is_public``: not in the site's search nor on pages) and its file is in the private
collection ``PRIVATE_COLLECTION`` (Wagtail serves it only to signed-in users). ``publish_plan_documents``, run
when a campaign is published, makes the documents it links to public and moves their files to the root
collection.
"""

from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from ..models import (
    CampaignDocument,
    CampaignPage,
    CampaignResponsibility,
    DocumentImplements,
    OfficialDocument,
    OrganisationSettings,
    Unit,
)
from ..models.base import unique_child_slug
from ..text import fold
from .parser import SECTION_RE, lines_to_richtext, parse_plan, plain
from .reader import read_plan_file
from .tables import table_rows

PRIVATE_COLLECTION = "Kế hoạch chưa công bố"  # (data, named in the site's default language)


class PlanImportError(ValueError):
    """The plan cannot be imported as it is; the message is meant for the editor."""


@dataclass
class ImportResult:
    campaign: CampaignPage
    document: OfficialDocument
    sub_campaigns: list = field(default_factory=list)
    implemented: list = field(default_factory=list)
    unplaced: list = field(default_factory=list)
    notes: list = field(default_factory=list)


def existing_document(number, locale):
    return OfficialDocument.objects.filter(number__iexact=number, locale=locale).first() if number else None


def check_importable(plan, locale):
    """Raise PlanImportError when ``plan`` is not a plan, or is already a document in ``locale``."""
    if not plan.is_plan_like:
        raise PlanImportError(
            _("This does not look like a plan: a plan has a number (\"Số: 60/KH-KHCN\") or a date "
              "(\"…, ngày 26 tháng 8 năm 2019\"), a title and numbered sections (\"I. MỤC ĐÍCH, YÊU CẦU\").")
        )
    if (duplicate := existing_document(plan.number, locale)) is not None:
        raise PlanImportError(
            _("A document numbered %(number)s already exists (\"%(title)s\"); it was not imported again.")
            % {"number": duplicate.number, "title": duplicate.title}
        )


def default_issuing_body(parent):
    """The organisation's name in the settings of the site ``parent`` (a campaign list) belongs to."""
    site = parent.get_site()
    return OrganisationSettings.for_site(site).organisation_name if site is not None else ""


def import_plan_file(name, data, *, parent, issuing_body="", user=None, create_movements=True):
    """The one way into plan import, for the admin form and the command: read ``data`` (the bytes of the file
    ``name``; pasted text is a .txt), recognise the plan, check it and make the drafts under ``parent``.

    Returns ``(ImportResult, ParsedPlan)``. Raises ``PlanReadError`` (the file cannot be read) or
    ``PlanImportError`` (it is not a plan, or is already imported), whose messages are meant for the editor.
    """
    plan = parse_plan(read_plan_file(name, data))
    result = import_plan(plan, parent=parent, file_name=name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1], data=data,
                         issuing_body=issuing_body or default_issuing_body(parent), user=user,
                         create_movements=create_movements)
    return result, plan


def import_plan(plan, *, parent, file_name, data, issuing_body, user=None, create_movements=True):
    """Create the document and the draft campaign(s) under ``parent`` (a CampaignIndexPage)."""
    locale = parent.locale
    check_importable(plan, locale)
    notes = []
    issue_date = plan.issue_date
    if issue_date is None:
        issue_date = timezone.localdate()
        notes.append(_("No date of issue was found: today's date was used; correct it in the document."))
    # The document keeps its letterhead as written ("UBND TỈNH THÁI NGUYÊN / SỞ KHOA HỌC VÀ CÔNG NGHỆ");
    # the campaign is "launched by" the editor's wording of it.
    letterhead = " / ".join(plan.letterhead)
    issuing_body = issuing_body or (plan.letterhead[-1].capitalize() if plan.letterhead else _("(issuing body)"))
    summary = " ".join(plain(line) for line in plan.preamble)
    if plan.movements_left_out and create_movements:
        notes.append(_("The plan quotes %(count)s more names; only the first %(made)s became draft sub-campaigns.")
                     % {"count": plan.movements_left_out, "made": len(plan.movements)})

    with transaction.atomic():
        file = get_document_model()(title=plan.number or plan.title[:255], uploaded_by_user=user,
                                    collection=private_collection())
        document = OfficialDocument.objects.create(
            locale=locale,
            number=plan.number or _("(no number)"),
            doc_type=plan.doc_type or OfficialDocument.DocType.PLAN,
            title=plan.title[:500],
            issue_date=issue_date,
            place=plan.place[:128],
            issuing_body=(letterhead or issuing_body)[:255],
            signer_name=plan.signer_name[:128],
            signer_title="\n".join(plan.signer_title),
            summary=summary,
            recipients="\n".join(plan.recipients),
            is_public=False,
        )
        implemented = _link_implemented(plan, document, locale, issuing_body, notes)
        campaign = _draft_campaign(plan, parent, document, issue_date, issuing_body, summary, user)
        subs = []
        if create_movements:
            for name in plan.movements:
                subs.append(_draft_movement(name, parent, campaign, issue_date, issuing_body, plan, user))
        # Last: the only step that leaves something outside the database.
        file.file.save(file_name, ContentFile(data), save=False)
        try:
            file.save()
            document.file = file
            document.save(update_fields=["file"])
        except BaseException:
            file.file.delete(save=False)
            raise
    return ImportResult(campaign, document, subs, implemented, list(plan.unplaced), notes)


def _link_implemented(plan, document, locale, issuing_body, notes):
    """The documents the plan implements ("Thực hiện …") and those it is issued under ("Căn cứ …"): found in the
    registry by number, else recorded (private until the plan's campaign is published) when their date is known."""
    linked = []
    references = [(item, DocumentImplements.Relation.IMPLEMENTS) for item in plan.implements]
    references += [(item, DocumentImplements.Relation.BASIS) for item in plan.based_on]
    for item, relation in references:
        target = existing_document(item.number, locale)
        if target is None:
            if item.issue_date is None:
                notes.append(_("The plan refers to %(number)s without its date: link it by hand.")
                             % {"number": item.number})
                continue
            target = OfficialDocument.objects.create(
                is_public=False,  # public with the plan's campaign
                locale=locale,
                number=item.number,
                doc_type=item.doc_type,
                title=item.text[:500],
                issue_date=item.issue_date,
                issuing_body=(item.issuing_body or issuing_body)[:255],
            )
        DocumentImplements.objects.create(document=document, implemented=target, relation=relation)
        linked.append(target)
    return linked


def _match_unit(text, units):
    folded = fold(text)
    found = [unit for unit in units if fold(unit.name) in folded]
    return max(found, key=lambda unit: len(unit.name)) if found else None


def _section_title(heading):
    """"II. NỘI DUNG, CHỈ TIÊU THI ĐUA" -> "Nội dung, chỉ tiêu thi đua"."""
    match = SECTION_RE.match(heading)
    text = (match["heading"] if match else heading).strip()
    return text[:1] + text[1:].lower() if text.isupper() else text


def _blocks_of(lines):
    """Paragraph blocks of ``lines``, with each table of the plan a table block in its place."""
    blocks, run = [], []
    for line in lines:
        rows = table_rows(line)
        if rows is None:
            run.append(line)
            continue
        if run:
            blocks.append(("paragraph", lines_to_richtext(run)))
            run = []
        width = max((len(row) for row in rows), default=0)
        blocks.append(("table", {"caption": "", "header_row": len(rows) > 1,
                                 "rows": [[str(cell) for cell in row] + [""] * (width - len(row)) for row in rows]}))
    if run:
        blocks.append(("paragraph", lines_to_richtext(run)))
    return blocks


def _content(plan):
    blocks = []
    if plan.content:
        # A content section named more than "Nội dung" ("Nội dung, chỉ tiêu thi đua") keeps its name.
        title = _section_title(plan.headings.get("content", ""))
        if title and fold(title).strip(" :") != "noi dung":
            # (under the page's own "Nội dung" heading)
            blocks.append(("heading", {"text": title[:255], "level": "h3"}))
        blocks.extend(_blocks_of(plan.content))
    known = set(plan.headings.values())
    for heading, lines in plan.extra:
        if heading:
            # A heading the parser does not know is kept whole; a known one over a table it holds reads as a title.
            text = _section_title(heading) if heading in known else heading
            blocks.append(("heading", {"text": text[:255], "level": "h2"}))
        blocks.extend(_blocks_of(lines))
    if plan.closing:
        blocks.extend(_blocks_of(plan.closing))
    return blocks


def _draft_campaign(plan, parent, document, issue_date, issuing_body, summary, user):
    units = list(Unit.objects.filter(locale=parent.locale))
    campaign = CampaignPage(
        title=plan.title[:255],
        slug=unique_child_slug(parent, plan.title, "ke-hoach"),
        live=False,
        campaign_type=CampaignPage.CampaignType.REGULAR,
        launching_authority=issuing_body[:255],
        start_date=issue_date,
        summary=summary or plan.title,
        purposes=lines_to_richtext(plan.purposes),
        requirements=lines_to_richtext(plan.requirements),
        content=_content(plan),
        owner=user,
    )
    for row in plan.responsibilities:
        unit = _match_unit(row.text, units)
        campaign.responsibilities.add(
            CampaignResponsibility(
                unit=unit,
                assignee="" if unit else (row.assignee or strip_tags(row.text)[:80]),
                responsibility=row.text,
            )
        )
    campaign.document_links.add(CampaignDocument(document=document))
    parent.add_child(instance=campaign)
    campaign.save_revision(user=user, log_action=True)
    return campaign


def _draft_movement(name, parent, campaign, issue_date, issuing_body, plan, user):
    page = CampaignPage(
        title=name[:255],
        slug=unique_child_slug(parent, name, "ke-hoach"),
        live=False,
        campaign_type=CampaignPage.CampaignType.REGULAR,
        launching_authority=issuing_body[:255],
        start_date=issue_date,
        summary=_("A movement named in plan %(number)s: “%(name)s”.") % {"number": plan.number, "name": name},
        parent_campaign=campaign,
        owner=user,
    )
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page


def private_collection():
    """The collection imported plans' files wait in: viewable by signed-in users only."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=PRIVATE_COLLECTION).first()
    if collection is None:
        collection = root.add_child(instance=Collection(name=PRIVATE_COLLECTION))
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        CollectionViewRestriction.objects.create(collection=collection,
                                                 restriction_type=CollectionViewRestriction.LOGIN)
    return collection


def publish_plan_documents(sender, instance, **kwargs):
    """``page_published`` receiver: a published campaign's documents, and the documents they implement that
    came with the same import, become public; their files leave the private collection."""
    if not isinstance(instance, CampaignPage):
        return
    documents = list(OfficialDocument.objects.filter(
        pk__in=instance.document_links.values("document_id"), is_public=False))
    documents += OfficialDocument.objects.filter(
        pk__in=DocumentImplements.objects.filter(document__in=documents).values("implemented_id"), is_public=False)
    root = Collection.get_first_root_node()
    for document in documents:
        document.is_public = True
        document.save(update_fields=["is_public"])
        if document.file_id and document.file.collection.name == PRIVATE_COLLECTION:
            document.file.collection = root
            document.file.save(update_fields=["collection"])
