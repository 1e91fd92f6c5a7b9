from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "tdkt.accounts"
    label = "accounts"
