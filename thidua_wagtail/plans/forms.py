"""The admin form for importing a plan: what to import and where (the import itself is
``drafts.import_plan_file``, run by the view)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from ..models import CampaignIndexPage
from .drafts import default_issuing_body
from .reader import too_large


def may_import_into(user, campaign_list):
    """The one rule for who imports plans: those who may publish campaigns in the list (the Office). An import
    files an official document; translators and unit editors, who may add pages, do not import."""
    return campaign_list.permissions_for_user(user).can_publish_subpage()


class PlanImportForm(forms.Form):
    parent = forms.ModelChoiceField(
        label=_("Campaign list"),
        queryset=CampaignIndexPage.objects.none(),
        help_text=_("The draft campaign is created under this list."),
    )
    file = forms.FileField(
        label=_("Plan file"),
        required=False,
        help_text=_("A PDF with a text layer (.pdf), Word (.docx) or plain text (.txt, UTF-8) file. The original is kept "
                    "with the document."),
    )
    text = forms.CharField(
        label=_("Or paste the plan's text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
    )
    issuing_body = forms.CharField(
        label=_("Issuing body"),
        max_length=255,
        required=False,
        help_text=_("Used when the plan's letterhead does not name it."),
    )
    create_movements = forms.BooleanField(
        label=_("Create draft sub-campaigns for the movements quoted in the plan"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        indexes = CampaignIndexPage.objects.all().select_related("locale").order_by("path")
        allowed = [page.pk for page in indexes if may_import_into(user, page)] if user else []
        self.fields["parent"].queryset = CampaignIndexPage.objects.filter(pk__in=allowed).order_by("path")
        self.fields["parent"].label_from_instance = lambda page: f"{page.title} ({page.locale.language_code})"
        default = Locale.get_default()
        in_default = [page.pk for page in indexes if page.pk in allowed and page.locale_id == default.pk]
        if allowed:
            # Plans are written in the default language: its (first) campaign list is the usual choice.
            self.fields["parent"].initial = (in_default or allowed)[0]
            if not self.is_bound:
                initial = next(page for page in indexes if page.pk == self.fields["parent"].initial)
                self.fields["issuing_body"].initial = default_issuing_body(initial)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        # Checked on the size before reading: a 50 MB upload is not read into memory.
        if upload and (message := too_large(upload.size)):
            raise forms.ValidationError(message)
        return upload

    def clean(self):
        cleaned = super().clean()
        upload, text = cleaned.get("file"), (cleaned.get("text") or "").strip()
        if self.errors:
            return cleaned
        if upload and text:
            raise forms.ValidationError(_("Upload a file or paste the text, not both."))
        if not upload and not text:
            raise forms.ValidationError(_("Upload the plan's file or paste its text."))
        return cleaned

    def plan_source(self):
        """``(file name, bytes)`` of the plan to import: the upload, or the pasted text as a .txt file."""
        upload = self.cleaned_data.get("file")
        if upload:
            return upload.name, upload.read()
        return "ke-hoach.txt", self.cleaned_data["text"].strip().encode("utf-8")
