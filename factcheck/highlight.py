"""Cut an article's published text into marked segments, and find a sentence's paragraph."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    text: str
    statement_ids: tuple[int, ...]


def segments(text: str, spans: Iterable[tuple[int, int, int]]) -> list[Segment]:
    """Split ``text`` at every span boundary; ``spans`` are (start, end, statement id), may overlap."""
    spans = [(s, e, i) for s, e, i in spans if 0 <= s < e <= len(text)]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    result: list[Segment] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        covering: Sequence[int] = tuple(i for s, e, i in spans if s <= left and right <= e)
        result.append(Segment(text[left:right], tuple(covering)))
    return result


@dataclass(frozen=True)
class MarkedSegment:
    """A piece of the text: the statements and claim sentences covering it, in order."""

    text: str
    statement_ids: tuple[int, ...]
    claim_ids: tuple[int, ...]
    # Statements that begin here: their anchors (#statement-N) go on this segment.
    opens: tuple[int, ...]


def marked_segments(
    text: str,
    statements: Iterable[tuple[int, int, int]],
    claims: Iterable[tuple[int, int, int]],
) -> list[MarkedSegment]:
    """Split ``text`` at the boundaries of statements and of claim sentences.

    Both are (start, end, id) offsets into ``text``; spans outside it are dropped.
    Joining the segments' text gives ``text`` back.
    """
    statements = [(s, e, i) for s, e, i in statements if 0 <= s < e <= len(text)]
    claims = [(s, e, i) for s, e, i in claims if 0 <= s < e <= len(text)]
    bounds = {0, len(text)}
    for start, end, _ in (*statements, *claims):
        bounds.update((start, end))
    cuts = sorted(bounds)
    opened: set[int] = set()
    result: list[MarkedSegment] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        covering = tuple(i for s, e, i in statements if s <= left and right <= e)
        opens = tuple(i for i in covering if i not in opened)
        opened.update(opens)
        result.append(
            MarkedSegment(
                text=text[left:right],
                statement_ids=covering,
                claim_ids=tuple(dict.fromkeys(i for s, e, i in claims if s <= left and right <= e)),
                opens=opens,
            )
        )
    return result


@dataclass(frozen=True)
class Passage:
    """A sentence in its paragraph: ``before + sentence + after`` is the paragraph."""

    before: str
    sentence: str
    after: str


def paragraph_around(text: str, start: int, end: int) -> Passage:
    """The paragraph (text between line breaks) holding ``text[start:end]``."""
    start, end = max(0, start), min(len(text), end)
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    last = len(text) if last == -1 else last
    return Passage(text[first:start], text[start:end], text[end:last])
