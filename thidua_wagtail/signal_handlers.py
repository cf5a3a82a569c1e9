"""Signal receivers, connected in ``ThiduaWagtailConfig.ready()``."""

from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache import bump_content_version
from .models import Award, OfficialDocument, Unit


def register_signal_handlers():
    uid = "thidua_wagtail_bump"
    page_published.connect(bump_content_version, dispatch_uid=f"{uid}_published")
    page_unpublished.connect(bump_content_version, dispatch_uid=f"{uid}_unpublished")
    post_page_move.connect(bump_content_version, dispatch_uid=f"{uid}_moved")
    post_delete.connect(_page_deleted, dispatch_uid=f"{uid}_deleted")
    for model in (Unit, Award, OfficialDocument, get_image_model()):
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}_{model._meta.label}")


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump_content_version()
