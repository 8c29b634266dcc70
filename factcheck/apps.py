from django.apps import AppConfig


class FactcheckConfig(AppConfig):
    name = "factcheck"
    verbose_name = "Fact-check"

    def ready(self) -> None:
        from . import signals  # noqa: F401 - connects the side-effect handlers
