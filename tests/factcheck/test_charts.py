"""The speaker's ratings chart: one bar per rating, sized by count, described in words."""

from factcheck.charts import CHART_WIDTH, LABEL_WIDTH, rating_chart
from factcheck.models import Rating


def test_one_bar_per_rating_in_scale_order():
    chart = rating_chart({"false": 2})
    assert [bar.rating for bar in chart.bars] == list(Rating.values)
    assert chart.total == 2


def test_largest_count_gets_the_longest_bar_and_zero_none():
    chart = rating_chart({"true": 4, "false": 2})
    bars = {bar.rating: bar for bar in chart.bars}
    assert bars["true"].width == 2 * bars["false"].width > 0
    assert bars["half-true"].width == 0
    # Bars grow leftwards from the label column, and stay inside the drawing.
    assert bars["true"].x + bars["true"].width == CHART_WIDTH - LABEL_WIDTH
    assert min(bar.count_x for bar in chart.bars) > 0


def test_description_reads_every_label_and_count():
    chart = rating_chart({"true": 3})
    assert chart.description.startswith("درست: 3، عمدتاً درست: 0")
    assert "اثبات‌نشده: 0" in chart.description


def test_empty_chart():
    chart = rating_chart({})
    assert chart.total == 0 and all(bar.width == 0 for bar in chart.bars)
