"""Admin view: upload a plan, get a draft campaign and a report of what was recognised."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..models import CampaignIndexPage
from .drafts import PlanImportError, import_plan_file
from .forms import PlanImportForm, may_import_into
from .reader import PlanReadError


def can_import_plans(user):
    """Whether ``user`` may import plans into at least one campaign list (``forms.may_import_into``)."""
    return any(may_import_into(user, page) for page in CampaignIndexPage.objects.all())


class PlanImportView(WagtailAdminTemplateMixin, FormView):
    form_class = PlanImportForm
    template_name = "thidua_wagtail/admin/plan_import.html"
    result_template_name = "thidua_wagtail/admin/plan_import_result.html"
    page_title = gettext_lazy("Import a plan")
    header_icon = "doc-full"
    _show_breadcrumbs = True

    def dispatch(self, request, *args, **kwargs):
        if not can_import_plans(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        data = form.cleaned_data
        name, content = form.plan_source()
        try:
            result, plan = import_plan_file(name, content, parent=data["parent"], issuing_body=data["issuing_body"],
                                            user=self.request.user, create_movements=data["create_movements"])
        except PlanReadError as error:
            form.add_error("file" if data.get("file") else "text", str(error))
            return self.form_invalid(form)
        except (PlanImportError, ValidationError) as error:
            form.add_error(None, error.messages[0] if hasattr(error, "messages") else str(error))
            return self.form_invalid(form)
        messages.success(self.request, _("Draft campaign \"%(title)s\" created from %(number)s.")
                         % {"title": result.campaign.title, "number": result.document.number})
        labels = {"number": _("Number"), "date": _("Place and date"), "type": _("Type"), "title": _("Title"),
                  "recipients": _("Recipients"), "signer": _("Signer")}
        found_parts = [(labels[name], plan.found[name]) for name in labels if name in plan.found]
        context = self.get_context_data(form=form, result=result, plan=plan, found_parts=found_parts)
        return render(self.request, self.result_template_name, context)

