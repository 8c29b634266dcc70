"""What each rating and promise status means, as the methodology page explains them."""

from .models import PromiseStatus, Rating

RATING_MEANINGS: dict[str, str] = {
    Rating.TRUE: "ادعا دقیق است و چیز مهمی از آن جا نیفتاده است.",
    Rating.MOSTLY_TRUE: "ادعا در اصل درست است، اما به توضیح یا اطلاعات بیشتری نیاز دارد.",
    Rating.HALF_TRUE: "بخشی از ادعا درست است، اما جزئیات مهمی را حذف می‌کند یا از زمینه جدا می‌کند.",
    Rating.MISLEADING: (
        "اجزای ادعا شاید درست باشند، اما کنار هم تصویری نادرست می‌سازند "
        "(آمار بی‌مقایسه، بازه زمانی گزینشی، یا نتیجه‌ای که از شواهد برنمی‌آید)."
    ),
    Rating.MOSTLY_FALSE: "ادعا ذره‌ای از حقیقت دارد، اما واقعیت‌های مهمی را نادیده می‌گیرد.",
    Rating.FALSE: "ادعا با شواهد در دسترس نادرست است.",
    Rating.UNPROVEN: (
        "شواهد کافی برای تأیید یا رد ادعا پیدا نشد؛ گوینده یا نهاد مسئول هم مدرکی ارائه نکرده است."
    ),
}

PROMISE_MEANINGS: dict[str, str] = {
    PromiseStatus.NOT_RATED: "هنوز بررسی نشده است.",
    PromiseStatus.IN_PROGRESS: "کار برای عمل به وعده آغاز شده و ادامه دارد.",
    PromiseStatus.STALLED: "پیشرفتی دیده نمی‌شود؛ بودجه، قانون یا اقدامی در کار نیست.",
    PromiseStatus.COMPROMISE: "بخشی از وعده یا نسخه‌ای کوچک‌تر از آن عملی شده است.",
    PromiseStatus.KEPT: "وعده به طور کامل یا تقریباً کامل عملی شده است.",
    PromiseStatus.BROKEN: "وعده عملی نشده و دیگر در مسیر انجام نیست.",
}


def rating_scale() -> list[tuple[str, str, str]]:
    """(value, label, meaning) for each rating, in the order of the scale."""
    return [(value, label, RATING_MEANINGS[value]) for value, label in Rating.choices]


def promise_scale() -> list[tuple[str, str, str]]:
    """(value, label, meaning) for each promise status."""
    return [(value, label, PROMISE_MEANINGS[value]) for value, label in PromiseStatus.choices]
