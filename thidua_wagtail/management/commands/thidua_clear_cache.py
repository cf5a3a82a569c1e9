"""Make every cached page, response and fragment of the app stale at once: run it after deploying new templates
or settings (content edits do this by themselves)."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from thidua_wagtail.cache import bump_content_version, content_version


class Command(BaseCommand):
    help = ("Throw away the app's cached pages and fragments (by moving to a new content version): run it after a "
            "deploy that changes templates or settings.")

    def handle(self, *args, **options):
        bump_content_version()
        self.stdout.write(_("Cached pages and fragments dropped (content version %(version)s).")
                          % {"version": content_version()})
        backend = settings.CACHES.get("default", {}).get("BACKEND", "")
        if backend.endswith(("LocMemCache", "DummyCache")):
            self.stderr.write(_("The cache is kept inside each process (%(backend)s): running servers keep theirs. "
                                "Use a shared cache (Redis, Memcached, database or files) for this to reach them.")
                              % {"backend": backend.rsplit(".", 1)[-1]})
