"""Signal receivers, connected in ``ThiduaWagtailConfig.ready()``."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import pagetypes
from .cache import bump_content_version, bump_page_versions
from .frontend_cache import purge_pages_showing
from .models import Award, OfficialDocument, Organisation, OrganisationSettings, Unit
from .plans.drafts import publish_plan_documents
from .translation_review import restriction_deleted, restriction_saved, unpublish_translations


def register_signal_handlers():
    uid = "thidua_wagtail_bump"
    # What a page's relations name before a publish, so the pages that stop showing it are refreshed too.
    # (Only the detail page types: the receiver need not run for every other model the site saves.)
    for model in pagetypes.detail_types():
        pre_save.connect(remember_pages_showing, sender=model,
                         dispatch_uid=f"thidua_wagtail_remember_showing_{model._meta.label}")
    page_published.connect(page_changed, dispatch_uid=f"{uid}_published")
    page_unpublished.connect(page_changed, dispatch_uid=f"{uid}_unpublished")
    post_page_move.connect(bump_content_version, dispatch_uid=f"{uid}_moved")
    post_delete.connect(_page_deleted, dispatch_uid=f"{uid}_deleted")
    # Translations follow their source: unpublished and made private with it.
    page_unpublished.connect(unpublish_translations, dispatch_uid="thidua_wagtail_unpublish_translations")
    post_save.connect(restriction_saved, sender=PageViewRestriction, dispatch_uid="thidua_wagtail_mirror_restriction")
    m2m_changed.connect(restriction_saved, sender=PageViewRestriction.groups.through,
                        dispatch_uid="thidua_wagtail_mirror_restriction_groups")
    post_delete.connect(restriction_deleted, sender=PageViewRestriction,
                        dispatch_uid="thidua_wagtail_unmirror_restriction")
    # An imported plan's documents and file become public with its campaign.
    page_published.connect(publish_plan_documents, dispatch_uid="thidua_wagtail_plan_documents")
    # Only does something when wagtail.contrib.frontend_cache is installed.
    page_published.connect(purge_pages_showing, dispatch_uid="thidua_wagtail_purge_published")
    page_unpublished.connect(purge_pages_showing, dispatch_uid="thidua_wagtail_purge_unpublished")
    # What pages show besides pages: snippets, media, the organisation's details, sites, view restrictions
    # (which decide what menus and listings include) and locales.
    models = (Unit, Award, OfficialDocument, Organisation, OrganisationSettings, get_image_model(),
              get_document_model(), Site, PageViewRestriction, Locale)
    for model in models:
        receiver = _settings_saved if model is OrganisationSettings else bump_content_version
        post_save.connect(receiver, sender=model, dispatch_uid=f"{uid}_{model._meta.label}")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}_{model._meta.label}_deleted")


def _settings_saved(sender, instance, created, **kwargs):
    # Settings are created empty the first time a page asks for them (BaseSiteSetting.for_site): nothing changes
    # on the page then, and bumping would throw away the very response being cached. Edits are updates.
    if not created:
        bump_content_version()


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump_content_version()


def remember_pages_showing(sender, instance, update_fields=None, **kwargs):
    """``pre_save`` of a live detail page saved whole (a publish writes its relations): note the pages its
    relations name now, before the new ones are written."""
    if update_fields is not None or not instance.pk:
        return
    stored = type(instance).objects.filter(pk=instance.pk, live=True).first()
    if stored is not None:
        instance._thidua_shown_before = {page.pk for page in pagetypes.pages_showing(stored, pagetypes.MAX_SHOWING)}


def page_changed(sender, instance, **kwargs):
    """A page was published or unpublished: a campaign, profile or news item refreshes the pages that show it
    (``pagetypes.pages_to_refresh``); any other page (a section, the home page: menus and breadcrumbs) refreshes
    everything."""
    if not pagetypes.is_detail_page(instance):
        bump_content_version()
        return
    shown_before = getattr(instance, "_thidua_shown_before", ())
    bump_page_versions(pagetypes.pages_to_refresh(instance, shown_before), types=[instance._meta.label])
