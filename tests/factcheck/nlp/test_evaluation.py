"""Scoring by the rules of ANNOTATION.md: IoU matching, speaker folding, breakdowns."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from factcheck.nlp.evaluation import (
    cue_key,
    evaluate,
    format_cues,
    format_report,
    iou,
    match,
    speaker_right,
    verb_number,
)
from factcheck.nlp.extractor import ExtractedStatement


def test_iou_and_one_to_one_best_first_matching():
    assert iou((0, 10), (5, 15)) == 5 / 15
    # Both predictions overlap the first gold span; the better one takes it.
    assert match([(0, 10), (0, 9)], [(0, 10), (50, 60)]) == [(0, 0)]


def test_speaker_right_folds_and_accepts_word_suffixes():
    assert speaker_right("عیسی زارعپور", "عیسی زارع‌پور")
    assert speaker_right("زارعپور", "عیسی زارع‌پور")
    assert speaker_right("دکتر عیسی زارعپور", "عیسی زارع‌پور")
    assert speaker_right("علي لاريجاني", "علی لاریجانی")
    assert not speaker_right("عیسی", "عیسی زارع‌پور")
    assert not speaker_right("وزیر ارتباطات", "عیسی زارع‌پور")
    assert not speaker_right("زارعپور", "عیسی زارع‌پور", strict=True)


def _statement(start, end, speaker, kind="direct", confidence=0.9):
    return ExtractedStatement(
        speaker,
        None,
        None,
        "name",
        "x" * (end - start),
        start,
        end,
        kind,
        "گفت:",
        "body",
        confidence,
    )


def test_evaluate_counts_span_and_end_to_end_separately():
    gold = {
        "id": "a",
        "text": "x" * 100,
        "statements": [
            {"start": 0, "end": 10, "speaker": "علی رضایی", "kind": "direct", "location": "body"},
            {
                "start": 20,
                "end": 30,
                "speaker": "علی رضایی",
                "kind": "indirect",
                "location": "body",
            },
        ],
    }
    predictions = [_statement(0, 10, "رضایی"), _statement(20, 30, "حسن"), _statement(60, 70, "x")]
    report = evaluate([gold], extract=lambda text: predictions)
    overall = report.overall
    assert (overall.precision(), overall.recall()) == (2 / 3, 1.0)
    assert (overall.precision(True), overall.recall(True)) == (1 / 3, 0.5)
    assert report.by["kind"]["indirect"].recall() == 1.0
    assert report.by["kind"]["indirect"].recall(True) == 0.0
    assert {e["type"] for e in report.errors} == {"wrong speaker", "spurious"}


def test_predictions_are_banded_by_confidence_to_show_how_often_each_band_is_right():
    gold = {
        "id": "a",
        "text": "x" * 100,
        "statements": [
            {"start": 0, "end": 10, "speaker": "علی رضایی", "kind": "direct", "location": "body"},
            {"start": 20, "end": 30, "speaker": "علی رضایی", "kind": "direct", "location": "body"},
        ],
    }
    predictions = [
        _statement(0, 10, "رضایی", confidence=0.95),
        _statement(20, 30, "حسن", confidence=0.93),
        _statement(60, 70, "x", confidence=0.4),
    ]
    report = evaluate([gold], extract=lambda text: predictions)
    assert set(report.confidence) == {"0.9-1.0", "0.0-0.5"}
    top = report.confidence["0.9-1.0"]
    assert (top.predicted, top.right) == (2, 1) and round(top.confidence_sum, 2) == 1.88
    assert report.confidence["0.0-0.5"].right == 0
    table = format_report(report)
    assert "  0.9-1.0                    2   0.500   0.940" in table


@pytest.mark.parametrize(
    "cue, number",
    [
        ("گفتند", "plural"),
        ("اعلام کرده‌اند که", "plural"),
        ("اعلام کردهاند", "plural"),  # the ZWNJ lost
        ("می‌گویند", "plural"),
        ("معتقدند", "plural"),
        ("خواهان ... هستند", "plural"),
        ("گفت", "other"),
        ("می‌کند", "other"),
        ("را ... خواند", "other"),
        ("به گفته", "other"),
        ("headline", "other"),
    ],
)
def test_a_cues_verb_is_plural_by_its_ending(cue, number):
    assert verb_number(cue_key({"cue": cue})) == number


def test_cues_rank_what_is_missed_or_misattributed_and_recall_by_verb_number():
    def gold(start, cue):
        return {"start": start, "end": start + 10, "speaker": "علی رضایی", "cue": cue}

    record = {
        "id": "a",
        "text": "x" * 100,
        "statements": [gold(0, "گفت:"), gold(20, "گفتند"), gold(40, "گفتند"), gold(60, "افزود")],
    }
    predictions = [
        _statement(0, 10, "رضایی"),
        _statement(20, 30, "حسن"),
        _statement(60, 70, "علی رضایی"),
    ]
    report = evaluate([record], extract=lambda text: predictions)
    assert cue_key({"cue": "اعلام كرد:"}) == cue_key({"cue": "اعلام کرد"}) == "اعلام کرد"
    table = format_cues(report, 1)
    # گفتند: two gold, one missed, one with the wrong speaker; it alone is listed.
    assert "  گفتند                      2       1       1   0.000" in table
    assert "افزود" not in table.split("by the number")[0]
    assert "  plural                     2  e2e R 0.000" in table
    assert "  other                      2  e2e R 1.000" in table


def test_evaluate_extraction_command_prints_figures(tmp_path, founding_text, founding_gold):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"id": "didar", "text": founding_text, **founding_gold}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    out = StringIO()
    call_command("evaluate_extraction", str(gold), stdout=out)
    report = out.getvalue()
    assert "end to end                   1.000     1.000     1.000" in report
    assert "by kind:" in report and "by mention:" in report and "by location:" in report
    assert "ms per article" in report
    assert "by cue as annotated" not in report
    out = StringIO()
    call_command("evaluate_extraction", str(gold), cues=3, stdout=out)
    assert "the 3 with the most missed or wrong speaker" in out.getvalue()
    assert "by the number of the cue's verb" in out.getvalue()


def test_against_scores_a_second_annotation_instead_of_the_extractor(
    tmp_path, founding_text, founding_gold
):
    first = {**founding_gold, "id": "didar", "text": founding_text}
    # The second annotator missed one statement and credited another to someone else.
    statements = [dict(s) for s in first["statements"][1:]]
    statements[0]["speaker"] = "وزارت اطلاعات"
    second = {"id": "didar", "text": founding_text, "statements": statements}
    gold, other = tmp_path / "gold.jsonl", tmp_path / "second.jsonl"
    gold.write_text(json.dumps(first, ensure_ascii=False) + "\n", encoding="utf-8")
    other.write_text(json.dumps(second, ensure_ascii=False) + "\n", encoding="utf-8")
    out = StringIO()
    call_command("evaluate_extraction", str(gold), against=str(other), stdout=out)
    report = out.getvalue()
    total = len(first["statements"])
    # 11 gold statements: 10 found, 9 of them with the right speaker.
    assert total == 11
    assert f"gold statements {total}, predicted {total - 1}" in report
    assert "spans (IoU >= 0.5)           1.000     0.909     0.952" in report
    assert "end to end                   0.900     0.818     0.857" in report
    assert "a second annotation, not the extractor" in report
    assert "ms per article" not in report


def test_against_refuses_an_article_the_gold_lacks(tmp_path, founding_text, founding_gold):
    gold, other = tmp_path / "gold.jsonl", tmp_path / "second.jsonl"
    gold.write_text(
        json.dumps({"id": "didar", "text": founding_text, **founding_gold}) + "\n",
        encoding="utf-8",
    )
    other.write_text(
        json.dumps({"id": "other", "text": "x", "statements": []}) + "\n", encoding="utf-8"
    )
    with pytest.raises(CommandError, match="'other' is not in the gold records"):
        call_command("evaluate_extraction", str(gold), against=str(other), stdout=StringIO())
