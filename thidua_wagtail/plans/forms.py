"""The admin form for importing a plan."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Site

from ..models import CampaignIndexPage, OrganisationSettings
from .drafts import PlanImportError, check_importable
from .parser import parse_plan
from .reader import PlanReadError, check_lines, read_plan_file, split_lines, too_large


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
        help_text=_("A Word (.docx) or plain text (.txt, UTF-8) file. The original is kept with the document."),
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

    def __init__(self, *args, user=None, request=None, **kwargs):
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
        if request is not None and not self.is_bound:
            site = Site.find_for_request(request)
            if site is not None:
                self.fields["issuing_body"].initial = OrganisationSettings.for_site(site).organisation_name

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
        if upload:
            name, data = upload.name, upload.read()
            try:
                lines = read_plan_file(name, data)
            except PlanReadError as error:
                self.add_error("file", str(error))
                return cleaned
        else:
            name, data = "ke-hoach.txt", text.encode("utf-8")
            try:
                lines = check_lines(split_lines(text))
            except PlanReadError as error:
                self.add_error("text", str(error))
                return cleaned
        plan = parse_plan(lines)
        try:
            check_importable(plan, cleaned["parent"].locale)
        except PlanImportError as error:
            raise forms.ValidationError(str(error)) from error
        cleaned.update(plan=plan, file_name=name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1], data=data)
        return cleaned
