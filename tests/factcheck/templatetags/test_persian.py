"""Persian digits, Jalali and Gregorian dates, and JSON-LD escaping for templates."""

import json
import re
from datetime import UTC, date, datetime

from django.template import Context, Template

from factcheck.templatetags.persian import dates, fa_digits, fa_number, gregorian, jalali, json_ld


def test_fa_digits_converts_latin_and_arabic_indic_digits():
    assert fa_digits("سال 1402 و ٢٠٢٣") == "سال ۱۴۰۲ و ۲۰۲۳"


def test_fa_digits_of_none_and_numbers():
    assert fa_digits(None) == ""
    assert fa_digits(42) == "۴۲"


def test_fa_number_uses_persian_separators():
    assert fa_number(1234567) == "۱٬۲۳۴٬۵۶۷"
    assert fa_number(0.857, 2) == "۰٫۸۶"
    assert fa_number("n/a") == "n/a"


def test_jalali_date_in_tehran_time():
    # 20:30 UTC on 25 July is 00:00 on 26 July in Tehran (UTC+3:30): 4 Mordad 1402.
    moment = datetime(2023, 7, 25, 20, 30, tzinfo=UTC)
    assert jalali(moment) == "۴ مرداد ۱۴۰۲"
    assert jalali(moment, True) == "۴ مرداد ۱۴۰۲، ساعت ۰۰:۰۰"


def test_jalali_of_a_plain_date_and_of_nothing():
    assert jalali(date(2024, 3, 20)) == "۱ فروردین ۱۴۰۳"
    assert jalali(None) == ""


def test_gregorian_date_in_persian_words():
    assert gregorian(date(2023, 7, 26)) == "۲۶ ژوئیه ۲۰۲۳"
    assert gregorian(datetime(2023, 12, 31, 21, 0, tzinfo=UTC)) == "۱ ژانویه ۲۰۲۴"


def test_dates_tag_gives_time_element_with_iso_and_both_calendars():
    html = dates(datetime(2023, 7, 26, 8, 43, tzinfo=UTC))
    assert html.startswith('<time datetime="2023-07-26T12:13:00+03:30">۴ مرداد ۱۴۰۲</time>')
    assert "(۲۶ ژوئیه ۲۰۲۳)" in html
    assert dates(None) == ""


def test_json_ld_escapes_markup_and_carries_the_nonce():
    data = {"claimReviewed": "</script><script>alert(1)</script> & «نقل»"}
    html = json_ld(Context({"csp_nonce": "abc123"}), data)
    assert html.startswith('<script type="application/ld+json" nonce="abc123">')
    body = re.search(r">(.*)</script>$", html, re.S).group(1)
    assert "<" not in body and ">" not in body and "&" not in body
    assert json.loads(body) == data


def test_json_ld_renders_nothing_without_data():
    assert json_ld(Context({}), None) == ""


def test_filters_are_available_in_templates():
    rendered = Template("{% load persian %}{{ n|fa_digits }} {{ d|jalali }}").render(
        Context({"n": 12, "d": date(2023, 7, 26)})
    )
    assert rendered == "۱۲ ۴ مرداد ۱۴۰۲"
