"""Taking nominations from visitors: the form, abuse protection and notification (the page that serves them, the
models and their review are in ``models/nominations.py``).

- ``NominationForm`` validates on the server (Vietnamese and English messages through gettext); a
  honeypot field catches form-filling robots, which are shown the thank-you page and nothing is stored.
- A per-IP limit (``THIDUA_NOMINATION_RATE_LIMIT`` per ``THIDUA_NOMINATION_RATE_PERIOD`` seconds) is
  counted in Django's cache, so it holds across several app servers sharing a cache (Redis).
- Attachments: PDF, JPEG, PNG or WebP only, checked by extension *and* by content, each at most
  ``THIDUA_NOMINATION_MAX_FILE_SIZE`` bytes, at most ``THIDUA_NOMINATION_MAX_FILES`` files.
"""

import hashlib
import logging

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import models, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from .conf import thidua_settings

logger = logging.getLogger(__name__)

# extension -> signatures the file must start with
ALLOWED_FILES = {
    "pdf": (b"%PDF-",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "webp": (b"RIFF",),
}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if not data:
            return []
        files = data if isinstance(data, (list, tuple)) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


def check_attachment(upload):
    """The reason ``upload`` is refused, or None."""
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_FILES:
        return _("%(name)s: only PDF and image files (JPEG, PNG, WebP) can be attached.") % {"name": name}
    if upload.size > thidua_settings.NOMINATION_MAX_FILE_SIZE:
        return _("%(name)s is too large: each file may be at most %(limit)s MB.") % {
            "name": name, "limit": round(thidua_settings.NOMINATION_MAX_FILE_SIZE / 1024 / 1024, 1)}
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not head.startswith(ALLOWED_FILES[extension]) or (extension == "webp" and head[8:12] != b"WEBP"):
        return _("%(name)s is not a real %(type)s file.") % {"name": name, "type": extension.upper()}
    return None


class HoneypotMixin:
    """A ``website`` field that people do not see and robots fill: ``is_spam`` says a robot sent the form."""

    @property
    def is_spam(self):
        return bool(self.data.get("website"))

    def hide_honeypot(self):
        self.fields["website"].widget.attrs.update(autocomplete="off", tabindex="-1")


def honeypot_field():
    # Robots fill every field; people do not see this one.
    return forms.CharField(label=gettext_lazy("Leave this field empty"), required=False)


class NominationForm(HoneypotMixin, forms.ModelForm):
    """The visitor's form; ``models.nominations.NominationPage.get_form_class()`` binds it to the Nomination model.
    ``units`` and ``campaigns`` are the choices offered (the page's language)."""

    website = honeypot_field()
    attachments = MultipleFileField(
        label=gettext_lazy("Attachments"),
        required=False,
    )

    class Meta:
        fields = [
            "kind", "nominee_name", "position", "unit", "unit_name", "achievements", "campaign",
            "nominator_name", "nominator_email", "nominator_phone", "consent",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "achievements": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, locale=None, units=None, campaigns=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.locale = locale
        self.fields["unit"].queryset = units
        self.fields["unit"].empty_label = _("— not listed —")
        self.fields["campaign"].queryset = campaigns
        self.fields["campaign"].empty_label = _("— none in particular —")
        self.fields["consent"].required = True
        self.fields["consent"].error_messages["required"] = _(
            "Your consent is needed for the office to process this nomination.")
        self.fields["achievements"].help_text = _("What did the person or collective achieve? Facts and figures help.")
        self.fields["attachments"].help_text = _(
            "Optional: PDF or images, up to %(count)s files of %(size)s MB each."
        ) % {"count": thidua_settings.NOMINATION_MAX_FILES,
             "size": round(thidua_settings.NOMINATION_MAX_FILE_SIZE / 1024 / 1024, 1)}
        self.hide_honeypot()
        for name in ("nominee_name", "achievements", "nominator_name", "nominator_email"):
            self.fields[name].widget.attrs["required"] = True
        self.fields["nominator_email"].widget.attrs["autocomplete"] = "email"
        self.fields["nominator_name"].widget.attrs["autocomplete"] = "name"
        self.fields["nominator_phone"].widget.attrs["autocomplete"] = "tel"

    def clean_achievements(self):
        value = self.cleaned_data["achievements"].strip()
        if len(value) < 20:
            raise forms.ValidationError(_("Please describe the achievements in a few sentences."))
        return value

    def clean_attachments(self):
        files = self.cleaned_data.get("attachments") or []
        if len(files) > thidua_settings.NOMINATION_MAX_FILES:
            raise forms.ValidationError(
                _("At most %(count)s files can be attached.") % {"count": thidua_settings.NOMINATION_MAX_FILES})
        errors = [reason for reason in map(check_attachment, files) if reason]
        if errors:
            raise forms.ValidationError(errors)
        return files

    SINGLE_LINE_FIELDS = ("nominee_name", "position", "unit_name", "nominator_name", "nominator_phone")

    def clean(self):
        cleaned = super().clean()
        for name in self.SINGLE_LINE_FIELDS:  # a line break typed or posted into a one-line field
            if isinstance(cleaned.get(name), str):
                cleaned[name] = one_line(cleaned[name])
        if not cleaned.get("unit") and not (cleaned.get("unit_name") or "").strip() and "unit" not in self.errors:
            self.add_error("unit_name", _("Choose the unit, or write its name if it is not listed."))
        return cleaned

    def save(self, page):
        nomination = super().save(commit=False)
        nomination.page = page
        nomination.locale = self.locale
        with transaction.atomic():
            nomination.save()
            for upload in self.cleaned_data.get("attachments") or []:
                nomination.attachments.create(file=upload, original_name=upload.name[:255], size=upload.size)
        return nomination


# ---------------------------------------------------------------------------
# Rate limit
# ---------------------------------------------------------------------------


def client_key(request, kind="nominations"):
    address = request.META.get("REMOTE_ADDR", "")
    return f"thidua:{kind}:" + hashlib.sha256(address.encode()).hexdigest()[:32]


def reserve_submission(request, kind="nominations", limit=None, period=None):
    """Count one submission from this address and say whether it is within the limit, in one atomic step
    (Redis ``INCR``): twelve simultaneous posts from one address store exactly the limit, not more.

    The cache is an accelerator, not a gate: when it cannot count (Redis down), the nomination is accepted and
    a warning logged, so no visitor's nomination is lost to an outage.
    """
    key = client_key(request, kind)
    period = period or thidua_settings.NOMINATION_RATE_PERIOD
    limit = limit or thidua_settings.NOMINATION_RATE_LIMIT
    try:
        cache.add(key, 0, period)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            count = 1 if cache.add(key, 1, period) else cache.incr(key)
    except Exception:  # a cache backend that raises when its server is down
        logger.warning("%s rate limit not checked: the cache is unavailable", kind.capitalize(), exc_info=True)
        return True
    if count is None:  # FailSafeRedisCache while Redis is down
        logger.warning("%s rate limit not checked: the cache is unavailable", kind.capitalize())
        return True
    return count <= limit


# ---------------------------------------------------------------------------
# Notification
# ---------------------------------------------------------------------------


class MailNotification(models.TextChoices):
    """Whether the Office was mailed about a visitor's submission."""

    PENDING = "pending", gettext_lazy("Not sent yet")
    SENT = "sent", gettext_lazy("Sent")
    FAILED = "failed", gettext_lazy("Failed")
    NONE = "none", gettext_lazy("No address to notify")


def notify_list(page):
    """The addresses told of a submission through ``page``: those of its translation in the site's default
    language (the source, which editors, not translators, keep), else the page's own. A translation cannot route
    visitors' personal data elsewhere."""
    source = (type(page).objects.filter(translation_key=page.translation_key, locale=Locale.get_default())
              .exclude(pk=page.pk).values_list("notify_emails", flat=True).first())
    emails = page.notify_emails if source is None else source
    return [address.strip() for address in emails.split(",") if address.strip()]


def one_line(text):
    """``text`` with every run of white space, line breaks included, made one space."""
    return " ".join(str(text).split())


def header_safe(text, limit=150):
    """``text`` on one line, for a mail header: a line break in a nominee's name would make Django refuse the
    subject (header injection), and the Office would never be told."""
    return one_line(text)[:limit]


def notify_editors(page, nomination, admin_url=""):
    """Mail the page's notification addresses about ``nomination``; record on it whether that worked.

    The addresses come from the page in the site's default language (``NominationPage.get_notify_list``): a
    translation cannot route nominations elsewhere. The mail is written in the default language (the Office's),
    whatever language the visitor used. A failure is logged and recorded (``notification``), and the dashboard
    lists such nominations, so none is silently left unnotified.
    """
    recipients = page.get_notify_list()
    if not recipients:
        record_no_address(nomination)
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        subject = header_safe(_("New nomination: %(name)s") % {"name": nomination.nominee_name})
        body = "\n".join(
            [
                _("A nomination was sent through \"%(page)s\".") % {"page": page.title},
                "",
                # (not f-strings: makemessages cannot find gettext calls inside them)
                _("Nominated: %(name)s (%(kind)s)") % {"name": header_safe(nomination.nominee_name, 255),
                                                       "kind": nomination.get_kind_display()},
                _("Unit: %(unit)s") % {"unit": nomination.unit_display},
                _("Campaign: %(campaign)s") % {"campaign": nomination.campaign_title or "—"},
                _("Sent by: %(name)s <%(email)s>") % {"name": header_safe(nomination.nominator_name, 255),
                                                      "email": nomination.nominator_email},
                "",
                _("Review it in the admin: %(url)s") % {"url": admin_url} if admin_url else "",
            ]
        )
    return send_and_record(nomination, subject, body, recipients)


def send_and_record(submission, subject, body, recipients):
    """Mail ``recipients`` about ``submission`` (a nomination, a comment on a nominee: a model with a
    ``notification`` field of ``MailNotification`` choices) and record whether that worked. A mail server problem
    is logged, recorded and shown on the dashboard: it never loses the submission or shows a 500."""
    try:
        sent = send_mail(subject, body, None, recipients)
    except Exception:
        logger.exception("Could not send the notification for %s %s", type(submission).__name__, submission.pk)
        sent = 0
    outcome = MailNotification.SENT if sent else MailNotification.FAILED
    type(submission).objects.filter(pk=submission.pk).update(notification=outcome)
    return sent


def record_no_address(submission):
    type(submission).objects.filter(pk=submission.pk).update(notification=MailNotification.NONE)
