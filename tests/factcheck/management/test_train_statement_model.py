"""python manage.py train_statement_model: writes the model, cross-validates, stays current."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from factcheck.nlp.scoring import MODEL_PATH, load_model
from factcheck.nlp.training import THRESHOLDS


@pytest.fixture
def gold_file(tmp_path, founding_text, founding_gold):
    path = tmp_path / "founding.jsonl"
    record = {"id": "didar", "text": founding_text, **founding_gold}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_it_writes_a_model_the_engine_can_load(tmp_path, gold_file):
    out = tmp_path / "model" / "statement_model.json"
    stdout = StringIO()
    call_command("train_statement_model", str(gold_file), out=str(out), stdout=stdout)
    assert "trained on 11 statements of 1 articles" in stdout.getvalue()
    model = load_model(out)
    assert model.thresholds == THRESHOLDS
    # Eleven right statements: every weight it keeps pushes towards "right".
    assert model.weights and model.weights["bias"] > 0


def test_cross_validation_prints_each_held_out_file_and_writes_nothing(tmp_path, gold_file):
    second = tmp_path / "again.jsonl"
    second.write_text(gold_file.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "model.json"
    stdout = StringIO()
    call_command(
        "train_statement_model",
        str(gold_file),
        str(second),
        cross_validate=True,
        out=str(out),
        stdout=stdout,
    )
    lines = stdout.getvalue().splitlines()
    assert lines[0].split()[:2] == ["held", "out"]
    assert [line.split()[0] for line in lines[1:]] == ["founding", "again", "all,"]
    assert lines[1].split()[1] == "1.000"  # rules alone: every statement right
    assert not out.exists()


def test_a_file_that_is_not_gold_is_named(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(CommandError, match="bad.jsonl line 1: not a gold record"):
        call_command("train_statement_model", str(bad), out=str(tmp_path / "m.json"))


def test_the_shipped_model_was_trained_on_the_current_rules(tmp_path):
    """After a change to the rules, retrain (python manage.py train_statement_model): the
    model learned from what the rules found, and features they no longer give are lost."""
    out = tmp_path / "retrained.json"
    call_command("train_statement_model", out=str(out), stdout=StringIO())
    retrained, shipped = load_model(out).weights, load_model(MODEL_PATH).weights
    drifted = {
        feature
        for feature in retrained.keys() | shipped.keys()
        if abs(retrained.get(feature, 0.0) - shipped.get(feature, 0.0)) > 1e-3
    }
    assert not drifted, f"retrain the statement model: {sorted(drifted)[:5]} ..."
