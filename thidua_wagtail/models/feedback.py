"""Visitors' feedback on content (Decree 42/2022/NĐ-CP, Art. 8): "Was this information useful?" on every article.

A row holds what the visitor said and nothing about them: the article (a page, or a public document such as a
decision), the language read, yes or no, the optional comment, and the day (no time, address, browser or cookie).
The form and the admin report are in ``feedback.py``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

COMMENT_MAX_LENGTH = 1000


class ContentFeedback(models.Model):
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), null=True, blank=True,
                             on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey("thidua_wagtail.OfficialDocument", verbose_name=pgettext_lazy("official document", "document"),
                                 null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(_("language"), max_length=16)
    useful = models.BooleanField(_("useful"))
    comment = models.TextField(_("comment"), blank=True, max_length=COMMENT_MAX_LENGTH)
    created_on = models.DateField(_("day"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("feedback on content")
        verbose_name_plural = _("feedback on content")
        ordering = ["-created_on", "-pk"]
        constraints = [models.CheckConstraint(
            condition=models.Q(page__isnull=False, document__isnull=True)
            | models.Q(page__isnull=True, document__isnull=False), name="thidua_feedback_one_target")]

    def __str__(self):
        return f"{self.page or self.document}: {'+' if self.useful else '-'}"
