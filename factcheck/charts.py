"""A speaker's ratings as a bar chart drawn in inline SVG: text labels and counts, no script."""

from dataclasses import dataclass

from .models import Rating

ROW_HEIGHT = 34
LABEL_WIDTH = 150
CHART_WIDTH = 600
# Room on the left of the longest bar for its count.
COUNT_ROOM = 60


@dataclass(frozen=True)
class Bar:
    rating: str
    label: str
    count: int
    y: int  # top of the row
    x: int  # left edge of the bar (bars grow leftwards, from the labels on the right)
    width: int
    label_x: int
    count_x: int
    text_y: int


@dataclass(frozen=True)
class RatingChart:
    bars: list[Bar]
    total: int
    width: int
    height: int

    @property
    def description(self) -> str:
        """The chart in words, for assistive technology and for readers without graphics."""
        return "، ".join(f"{bar.label}: {bar.count}" for bar in self.bars)


def rating_chart(counts: dict[str, int]) -> RatingChart:
    """One bar per rating of the scale, in its order, sized relative to the largest count."""
    largest = max(counts.values(), default=0) or 1
    bar_space = CHART_WIDTH - LABEL_WIDTH - COUNT_ROOM
    right = CHART_WIDTH - LABEL_WIDTH
    bars = []
    for row, (value, label) in enumerate(Rating.choices):
        count = counts.get(value, 0)
        width = round(bar_space * count / largest)
        top = row * ROW_HEIGHT + 4
        bars.append(
            Bar(
                rating=value,
                label=label,
                count=count,
                y=top,
                x=right - width,
                width=width,
                label_x=CHART_WIDTH - 6,
                count_x=right - width - 8,
                text_y=top + ROW_HEIGHT // 2 + 1,
            )
        )
    return RatingChart(
        bars=bars,
        total=sum(counts.get(value, 0) for value in Rating.values),
        width=CHART_WIDTH,
        height=len(bars) * ROW_HEIGHT + 8,
    )


def rating_counts(speaker) -> dict[str, int]:
    """{rating: claims} from a speaker annotated by ``SpeakerQuerySet.with_rating_counts``."""
    return {value: getattr(speaker, f"rated_{value.replace('-', '_')}") for value in Rating.values}
