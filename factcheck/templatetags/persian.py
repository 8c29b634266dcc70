"""Display helpers for Persian pages: Persian digits, Jalali and Gregorian dates, JSON-LD.

Dates are shown in the site's time zone (Asia/Tehran); ``<time datetime>`` keeps ISO 8601
for machines.
"""

import json
from datetime import date, datetime

import jdatetime
from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

_PERSIAN_DIGITS = str.maketrans("0123456789٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹۰۱۲۳۴۵۶۷۸۹")
JALALI_MONTHS = (
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
)
GREGORIAN_MONTHS = (
    "ژانویه",
    "فوریه",
    "مارس",
    "آوریل",
    "مه",
    "ژوئن",
    "ژوئیه",
    "اوت",
    "سپتامبر",
    "اکتبر",
    "نوامبر",
    "دسامبر",
)
# Inside <script>, "</script>" or "<!--" in a string would end or confuse the element.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def fa_digits(value: object) -> str:
    """``value`` as text with Latin and Arabic-Indic digits written as Persian digits."""
    if value is None:
        return ""
    return str(value).translate(_PERSIAN_DIGITS)


@register.filter
def fa_number(value: object, decimals: int = 0) -> str:
    """A number with thousands separators (٬) and decimal sign (٫), in Persian digits."""
    if value in (None, ""):
        return ""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return fa_digits(value)
    text = f"{number:,.{int(decimals)}f}"
    return fa_digits(text.replace(",", "٬").replace(".", "٫"))


def _local(value: date | datetime) -> date | datetime:
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


@register.filter
def jalali(value: date | datetime | None, with_time: bool = False) -> str:
    """``۴ مرداد ۱۴۰۲`` (with ``with_time``: ``۴ مرداد ۱۴۰۲، ساعت ۱۲:۱۳``); empty for None."""
    if not value:
        return ""
    value = _local(value)
    day = jdatetime.date.fromgregorian(
        date=value if not isinstance(value, datetime) else value.date()
    )
    text = f"{day.day} {JALALI_MONTHS[day.month - 1]} {day.year}"
    if with_time and isinstance(value, datetime):
        text += f"، ساعت {value:%H:%M}"
    return fa_digits(text)


@register.filter
def gregorian(value: date | datetime | None) -> str:
    """``۲۶ ژوئیه ۲۰۲۳``: the Gregorian date in Persian words and digits; empty for None."""
    if not value:
        return ""
    value = _local(value)
    return fa_digits(f"{value.day} {GREGORIAN_MONTHS[value.month - 1]} {value.year}")


@register.simple_tag
def dates(value: date | datetime | None, with_time: bool = False) -> SafeString:
    """A ``<time>`` element: the Jalali date, the Gregorian one beside it, ISO for machines."""
    if not value:
        return mark_safe("")
    iso = _local(value).isoformat()
    return format_html(
        '<time datetime="{}">{}</time> <span class="gregorian">({})</span>',
        iso,
        jalali(value, with_time),
        gregorian(value),
    )


@register.simple_tag(takes_context=True)
def json_ld(context: template.Context, data: dict | None) -> SafeString:
    """A ``<script type="application/ld+json">`` carrying the page's CSP nonce.

    ``<``, ``>`` and ``&`` are written as JSON escapes, so text from articles or editors
    cannot end the script element.
    """
    if not data:
        return mark_safe("")
    payload = json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return format_html(
        '<script type="application/ld+json" nonce="{}">{}</script>',
        context.get("csp_nonce", ""),
        mark_safe(payload),  # noqa: S308 - JSON with the three HTML-significant characters escaped
    )
