"""Translators' work goes through the Office's review, like every other change; translations follow their
source when it is unpublished or made private (end of the module).

wagtail-localize lets anyone with its ``submit_translation`` permission publish from "Sync translated pages"
(``/admin/localize/update/<id>/``, "Publish immediately"), whatever their page permissions, and publishes
translations of snippets without drafts (units, awards, documents) at once. A state agency's translators
prepare; the Office publishes. So:

- **Sync translated pages**: ``ReviewedUpdateTranslationsView`` replaces wagtail-localize's view at the same
  URL (registered before it, see ``wagtail_hooks.py``). It offers "Publish immediately" only to users who may
  publish every translation it would publish; for the others the translations' sources are updated and the new
  strings wait, in the translation editor, for the Office to publish.
- **Snippets in the source language** (the site's default language) are edited and deleted only by users who
  may also add them (the Office); translators have "change" to translate, which reaches only the translations.
- **Publishing a snippet's translation** in the translation editor is kept to the same users: a translator's
  strings are saved as typed, and the Office publishes them.

``tests/test_translator_review.py::test_the_sync_view_is_the_reviewed_one`` fails if wagtail-localize moves the
view this replaces.
"""

import contextlib

from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from wagtail.models import DraftStateMixin, Locale, Page, PageViewRestriction, TranslatableMixin
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views.edit_translation import apply_machine_translation
from wagtail_localize.views.update_translations import UpdateTranslationsForm, UpdateTranslationsView

from .compat import get_permission_policy
from .models import Award, OfficialDocument, Organisation, Unit

# The app's snippets whose source-language rows only the Office edits.
REVIEWED_SNIPPETS = (Unit, Award, OfficialDocument, Organisation)


def may_edit_source(user, model):
    """Whether ``user`` edits ``model``'s source-language content: those who may add it (the Office)."""
    return get_permission_policy(model).user_has_permission(user or AnonymousUser(), "add")


def may_publish_translation(user, instance):
    """Whether ``user`` may make a translation of ``instance`` live without anyone else's review."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if isinstance(instance, DraftStateMixin):
        return get_permission_policy(type(instance)).user_has_permission(user, "publish")
    return may_edit_source(user, type(instance))


def is_source(instance):
    return isinstance(instance, TranslatableMixin) and instance.locale_id == Locale.get_default().pk


def guarded(user, instance):
    """Whether ``instance`` is one of the app's snippets and ``user`` is not among its source editors."""
    return isinstance(instance, REVIEWED_SNIPPETS) and not may_edit_source(user, type(instance))


def guard_snippet_edit(request, instance):
    """``before_edit_snippet``: source-language rows are the Office's; a translator cannot publish a snippet's
    translation from the translation editor."""
    if not guarded(request.user, instance):
        return None
    if is_source(instance):
        raise PermissionDenied
    if request.method == "POST" and request.POST.get("action") == "publish":
        messages.error(request, _("Your translation is saved. The Office reviews and publishes it."))
        return redirect(request.get_full_path())
    return None


def guard_snippet_delete(request, instances):
    """``before_delete_snippet``: source-language rows are the Office's."""
    if any(guarded(request.user, instance) and is_source(instance) for instance in instances):
        raise PermissionDenied
    return None


