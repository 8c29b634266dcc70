"""The learned model that weighs the rules' statements: how it learns, scores and cuts."""

import json
from dataclasses import replace

import pytest

from factcheck.nlp.extractor import ExtractedStatement, extract_statements, rule_statements
from factcheck.nlp.scoring import (
    MIN_FEATURE_COUNT,
    Example,
    ModelUnavailable,
    StatementModel,
    article_features,
    fit,
    load_model,
    score_statements,
)
from factcheck.nlp.training import THRESHOLDS

TEXT = "تیتر خبر\nحسن روحانی روز دوشنبه گفت که دولت برنامه‌ای برای افزایش قیمت بنزین ندارد."


def _statement(**changes) -> ExtractedStatement:
    (statement,) = rule_statements(TEXT)
    return replace(statement, **changes)


def test_fit_learns_which_features_mark_a_right_statement():
    examples = [Example(["bias", "cue=گفت"], True, "direct")] * 20 + [
        Example(["bias", "cue=فرمود"], False, "direct")
    ] * 20
    model = fit(examples, {"direct": 0.5})
    assert model.probability(["bias", "cue=گفت"]) > 0.85
    assert model.probability(["bias", "cue=فرمود"]) < 0.15
    assert model.keeps("direct", 0.6) and not model.keeps("direct", 0.4)


def test_a_feature_too_rare_to_generalise_gets_no_weight():
    rare = ["bias", "quote_first=یکبار"]
    examples = [Example(rare, False, "direct")] * (MIN_FEATURE_COUNT - 1) + [
        Example(["bias"], True, "direct")
    ] * 10
    assert "quote_first=یکبار" not in fit(examples, {}).weights


def test_fitting_twice_gives_the_same_weights():
    examples = [Example(["bias", f"w={i % 4}"], i % 3 == 0, "direct") for i in range(60)]
    assert fit(examples, {}).weights == fit(examples, {}).weights


def test_the_order_examples_come_in_does_not_change_the_model():
    """Examples are visited in an order drawn from their features, so a rule that adds or
    drops a few statements does not reshuffle, and so retrain, all the others."""
    examples = [
        Example(["bias", f"w={i % 4}", f"v={i % 7}"], i % 3 == 0, "direct") for i in range(60)
    ]
    assert fit(examples, {}).weights == fit(examples[::-1], {}).weights


def test_score_statements_sets_the_probability_as_confidence_and_drops_the_unlikely():
    statement = _statement()
    features = article_features(TEXT, [statement])[0]
    assert "cue=گفتکه" in features and "kind=indirect" in features
    sure = StatementModel({"cue=گفتکه": 3.0}, {"indirect": 0.5})
    (kept,) = score_statements(TEXT, [statement], sure)
    assert kept.confidence == 0.95 and kept.quote == statement.quote
    doubtful = StatementModel({"cue=گفتکه": -3.0}, {"indirect": 0.5})
    assert score_statements(TEXT, [statement], doubtful) == []
    # Thresholds are by kind: a direct statement is not held to the indirect one.
    assert score_statements(TEXT, [replace(statement, kind="direct")], doubtful) != []


def test_features_see_the_article_a_statement_stands_in():
    once = _statement()
    twice = replace(once, end=once.start + 5)
    alone = article_features(TEXT, [once])[0]
    together = article_features(TEXT, [once, twice, replace(once, start=0, end=8)])[0]
    assert "overlaps_another" not in alone and "overlaps_another" in together
    # Counts go by order of magnitude: 1-2 statements of one speaker, then 3-6.
    assert "speaker_statements=1" in alone and "speaker_statements=2" in together


def test_the_model_round_trips_through_json(tmp_path):
    model = StatementModel({"bias": 0.25, "cue=گفت": -1.5}, {"direct": 0.3, "indirect": 0.1})
    path = tmp_path / "model.json"
    path.write_text(model.to_json(), encoding="utf-8")
    assert load_model(path) == model
    assert json.loads(path.read_text(encoding="utf-8"))["thresholds"] == model.thresholds


def test_the_shipped_model_keeps_every_statement_of_the_founding_article(
    founding_text, founding_gold
):
    found = extract_statements(founding_text)
    assert [(s.start, s.end) for s in found] == [
        (s["start"], s["end"]) for s in founding_gold["statements"]
    ]
    assert all(0.3 <= s.confidence <= 1 for s in found)
    assert load_model().thresholds == THRESHOLDS


def test_a_missing_or_broken_model_file_is_named_with_what_to_do(tmp_path):
    broken = tmp_path / "statement_model.json"
    broken.write_text('{"weights": {', encoding="utf-8")
    for path in (broken, tmp_path / "missing.json"):
        with pytest.raises(ModelUnavailable, match=f"{path.name}.*train_statement_model"):
            load_model(path)
