"""System checks (``manage.py check``, and before ``runserver``, ``migrate`` and the other
commands): what would otherwise fail later, in the middle of an ingest."""

from django.core.checks import Error, register

from .nlp import scoring


@register()
def statement_model_readable(app_configs, **kwargs) -> list[Error]:
    """Extraction needs the statement model; a missing or broken file is said up front."""
    try:
        scoring.load_model(scoring.MODEL_PATH)
    except scoring.ModelUnavailable as error:
        return [Error(str(error), id="factcheck.E001")]
    return []
