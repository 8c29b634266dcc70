import gzip
import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from articles.decoding import decode_bytes
from articles.parsed import IngestError, ParsedArticle
from articles.parsing import (
    detect_format,
    is_feed,
    iter_jsonl,
    parse_feed,
    parse_html,
    parse_jsonl_record,
    parse_text_article,
)

TEHRAN = ZoneInfo("Asia/Tehran")
ZWNJ = "\u200c"
FOUNDING_TIME = datetime(2023, 7, 26, 12, 13, tzinfo=TEHRAN)
KICKER = "پس از جنجال انتشار یک تصویر از پیام رسان داخلی مطرح شد"
TITLE = "زارعپور: پیامرسانهای داخلی حافظ حریم خصوصی هستند!"
CHROME = ["ارسال نظرات", "نام:", "ایمیل:", "صفحه اصلی", "اخبار مرتبط", "کلیه حقوق"]


# --- plain text --------------------------------------------------------------------------


def test_parse_text_article_founding_article(founding_text):
    article = parse_text_article(founding_text)
    assert article.text == founding_text
    assert article.kicker == KICKER
    assert article.title == TITLE
    assert article.lead.startswith("عیسی زارعپور، وزیر ارتباطات درباره انتشار تصویری")
    assert article.lead.endswith("این خط قرمز ما در وزارت ارتباطات است.")
    assert article.news_code == "153318"
    assert article.published == FOUNDING_TIME
    assert article.source_name == ""


def test_parse_text_article_single_headline_has_no_kicker():
    text = (
        "ارائه خدمات بر خط بانكي در دفاتر ICT روستايي امكان پذير مي شود\n"
        "خبرگزاري فارس: رئيس اداره كل دفاتر خدمات بانكي پست بانك گفت: با خريد و نصب نرم افزار "
        "متمركز به زودي خدمات بر خط بانكي در دفاتر ICT روستايي ارايه مي شود.\n"
    )
    article = parse_text_article(text)
    assert article.kicker == ""
    assert article.title == "ارائه خدمات بر خط بانكي در دفاتر ICT روستايي امكان پذير مي شود"
    assert article.lead.startswith("خبرگزاري فارس:")
    assert article.published is None
    assert article.news_code == ""


def test_parse_text_article_short_lead_is_not_a_headline():
    text = (
        "ترکیب تیم ملی کره جنوبی اعلام شد\n"
        "ترکیب تیم ملی کره جنوبی برای دیدار خانگی برابر سوریه اعلام شد.\u200b\u200b\n"
        "به گزارش ورزش سه، تیم ملی کره جنوبی امشب در چارچوب رقابت های مقدماتی جام جهانی "
        "در ورزشگاه خانگی خود میزبان سوریه است.\n"
    )
    article = parse_text_article(text)
    assert article.kicker == ""
    assert article.title == "ترکیب تیم ملی کره جنوبی اعلام شد"


def test_parse_text_article_headline_with_a_date_is_still_the_title():
    text = (
        "مسيرهاي راهپيمايي يوم\u200cالله 22 بهمن 1382 در تهران اعلام شد\n"
        "خبرگزاري فارس: شوراي هماهنگي تبليغات اسلامي از ملت ايران دعوت كرد تا در مراسم "
        "راهپيمايي روز چهارشنبه حضور گسترده داشته باشند.\n"
    )
    article = parse_text_article(text)
    assert article.title.startswith("مسيرهاي راهپيمايي")
    assert article.published is None


def test_parse_text_article_cp1256_file(data_dir):
    text = decode_bytes((data_dir / "excerpt-cp1256.txt").read_bytes())
    article = parse_text_article(text)
    assert article.text == text
    assert article.kicker == KICKER.replace("ی", "ي")
    assert article.title == TITLE.replace("ی", "ي")
    assert article.news_code == "153318"
    assert article.published == FOUNDING_TIME


# --- HTML ----------------------------------------------------------------------------------


@pytest.fixture
def founding_page(data_dir) -> ParsedArticle:
    return parse_html((data_dir / "didarnews-153318.html").read_bytes(), url="http://local/x")


