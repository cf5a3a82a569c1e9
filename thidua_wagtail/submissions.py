"""What every form visitors send shares (nominations, comments on nominees, answers on content): a honeypot, a
per-address rate limit counted in the shared cache, the addresses a submission is mailed to, and a mail whose
outcome is recorded on the submission so that none is lost or left unnoticed.
"""

import hashlib
import logging

from django import forms
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import models
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from .conf import thidua_settings

logger = logging.getLogger(__name__)


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
