from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "tdkt.people"
    label = "people"
