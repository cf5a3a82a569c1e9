from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .models import Nomination
from .viewsets import NominationPermissionPolicy, ThiduaViewSetGroup

register_permission_policy(Nomination, NominationPermissionPolicy(Nomination))
register_snippet(ThiduaViewSetGroup)
