from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ThiduaWagtailConfig(AppConfig):
    name = "thidua_wagtail"
    label = "thidua_wagtail"
    verbose_name = _("Emulation campaigns")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401, PLC0415 (registers the system checks)
        from .signal_handlers import register_signal_handlers  # noqa: PLC0415 (models are loaded only now)

        register_signal_handlers()
