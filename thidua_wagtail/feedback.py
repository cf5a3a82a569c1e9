"""Feedback on content (Decree 42/2022/NĐ-CP, Art. 8): "Was this information useful?" under every article, and the
admin's report of the answers (Reports → Feedback on content), with CSV exports.

**The form** (``includes/feedback.html``) is one click: "Yes" or "No", with an optional comment typed first. It posts
to ``feedback_view``, which stores a ``ContentFeedback`` and answers with a thank-you page (or, from the page's
script, a line of JSON shown in place). Its protections are the nomination form's:

- a honeypot field: robots that fill it are thanked and nothing is stored;
- a per-IP limit (``THIDUA_FEEDBACK_RATE_LIMIT`` per ``THIDUA_FEEDBACK_RATE_PERIOD`` seconds) counted in the
  shared cache, keyed on a hash of the address, which is never stored;
- lengths capped (the comment at ``COMMENT_MAX_LENGTH`` characters, control characters removed), the article
  checked (a live, public page of the app's types, or a public document, in the language posted);
- no CSRF token, because articles are served from the response cache to every visitor and a token would be
  someone else's: instead a post whose ``Origin`` (or ``Referer``) names another site is refused (403), which is
  what a forged cross-site post carries. There is no account, session or cookie to forge a post *for*.

What is kept is what the form says: the article, the language, the answer, the comment and the day.
"""

import csv
import unicodedata

from django import forms
from django.db.models import Count, Max, Q
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Page

from .conf import thidua_settings
from .exports import neutralise_formula
from .i18n import active_locale
from .models import ContentFeedback, OfficialDocument
from .models.base import base_template
from .models.feedback import COMMENT_MAX_LENGTH
from .pagetypes import app_page_types
from .querysets import public
from .reports import PageEditorsReportView
from .submissions import reserve_submission

# Choices the form posts; anything else is a form error.
ANSWERS = {"yes": True, "no": False}


def plain(text):
    """``text`` without control or format characters (line breaks kept), stripped."""
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c)[0] != "C").strip()


class FeedbackForm(forms.Form):
    page = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    document = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    useful = forms.ChoiceField(choices=[(key, key) for key in ANSWERS],
                               error_messages={"required": _("Choose “Yes” or “No”."),
                                               "invalid_choice": _("Choose “Yes” or “No”.")})
    comment = forms.CharField(required=False, max_length=COMMENT_MAX_LENGTH, strip=True)
    # Robots fill every field; people do not see this one.
    website = forms.CharField(required=False)

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.locale = locale

    @property
    def is_spam(self):
        return bool(self.data.get("website"))

    def clean_comment(self):
        return plain(self.cleaned_data["comment"])

    def clean(self):
        cleaned = super().clean()
        page_id, document_id = cleaned.get("page"), cleaned.get("document")
        if bool(page_id) == bool(document_id):
            raise forms.ValidationError(_("This feedback does not say which article it is about."))
        if page_id:
            page = (public(Page.objects.live()).type(*app_page_types()).filter(pk=page_id, locale=self.locale)
                    .first())
            if page is None:
                raise forms.ValidationError(_("This article is not published."))
            cleaned["target"] = {"page": page}
        else:
            document = OfficialDocument.objects.filter(pk=document_id, locale=self.locale, is_public=True).first()
            if document is None:
                raise forms.ValidationError(_("This article is not published."))
            cleaned["target"] = {"document": document}
        return cleaned

    def save(self):
        return ContentFeedback.objects.create(
            **self.cleaned_data["target"], language=self.locale.language_code,
            useful=ANSWERS[self.cleaned_data["useful"]], comment=self.cleaned_data["comment"])


def same_site(request):
    """False when the post says it comes from a page of another site (a forged cross-site post)."""
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if not source or source == "null":
        return not request.headers.get("Origin")  # no header at all: a tool or an old browser, not a forgery
    return url_has_allowed_host_and_scheme(source, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure())


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def answer(request, message, status, back=""):
    if wants_json(request):
        return JsonResponse({"message": str(message)}, status=status, json_dumps_params={"ensure_ascii": False})
    response = TemplateResponse(request, "thidua_wagtail/feedback_sent.html", {
        "message": message, "ok": status == 200, "back": back, "thidua_base_template": base_template(),
    }, status=status)
    response["Cache-Control"] = "private, no-cache"
    return response


@csrf_exempt  # see the module's docstring: the origin is checked instead of a token
def feedback_view(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    referer = request.headers.get("Referer", "")
    back = referer if url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()}) else ""
    if not same_site(request):
        return answer(request, _("This answer was sent from another website and has not been recorded."), 403)
    form = FeedbackForm(request.POST, locale=active_locale())
    if form.is_spam:
        return answer(request, _("Thank you for your feedback."), 200, back)
    if not form.is_valid():
        errors = [str(error) for error_list in form.errors.values() for error in error_list]
        return answer(request, " ".join(errors), 400, back)
    if not reserve_submission(request, "feedback", thidua_settings.FEEDBACK_RATE_LIMIT,
                              thidua_settings.FEEDBACK_RATE_PERIOD):
        return answer(request, _("Too many answers have been sent from your address. Please try again later."), 429,
                      back)
    form.save()
    return answer(request, _("Thank you for your feedback."), 200, back)