def test_parse_html_keeps_every_zwnj(founding_page):
    assert f"زارع{ZWNJ}پور: پیام{ZWNJ}رسان{ZWNJ}های داخلی" in founding_page.text
    assert f"می{ZWNJ}دهیم" in founding_page.text
    assert f"گفته{ZWNJ}ام" in founding_page.text
    assert founding_page.text.count(ZWNJ) == 24
    assert ZWNJ in founding_page.title
    assert ZWNJ in founding_page.kicker


def test_parse_html_drops_navigation_comment_form_related_and_footer(founding_page):
    for chrome in CHROME:
        assert chrome not in founding_page.text


def test_parse_html_text_is_title_then_lead_then_paragraphs(founding_page):
    lines = founding_page.text.split("\n")
    assert lines[0] == founding_page.title
    assert lines[1] == founding_page.lead
    assert lines[-1].startswith("وی ادامه داد: بارها گفته")
    assert len(lines) == 5


def test_parse_html_metadata(founding_page):
    assert (
        founding_page.title
        == f"زارع{ZWNJ}پور: پیام{ZWNJ}رسان{ZWNJ}های داخلی حافظ حریم خصوصی هستند!"
    )
    assert founding_page.kicker == f"پس از جنجال انتشار یک تصویر از پیام{ZWNJ}رسان داخلی مطرح شد"
    assert founding_page.lead.startswith(f"عیسی زارع{ZWNJ}پور، وزیر ارتباطات")
    assert founding_page.source_name == "دیدارنیوز"
    assert founding_page.url == "https://www.didarnews.ir/fa/news/153318"
    assert founding_page.news_code == "153318"
    assert founding_page.published == FOUNDING_TIME


def test_parse_html_json_ld_page(data_dir):
    article = parse_html((data_dir / "jsonld-page.html").read_bytes(), url="http://local/jsonld")
    assert article.source_name == f"دیدار{ZWNJ}نیوز"  # the publisher, not the WebSite
    assert article.published == FOUNDING_TIME
    assert article.title == f"زارع{ZWNJ}پور: حریم خصوصی خط قرمز ماست"
    assert article.kicker == f"وزیر ارتباطات درباره پیام{ZWNJ}رسان «بله»"  # not the related item's
    assert article.news_code == "153318"  # "کدخبر:" in <b>, the number in its tail
    assert article.url == "http://local/jsonld"  # no canonical: the given URL
    # The meta description is the lead cut short: the whole paragraph is the lead.
    assert article.lead.endswith("حافظ امنیت و حریم خصوصی کاربران هستند.")
    assert article.text.split("\n")[1] == article.lead
    assert "مطالب مرتبط" not in article.text


def test_parse_html_jalali_date_in_page_and_site_wide_description_ignored(data_dir):
    article = parse_html((data_dir / "jalali-date-page.html").read_bytes())
    assert article.published == FOUNDING_TIME
    assert article.lead.startswith(f"عیسی زارع{ZWNJ}پور، وزیر ارتباطات گفت")
    assert "پایگاه خبری تحلیلی" not in article.text
    assert article.source_name == "دیدارنیوز"  # from "<title>Headline - دیدارنیوز</title>"
    assert article.title == f"زارع{ZWNJ}پور: حریم خصوصی خط قرمز ماست"


def test_parse_html_legacy_cp1256_page_by_meta_charset(data_dir):
    data = (data_dir / "legacy-cp1256.html").read_bytes()
    article = parse_html(data)
    assert article.title == TITLE.replace("ی", "ي")
    assert "کاملا به مردم اطمينان خاطر ميدهيم" in article.text
    assert "صفحه اصلي" not in article.text  # the layout table's menu row
    assert article.published == FOUNDING_TIME


def test_parse_html_accepts_str(data_dir):
    page = (data_dir / "didarnews-153318.html").read_text(encoding="utf-8")
    assert parse_html(page).title.startswith(f"زارع{ZWNJ}پور")


def test_parse_html_without_article_text_raises():
    with pytest.raises(IngestError, match="no article text"):
        parse_html("<html><head><title>x</title></head><body><script>var a;</script></body></html>")


# --- JSONL ---------------------------------------------------------------------------------


