from django.apps import AppConfig


class CouncilsConfig(AppConfig):
    name = "tdkt.councils"
    label = "councils"
