from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tdkt.core"
    label = "core"

    def ready(self):
        from tdkt.core import lookups  # noqa: F401  registers field__any
