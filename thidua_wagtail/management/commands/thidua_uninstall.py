"""Delete everything the app stored, so that `migrate thidua_wagtail zero` leaves the site as it was.

What the app added beside its own data goes too: the groups and the review workflow of ``thidua_setup_workflow``
(``roles.py``), and the translations of the home page that ``thidua_setup`` or ``thidua_demo`` made for the
sections (recorded in Wagtail's page history, ``sections.HOME_COPY_ACTION``) when no page of the site's own stands
under them. What the site may want to keep is named, not deleted: locales, and a home translation with pages of
the site's own under it.
"""

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import GroupApprovalTask, Locale, Page, PageLogEntry, Site, Workflow, WorkflowPage

from thidua_wagtail.models import (
    Award,
    ConsultationComment,
    ContentFeedback,
    DecisionRecipient,
    Nomination,
    OfficialDocument,
    Organisation,
    OrganisationSettings,
    Unit,
)
from thidua_wagtail.pagetypes import app_page_types
from thidua_wagtail.roles import OFFICE_GROUP, TASK_NAME, TRANSLATORS_GROUP, UNIT_GROUP_PREFIX, WORKFLOW_NAME
from thidua_wagtail.sections import HOME_COPY_ACTION


def app_groups():
    return Group.objects.filter(name__in=[OFFICE_GROUP, TRANSLATORS_GROUP]) | Group.objects.filter(
        name__startswith=UNIT_GROUP_PREFIX)


def home_copies():
    """The home translations the app made, that are still there and are no site's root."""
    made = PageLogEntry.objects.filter(action=HOME_COPY_ACTION).values("page_id")
    roots = Site.objects.values("root_page_id")
    return Page.objects.filter(pk__in=made).exclude(pk__in=roots).order_by("path")


class Command(BaseCommand):
    help = ("Delete the app's pages (in every language, with their revisions), nominations, comments on nominees, "
            "visitors' feedback, "
            "official documents, "
            "awards, units and organisation settings, its groups and review workflow, and the home page "
            "translations it made, before `migrate thidua_wagtail zero`. Images and files in Wagtail's libraries "
            "are kept. Asks for --yes.")

    def add_arguments(self, parser):
        parser.add_argument("--yes", action="store_true", help="Really delete.")

    def handle(self, *args, yes, **options):
        pages = Page.objects.type(*app_page_types())
        counts = {
            "pages": pages.count(),
            "nominations": Nomination.objects.count(),
            "comments on nominees": ConsultationComment.objects.count(),
            "answers on content": ContentFeedback.objects.count(),
            "documents": OfficialDocument.objects.count(),
            "awards": Award.objects.count(),
            "units": Unit.objects.count(),
            "groups": app_groups().count(),
            "workflows": Workflow.objects.filter(name=WORKFLOW_NAME).count(),
            "home page translations": home_copies().count(),
        }
        summary = ", ".join(f"{n} {name}" for name, n in counts.items())
        if not yes:
            raise CommandError(f"This would delete {summary}. Run again with --yes to delete them.")
        kept = []
        with transaction.atomic():
            # Delete from the top: a section takes its pages (and their translations' trees) with it.
            for page in pages.order_by("depth"):
                page = Page.objects.filter(pk=page.pk).first()  # may already be gone with its parent
                if page is not None:
                    page.delete()
            Nomination.objects.all().delete()
            ConsultationComment.objects.all().delete()
            ContentFeedback.objects.all().delete()
            # A decision's own list may point to another decision (a revocation): the lists go first.
            DecisionRecipient.objects.all().delete()
            OfficialDocument.objects.all().delete()
            # Units and awards are referenced by each other (parent unit) and by nothing else now.
            Unit.objects.update(parent=None)
            Unit.objects.all().delete()
            Award.objects.all().delete()
            OrganisationSettings.objects.all().delete()
            Organisation.objects.all().delete()
            for home in home_copies():
                if home.get_children().exists():
                    kept.append(f"the home page translation {home.url_path} ({home.locale.language_code}), "
                                f"which has pages of your own under it")
                    counts["home page translations"] -= 1
                else:
                    home.delete()
            app_groups().delete()
            for workflow in Workflow.objects.filter(name=WORKFLOW_NAME):
                if WorkflowPage.objects.filter(workflow=workflow).exists():
                    kept.append(f"the workflow “{workflow.name}”, which your own pages use")
                    counts["workflows"] -= 1
                    continue
                workflow.delete()
            # The task, when no workflow uses it any more.
            GroupApprovalTask.objects.filter(name=TASK_NAME, workflow_tasks__isnull=True).delete()
        summary = ", ".join(f"{n} {name}" for name, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Deleted {summary}."))
        for locale in Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code"):
            if not Page.objects.filter(locale=locale).exists():
                kept.append(f"the locale “{locale.language_code}”, which no page uses now: delete it in Settings → "
                            "Locales if the app added it")
        for item in kept:
            self.stdout.write(f"Kept {item}.")
        self.stdout.write("Next: python manage.py migrate thidua_wagtail zero; then remove the app's settings and URLs.")
