from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "tdkt.dossiers"
    label = "dossiers"
