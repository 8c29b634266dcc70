"""The annotated evaluation sets are well formed: what the figures in the README rest on."""

import json
from pathlib import Path

import pytest

SETS = Path(__file__).resolve().parents[2] / "data" / "extraction"
FILES = sorted(SETS.glob("*.jsonl"))
KINDS = {"direct", "indirect"}
LOCATIONS = {"title", "lead", "body"}
MENTIONS = {"name", "surname", "role", "pronoun", "none"}


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_the_four_sets_are_there():
    assert [f.name for f in FILES] == ["check.jsonl", "dev.jsonl", "test.jsonl", "valid.jsonl"]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_statement_is_its_quote_at_its_offsets(path):
    for record in records(path):
        for statement in record["statements"]:
            assert record["text"][statement["start"] : statement["end"]] == statement["quote"]
            assert statement["kind"] in KINDS
            assert statement["location"] in LOCATIONS
            assert statement["mention_type"] in MENTIONS
            assert statement["speaker"]


def test_no_article_is_in_two_sets():
    seen: dict[str, str] = {}
    for path in FILES:
        for record in records(path):
            assert record["id"] not in seen, (record["id"], seen.get(record["id"]), path.name)
            seen[record["id"]] = path.name
    assert len(seen) == 210
