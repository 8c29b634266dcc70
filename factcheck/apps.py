from django.apps import AppConfig


class FactcheckConfig(AppConfig):
    name = "factcheck"
    verbose_name = "Fact-check"

    def ready(self) -> None:
        from . import checks, signals  # noqa: F401 - registers the checks, connects the handlers
