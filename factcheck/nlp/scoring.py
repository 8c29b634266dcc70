"""A learned confidence for each extracted statement, and the cut it makes.

The rules find candidates; this logistic model, trained on the annotated evaluation sets
(``tests/data/extraction``), estimates how likely each one is right end to end: span and
speaker, as ANNOTATION.md scores them. The estimate becomes the statement's ``confidence``
(the editors' review queue takes the least sure first) and the statements under their
kind's threshold are dropped. Retrain after changing the rules:
``python manage.py train_statement_model`` (see the README).

Features are strings (``cue=گفت``, ``quote_first=این``); the model is one weight per feature, kept as
JSON beside this file, so scoring needs nothing beyond the standard library.
"""

import functools
import json
import math
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .text import WORD
from .text import fold_key as _fold_key

if TYPE_CHECKING:
    from .extractor import ExtractedStatement

MODEL_PATH = Path(__file__).resolve().parent / "data" / "statement_model.json"
# A feature seen in fewer training statements than this gets no weight: it would only
# remember one article.
MIN_FEATURE_COUNT = 3

_DIGIT = re.compile(r"[0-9۰-۹٠-٩]")
_MARKS = {"«": "guillemet_open", "»": "guillemet_close", "؟": "question", ":": "colon"}


# The same words (cues, speakers' names, common words) come back in every article.
fold_key = functools.lru_cache(maxsize=1 << 14)(_fold_key)


def _bucket(count: int) -> int:
    """0 | 1-2 | 3-6 | 7-14 | ...: sizes compared by order of magnitude."""
    return int(math.log2(count + 1))


class _Article:
    """What the features look up across one article, computed once for all its statements."""

    def __init__(self, text: str, statements: Sequence["ExtractedStatement"]) -> None:
        self.text = text
        self.statements = statements
        self.key = _fold_key(text)
        self.by_speaker = Counter(fold_key(s.speaker) for s in statements)

    def overlaps(self, statement: "ExtractedStatement") -> bool:
        return any(
            other is not statement and other.start < statement.end and statement.start < other.end
            for other in self.statements
        )

    def uses(self, word: str) -> int:
        key = fold_key(word)
        return self.key.count(key) if key else 0


def _features(statement: "ExtractedStatement", article: _Article) -> list[str]:
    kind, mention, location = statement.kind, statement.mention_type, statement.location
    features = [
        "bias",
        f"kind={kind}",
        f"mention={mention}",
        f"location={location}",
        f"kind,mention={kind},{mention}",
        f"kind,location={kind},{location}",
        f"mention,location={mention},{location}",
        f"cue={fold_key(statement.cue)}",
        f"rule_confidence={statement.confidence}",
    ]
    cue_words = statement.cue.split()
    if cue_words:
        features += [f"cue_first={fold_key(cue_words[0])}", f"cue_last={fold_key(cue_words[-1])}"]

    quote = statement.quote
    words = WORD.findall(quote)
    features += [
        f"quote_chars={_bucket(len(quote))}",
        f"quote_words={_bucket(len(words))}",
        f"kind,quote_words={kind},{_bucket(len(words))}",
    ]
    if words:
        features += [f"quote_first={fold_key(words[0])}", f"quote_last={fold_key(words[-1])}"]
    features += [f"has_{name}" for mark, name in _MARKS.items() if mark in quote]
    if _DIGIT.search(quote):
        features.append("has_digit")
    text = article.text
    for i, word in enumerate(
        WORD.findall(text[max(0, statement.start - 40) : statement.start])[-2:]
    ):
        features.append(f"before{i}={fold_key(word)}")
    for i, word in enumerate(WORD.findall(text[statement.end : statement.end + 30])[:2]):
        features.append(f"after{i}={fold_key(word)}")

    speaker = statement.speaker
    speaker_words = speaker.split()
    features += [
        f"speaker_words={min(len(speaker_words), 6)}",
        f"organisation={statement.speaker_is_organisation}",
        f"speaker_statements={_bucket(article.by_speaker[fold_key(speaker)])}",
    ]
    if not speaker_words:
        features.append("no_speaker")
    else:
        features += [
            f"speaker_first={fold_key(speaker_words[0])}",
            f"speaker_surname_uses={_bucket(article.uses(speaker_words[-1]))}",
        ]
    if statement.role and fold_key(speaker) == fold_key(statement.role):
        features.append("title_only")
    mention_words = (statement.speaker_mention or "").split()
    features.append(f"mention_words={min(len(mention_words), 6)}")
    if mention_words:
        features += [
            f"mention_first={fold_key(mention_words[0])}",
            f"mention_last={fold_key(mention_words[-1])}",
        ]
    features.append(f"statements_in_article={_bucket(len(article.statements))}")
    if article.overlaps(statement):
        features.append("overlaps_another")
    return features


