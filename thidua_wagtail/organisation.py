"""The organisation page (Decree 42/2022/NĐ-CP, Art. 4 and 7): who publishes the site, its position, functions and
duties, and its structure (each unit with what it does, who heads it and how to reach it), in the reader's
language: Vietnamese, and English through the same wagtail-localize translations as every other text.

It is made from what the site already holds: the organisation settings and their translated ``Organisation`` texts,
and the ``Unit`` snippets in the reader's language, in their order, each under its parent unit.
"""

from django.template.response import TemplateResponse

from .cache import cached_response
from .i18n import active_locale
from .models import OrganisationSettings, Unit
from .models.base import base_template


def unit_tree(units):
    """``units`` as (unit, its children as a tree) pairs from the top, in their order. A unit whose parent is not in
    ``units`` (not translated yet) is shown at the top rather than lost."""
    known = {unit.pk for unit in units}
    children = {}
    for unit in units:
        children.setdefault(unit.parent_id if unit.parent_id in known else None, []).append(unit)

    def branch(parent_id, seen):
        return [(unit, branch(unit.pk, seen | {unit.pk})) for unit in children.get(parent_id, [])
                if unit.pk not in seen]

    return branch(None, frozenset())


def organisation_view(request):
    # The settings, the units and the layout are all it shows: publishing a page keeps it cached.
    return cached_response(request, "organisation", lambda: organisation_response(request), site_wide=True)


def organisation_response(request):
    locale = active_locale()
    units = list(Unit.objects.filter(locale=locale).order_by("sort_order", "name"))
    return TemplateResponse(request, "thidua_wagtail/organisation.html", {
        "organisation": OrganisationSettings.cached_for_request(request), "units": unit_tree(units),
        "unit_kinds": Unit.Kind, "thidua_base_template": base_template(),
    })
