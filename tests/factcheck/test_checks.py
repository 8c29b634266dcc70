"""System checks: problems said before a command runs, not halfway through it."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from factcheck.nlp import scoring


def test_a_missing_statement_model_stops_commands_with_what_to_do(db, tmp_path, monkeypatch):
    monkeypatch.setattr(scoring, "MODEL_PATH", tmp_path / "statement_model.json")
    with pytest.raises(SystemCheckError, match="factcheck.E001.*train_statement_model"):
        call_command("check")


def test_the_shipped_model_passes(db, capsys):
    call_command("check")
    assert "no issues" in capsys.readouterr().out
