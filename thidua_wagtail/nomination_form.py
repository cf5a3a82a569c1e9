"""Taking nominations from visitors: the form, abuse protection and notification (the page that serves them, the
models and their review are in ``models/nominations.py``).

- ``NominationForm`` validates on the server (Vietnamese and English messages through gettext); a
  honeypot field catches form-filling robots, which are shown the thank-you page and nothing is stored.
- A per-IP limit (``THIDUA_NOMINATION_RATE_LIMIT`` per ``THIDUA_NOMINATION_RATE_PERIOD`` seconds) is
  counted in Django's cache, so it holds across several app servers sharing a cache (Redis): with the honeypot and
  the recorded notification mail, what every visitors' form shares (``submissions.py``).
- Attachments: PDF, JPEG, PNG or WebP only, checked by extension *and* by content, each at most
  ``THIDUA_NOMINATION_MAX_FILE_SIZE`` bytes, at most ``THIDUA_NOMINATION_MAX_FILES`` files.
"""

from django import forms
from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .conf import thidua_settings
from .submissions import HoneypotMixin, header_safe, honeypot_field, one_line, record_no_address, send_and_record

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
# Notification
# ---------------------------------------------------------------------------


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


