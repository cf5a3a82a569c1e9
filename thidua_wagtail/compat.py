"""The few places where Wagtail 7.4 and 8.0 differ, in one module.

Wagtail 8 keeps permission policies in a registry (``wagtail.permissions.policy_registry``); Wagtail 7.4 has
module-level policies and viewsets that build their own.
"""

from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy

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
        from wagtail.permissions import page_permission_policy

        return page_permission_policy
    return _policies.get(model) or ModelPermissionPolicy(model)


def set_permission_policy(model, policy):
    """Register ``policy`` for ``model`` (Wagtail 8), or remember it for the viewset to use (Wagtail 7.4)."""
    if register_permission_policy is not None:
        register_permission_policy(model, policy)
    _policies[model] = policy
