"""Score the extractor against gold statements, by the rules of ANNOTATION.md.

A prediction matches a gold statement when their spans overlap with IoU >= 0.5 (one-to-one,
best first); its speaker is right when, after folding letters, diacritics, ZWNJ and spacing,
the names are equal or one ends the other word for word. End-to-end counts a prediction
only when both hold.
"""

import re
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, fields

from .extractor import ExtractedStatement, extract_statements
from .names import names_match
from .text import fold, fold_key

IOU_THRESHOLD = 0.5


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def speaker_right(predicted: str, gold: str, *, strict: bool = False) -> bool:
    """Lenient: equal after folding, or one name ends the other word for word."""
    if not predicted or not gold:
        return False
    if fold_key(predicted) == fold_key(gold):
        return True
    return not strict and names_match(predicted, gold)


def match(predicted: list[tuple[int, int]], gold: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one (predicted index, gold index) pairs with IoU >= 0.5, best overlap first."""
    pairs = sorted(
        ((iou(p, g), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold)),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    result = []
    for score, i, j in pairs:
        if score < IOU_THRESHOLD:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            result.append((i, j))
    return result


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    span_matched_gold: int = 0
    span_matched_predicted: int = 0
    e2e_gold: int = 0
    e2e_predicted: int = 0
    speaker_strict: int = 0

    def precision(self, e2e: bool = False) -> float:
        hits = self.e2e_predicted if e2e else self.span_matched_predicted
        return hits / self.predicted if self.predicted else 0.0

    def recall(self, e2e: bool = False) -> float:
        hits = self.e2e_gold if e2e else self.span_matched_gold
        return hits / self.gold if self.gold else 0.0

    def f1(self, e2e: bool = False) -> float:
        p, r = self.precision(e2e), self.recall(e2e)
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Band:
    predicted: int = 0
    right: int = 0  # end to end
    confidence_sum: float = 0.0


CONFIDENCE_BANDS = (0.5, 0.7, 0.8, 0.9)  # lower bounds above the first band's 0


def confidence_band(confidence: float) -> str:
    lower = max((bound for bound in CONFIDENCE_BANDS if confidence >= bound), default=0.0)
    upper = min((bound for bound in CONFIDENCE_BANDS if bound > lower), default=1.0)
    return f"{lower:.1f}-{upper:.1f}"


@dataclass
class Report:
    articles: int = 0
    seconds: float = 0.0
    timed: bool = True  # False when a person's annotation, not the engine, was scored
    overall: Counts = field(default_factory=Counts)
    by: dict[str, dict[str, Counts]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(Counts))
    )
    errors: list[dict] = field(default_factory=list)
    # Gold statements by their cue as annotated (recall only: the engine names its cues its
    # own way): where the misses lie.
    cues: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    # Predicted statements by confidence band: is a statement at 0.9 right 9 times in 10?
    confidence: dict[str, "Band"] = field(default_factory=lambda: defaultdict(Band))

    @property
    def speaker_accuracy(self) -> tuple[float, float]:
        """(strict, lenient) speaker accuracy over span-matched statements."""
        matched = self.overall.span_matched_gold
        if not matched:
            return 0.0, 0.0
        return self.overall.speaker_strict / matched, self.overall.e2e_gold / matched


def _mention_type(statement: dict) -> str:
    return statement.get("mention_type") or (
        "none" if not statement.get("speaker_mention") else "name"
    )


BREAKDOWNS = {
    "kind": lambda s: s.get("kind", "?"),
    "mention": _mention_type,
    "location": lambda s: s.get("location", "?"),
}

_CUE_MARKS = re.compile(r"[،,:;؛«»\"“”]")
# How a third person plural verb ends: گفتند, کردند, کنند, گویند, دهند, شوند, دارند,
# نویسند, باشند, and the perfect کرده‌اند (کردهاند when the ZWNJ is lost). Not کند, خواند,
# ماند: singulars whose stem ends in ن or ان.
_PLURAL_ENDINGS = ("هاند", "دند", "تند", "نند", "یند", "هند", "وند", "رند", "سند", "شند")
# Words that end so without being a plural verb.
_NOT_PLURAL = {fold_key(w) for w in ("مانند", "روند", "خداوند", "پیوند")}


def cue_key(statement: dict) -> str:
    """The cue as annotated, folded and without marks, so that ``اعلام كرد:`` and
    ``اعلام کرد`` count as one."""
    return " ".join(
        _CUE_MARKS.sub(" ", fold(statement.get("cue") or "")).replace("\u200c", " ").split()
    )


def verb_number(cue: str) -> str:
    """``plural`` when the cue's verb is third person plural (``گفتند``, ``معتقدند``,
    ``اعلام کرده اند``), else ``other``."""
    words = [fold_key(word) for word in cue.split()]
    plural = any(
        word == "اند" or (word.endswith(_PLURAL_ENDINGS) and word not in _NOT_PLURAL)
        for word in words
    )
    return "plural" if plural else "other"


@dataclass(frozen=True)
class _Outcome:
    """What happened to one gold or predicted statement."""

    matched: bool
    speaker_right: bool
    speaker_strict: bool = False


def _tally(counts: Counts, outcome: _Outcome, *, is_gold: bool) -> None:
    if is_gold:
        counts.gold += 1
        counts.span_matched_gold += outcome.matched
        counts.e2e_gold += outcome.matched and outcome.speaker_right
        counts.speaker_strict += outcome.matched and outcome.speaker_strict
    else:
        counts.predicted += 1
        counts.span_matched_predicted += outcome.matched
        counts.e2e_predicted += outcome.matched and outcome.speaker_right


def evaluate(records: Iterable[dict], extract=extract_statements) -> Report:
    """Score ``extract`` on gold records ``{id, text, statements}``."""
    report = Report()
    for record in records:
        started = time.perf_counter()
        predicted: list[ExtractedStatement] = extract(record["text"])
        report.seconds += time.perf_counter() - started
        report.articles += 1
        gold = record["statements"]
        pred = [p.as_dict() for p in predicted]
        pairs = match(
            [(p["start"], p["end"]) for p in pred], [(g["start"], g["end"]) for g in gold]
        )
        gold_to_pred = {j: i for i, j in pairs}
        pred_to_gold = {i: j for i, j in pairs}

        for j, g in enumerate(gold):
            i = gold_to_pred.get(j)
            said = pred[i]["speaker"] if i is not None else ""
            outcome = _Outcome(
                matched=i is not None,
                speaker_right=speaker_right(said, g["speaker"]),
                speaker_strict=speaker_right(said, g["speaker"], strict=True),
            )
            _tally(report.overall, outcome, is_gold=True)
            for name, key in BREAKDOWNS.items():
                _tally(report.by[name][key(g)], outcome, is_gold=True)
            _tally(report.cues[cue_key(g)], outcome, is_gold=True)
            if not outcome.matched:
                report.errors.append({"id": record.get("id"), "type": "missed", "gold": g})
            elif not outcome.speaker_right:
                report.errors.append(
                    {
                        "id": record.get("id"),
                        "type": "wrong speaker",
                        "gold": g,
                        "predicted": pred[i],
                    }
                )
        for i, p in enumerate(pred):
            j = pred_to_gold.get(i)
            outcome = _Outcome(
                matched=j is not None,
                speaker_right=j is not None and speaker_right(p["speaker"], gold[j]["speaker"]),
            )
            _tally(report.overall, outcome, is_gold=False)
            for name, key in BREAKDOWNS.items():
                _tally(report.by[name][key(p)], outcome, is_gold=False)
            if "confidence" in p:
                band = report.confidence[confidence_band(p["confidence"])]
                band.predicted += 1
                band.right += outcome.matched and outcome.speaker_right
                band.confidence_sum += p["confidence"]
            if not outcome.matched:
                report.errors.append({"id": record.get("id"), "type": "spurious", "predicted": p})
    return report


class _Annotated:
    """A second annotator's statement, shaped like the extractor's for :func:`evaluate`."""

    def __init__(self, statement: dict) -> None:
        self._statement = statement

    def as_dict(self) -> dict:
        return self._statement


def agreement(gold: list[dict], second: list[dict]) -> Report:
    """Score a second, independent annotation of some gold articles as if it were the engine.

    The figures say how far two annotators agree, by the same rules: the ceiling that any
    score of the engine against one annotator should be read against. Raises ``ValueError``
    when the second annotation holds an article the gold lacks, or a different text.
    """
    by_id = {record["id"]: record for record in gold}
    for record in second:
        first = by_id.get(record.get("id"))
        if first is None:
            raise ValueError(f"article {record.get('id')!r} is not in the gold records")
        if first["text"] != record["text"]:
            raise ValueError(f"article {record['id']!r} has another text than in the gold")
    statements = {record["text"]: record["statements"] for record in second}
    report = evaluate(
        [by_id[record["id"]] for record in second],
        extract=lambda text: [_Annotated(s) for s in statements[text]],
    )
    report.timed = False
    return report


def format_report(report: Report) -> str:
    """A plain-text table of the figures."""
    o = report.overall
    strict, lenient = report.speaker_accuracy
    lines = [
        f"articles {report.articles}, gold statements {o.gold}, predicted {o.predicted}",
        "",
        f"{'':24}{'precision':>10}{'recall':>10}{'F1':>10}",
        f"{'spans (IoU >= 0.5)':24}{o.precision():>10.3f}{o.recall():>10.3f}{o.f1():>10.3f}",
        f"{'end to end':24}{o.precision(True):>10.3f}{o.recall(True):>10.3f}{o.f1(True):>10.3f}",
        "",
        f"speaker accuracy on matched spans: strict {strict:.3f}, lenient {lenient:.3f}",
    ]
    for name, groups in report.by.items():
        lines += [
            "",
            f"by {name}:",
            f"{'':24}{'gold':>6}{'pred':>6}{'span P':>8}{'span R':>8}{'e2e P':>8}{'e2e R':>8}{'e2e F1':>8}",
        ]
        for key in sorted(groups):
            c = groups[key]
            lines.append(
                f"  {key:22}{c.gold:>6}{c.predicted:>6}{c.precision():>8.3f}{c.recall():>8.3f}"
                f"{c.precision(True):>8.3f}{c.recall(True):>8.3f}{c.f1(True):>8.3f}"
            )
    if report.confidence:
        lines += [
            "",
            "by confidence (predicted statements: how often right end to end, against the",
            "mean confidence the engine gave them):",
            f"{'':24}{'pred':>6}{'e2e P':>8}{'mean':>8}",
        ]
        for key in sorted(report.confidence):
            band = report.confidence[key]
            lines.append(
                f"  {key:22}{band.predicted:>6}{band.right / band.predicted:>8.3f}"
                f"{band.confidence_sum / band.predicted:>8.3f}"
            )
    if not report.timed:
        return "\n".join([*lines, "", "scored: a second annotation, not the extractor"])
    per_article = report.seconds / report.articles * 1000 if report.articles else 0.0
    lines += [
        "",
        f"extraction time: {per_article:.2f} ms per article ({report.seconds:.2f} s in all)",
    ]
    return "\n".join(lines)


def _summed(counts: Iterable[Counts]) -> Counts:
    total = Counts()
    for c in counts:
        for name in fields(Counts):
            setattr(total, name.name, getattr(total, name.name) + getattr(c, name.name))
    return total


def format_cues(report: Report, most: int) -> str:
    """The ``most`` cues whose gold statements are most often missed or given the wrong
    speaker, then recall by the number of the cue's verb."""
    lines = [
        f"gold statements by cue as annotated, the {most} with the most missed or wrong speaker:",
        f"{'':24}{'gold':>6}{'missed':>8}{'wrong':>8}{'e2e R':>8}",
    ]
    ranked = sorted(
        report.cues.items(), key=lambda item: (item[1].e2e_gold - item[1].gold, item[0])
    )
    for cue, c in ranked[:most]:
        missed = c.gold - c.span_matched_gold
        wrong = c.span_matched_gold - c.e2e_gold
        lines.append(
            f"  {cue or '(none)':22}{c.gold:>6}{missed:>8}{wrong:>8}{c.recall(True):>8.3f}"
        )
    lines += ["", "gold statements by the number of the cue's verb:"]
    for number in ("plural", "other"):
        c = _summed(counts for cue, counts in report.cues.items() if verb_number(cue) == number)
        lines.append(f"  {number:22}{c.gold:>6}  e2e R {c.recall(True):.3f}")
    return "\n".join(lines)
