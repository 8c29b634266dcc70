"""Metadata of Persian news: Jalali dates, news codes and paragraph spans in the text;
<meta> tags, JSON-LD and ISO/Jalali timestamps in a page.

``parse_jalali_datetime`` returns an aware datetime (Asia/Tehran) or None;
``is_timestamp_line`` says whether a line is just such a date; ``find_news_code`` returns
the code in ASCII digits or ""; ``split_paragraphs`` returns (start, end) offsets into the
text as given. ``meta_tags``, ``json_ld_objects`` and ``is_json_ld_article`` read a parsed
page; ``parse_datetime`` reads one timestamp (ISO 8601 or Jalali).
"""

import json
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import jdatetime
from lxml.html import HtmlElement

TEHRAN = ZoneInfo("Asia/Tehran")

# Same length in and out, so offsets found in the folded text index the original.
_FOLD = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩يكى\u200c", "01234567890123456789یکی ")

_MONTHS = {
    "فروردین": 1,
    "اردیبهشت": 2,
    "خرداد": 3,
    "تیر": 4,
    "مرداد": 5,
    "امرداد": 5,
    "شهریور": 6,
    "مهر": 7,
    "آبان": 8,
    "ابان": 8,
    "آذر": 9,
    "اذر": 9,
    "دی": 10,
    "بهمن": 11,
    "اسفند": 12,
}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_SEP = r"\s*[-–—،,|/]?\s*"
_TIME = r"(\d{1,2}):(\d{2})(?::(\d{2}))?"
_DATE = re.compile(
    rf"(?<!\d)(?P<day>\d{{1,2}})\s*(?P<month_name>{_MONTH_NAMES})(?:\s*ماه)?\s*(?P<year>\d{{4}})(?!\d)"
    rf"|(?<![\d/-])(?P<nyear>\d{{4}})(?P<s>[/-])(?P<nmonth>\d{{1,2}})(?P=s)(?P<nday>\d{{1,2}})(?![\d/-])"
)
_TIME_AFTER = re.compile(rf"{_SEP}(?:ساعت\s*)?{_TIME}(?![\d:])|T{_TIME}")
_TIME_BEFORE = re.compile(rf"(?<![\d:]){_TIME}(?:\s*ساعت)?{_SEP}$")

_WEEKDAYS = {"شنبه", "یکشنبه", "دوشنبه", "سه", "سه شنبه", "چهارشنبه", "پنجشنبه", "پنج", "جمعه"}
_DATE_WORDS = {*_MONTHS, *_WEEKDAYS, "شنبه", "ماه", "ساعت", "تاریخ", "انتشار", "روز", "بروزرسانی"}
_TOKEN = re.compile(r"[^\s\d:/،,|()\[\]\-–—]+")

_NEWS_CODE = re.compile(r"(?:کد|شناسه)\s*(?:خبر|مطلب)\s*[:：]?\s*(?P<code>\d+)")

_LINE = re.compile(r"[^\r\n\u2028\u2029]+")

_ARTICLE_TYPES = {
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "BlogPosting",
    "AnalysisNewsArticle",
}
# <meta> names that can hold the publication time, in order of trust.
PUBLISHED_META_NAMES = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "dc.date.issued",
    "dc.date",
    "date",
)


def parse_jalali_datetime(text: str) -> datetime | None:
    """Return the first plausible Jalali date (year 1300-1500) in ``text`` as an aware
    Asia/Tehran datetime (00:00 when no time stands beside it), or None."""
    folded = text.translate(_FOLD)
    for match in _DATE.finditer(folded):
        found = _to_datetime(match, folded)
        if found is not None:
            return found
    return None


def is_timestamp_line(line: str) -> bool:
    """Whether ``line`` holds a Jalali date and little else (weekday, ساعت, تاریخ انتشار),
    as a page's publication-time line does; a headline that mentions a date does not."""
    if parse_jalali_datetime(line) is None:
        return False
    words = _TOKEN.findall(line.translate(_FOLD))
    return sum(1 for word in words if word not in _DATE_WORDS) <= 1


def find_news_code(text: str) -> str:
    """Return the news code after ``کد خبر`` (``کدخبر``, ``کد مطلب``, Arabic ك) in ASCII
    digits, or "" when the text has none."""
    match = _NEWS_CODE.search(text.translate(_FOLD))
    return match["code"] if match else ""


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the non-empty lines of ``text``, each span stripped
    of surrounding whitespace, so ``text[start:end]`` is the paragraph as published."""
    spans = []
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + line.index(stripped)
            spans.append((start, start + len(stripped)))
    return spans


def _to_datetime(match: re.Match[str], folded: str) -> datetime | None:
    if match["month_name"]:
        year, month, day = int(match["year"]), _MONTHS[match["month_name"]], int(match["day"])
    else:
        year, month, day = int(match["nyear"]), int(match["nmonth"]), int(match["nday"])
    if not 1300 <= year <= 1500:
        return None
    time = _TIME_AFTER.match(folded, match.end()) or _TIME_BEFORE.search(
        folded, max(0, match.start() - 20), match.start()
    )
    hour, minute, second = _clock(time)
    try:
        moment = jdatetime.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    return moment.togregorian().replace(tzinfo=TEHRAN)


def _clock(time: re.Match[str] | None) -> tuple[int, int, int]:
    if time is None:
        return 0, 0, 0
    groups = [g for g in time.groups() if g is not None]
    hour, minute, second = (int(g) for g in (groups + ["0"])[:3])
    if hour > 23 or minute > 59 or second > 59:
        return 0, 0, 0
    return hour, minute, second


# --- page metadata ---------------------------------------------------------------------


def parse_datetime(value: str) -> datetime | None:
    """ISO 8601 (naive means Tehran time), or a Jalali date; None when neither."""
    value = value.strip()
    try:
        found = datetime.fromisoformat(value)
    except ValueError:
        return parse_jalali_datetime(value)
    return found if found.tzinfo else found.replace(tzinfo=TEHRAN)


def meta_tags(tree: HtmlElement) -> dict[str, str]:
    """<meta> property/name (lower-cased) -> content; the first of each name wins."""
    tags: dict[str, str] = {}
    for meta in tree.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = meta.get("content")
        if name and content and name not in tags:
            tags[name] = content
    return tags


def json_ld_objects(tree: HtmlElement) -> list[dict]:
    """Every JSON-LD object in the page, ``@graph`` members included; bad JSON skipped."""
    objects: list[dict] = []
    for script in tree.xpath('.//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        objects.extend(_flatten_ld(data))
    return objects


def _flatten_ld(data: object) -> list[dict]:
    if isinstance(data, list):
        return [obj for item in data for obj in _flatten_ld(item)]
    if not isinstance(data, dict):
        return []
    return [data, *_flatten_ld(data.get("@graph", []))]


def is_json_ld_article(obj: dict) -> bool:
    """Whether a JSON-LD object is an article (NewsArticle and kin)."""
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(k in _ARTICLE_TYPES for k in kinds if isinstance(k, str))
