from wagtail.snippets.models import register_snippet

from .viewsets import ThiduaViewSetGroup

register_snippet(ThiduaViewSetGroup)