RECORD = {
    "id": "fars-8707060255",
    "source": "Fars News Agency (farsnews.ir)",
    "url": "https://www.farsnews.ir/news/8707060255",
    "title": "ارائه خدمات بر خط بانكي در دفاتر ICT روستايي امكان پذير مي شود",
    "published": "2008-09-27",
    "text": "ارائه خدمات بر خط بانكي در دفاتر ICT روستايي امكان پذير مي شود\n"
    "خبرگزاري فارس: رئيس اداره كل دفاتر خدمات بانكي گفت.\n",
}


def test_parse_jsonl_record_fields():
    article = parse_jsonl_record(RECORD)
    assert article.text == RECORD["text"]
    assert article.title == RECORD["title"]
    assert article.lead == "خبرگزاري فارس: رئيس اداره كل دفاتر خدمات بانكي گفت."
    assert article.source_name == "Fars News Agency (farsnews.ir)"
    assert article.url == RECORD["url"]
    assert article.external_id == "fars-8707060255"
    assert article.published == datetime(2008, 9, 27, tzinfo=TEHRAN)


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (None, None),
        ("2016-01-19T18:30:00+03:30", datetime(2016, 1, 19, 15, 0, tzinfo=UTC)),
        ("2016-01-19T15:00:00Z", datetime(2016, 1, 19, 15, 0, tzinfo=UTC)),
    ],
)
def test_parse_jsonl_record_published(published, expected):
    assert parse_jsonl_record({**RECORD, "published": published}).published == expected


def test_parse_jsonl_record_title_from_first_line():
    article = parse_jsonl_record({**RECORD, "title": "", "url": None})
    assert article.title == RECORD["title"]
    assert article.url == ""


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"text": None}, "'text'"),
        ({"text": "  \n"}, "'text'"),
        ({"text": 12}, "'text'"),
        ({"published": "27/09/2008"}, "'published'"),
        ({"title": ["x"]}, "'title'"),
    ],
)
def test_parse_jsonl_record_refuses_unusable_records(change, message):
    with pytest.raises(IngestError, match=message):
        parse_jsonl_record({**RECORD, **change})


def test_parse_jsonl_record_missing_text_names_the_field():
    record = {k: v for k, v in RECORD.items() if k != "text"}
    with pytest.raises(IngestError, match="record 'fars-8707060255' has no text.*'text'"):
        parse_jsonl_record(record)


def _check_batch(items):
    assert [number for number, _ in items] == [1, 3, 4, 5, 6]  # line 2 is blank
    good = {number: item for number, item in items if isinstance(item, ParsedArticle)}
    bad = {number: str(item) for number, item in items if isinstance(item, IngestError)}
    assert sorted(good) == [1, 4, 6]
    assert [good[n].external_id for n in (1, 4, 6)] == [
        "fars-8707060255",
        "isna-persica-843656",
        "alalam-1780925",
    ]
    assert good[4].title.startswith("وزير علوم درجمع استادان نمونه")  # from the first line
    assert bad[3].startswith("records.jsonl line 3: invalid JSON:")
    assert bad[5] == "records.jsonl line 5: record 'no-text' has no text (missing field 'text')"


def test_iter_jsonl_broken_line_does_not_stop_the_batch(data_dir):
    data = (data_dir / "records.jsonl").read_bytes()
    _check_batch(list(iter_jsonl(data, name="records.jsonl")))


def test_iter_jsonl_gzip(data_dir):
    data = gzip.compress((data_dir / "records.jsonl").read_bytes())
    _check_batch(list(iter_jsonl(data, name="records.jsonl")))


