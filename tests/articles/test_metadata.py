from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from lxml import html

from articles.metadata import (
    find_news_code,
    is_timestamp_line,
    json_ld_objects,
    meta_tags,
    parse_datetime,
    parse_jalali_datetime,
    split_paragraphs,
)

TEHRAN = ZoneInfo("Asia/Tehran")
FOUNDING = datetime(2023, 7, 26, 12, 13, tzinfo=TEHRAN)
FOUNDING_DAY = datetime(2023, 7, 26, tzinfo=TEHRAN)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("۱۲:۱۳ - ۰۴ مرداد ۱۴۰۲", FOUNDING),
        ("۰۴ مرداد ۱۴۰۲ - ۱۲:۱۳", FOUNDING),
        ("۱۴۰۲/۰۵/۰۴ ۱۲:۱۳", FOUNDING),
        ("12:13 - 04 مرداد 1402", FOUNDING),
        ("٠٤ مرداد ١٤٠٢ - ١٢:١٣", FOUNDING),
        ("1402-05-04", FOUNDING_DAY),
        ("سه\u200cشنبه ۴ مرداد ۱۴۰۲", FOUNDING_DAY),
        ("سه شنبه ۴ امرداد ۱۴۰۲ ساعت ۱۲:۱۳", FOUNDING),
        ("تاریخ انتشار: ۴ مرداد ماه ۱۴۰۲", FOUNDING_DAY),
        ("۱۰ دي ۱۳۹۹", datetime(2020, 12, 30, tzinfo=TEHRAN)),
        ("يکشنبه ۱ فروردين ۱۴۰۳", datetime(2024, 3, 20, tzinfo=TEHRAN)),
    ],
)
def test_parse_jalali_datetime_formats(text, expected):
    found = parse_jalali_datetime(text)
    assert found == expected
    assert found.tzinfo is not None


def test_parse_jalali_datetime_tehran_offset_of_the_day():
    assert parse_jalali_datetime("۱۲:۱۳ - ۰۴ مرداد ۱۴۰۲").utcoffset() == timedelta(
        hours=3, minutes=30
    )
    # Iran kept summer time until 1401: +04:30 in summer 1400.
    summer_1400 = parse_jalali_datetime("۴ مرداد ۱۴۰۰ ۱۲:۰۰")
    assert summer_1400.utcoffset() == timedelta(hours=4, minutes=30)


def test_parse_jalali_datetime_finds_date_inside_text():
    text = "کد خبر: ۱۵۳۳۱۸\n۱۲:۱۳ - ۰۴ مرداد ۱۴۰۲\n\nدیدارنیوز: وزیر ارتباطات گفت"
    assert parse_jalali_datetime(text) == FOUNDING


def test_parse_jalali_datetime_skips_impossible_date_for_next_one():
    # 1402 is not a leap year: 30 Esfand 1402 does not exist.
    assert parse_jalali_datetime("۳۰ اسفند ۱۴۰۲ یا ۴ مرداد ۱۴۰۲") == FOUNDING_DAY


@pytest.mark.parametrize(
    "text",
    ["", "بدون تاریخ", "2023-07-26", "۱۲ دیدار ۱۴۰۲ نفر", "۴ مرداد ۹۰۲", "۱۴۰۲/۱۳/۰۱", "25:99"],
)
def test_parse_jalali_datetime_none_without_plausible_date(text):
    assert parse_jalali_datetime(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "کد خبر: ۱۵۳۳۱۸",
        "كد خبر: ۱۵۳۳۱۸",
        "کدخبر:153318",
        "کد مطلب : ١٥٣٣١٨",
        "کد\u200cخبر: ۱۵۳۳۱۸",
        "دیدارنیوز | کد خبر ۱۵۳۳۱۸ | ۱۲:۱۳",
    ],
)
def test_find_news_code_variants(text):
    assert find_news_code(text) == "153318"


def test_find_news_code_empty_when_absent():
    assert find_news_code("خبری بدون کد، ۱۲ کشور") == ""


def test_split_paragraphs_offsets_index_the_text_as_given():
    text = "  عنوان خبر  \r\n\r\n\tپیام\u200cرسان «بله» \nآخر"
    spans = split_paragraphs(text)
    assert [text[start:end] for start, end in spans] == ["عنوان خبر", "پیام\u200cرسان «بله»", "آخر"]
    assert spans[0] == (2, 11)


def test_split_paragraphs_empty_text():
    assert split_paragraphs("\n \n") == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("۱۲:۱۳ - ۰۴ مرداد ۱۴۰۲", True),
        ("تاریخ انتشار: سه\u200cشنبه ۴ مرداد ۱۴۰۲ ساعت ۱۲:۱۳", True),
        ("مسيرهاي راهپيمايي 22 بهمن 1382 در تهران اعلام شد", False),
        ("کد خبر: ۱۵۳۳۱۸", False),
    ],
)
def test_is_timestamp_line(line, expected):
    assert is_timestamp_line(line) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-07-26T12:13:00+03:30", FOUNDING),
        ("2023-07-26T08:43:00Z", FOUNDING),
        ("2023-07-26 12:13", FOUNDING),  # naive: Tehran time
        ("۱۴۰۲/۰۵/۰۴ ۱۲:۱۳", FOUNDING),
        ("not a date", None),
    ],
)
def test_parse_datetime_iso_or_jalali(value, expected):
    assert parse_datetime(value) == expected


def test_meta_tags_and_json_ld_read_a_page():
    page = html.fromstring(
        '<html><head><meta property="og:site_name" content="دیدار\u200cنیوز">'
        '<meta name="Description" content="خلاصه">'
        '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
        '"headline": "عنوان"}]}</script>'
        '<script type="application/ld+json">{broken</script></head><body></body></html>'
    )
    assert meta_tags(page) == {"og:site_name": "دیدار\u200cنیوز", "description": "خلاصه"}
    assert [obj.get("headline") for obj in json_ld_objects(page)] == [None, "عنوان"]
