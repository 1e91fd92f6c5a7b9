from django.apps import AppConfig


class CouncilsConfig(AppConfig):
    name = "tdkt.councils"
    label = "councils"

    def ready(self):
        from tdkt.councils import nominations  # noqa: F401  registers the ballot handler of nominations
