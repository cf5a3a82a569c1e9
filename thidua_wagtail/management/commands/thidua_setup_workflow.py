"""Create the groups, page permissions and the "review by Office" workflow (see thidua_wagtail.roles)."""

from django.core.management.base import BaseCommand, CommandError

from thidua_wagtail.roles import default_unit_sections, setup_roles, workflow_sections


class Command(BaseCommand):
    help = ("Create or update the Office, Translators and per-unit editor groups, their permissions on the "
            "emulation sections, and the workflow \"review by Office\" on those sections. Safe to run again.")

    def add_arguments(self, parser):
        default = ",".join(default_unit_sections())
        parser.add_argument(
            "--unit-sections", default=default,
            help=f"Sections unit editors may add pages to: a comma-separated subset of "
                 f"{','.join(workflow_sections())} (default: {default}).")

    def handle(self, *args, unit_sections, **options):
        kinds = [k.strip() for k in unit_sections.split(",") if k.strip()]
        known = workflow_sections()
        unknown = [k for k in kinds if k not in known]
        if unknown:
            raise CommandError(f"Unknown section(s): {', '.join(unknown)}; use {', '.join(known)}.")
        report = setup_roles(unit_sections=kinds)
        if not report.sections:
            self.stdout.write(self.style.WARNING(
                "No campaign, profile or news section exists yet: groups were created, but no page permissions "
                "or workflow were assigned. Create the sections (thidua_setup) and run this again."))
        for group in report.groups:
            self.stdout.write(f"  group: {group.name}")
        self.stdout.write(self.style.SUCCESS(
            f"Workflow \"{report.workflow.name}\" on {len(report.sections)} section page(s); "
            f"{len(report.groups)} group(s)."))