class ReviewedUpdateForm(UpdateTranslationsForm):
    def __init__(self, *args, can_publish=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_publish:
            del self.fields["publish_translations"]

    def clean(self):
        cleaned = super().clean()
        cleaned.setdefault("publish_translations", False)
        return cleaned


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", publishing only for those who may publish every target."""

    def can_publish(self):
        targets = [translation.get_target_instance()
                   for translation in self.object.translations.filter(enabled=True).select_related("target_locale")]
        return all(may_publish_translation(self.request.user, target) for target in targets)

    def get_form(self):
        can_publish = self.can_publish()
        if self.request.method == "POST":
            return ReviewedUpdateForm(self.request.POST, can_publish=can_publish)
        return ReviewedUpdateForm(can_publish=can_publish)

    def form_valid(self, form):
        response = super().form_valid(form)
        if "publish_translations" not in form.fields:
            messages.info(self.request, _("The translations wait for the Office to review and publish them."))
        return response


def outdated_sources():
    """wagtail-localize sources of live pages published again since their strings were last extracted, that have
    a translation: what "Sync translated pages" would update, for every page at once."""
    newer = Page.objects.filter(translation_key=OuterRef("object_id"), locale=OuterRef("locale"), live=True,
                                last_published_at__gt=OuterRef("last_updated_at"))
    translated = Translation.objects.filter(source=OuterRef("pk"), enabled=True)
    return TranslationSource.objects.filter(Exists(newer), Exists(translated))


class SyncOutdatedTranslationsView(View):
    """The dashboard's "Sync every changed page": each outdated source takes the page's published content (new
    strings appear untranslated in the translation editor, deleted ones go), the translations' view restrictions
    follow, and, when asked and a machine translator is configured (the glossary, glossary.py), the new strings
    are pre-filled. Nothing is published: the Office reviews and publishes each translation, as after a sync of
    one page by someone who may not publish."""

    http_method_names = ["post"]

    def post(self, request):
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            raise PermissionDenied
        translator = get_machine_translator() if request.POST.get("machine_translate") else None
        synced = prefilled = 0
        for source in outdated_sources().select_related("locale"):
            try:
                source.update_from_db()
            except ObjectDoesNotExist:
                continue
            synced += 1
            for translation in source.translations.filter(enabled=True).select_related("target_locale"):
                with contextlib.suppress(ValidationError):
                    source.update_target_view_restrictions(translation.target_locale)
                if translator is not None and translator.can_translate(source.locale, translation.target_locale):
                    with contextlib.suppress(PermissionDenied, Http404):
                        prefilled += bool(apply_machine_translation(translation.id, request.user, translator))
        if synced:
            messages.success(request, ngettext(
                "%(count)s page synced: its new strings wait in the translation editor.",
                "%(count)s pages synced: their new strings wait in the translation editor.", synced)
                % {"count": synced})
            if prefilled:
                messages.info(request, ngettext(
                    "%(count)s translation pre-filled by %(tool)s.",
                    "%(count)s translations pre-filled by %(tool)s.", prefilled)
                    % {"count": prefilled, "tool": translator.display_name})
        else:
            messages.info(request, _("No translated page has changed since it was last synced."))
        return redirect("wagtailadmin_home")


# ---------------------------------------------------------------------------
# Translations follow their source's visibility
# ---------------------------------------------------------------------------
# Unpublishing a page of the default language, or making it private, used to leave its translations public
# until someone synced them. Decision: a translation follows its source at once. Unpublishing the source
# unpublishes the translations (logged, without a user); a view restriction on the source is copied onto each
# translation (same type, password and groups) and removed from them with it. Publishing the source again does
# not republish translations: the Office checks them first.


def _translations(page):
    if page.locale_id != Locale.get_default().pk:
        return Page.objects.none()
    return Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)


def unpublish_translations(sender, instance, **kwargs):
    """``page_unpublished`` receiver."""
    for translation in _translations(instance).live().specific():
        translation.unpublish(log_action=True)


def mirror_view_restriction(restriction):
    """Copy ``restriction`` (on a page of the default language) onto the page's translations."""
    for translation in _translations(restriction.page):
        copy, _created = PageViewRestriction.objects.update_or_create(
            page=translation, restriction_type=restriction.restriction_type,
            defaults={"password": restriction.password})
        copy.groups.set(restriction.groups.all())


def restriction_saved(sender, instance, **kwargs):
    """``post_save`` of PageViewRestriction, and ``m2m_changed`` of its groups."""
    if isinstance(instance, PageViewRestriction):
        mirror_view_restriction(instance)


def restriction_deleted(sender, instance, **kwargs):
    PageViewRestriction.objects.filter(page__in=_translations(instance.page),
                                       restriction_type=instance.restriction_type).delete()
