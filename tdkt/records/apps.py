from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "tdkt.records"
    label = "records"

    def ready(self):
        from tdkt.records.attachables import register_targets

        register_targets()
