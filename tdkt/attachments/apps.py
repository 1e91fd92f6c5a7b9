from django.apps import AppConfig


class AttachmentsConfig(AppConfig):
    name = "tdkt.attachments"
    label = "attachments"
