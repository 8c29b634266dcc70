"""Cut an article's published text into segments marked with the statements covering them."""

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
