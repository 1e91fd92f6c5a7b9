from django.apps import AppConfig


class PledgesConfig(AppConfig):
    name = "tdkt.pledges"
    label = "pledges"
    verbose_name = "Đăng ký, cam kết thi đua"

    def ready(self) -> None:
        from tdkt.pledges import computations  # noqa: F401  registers the computed targets of this area
