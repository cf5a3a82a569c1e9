"""The few places where Wagtail 7.4 and 8.0 differ, and the one private Wagtail API the app relies on, in one
module.

- Wagtail 8 keeps permission policies in a registry (``wagtail.permissions.policy_registry``); Wagtail 7.4 has
  module-level policies and viewsets that build their own.
- ``remember_parent``: Wagtail's own ``Page.route()`` sets treebeard's private ``_cached_parent_obj`` on the child
  it found, so that ``get_parent()`` (breadcrumbs, the news page's list link) costs no query. The app's index pages
  route to their children themselves (one query, or none from the cache: ``FilteredIndexPage.route``) and do the
  same. Nothing public does it; ``tests/test_project.py::test_the_private_wagtail_api_we_use_is_still_there``
  fails when Wagtail or treebeard stop reading or setting it (the cost would then be one query per page view,
  never a wrong page).
- ``postgres_rank_weights``: the weights Wagtail's PostgreSQL search backend gives ``ts_rank()`` (from the boosts
  of the indexed fields), read from the backend's module, so that ``search.PostgresWindowedPages`` scores a broad
  query's newest matches exactly as the backend scores them. ``tests/test_search_ranking.py`` compares the two
  orders on PostgreSQL and fails when they part.

Everything else uses Wagtail's public API.
"""

import sys

from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import page_permission_policy

try:  # Wagtail 8
    from wagtail.permissions import policy_registry, register_permission_policy
except ImportError:  # Wagtail 7.4
    policy_registry = None
    register_permission_policy = None

WAGTAIL_7 = policy_registry is None

_policies = {}


def get_permission_policy(model):
    """The permission policy Wagtail uses for ``model`` (a page type gets the page policy)."""
    if policy_registry is not None:
        return policy_registry.get_by_type(model)
    if issubclass(model, Page):
        return page_permission_policy
    return _policies.get(model) or ModelPermissionPolicy(model)


def set_permission_policy(model, policy):
    """Register ``policy`` for ``model`` (Wagtail 8), or remember it for the viewset to use (Wagtail 7.4)."""
    if register_permission_policy is not None:
        register_permission_policy(model, policy)
    _policies[model] = policy


def remember_parent(child, parent):
    """Tell ``child`` its parent page, as Wagtail's ``Page.route()`` does (see the module's docstring)."""
    child._cached_parent_obj = parent


def postgres_rank_weights(backend):
    """The ``{D, C, B, A}`` weights array (SQL) of ``backend``, a Wagtail PostgreSQL search backend (see above)."""
    return sys.modules[type(backend).__module__].get_sql_weights()
