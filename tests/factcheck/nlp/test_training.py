"""Training examples from gold records, and cross-validation over held-out sets."""

import json
from pathlib import Path

from factcheck.nlp.training import cross_validate, scored_article, train

SETS = Path(__file__).resolve().parents[2] / "data" / "extraction"


def _record(text: str, statements: list[dict]) -> dict:
    return {"id": "x", "text": text, "statements": statements}


def test_each_rule_statement_is_an_example_right_only_with_span_and_speaker(
    founding_text, founding_gold
):
    gold = founding_gold["statements"]
    article = scored_article(_record(founding_text, gold))
    assert len(article.examples) == len(gold) == article.gold
    assert all(example.right for example in article.examples)

    wrong_speaker = [dict(gold[0], speaker="محمد مخبر"), *gold[1:]]
    missing = gold[1:]
    assert not scored_article(_record(founding_text, wrong_speaker)).examples[0].right
    assert not scored_article(_record(founding_text, missing)).examples[0].right
    assert scored_article(_record(founding_text, missing)).gold == len(gold) - 1


def _set(name: str) -> list:
    lines = (SETS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [scored_article(json.loads(line)) for line in lines if line]


def test_the_model_costs_no_f1_and_ranks_what_it_did_not_see():
    results = {r.name: r for r in cross_validate({"dev": _set("dev"), "check8": _set("check8")})}
    assert set(results) == {"dev", "check8", "all, pooled"}
    # The rules have caught up with the model's filtering, so on a set it was not trained on
    # it must not cost F1 beyond noise. It keeps low-probability indirect statements on
    # purpose (indirect recall is the weaker half of the target).
    held_out = results["check8"]  # scored by a model trained on dev alone
    assert held_out.model[0] >= held_out.rules[0] - 0.002
    assert results["all, pooled"].model[0] >= results["all, pooled"].rules[0] - 0.002

    # What it still earns is the confidence: the review queue takes the least sure first, so
    # right statements must score above wrong ones on articles the model never saw.
    model = train(_set("dev"))
    examples = [example for article in _set("check8") for example in article.examples]
    right = [model.probability(e.features) for e in examples if e.right]
    wrong = [model.probability(e.features) for e in examples if not e.right]
    ranked_above = sum((r > w) + 0.5 * (r == w) for r in right for w in wrong)
    assert ranked_above / (len(right) * len(wrong)) > 0.85