def article_features(text: str, statements: Sequence["ExtractedStatement"]) -> list[list[str]]:
    """The features of each statement the rules found in ``text``, in order."""
    article = _Article(text, statements)
    return [_features(statement, article) for statement in statements]


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class StatementModel:
    weights: dict[str, float]
    thresholds: dict[str, float]  # by kind: statements scoring under it are dropped

    def probability(self, features: Iterable[str]) -> float:
        return _sigmoid(sum(self.weights.get(feature, 0.0) for feature in features))

    def keeps(self, kind: str, probability: float) -> bool:
        return probability >= self.thresholds.get(kind, 0.0)

    def to_json(self) -> str:
        return json.dumps(
            {
                "thresholds": self.thresholds,
                "weights": dict(sorted(self.weights.items())),
            },
            ensure_ascii=False,
            indent=0,
        )


class ModelUnavailable(RuntimeError):
    """The model file is missing or unreadable; the message says which and what to do."""


@functools.cache
def load_model(path: Path = MODEL_PATH) -> StatementModel:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return StatementModel(weights=dict(data["weights"]), thresholds=dict(data["thresholds"]))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ModelUnavailable(
            f"the statement model {path} cannot be read ({error.__class__.__name__}: {error}); "
            "retrain it with: python manage.py train_statement_model"
        ) from error


@dataclass(frozen=True)
class Example:
    features: list[str]
    right: bool  # the statement's span and speaker both match a gold statement
    kind: str


def fit(
    examples: Sequence[Example],
    thresholds: dict[str, float],
    *,
    epochs: int = 15,
    rate: float = 0.1,
    l2: float = 1e-4,
) -> StatementModel:
    """Logistic regression by stochastic gradient descent.

    Each epoch visits the examples in an order drawn from their own features (a checksum),
    not from their positions: the same examples always give the same weights, and a few
    examples more or less (a rule changed) leave the others' order, and so the model, as good
    as unchanged."""
    counts = Counter(feature for example in examples for feature in set(example.features))
    kept = [[f for f in example.features if counts[f] >= MIN_FEATURE_COUNT] for example in examples]
    keys = ["\x1f".join([*example.features, str(example.right)]).encode() for example in examples]
    weights: dict[str, float] = {}
    for epoch in range(epochs):
        salt = f"{epoch}\x1f".encode()
        order = sorted(range(len(examples)), key=lambda i: (zlib.crc32(salt + keys[i]), i))
        for index in order:
            features = kept[index]
            z = sum(weights.get(f, 0.0) for f in features)
            gradient = _sigmoid(z) - examples[index].right
            for f in features:
                w = weights.get(f, 0.0)
                weights[f] = w - rate * (gradient + l2 * w)
        rate *= 0.8
    rounded = {f: round(w, 4) for f, w in weights.items() if round(w, 4)}
    return StatementModel(weights=rounded, thresholds=dict(thresholds))


def score_statements(
    text: str,
    statements: Sequence["ExtractedStatement"],
    model: StatementModel | None = None,
) -> list["ExtractedStatement"]:
    """The statements the model keeps, each with its probability as its confidence."""
    model = model or load_model()
    kept = []
    for statement, features in zip(statements, article_features(text, statements), strict=True):
        probability = model.probability(features)
        if model.keeps(statement.kind, probability):
            kept.append(replace(statement, confidence=round(probability, 2)))
    return kept
