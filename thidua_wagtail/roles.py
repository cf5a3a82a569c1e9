"""Groups, page permissions and the "review by Office" workflow for the emulation sections.

``setup_roles()`` is idempotent (run it again after adding units, languages or sections):

- **Office** (``OFFICE_GROUP``): add, edit, publish, lock and unlock in every emulation section (campaigns,
  profiles, news, nomination and statistics pages) in every language; the shared snippets (units, awards,
  documents, decisions' lists of recipients); nominations and the comments on nominees (read and handle, not
  delete: they are the consultation's record); documents and images; translations (sync and publish
  them); plan import, and the import of a decision's recipients from a spreadsheet.
- **Translators** (``TRANSLATORS_GROUP``): edit the sections of the languages other than the default one, submit
  translations (wagtail-localize), translate the snippets (not edit their source-language rows). They cannot
  publish, neither pages nor snippet translations, nor import plans or recipients: the Office publishes their work
  (``translation_review.py``).
- **Unit editors**, one group per unit (``UNIT_GROUP_PREFIX`` + unit name): add pages in the sections given
  (profiles, news and registrations by default) and edit the pages they created (Wagtail's "add" permission); they
  submit their pages for moderation and cannot publish; the other sections are closed to them. The group is recorded
  as the unit's ``editor_group``: in the registrations section they file their own unit's registration only.
- The workflow **review by Office** (one "approve" task for the Office group) on each section in every language,
  so a page submitted anywhere below goes to the Office, who approve (the page goes live, or at its scheduled
  time) or request changes.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import Award, ConsultationComment, Nomination, OfficialDocument, Organisation, Unit
from .pagetypes import section_types

OFFICE_GROUP = "Thi đua – Văn phòng duyệt"
TRANSLATORS_GROUP = "Thi đua – Biên dịch"
UNIT_GROUP_PREFIX = "Thi đua – Biên tập: "
WORKFLOW_NAME = "Duyệt bởi Văn phòng"
TASK_NAME = "Văn phòng duyệt"

OFFICE_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
MEDIA_PERMISSIONS = (("wagtaildocs", "document", ("add", "change", "choose")),
                     ("wagtailimages", "image", ("add", "change", "choose")))


@dataclass
class RolesReport:
    groups: list = field(default_factory=list)
    sections: list = field(default_factory=list)
    workflow: Workflow = None


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _model_permissions(model, actions):
    ct = ContentType.objects.get_for_model(model)
    return list(Permission.objects.filter(content_type=ct, codename__in=[f"{a}_{model._meta.model_name}"
                                                                          for a in actions]))


def _page_permission(codename):
    return _permission("wagtailcore", codename)


def _grant_pages(group, pages, codenames):
    for page in pages:
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=_page_permission(codename))


def _grant_media(group, actions=None):
    root = Collection.get_first_root_node()
    for app_label, model, model_actions in MEDIA_PERMISSIONS:
        for action in actions or model_actions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=_permission(app_label, f"{action}_{model}"))


def workflow_sections():
    """``{key: page type}`` of the sections under the review workflow (the lists: each type's ``section``)."""
    return {model.section.key: model for model in section_types() if model.section.workflow}


def default_unit_sections():
    """The sections unit editors may add pages to unless told otherwise (``Section.unit_editors``)."""
    return [model.section.key for model in section_types() if model.section.unit_editors]


def sections(kinds=None):
    """The section pages under the workflow (all languages), optionally only of the given kinds ("campaigns"…)."""
    known = workflow_sections()
    models = [known[k] for k in (kinds or known)]
    return list(Page.objects.type(*models).order_by("path"))


def unit_group_name(unit):
    return (UNIT_GROUP_PREFIX + unit.name)[:150]


@transaction.atomic
def setup_roles(unit_sections=None):
    report = RolesReport()
    access_admin = _permission("wagtailadmin", "access_admin")
    all_sections = sections()
    others = [model for model in section_types() if not model.section.workflow]
    extra_pages = list(Page.objects.type(*others).order_by("path")) if others else []
    report.sections = all_sections

    office, _created = Group.objects.get_or_create(name=OFFICE_GROUP)
    # The Office also translates, syncs and publishes translations (it reviews the translators' work).
    office.permissions.add(access_admin, _permission("wagtail_localize", "submit_translation"),
                           *_model_permissions(Unit, ("add", "change", "delete")),
                           *_model_permissions(Award, ("add", "change", "delete")),
                           *_model_permissions(OfficialDocument, ("add", "change", "delete")),
                           *_model_permissions(Organisation, ("add", "change", "delete")),
                           *_model_permissions(Nomination, ("view", "change", "delete")),
                           *_model_permissions(ConsultationComment, ("view", "change")))
    _grant_pages(office, all_sections + extra_pages, OFFICE_PAGE_PERMISSIONS)
    _grant_media(office)
    report.groups.append(office)

    translators, _created = Group.objects.get_or_create(name=TRANSLATORS_GROUP)
    translators.permissions.add(access_admin, _permission("wagtail_localize", "submit_translation"),
                                *_model_permissions(Unit, ("change",)),
                                *_model_permissions(Award, ("change",)),
                                *_model_permissions(OfficialDocument, ("change",)),
                                *_model_permissions(Organisation, ("change",)))
    default = Locale.get_default()
    _grant_pages(translators, [p for p in all_sections + extra_pages if p.locale_id != default.pk],
                 ("add_page", "change_page"))
    _grant_media(translators, ("choose",))
    report.groups.append(translators)

    unit_pages = sections(default_unit_sections() if unit_sections is None else unit_sections)
    for unit in Unit.objects.filter(locale=default).select_related("editor_group").order_by("sort_order", "name"):
        group = unit.editor_group or Group.objects.get_or_create(name=unit_group_name(unit))[0]
        # The unit's group files its registrations (models/registrations.py), in every language.
        Unit.objects.filter(translation_key=unit.translation_key).exclude(editor_group=group).update(
            editor_group=group)
        group.permissions.add(access_admin)
        _grant_pages(group, unit_pages, ("add_page",))
        _grant_media(group, ("add", "choose"))
        report.groups.append(group)

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(office)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        # (not workflow.workflow_tasks.create(): a ParentalKey relation would keep it in memory only)
        WorkflowTask.objects.create(workflow=workflow, task=task,
                                    sort_order=WorkflowTask.objects.filter(workflow=workflow).count())
    for page in all_sections:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    report.workflow = workflow
    return report