def test_iter_jsonl_truncated_gzip_reports_after_good_lines():
    lines = [json.dumps({**RECORD, "id": f"r{i}"}, ensure_ascii=False) for i in range(200)]
    data = gzip.compress("\n".join(lines).encode())
    items = list(iter_jsonl(data[: len(data) // 2], name="cut.jsonl.gz"))
    *good, (number, last) = items
    assert good and all(isinstance(item, ParsedArticle) for _, item in good)
    assert isinstance(last, IngestError)
    assert str(last).startswith(f"cut.jsonl.gz line {number}: compressed data is corrupt")


def test_iter_jsonl_line_not_utf8():
    items = list(iter_jsonl(b'{"text": "\xff"}\n', name="bad.jsonl"))
    assert [(n, str(e)) for n, e in items] == [(1, "bad.jsonl line 1: not UTF-8 text")]


def test_iter_jsonl_line_not_an_object():
    [(number, error)] = list(iter_jsonl(b"[1, 2]\n", name="x.jsonl"))
    assert str(error) == "x.jsonl line 1: not a JSON object but list"


# --- feeds ---------------------------------------------------------------------------------


def test_parse_feed_rss(data_dir):
    entries = parse_feed((data_dir / "feed.rss").read_bytes())
    assert [e.url for e in entries] == [  # the entry without a link is skipped
        "https://www.didarnews.ir/fa/news/153318",
        "https://www.didarnews.ir/fa/news/153250",
    ]
    assert (
        entries[0].title == f"زارع{ZWNJ}پور: پیام{ZWNJ}رسان{ZWNJ}های داخلی حافظ حریم خصوصی هستند!"
    )
    assert entries[0].published == FOUNDING_TIME
    assert entries[0].source_name == f"دیدار{ZWNJ}نیوز - فناوری"
    # A Jalali pubDate, which feedparser alone reads as the year 1402.
    assert entries[1].published == datetime(2023, 7, 25, 9, 30, tzinfo=TEHRAN)


def test_parse_feed_atom(data_dir):
    entries = parse_feed((data_dir / "feed.atom").read_bytes())
    assert [e.url for e in entries] == ["https://example.ir/news/1", "https://example.ir/news/2"]
    assert entries[0].title == f"وزیر ارتباطات: پیام{ZWNJ}رسان «بله» امن است"
    assert entries[0].published == FOUNDING_TIME
    assert entries[1].published == datetime(2023, 7, 25, 10, 0, tzinfo=UTC)  # from <updated>
    assert {e.source_name for e in entries} == {"خبرگزاری آزمایشی"}


def test_parse_feed_refuses_html(data_dir):
    with pytest.raises(IngestError, match="not a valid RSS or Atom feed"):
        parse_feed((data_dir / "didarnews-153318.html").read_bytes())


def test_parse_feed_never_reads_a_local_file_named_by_the_data(data_dir):
    with pytest.raises(IngestError):
        parse_feed(str(data_dir / "feed.rss").encode())


@pytest.mark.parametrize(
    ("data", "content_type", "expected"),
    [
        (b'<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0"></rss>', "", True),
        (b'\xef\xbb\xbf<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "", True),
        (b"<rdf:RDF></rdf:RDF>", "text/xml", True),
        (b"<channel/>", "application/rss+xml", True),
        (b"<!DOCTYPE html><html></html>", "application/rss+xml", False),
        (b'<?xml version="1.0"?><urlset></urlset>', "application/xml", False),
        (b"plain text", "", False),
    ],
)
def test_is_feed(data, content_type, expected):
    assert is_feed(data, content_type) is expected


# --- format --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "content_type", "expected"),
    [
        ("article.txt", b"<html>", "", "text"),
        ("page.HTML", b"", "", "html"),
        ("fa-news.jsonl.gz", b"\x1f\x8b", "", "jsonl"),
        ("fa-news.jsonl", b"{}", "", "jsonl"),
        ("feed.xml", b"", "", "feed"),
        ("news.rss", b"", "", "feed"),
        ("news.atom", b"", "", "feed"),
        ("https://x.ir/rss?id=1", b'<?xml version="1.0"?><rss>', "text/xml", "feed"),
        ("https://x.ir/news/1", b"<!doctype html><html>", "text/html; charset=utf-8", "html"),
        ("https://x.ir/news/1", b"<feed xmlns='x'>", "text/html", "feed"),
        ("https://x.ir/news/1", b"\n<html>", "", "html"),
        ("https://x.ir/news/1", b"...", "text/html", "html"),
        ("https://x.ir/dump", b'{"id": 1}\n', "application/x-ndjson", "jsonl"),
        ("upload", b"\x1f\x8b\x08", "", "jsonl"),
        ("notes", "متن ساده".encode(), "", "text"),
    ],
)
def test_detect_format(name, data, content_type, expected):
    assert detect_format(name, data, content_type) == expected


# --- layering ------------------------------------------------------------------------------


def test_ingestion_layer_imports_neither_django_nor_factcheck():
    code = (
        "import sys, articles.parsed, articles.decoding, articles.fetching, "
        "articles.parsing, articles.metadata; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('django', 'factcheck')))"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    )
    assert result.stdout.strip() == "[]"