# ---------------------------------------------------------------------------
# The admin's report
# ---------------------------------------------------------------------------


def feedback_summary():
    """One row per article: its title, kind, language, yes and no counts, comments and last day, most answers
    first. Two aggregate queries and one query per kind of target, whatever the number of answers."""
    totals = {"yes": Count("pk", filter=Q(useful=True)), "no": Count("pk", filter=Q(useful=False)),
                  "comments": Count("pk", filter=~Q(comment="")), "last": Max("created_on")}
    rows = []
    by_page = list(ContentFeedback.objects.filter(page__isnull=False).values("page", "language").annotate(**totals))
    pages = Page.objects.filter(pk__in=[row["page"] for row in by_page]).specific().in_bulk()
    for row in by_page:
        page = pages.get(row["page"])
        if page is not None:
            rows.append({**row, "title": page.title, "kind": page.specific_class._meta.verbose_name.capitalize()
                         if page.specific_class else "", "edit_url": reverse("wagtailadmin_pages:edit",
                                                                             args=[page.pk]),
                         "url": page.get_url()})
    by_document = list(ContentFeedback.objects.filter(document__isnull=False).values("document", "language")
                       .annotate(**totals))
    documents = OfficialDocument.objects.in_bulk([row["document"] for row in by_document])
    for row in by_document:
        document = documents.get(row["document"])
        if document is not None:
            rows.append({**row, "title": str(document), "kind": document.get_doc_type_display(),
                         "edit_url": reverse("wagtailsnippets_thidua_wagtail_officialdocument:edit",
                                             args=[document.pk]),
                         "url": reverse("thidua_wagtail:document", args=[document.pk])})
    for row in rows:
        answered = row["yes"] + row["no"]
        row["share"] = round(100 * row["yes"] / answered) if answered else 0
    return sorted(rows, key=lambda row: (-(row["yes"] + row["no"]), row["title"]))


class FeedbackReportView(PageEditorsReportView):
    """Reports → Feedback on content: the answers per article and the latest comments. ``?export=csv`` gives the
    per-article figures, ``?export=comments`` every comment, as CSV (formulas neutralised)."""

    template_name = "thidua_wagtail/admin/feedback.html"
    page_title = _("Feedback on content")
    header_icon = "comment"
    COMMENTS_SHOWN = 50

    def get(self, request, *args, **kwargs):
        export = request.GET.get("export")
        if export == "csv":
            return self.summary_csv(request)
        if export == "comments":
            return self.comments_csv()
        rows = feedback_summary()
        comments = (ContentFeedback.objects.exclude(comment="").select_related("page", "document")
                    [:self.COMMENTS_SHOWN])
        return self.render_to_response(self.get_context_data(
            rows=rows, comments=comments, total=sum(row["yes"] + row["no"] for row in rows),
            page_title=self.page_title, header_title=self.page_title, header_icon=self.header_icon))

    @staticmethod
    def csv_response(name):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}-{timezone.localdate().isoformat()}.csv"'
        response.write("\ufeff")  # spreadsheet programs read the file as UTF-8
        return response

    def summary_csv(self, request):
        response = self.csv_response("y-kien-ve-noi-dung")
        writer = csv.writer(response)
        writer.writerow([str(heading) for heading in (_("Article"), _("Kind"), _("Language"), _("Useful"),
                                                      _("Not useful"), _("Share useful"), _("Comments"),
                                                      _("Last answer"), _("Address"))])
        for row in feedback_summary():
            writer.writerow([neutralise_formula(row["title"]), neutralise_formula(str(row["kind"])), row["language"],
                             row["yes"], row["no"], row["share"], row["comments"], row["last"].isoformat(),
                             request.build_absolute_uri(row["url"]) if row["url"] else ""])
        return response

    def comments_csv(self):
        response = self.csv_response("gop-y-ve-noi-dung")
        writer = csv.writer(response)
        writer.writerow([str(heading) for heading in (_("Day"), _("Article"), _("Language"), _("Useful"),
                                                      _("Comment"))])
        for feedback in ContentFeedback.objects.exclude(comment="").select_related("page", "document").iterator():
            target = feedback.page.title if feedback.page_id else str(feedback.document)
            writer.writerow([feedback.created_on.isoformat(), neutralise_formula(target), feedback.language,
                             gettext("Yes") if feedback.useful else gettext("No"),
                             neutralise_formula(feedback.comment)])
        return response

