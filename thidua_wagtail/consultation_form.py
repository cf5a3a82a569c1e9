"""Comments on nominees from visitors: the form and the notification (the page that serves them and the models are
in ``models/consultations.py``).

The protections are the nomination form's (``submissions.py``): Django's CSRF check (the page is never served
from the shared cache), a honeypot field, a per-address limit counted in the shared cache
(``THIDUA_CONSULTATION_RATE_LIMIT`` per ``THIDUA_CONSULTATION_RATE_PERIOD`` seconds), consent required, lengths
capped and line breaks kept out of one-line fields. The comment is saved before the Office is mailed; a mail that
fails is recorded on the comment (the dashboard shows it), the comment is never lost.
"""

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .submissions import (
    HoneypotMixin,
    header_safe,
    honeypot_field,
    one_line,
    record_no_address,
    send_and_record,
)

MAX_COMMENT = 5000


class CommentForm(HoneypotMixin, forms.Form):
    """A visitor's comment on one of ``nominees`` (the page's, in the page's language)."""

    nominee = forms.TypedChoiceField(label=gettext_lazy("About"), coerce=int)
    content = forms.CharField(label=gettext_lazy("Your comment"), max_length=MAX_COMMENT,
                              widget=forms.Textarea(attrs={"rows": 7}))
    author_name = forms.CharField(label=gettext_lazy("Your name"), max_length=255)
    contact = forms.CharField(label=gettext_lazy("E-mail or telephone"), max_length=255,
                              help_text=gettext_lazy("So that the office can reach you about your comment."))
    consent = forms.BooleanField(label=gettext_lazy(
        "I agree to the processing of my personal data for this consultation"))
    website = honeypot_field()

    def __init__(self, *args, nominees=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.nominees = {nominee.pk: nominee for nominee in nominees}
        self.fields["nominee"].choices = [("", _("— choose a nominee —"))] + [
            (nominee.pk, nominee.display_name) for nominee in nominees]
        self.fields["consent"].error_messages["required"] = _(
            "Your consent is needed for the office to process your comment.")
        self.hide_honeypot()
        self.fields["author_name"].widget.attrs["autocomplete"] = "name"
        self.fields["contact"].widget.attrs["autocomplete"] = "email"

    def clean_content(self):
        value = self.cleaned_data["content"].strip()
        if len(value) < 10:
            raise forms.ValidationError(_("Please write your comment in a sentence or more."))
        # Control characters other than line breaks and tabs have no place in a comment (PostgreSQL refuses NUL).
        return "".join(c for c in value if c in "\n\t" or c >= " " and c != "\x7f")

    def clean_author_name(self):
        return one_line(self.cleaned_data["author_name"])

    def clean_contact(self):
        return one_line(self.cleaned_data["contact"])

    def comment_fields(self, page):
        """The fields of the ``ConsultationComment`` this form makes on ``page``."""
        nominee = self.nominees[self.cleaned_data["nominee"]]
        return {"page": page, "nominee": nominee, "consultation_title": page.title[:255],
                "nominee_name": nominee.display_name[:255], "locale_id": page.locale_id,
                "author_name": self.cleaned_data["author_name"], "contact": self.cleaned_data["contact"],
                "content": self.cleaned_data["content"], "consent": True}


def notify_editors(page, comment, admin_url=""):
    """Mail the consultation's notification addresses about ``comment``, in the site's default language; record
    whether that worked. A failure is logged and recorded, never raised."""
    recipients = page.get_notify_list()
    if not recipients:
        record_no_address(comment)
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        subject = header_safe(_("New comment on %(name)s") % {"name": comment.nominee_name})
        body = "\n".join([
            _("A comment was sent through \"%(page)s\".") % {"page": comment.consultation_title},
            "",
            _("About: %(name)s") % {"name": header_safe(comment.nominee_name, 255)},
            _("Sent by: %(name)s <%(contact)s>") % {"name": header_safe(comment.author_name, 255),
                                                    "contact": header_safe(comment.contact, 255)},
            "",
            comment.content,
            "",
            _("Handle it in the admin: %(url)s") % {"url": admin_url} if admin_url else "",
        ])
    return send_and_record(comment, subject, body, recipients)
