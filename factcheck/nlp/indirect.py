"""Reported speech: ``گفت که ...``, ``افزود، ...``, ``به گفته X، ...``, ``از ... خبر داد`` and kin.

Each finder returns candidates whose span is the reported content, as ANNOTATION.md sets
out: after ``که`` or the comma, between ``از`` and ``خبر داد``, between the subject and an
evaluative verb (``... را ... دانست``), and so on, to the end of the sentence.
"""

import functools
import re
from collections.abc import Iterator
from dataclasses import replace

from .clauses import (
    CONTRAST,
    PREMISE,
    Candidate,
    Paragraph,
    clause_start,
    confidence_for,
    is_impersonal,
    is_passive,
    joint_start,
    mention_before,
    next_word,
    occasion_start,
    quote_span,
    reported_end,
    sentence_end,
    subject_phrase,
)
from .lexicon import (
    HONORIFIC_PRONOUNS,
    HONORIFIC_VERB,
    REVERED_TITLES,
    WRITTEN_CUE,
    _flexible,
    speech_verb_pattern,
)
from .names import (
    Mention,
    is_common_phrase,
    is_explicit,
    is_first_name,
    is_name_title,
    is_organisation_head,
    is_role_head,
    is_state,
    parse_mention,
)
from .text import ZWNJ, fold, fold_words, whole_word_uses

_J = r"[\u200c ]*"  # a join that may be a space, a ZWNJ or nothing
# The perfect and pluperfect auxiliaries, singular and plural (کرده است، کرده بودند).
_AUX = r"(?:است|اند|بود|بودند)"
_LETTER = r"\w"  # Persian letters are \w; the Arabic comma and ZWNJ are not


# "به گفته X، ...", "طبق اعلام X، ...": X is the speaker.
# "طبق فرموده مقام معظم رهبری ...", "بنا به فرمایشات امام راحل ...": the revered speaker's
# words, as news writes them.
_SAYINGS = "فرموده|فرمایشات|فرمایش"
# "به تعبیر مقام معظم رهبری، ...": in X's words; not "به تعبیر دیگر" (in other words) nor
# "به تعبیر معروف" (as the saying goes).
_IN_THE_WORDS_OF = r"تعبیر(?!\s+(?:دیگر|بهتر|ساده|روشن|دقیق|معروف|عامیانه|رایج|خودمانی))"
# "براساس اظهارات توضیحی X", "بر اساس توضیحات ارائه شده از سوی X": how the words came
# (matched on folded text, where ئ is ی).
_WORDS_GIVEN = (
    r"(?:\s+(?:توضیحی|اخیر|جدید|امروز|(?:ارایه|منتشر|مطرح){_J}شده)(?:\s+(?:از{_J}سوی|توسط))?)?"
).replace("{_J}", _J)
# "با توجه به فرمایشات مقام معظم رهبری ...": words referred to, not reported.
_REFERRED = r"(?<!توجه )(?<!اشاره )"
# "با اعلام کنفدراسیون فوتبال آسیا، سیستم کمک‌داور ویدیویی ...": as the body announced; not
# "با اعلام این خبر" (the speaker's own announcement), "با اعلام اینکه", "با اعلام نگرانی".
_WITH_ANNOUNCEMENT = (
    # opening its sentence: mid-sentence it is a time ("... رویدادها با اعلام ریاست ...")
    rf"(?:(?<=\n)|(?<=[.!?؟:،,]\s)|(?<=\n\s))با{_J}اعلام(?!\s+(?:این|اين|آن|همین|خبر|نگرانی|آمادگی|حمایت|رضایت|مخالفت|موافقت)(?!\S))"
    rf"(?!\s+(?:این|اين){_J}(?:که|كه)(?!\S))(?!\s+اینکه)"
)
_ACCORDING_TO = re.compile(
    rf"(?<!{_LETTER}){_REFERRED}(?P<cue>به{_J}(?:گفته|اعتقاد|عقیده|باور|نوشته|ادعای|{_IN_THE_WORDS_OF}|{_SAYINGS})|"
    rf"طبق{_J}(?:اعلام|گفته|اظهارات|ادعای|{_SAYINGS})|"
    rf"(?:بنا{_J}(?:به|بر)|بر{_J}اساس|براساس){_J}(?:اعلام|گفته|اظهارات|توضیحات|ادعای|{_SAYINGS})|"
    rf"{_WITH_ANNOUNCEMENT})"
    # "به گفته‌ی احمدی نژاد، ...": the ezafe may be written out.
    rf"(?:\u200c?ی)?\u200c?{_WORDS_GIVEN}\s+(?P<who>[^،,؛:.\n]{{2,80}}?)\s*[،,؛]\s*"
)

_APPOSITIVE = re.compile(r"(?P<role>[^،,:.\n]{2,80}?)\s*[،,]\s*")
_KHABAR = re.compile(
    rf"(?<!{_LETTER})خبر{_J}(?:داد|دادند|داده{_J}{_AUX}|داده|می{_J}دهد|می{_J}دهند)"
    rf"(?!{_LETTER})"
)
# "زنوزی وعده تراکتور کهکشانی را داده بود": the promise is the object.
_PROMISE_OBJECT = re.compile(
    rf"(?<!{_LETTER})(?:وعده|قول)\s+(?P<content>[^.،,:\n]{{3,150}}?)\s+را\s+"
    rf"(?:داد|دادند|داده|می{_J}دهد)(?!{_LETTER})"
)

# "مورینیو خبر از بازگشت به فوتبال داده": the news is between از and the verb.
_KHABAR_AZ = re.compile(
    rf"(?<!{_LETTER})خبر\s+از\s+(?P<content>[^.،,:\n]{{3,150}}?)\s+"
    rf"(?:داد|دادند|داده|می{_J}دهد|می{_J}دهند)(?!{_LETTER})"
)


def _content_follows(cue: str) -> re.Pattern[str]:
    """A cue whose content follows it, after an optional که and comma (قول داد که ...)."""
    return re.compile(rf"(?<!{_LETTER})(?P<cue>{cue})(?!{_LETTER})\s*(?:که)?\s*[،,؛]?\s*")


_BELIEF = _content_follows(
    # "مدعی شده ...": the participle alone, its است dropped, as agency copy writes it.
    rf"(?:(?:معتقد|مدعی){_J}(?:است|هستند|بود|بودند|شد|شدند|شده(?:{_J}(?:است|اند|بود))?)|"
    # "رائول مطمئن است که ..." (folded: ئ -> ی); not "نمی‌توان مطمئن بود", no one's belief.
    rf"مطمین{_J}(?:است|هستند)|"
    rf"بر{_J}این{_J}(?:باور|عقیده){_J}(?:است|هستند|بود|بودند)|"
    rf"(?:اعتقاد|باور){_J}(?:دارد|دارند|داشت|داشتند)|"
    # "جوردی فاره ... اطمینان دارد که مسی بارسا را ترک نخواهد کرد": is confident that
    rf"اطمینان{_J}(?:دارد|دارند|داشت|داشتند)(?=\s*که(?!{_LETTER}))|"
    # "خواهر سامویل اصرار دارد که ...": insisting that; only with که (بر X اصرار دارد
    # insists on X, said before the verb).
    rf"اصرار{_J}(?:دارد|دارند|داشت|داشتند|کرد|کردند|ورزید)(?=\s*که(?!{_LETTER})))"
)
# "به گفته پلیس چین بعد از ...": no comma, so the speaker runs to the first stop word.
_ACCORDING_TO_BARE = re.compile(
    # Not the به of "بنا به گفته", which its own pattern reads.
    rf"(?<!{_LETTER})(?<!بنا ){_REFERRED}(?P<cue>به{_J}(?:گفته|اعتقاد|عقیده|باور|نوشته|{_IN_THE_WORDS_OF}|"
    rf"{_SAYINGS})|"
    rf"طبق{_J}(?:اعلام|گفته|{_SAYINGS})|"
    rf"(?:بنا{_J}(?:به|بر)|بر{_J}اساس|براساس){_J}(?:اعلام|گفته|اظهارات|توضیحات|{_SAYINGS})|"
    rf"{_WITH_ANNOUNCEMENT})"
    rf"(?:\u200c?ی)?\u200c?{_WORDS_GIVEN}\s+"
)
_THAT = re.compile(r"(?<!\S)که(?!\S)")
# "به فرموده پیامبر اکرم(ص) ...": a revered speaker, whose honorific ends the name.
_HONOURED_SAYING = re.compile(
    rf"(?<!{_LETTER})(?P<cue>به{_J}فرموده)\s+(?P<who>[^،,.:«»\n()]{{2,40}}?)\s*\((?:ص|ع|ره|س|عج)\)"
    r"\s*[،,]?\s*"
)
# "که خواست نامش فاش نشود", "خواست نام او ذکر نشود": an anonymous source's wish.
_NAME_WITHHELD = re.compile(
    r"\s*(?:که\s+|تا\s+)?نام(?:ش|\s+او|\s+وی)?\s+(?:فاش|ذکر|برده|منتشر|اعلام|گفته)"
)
# A plural noun with its ezafe right before a word: "باشگاه‌های خواهان", "ترکمن‌های خواستار".
_PLURAL_EZAFE = re.compile(r"\S[\u200c ]?های\s+$")  # run on folded text: هاي is های there
_KHASTAR = re.compile(
    rf"(?<!{_LETTER})خواستار(?P<content>.+?){_J}(?:شد|شدند|است|هستند|بود|بودند|شده{_J}{_AUX}|"
    # "خواستار ... شده و اعلام کردند": the participle before a second verb.
    rf"شده(?=\s+و\s))(?!{_LETTER})"
)
# "فدراسیون عربستان از AFC خواهان ضمانت‌هایی شد": asked for, as خواستار. With است / هستند
# خواهان only says what someone wants ("بارسا خواهان جذب اوست"), which news reports of
# clubs and crowds, not words anyone said.
_KHAHAN = re.compile(
    rf"(?<!{_LETTER})خواهان(?P<content>\s[^.،,:\n]+?)[\s\u200c]+(?:شد|شدند|شده{_J}{_AUX}|"
    rf"شده(?=\s+و\s))(?!{_LETTER})"
)
# "اندیشکده آمریکایی مدعی پایگاه‌های موشکی مخفی کره شمالی شد": what is claimed, a noun
# phrase, between مدعی and شد ("مدعی شد که ..." is a belief verb, read after it).
_CLAIMED = re.compile(
    rf"(?<!{_LETTER})مدعی(?P<content>\s+(?!(?:شد|شدند|شده|است|هستند|بود|بودند)(?!{_LETTER}))"
    rf"[^.،,:\n]{{3,150}}?)[\s\u200c]+(?:شد|شدند|شده{_J}{_AUX}|شده)(?!{_LETTER})"
)
# "وزیر ... درخواست تخصیص اعتبار برای این محور را داشتند": what was requested, with را;
# without it "درخواست بازی دوستانه داشت" says only that one was made.
_REQUEST_HELD = re.compile(
    rf"(?<!{_LETTER})درخواست(?P<content>\s+[^.،,:\n]{{3,150}}?)\s+را(?:\s+[^.،,:\n]{{1,40}}?)?\s+"
    rf"(?:داشت|داشتند|داشته(?:{_J}(?:است|اند|بود))?)(?!{_LETTER})"
)
# "موسوی لاری به لزوم اسکان سریع آسیب‌دیدگان تاکید نمود": به for بر, before a need.
_EMPHASIS_TO = re.compile(
    rf"(?<!{_LETTER})به\s+(?P<content>(?:لزوم|ضرورت){_J}[^.،,:؛\n]{{3,200}}?)\s+"
    rf"(?:تاکید|تأکید){_J}(?:کرد|کردند|نمود|نمودند|کرده{_J}{_AUX}|داشت|داشتند)(?!{_LETTER})"
)
# "وزیر نیرو بر ضرورت صرفه‌جویی تاکید کرد": the position stressed is between بر and the verb.
_EMPHASIS = re.compile(
    # Not the بر of a compound preposition (با تکیه بر X، بر Y تاکید کرد).
    rf"(?<!{_LETTER})(?<!تکیه )(?<!تاکید )(?<!تأکید )(?<!اشاره )(?<!مبتنی )(?<!علاوه )(?<!مبنی )(?<!بنا )"
    # Nor a word that starts with بر written apart (بر آورد، بر عهده).
    # A list inside what is stressed keeps its commas ("امنیت، ثبات و توسعه").
    # A comma may close it before the verb ("... را در آنان تقویت کند، تأکید کرد").
    rf"بر\s+(?!(?:آورد|عهده|اساس|خلاف|روی|سر)(?!\S))(?P<content>[^.،,:؛\n]{{3,250}}?(?:[،,]\s*[^.،,:؛\n]{{1,250}}?)*)[،,]?\s+(?:تاکید|تأکید){_J}"
    rf"(?:کرد|کردند|نمود|نمودند|کرده{_J}{_AUX}|کرده|داشت|داشتند|دارد|دارند|"
    rf"می{_J}کند|می{_J}کنند|"
    # "بر ... تأکید و تصریح کرد:": the light verb shared with the next speech verb.
    rf"و(?=\s+\S+\s+(?:کرد|کردند|نمود|داشت)(?!{_LETTER})))(?!{_LETTER})"
)
_KHAST = re.compile(
    rf"(?<!{_LETTER})(?:خواست|خواستند|خواسته{_J}{_AUX}|می{_J}خواهد|"
    # "از جامعه بین‌المللی درخواست کرد تا ...", "از دولت‌های اسلامی انتظار دارد تا ..."
    rf"درخواست{_J}(?:کرد|کردند|کرده{_J}(?:است|اند|بود)|نمود|کرده(?=\s+(?:تا|که)(?!{_LETTER})))|"
    rf"انتظار{_J}(?:دارد|دارند)|"
    # "از ای‌اف‌سی خواسته تا ...": the participle alone, its است dropped, before تا or که.
    rf"خواسته(?=\s+(?:تا|که)(?!{_LETTER}))|"
    # "مالک باشگاه از ما خواسته به شکلی عمل کنیم": the content right after it (not the noun:
    # "به خواسته خود", "خواسته مهم هیئت").
    rf"(?<!به\s)خواسته(?=\s+(?!(?:و|است|اند|بود|بودند|شد|شده|شود|از|را|ها|های|هایش|هایی|ای|"
    rf"اش|ی|ایم|ام|اید|خود|خویش|مهم|اصلی)(?!{_LETTER}))[^\s،,.:؛]))"
    rf"(?!{_LETTER})\s*(?:که|تا)?\s*[،,]?\s*"
)
# The perfect and pluperfect too: "حاتمی‌کیا پیش‌تر قول داده بود فیلم‌هایش را ...".
# "داده که": agency copy drops the است of the perfect, as it does with "اعلام کرده که".
_GAVE = rf"(?:داد|دادند|داده{_J}{_AUX}|داده(?=\s*که(?!{_LETTER}))|می{_J}دهد|می{_J}دهند)"
_PROMISE = _content_follows(rf"(?:قول|وعده|اطمینان){_J}{_GAVE}")
# "نیویورک تایمز به این نکته اشاره کرد که ...": pointing out is saying; not "باید اشاره کرد
# که" or "می‌توان به X اشاره کرد که", where که opens a relative clause or no one speaks.
_POINTED_OUT = re.compile(
    rf"(?<!{_LETTER})(?P<cue>به{_J}این{_J}(?:نکته|موضوع|مطلب|مساله|مسئله|مسیله|مسأله)\s+"
    rf"(?:(?:هم|نیز)\s+)?اشاره{_J}(?:کرد|کردند|کرده{_J}{_AUX}|کرده|نمود|می{_J}کند))"
    rf"(?!{_LETTER})\s*که\s*[،,]?\s*"
)
_GUESS = _content_follows(rf"احتمال{_J}{_GAVE}")
# "هادربادی به بهره‌برداران توصیه کرد قبل از مراجعه ... ": advice to someone, its content
# after the verb (with or without که / تا).
_ADVISE = re.compile(
    rf"(?<!{_LETTER})(?P<cue>توصیه{_J}(?:کرد|کردند|کرده{_J}{_AUX}|کرده|نمود|می{_J}کند)|"
    # "به معاون اول دستگاه قضایی دستور داد ...": an order to someone; not the passive
    # "دستور داده شد", which names no one who gave it.
    rf"دستور{_J}(?:داد|دادند|داده{_J}{_AUX}|می{_J}دهد))"
    rf"(?!{_LETTER})\s*(?:که|تا)?\s*[،,]?\s*"
)
# "از زوار دعوت کرد تا از مرز دریایی استفاده کنند": an appeal, like از ... خواست.
_INVITE = re.compile(
    rf"(?<!{_LETTER})(?P<cue>دعوت{_J}(?:کرد|کردند|کرده{_J}{_AUX}|نمود|می{_J}کند))(?!{_LETTER})"
    r"\s*(?:که|تا)?\s*[،,]?\s*"
)


# "ارزش صادرات را بیش از ۴۷ میلیون دلار اعلام کرد" states something; "برنامه‌ها را اعلام
# کرد" only names a topic: these verbs report content only with a complement after را.
def _with_namud(forms: tuple[str, ...]) -> tuple[str, ...]:
    """Each ``کرد`` form and its formal twin with ``نمود`` (عنوان نمود, اعلام نموده است)."""
    twins = (form.replace(" کرد", " نمود", 1) for form in forms if " کرد" in form)
    return tuple(dict.fromkeys((*forms, *twins)))


_NEEDS_COMPLEMENT = _with_namud(
    (
        "اعلام کرد",
        "اعلام کردند",
        "اعلام کرده است",
        "پیش‌بینی کرد",
        "پیش‌بینی کردند",
        "پیش‌بینی کرده بود",
        "پیش‌بینی کرده است",
        # "ارزش گردوی تولیدی را ۵۸۰۰ میلیارد تومان برآورد کرد": an estimate is a claim.
        "برآورد کرد",
        "برآورد کردند",
        "برآورد کرده است",
        # "کلوپ را مرجع همه سرمربیان خطاب کرده است": what someone is called, after را.
        "خطاب کرد",
        "خطاب کردند",
        "خطاب کرده است",
        "خطاب کرده بود",
        "خطاب می‌کرد",
        "خطاب می‌کردند",
    )
)
# After را, a phrase that opens with a preposition (other than به عنوان, "as") says to whom,
# for what or how something was announced: no complement.
_ONLY_ADVERBIAL = re.compile(r"\s*(?:به(?!\s+عنوان)|برای|بدون|در|طی)(?!\S)")
# "اعلام" alone: its light verb shared with the next verb ("... را ۵۰ هزار تن اعلام و اظهار کرد").
_NEEDS_COMPLEMENT_KEYS = {
    fold_words(v)
    for v in (*_NEEDS_COMPLEMENT, "اعلام", "اعلام کرده‌اند", "اعلام کرده بود", "اعلام کرده بودند")
}


# "کی‌روش خبر قطع تماس تلفنی مارادونا را تکذیب کرد": what is denied is the object.
_DENIALS = tuple(
    f"{noun} {ending}"
    for noun in ("تکذیب", "رد")
    for ending in ("کرد", "کردند", "نمود", "کرده است", "کرده‌اند", "کرده بود", "کرده بودند")
)
_DENIAL_KEYS = {fold_words(v) for v in _DENIALS}
# Between را and the verb: "را قویاً تکذیب کرد", "را نیز رد کرد", "را، تکذیب کرده است".
_DENIED_OBJECT_END = re.compile(
    r"(?<!\S)را\s*[،,]?\s*(?:(?:قویا|شدیدا|قاطعانه|صریحا|رسما|کاملا|نیز|هم)\u200c?\s*)?$"
)
# What a رد denies: a report or a charge ("هرگونه دخالت ... را رد کرد"), not an offer or a
# bribe ("پیشنهاد چلسی را رد کرد").
_DENIABLE = {
    fold_words(w)
    for w in (
        *("خبر", "اخبار", "اخباری", "ادعا", "ادعای", "ادعاها", "ادعاهای", "شایعه", "شایعات"),
        *("اتهام", "اتهامات", "گزارش", "گزارش‌ها", "گزارش‌های", "اظهارات", "هرگونه", "هر"),
        *("دخالت", "نقض", "ارتباط"),
        # "مذاکره با این بازیکنان را رد کرد", "احتمال جدایی را رد کرد": a claim denied
        *("مذاکره", "مذاکرات", "احتمال"),
    )
}
_DENIABLE_OPENER = re.compile(
    "(?<!\\S)(?:"
    + "|".join(sorted((w for w in _DENIABLE if w != "هر"), key=len, reverse=True))
    + r"|هر\s+گونه)(?!\S)"
)
_DEMONSTRATIVES = {"این", "آن", "همین", "چنین"}


def _states_what_is_denied(obj: str, verb: str) -> bool:
    """``شایعه پیوستن به دولت``, not ``این خبر`` (nothing said) or, for رد, ``پیشنهاد چلسی``."""
    words = fold_words(obj).split()
    if len(words) < 2 or (words[0] in _DEMONSTRATIVES and len(words) <= 2):
        return False
    if "که" in words:
        return False  # "اخباری ... شنیده می‌شد که او این خبر را تکذیب کرد": another clause
    return verb.startswith("تکذیب") or words[0] in _DENIABLE


def _perfect_forms() -> set[str]:
    """``... را به تقلب متهم کرده است``, ``... را مهم دانسته‌اند``: the perfect and pluperfect
    news uses for what was said before, singular and plural."""
    participles = ["دانسته", "خوانده", "نامیده", "برشمرده"]
    for noun in ("توصیف", "قلمداد", "ارزیابی", "عنوان", "تلقی", "متهم", "اعلام"):
        participles.append(f"{noun} کرده")
    return {
        f"{participle}{ending}"
        for participle in participles
        for ending in (" است", "‌اند", " بود", " بودند")
    }


# Speech verbs among the evaluative ones: a که after them opens new content (عنوان کرد که
# ...), where after the others (دانست, متهم کرد) it goes on about the object.
_SPEECH_KEYS = {fold_words(w) for w in ("عنوان", "بیان", "اعلام")}


@functools.cache
def _evaluative_verbs() -> re.Pattern[str]:
    """``... را ... دانست / توصیف کرد / خواند / برشمرد / قلمداد کرد / ارزیابی کرد / متهم کرد``."""
    forms = [
        "دانست",
        "دانستند",
        "می‌داند",
        "می‌دانند",
        "دانسته است",
        "می‌دانست",  # the past continuous, not "دانستند" with a stray می before the span's end
        "می‌دانستند",
        # "حل موضوع سوریه را از طریق نظامی ممکن ندانست": the negative states a view too.
        "ندانست",
        "ندانستند",
        "خواند",
        "خواندند",
        "نامید",
        "نامیدند",
        # "برشمرد", also written "بر شمرد"
        "بر شمرد",
        "بر شمردند",
        "توصیف کرد",
        "توصیف کردند",
        "قلمداد کرد",
        "ارزیابی کرد",
        "ارزیابی کردند",
        "عنوان کرد",
        "عنوان کردند",
        "بیان کرد",
        "تلقی کرد",
        "تعبیر کرد",
        # "اصفهان را به یک ایران کوچک تشبیه کرد"
        "تشبیه کرد",
        "تشبیه کردند",
        "متهم کرد",
        "متهم کردند",
        "تهدید کرد",
        "تهدید کردند",
        # "ارتش آمریکا مرگ یکی از سربازانش را تایید کرد": what is confirmed is the object.
        "تایید کرد",
        "تایید کردند",
        "توصیف نمود",
        "ارزیابی نمود",
        "قلمداد نمود",
        "ذکر کرد",
        "ذکر کردند",
        "نام برد",
        "نام بردند",
        # "عضویت ۷۸ هزار نفر در کتابخانه‌ها را یادآور شد": what is recalled is the object.
        "یادآور شد",
        "یادآور شدند",
        "یاد کرد",
        "یاد کردند",
        "یاد کرده است",
        "یاد کرده بود",
        "نام برده است",
        "نام برده بود",
        # "آزادی گروگان‌ها را خواستار شد": what is asked for is the object.
        "خواستار شد",
        "خواستار شدند",
        "خواستار شده است",
        "خواستار شده",
        *_DENIALS,
        *_NEEDS_COMPLEMENT,
        *_perfect_forms(),
    ]
    forms = list(_with_namud(tuple(forms)))
    alternation = "|".join(_flexible(f) for f in sorted(forms, key=len, reverse=True))
    # "... را بی‌سابقه عنوان و تصریح کرد": the light verb is shared with the next verb.
    shared = (
        r"(?:عنوان|توصیف|ارزیابی|قلمداد|تلقی|تعبیر|ذکر|اعلام|"
        # "تصمیم کنگره را اقدامی تمسخرآمیز دانسته و خواهان ... شد": the participle before و.
        r"دانسته|خوانده|نامیده|برشمرده|توصیف[\u200c ]کرده)(?=[\u200c ]+و(?!\S))"
    )
    return re.compile(rf"(?<!{_LETTER})(?P<verb>{alternation}|{shared})(?!{_LETTER})")


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def _make(
    text: str,
    folded: str,
    para: Paragraph,
    start: int,
    end: int,
    cue: str,
    mention: Mention,
    mention_start: int,
    kind: str = "indirect",
) -> Candidate | None:
    start, end = quote_span(text, start, end)
    if end - start < 4 or len(text[start:end].split()) < 2:
        return None
    return Candidate(
        start, end, kind, cue, para.location, mention, mention_start, confidence_for(mention, kind)
    )


_NOT_CONTENT = {"و", "اما", "ولی", ""}


# "... را اعلام کرد که در آن نامی از ... دیده نمی‌شود": which, of what was announced.
_IN_WHICH = re.compile(r"(?:در|از|به|با|بر)\s+(?:آن|آنها|آن‌ها)(?!\S)")


# "در حالی که" with no comma or full stop between it and the verb.
_WHILE_BEFORE = re.compile(rf"(?<!\S)در{_J}حالی{_J}(?:که|ک)(?!\S)[^،,.:؛!?؟\n]*$")


def _has_its_object(before: str) -> bool:
    """A را in the verb's own clause (after any که or comma), unless it is "این سوال را":
    "this question", the one that follows the comma."""
    words = re.split(r"[،,]|(?<!\S)که(?!\S)", before)[-1].split()
    if "را" not in words:
        return False
    at = len(words) - 1 - words[::-1].index("را")
    return not (at >= 2 and words[at - 2] == "این")


# A speech verb and its colon right after a comma: "... تاکید داشته‌اند، افزود: ...".
_COLON_CUE_NEXT = re.compile(
    r"\s*(?:افزود|گفت|ادامه\s+داد|اظهار\s+(?:کرد|داشت)|تصریح\s+کرد|"
    r"خاطرنشان\s+کرد|عنوان\s+کرد|بیان\s+کرد)\s*:"
)


def _verb_candidates(text: str, folded: str, para: Paragraph) -> list[Candidate]:
    """Speech verb followed by که, a comma, or the content itself (not a colon)."""
    found = []
    for match in speech_verb_pattern().finditer(folded, para.content_start, para.end):
        verb = match.group("verb")
        if fold_words(verb).startswith(fold_words(WRITTEN_CUE)):
            continue  # a colon cue only
        if is_passive(verb) or re.search(
            r"(?<!\S)به\s*$", folded[max(0, match.start() - 4) : match.start()]
        ):
            continue  # "به گفته X" and "به نوشته X" are handled as attributions
        if folded[max(0, match.start() - 8) : match.start()].split()[-1:] == ["سخن"]:
            continue  # "X که در ... سخن می‌گفت، افزود": who was speaking, not what was said
        if is_impersonal(folded, match.start()):
            continue  # "می‌توان گفت که ...": nobody's statement
        opening = clause_start(folded, para.content_start, match.start())
        before = folded[opening : match.start()]
        if fold_words(verb).startswith("ادامه") and "به" in before.split()[-4:]:
            continue  # "به کار خود در اروپا ادامه داد": went on working, said nothing
        whereas = list(re.finditer(r"(?<!\S)در\s*حالی(?!\S)", before))
        if whereas and "که" not in before[whereas[-1].end() :].split():
            continue  # "این اظهارات را در حالی بیان می‌کند که ...": the که is the حالی's
        after = match.end()
        tail = folded[after : after + 12]
        if re.match(r"[\s\u200c]*:", tail):
            continue  # a direct quote
        that = re.match(r"[\s\u200c]*(?:که|كه)(?!\S)[\s\u200c]*[،,]?\s*", folded[after:])
        if that and _stated_as_figure(folded, opening, match):
            continue  # "تعداد داوران را هشت نفر اعلام کرد که ...": the figure is what was said
        if that and _IN_WHICH.match(folded, after + that.end()):
            continue  # "نام 18 بازیکن را اعلام کرد که در آن ...": که opens a relative clause
        comma = re.match(r"[\s\u200c]*[،,]\s*", folded[after:])
        if that:
            start, cue = after + that.end(), f"{text[match.start() : match.end()]} که"
        elif comma:
            if _inside_premise(folded, para, match.start()):
                continue  # "با بیان اینکه ... بیان کرده‌اند، ادامه داد": part of the premise
            if _COLON_CUE_NEXT.match(folded, after + comma.end()):
                continue  # "... تاکید داشته‌اند، افزود: ...": the next verb is the speaker's
            if _WHILE_BEFORE.search(
                folded, max(para.content_start, match.start() - 300), match.start()
            ):
                continue  # "درحالی‌که داور ... اعلام کرده بود، یکی از هواداران ...": the main clause
            if _has_its_object(before):
                continue  # "علت ... را ... عنوان کرد، دلیلی که ...": the verb has its object
            start, cue = after + comma.end(), f"{text[match.start() : match.end()]}،"
        else:
            bare = re.match(r"[\s\u200c]+(?=\S)", folded[after:])
            nxt = next_word(folded, after)
            # "به بارسلونا پیشنهاد داد اما ...": a new clause, not what was said
            if not bare or nxt.strip(".!?؟") in _NOT_CONTENT or nxt.startswith((".", "؟", "?")):
                continue
            if speech_verb_pattern().match(folded, after + bare.end() + 1) and nxt[0] == "و":
                continue  # "تاکید کرد وگفت: ...": the next verb, glued to its و

            if verb.startswith("آمده"):
                continue
            start, cue = after + bare.end(), text[match.start() : match.end()]
        mention, mention_start = mention_before(text, folded, opening, match.start())
        if verb.startswith("آمده") and not mention.document:
            continue  # "... که به وجود آمده است، ...": came about, nothing written
        if not (that or comma) and verb.endswith(("کرده", "داشته")) and not is_explicit(mention):
            continue  # "برنامه‌ای که دولت اعلام کرده اجرا می‌کنیم": a participle in a clause
        quoted = _closing_mark(folded, start, para.end)
        if (
            quoted is not None
            and len(folded[start + 1 : quoted].split()) <= _NAME_IN_MARKS_WORDS
            and not _QUOTE_CLOSES_CLAUSE.match(folded, quoted + 1)
        ):
            quoted = None  # "تاکید کردند "ولادیمیر شاموف" هنگام حادثه ...": a name in marks
        if quoted is not None:  # "X گفت «...»": a direct quote without a colon
            candidate = _make(
                text,
                folded,
                para,
                start + 1,
                quoted,
                cue + " «»",
                mention,
                mention_start,
                kind="direct",
            )
        else:
            end = reported_end(folded, start, para.end)
            if HONORIFIC_VERB.search(verb):
                end = _saying_end(folded, start, end)
            candidate = _make(text, folded, para, start, end, cue, mention, mention_start)
        if candidate:
            found.append(candidate)
    return found


# A finite verb and و: where one clause ends and the next begins.
_SAYING_ENDS = re.compile(
    rf"(?<!{_LETTER})(?:است|بود|بوده|شود|شد|کن|کند|بکند|کنند|کرد|باشد|دارد|هستند|نیست|"
    rf"هستم|نیستم|داشت|می{_J}شود|می{_J}کند)(?=\s+و(?!{_LETTER}))"
)


def _saying_end(folded: str, start: int, end: int) -> int:
    """``امیرالمؤمنین فرمودند فرد بدکار را ... مجازات کن و در جای دیگر فرمودند ...``: a
    revered figure's saying, quoted inside another's words, is one clause; the quoting
    speaker goes on after its verb and و."""
    stop = _SAYING_ENDS.search(folded, start, end)
    return stop.end() if stop else end


_NAME_IN_MARKS_WORDS = 4
# What may follow a quote that is all that was said: the sentence or clause ends.
_QUOTE_CLOSES_CLAUSE = re.compile(r"[\s\u200c]*(?:$|[.!?؟،,:؛;)\n]|و(?!\S)|(?:اما|ولی)(?!\S))")


def _closing_mark(folded: str, start: int, limit: int) -> int | None:
    """If a quotation opens at ``start``, the offset of its closing mark; else None."""
    if start >= limit or folded[start] not in '«"':
        return None
    closing = "»" if folded[start] == "«" else '"'
    depth, position = 0, start
    for position in range(start, limit):
        char = folded[position]
        if char == "«" and closing == "»":
            depth += 1
        elif char == closing and (closing == "»" or position > start):
            depth -= 1 if closing == "»" else 1
            if depth <= 0:
                return position
    return None


# "«...»، وزیر کشور گفت." : the quotation comes first, its speaker after it.
_QUOTE_FIRST = re.compile(r"«(?P<quote>[^«»\n]{12,})»\s*[،,]?\s*")


def _quote_first_candidates(text: str, folded: str, para: Paragraph) -> list[Candidate]:
    found = []
    for match in _QUOTE_FIRST.finditer(folded, para.content_start, para.end):
        limit = sentence_end(folded, match.end(), para.end)
        verb = speech_verb_pattern().search(folded, match.end(), limit)
        if not verb or folded[verb.end() : verb.end() + 3].strip().startswith(":"):
            continue
        if len(folded[match.end() : verb.start()].split()) > 10:
            continue  # the verb belongs to a later clause, not to this quotation
        mention, mention_start = mention_before(text, folded, match.end(), verb.start())
        if mention.mention_type == "none":
            continue
        if (
            mention.mention_type == "role"
            and not folded[match.end() : mention_start].strip()
            and _names_someone(folded[match.start("quote") : match.end("quote")])
        ):
            continue  # "«سید عبدالملک الحوثی» رهبر جنبش انصارالله گفت": a name, then its title
        cue = "«» " + " ".join(text[verb.start() : verb.end()].split())
        candidate = _make(
            text,
            folded,
            para,
            match.start("quote"),
            match.end("quote"),
            cue,
            mention,
            mention_start,
            kind="direct",
        )
        if candidate:
            found.append(candidate)
    return found


_NOT_IN_NAMES = {"ما", "من", "را", "است", "نیست", "که", "به", "از", "در", "با", "این", "آن", "و"}


def _names_someone(quoted: str) -> bool:
    """A short quotation with no verb or function word: a name put in guillemets."""
    words = quoted.split()
    return 1 <= len(words) <= 4 and not any(
        w in _NOT_IN_NAMES or w.startswith(("می", "نمی")) for w in words
    )


_FINITE_ENDINGS = {
    *("است", "نیست", "هست", "هستند", "بود", "بودند", "دارد", "دارند", "داشت", "داشتند"),
    *("شد", "شدند", "شود", "شوند", "باشد", "باشند", "کند", "کنند", "کرد", "کردند"),
    *("دهد", "دهند", "داد", "دادند", "یابد", "رسد", "گیرد", "گیرند"),
    # "... سند اسلامی ایرانی پیشرفت و ... برخورداریم": a speaker's own we and I
    *("هستیم", "نیستیم", "داریم", "نداریم", "بودیم", "باشیم", "شدیم", "کردیم", "هستم", "دارم"),
}


_PARTITIVE = [[w] for w in ("یکی", "برخی", "بسیاری", "بعضی", "تعدادی", "هیچکدام", "هیچ‌یک")]
_SINCE = [[w] for w in ("ابتدا", "اول", "آغاز", "قبل", "پیش", "دیرباز", "مدتها", "همان")]
# "... بوده و می‌خواهد": a participle and و close a clause of its own.
_PARTICIPLES = {"بوده", "شده", "کرده", "داشته", "داده"}


def _asked_of(folded: str, opening: int, verb: int, preposition: str = "از") -> bool:
    """``از مردم خواست``, ``به طلاب توصیه کرد``: the preposition of the one asked before the
    verb, in its own clause. Not when a verb stands between ("از نظر ما دور شده بودند و
    شاید خدا خواست": خواست is wanted, in a clause of its own)."""
    asked = list(re.finditer(rf"(?<!\S){preposition}(?!\S)", folded[opening:verb]))
    if not asked:
        return False
    if folded[opening : opening + asked[-1].start()].split()[-1:] in _PARTITIVE:
        return False  # "یکی از بهترین بازیکنان ... می‌خواهد": one of many, not one asked
    if folded[opening + asked[-1].end() : verb].split()[:1] in _SINCE:
        return False  # "یوونتوس از ابتدا می‌خواست": since when, not whom
    between = folded[opening + asked[-1].end() : verb].split()
    return not any(
        word in _FINITE_ENDINGS or (word in _PARTICIPLES and following == "و")
        for word, following in zip(between, [*between[1:], ""], strict=True)
    )


_STATIVE_ENDINGS = {"دارد", "دارند", "است", "هستند", "داشت", "داشتند", "بود", "بودند"}


def _stresses(folded: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``بر ... تاکید کرد``. What is stressed is a noun phrase: its commas part a list, never
    clauses (a piece that ends in a verb or holds که). Past a بر that would run over a
    clause ("قرآن بر ... اشاره دارد، همچنین پیامبر بر ... تاکید کرد") the next بر is tried."""
    position = start
    while match := _EMPHASIS.search(folded, position, end):
        pieces = re.split(r"[،,]", match.group("content"))[:-1]
        if any(ends_in_finite_verb(piece) or "که" in piece.split() for piece in pieces):
            position = match.start("content")
            continue
        if re.match(r"[\s\u200c]*:", folded[match.end() : match.end() + 4]):
            # "... بر فرق ظالم است، تاکید کرد: ...": a quote follows; the بر was the premise's
            position = match.end()
            continue
        content = match.group("content").split()
        if (
            content
            and content[-1] in _STATIVE_ENDINGS
            and content[0] not in {"اینکه", "این", "آنکه", "لزوم", "ضرورت"}
            and "که" not in content  # "بر ... دولت عراق که ... انتخاب شده است، تاکید کرد"
        ):
            # "... رکود کشورها بر دیگر کشورها تاثیر دارد، تاکید کرد ...": the بر of a verb
            # that ended its own clause, not of what is stressed.
            position = match.start("content")
            continue
        yield match
        position = match.end()


def ends_in_finite_verb(phrase: str) -> bool:
    """The phrase ends in a finite verb, so it is a clause of its own, not a framing adverbial."""
    words = phrase.split()
    if len(words) < 3:
        return False
    last = words[-1]
    return (
        last in _FINITE_ENDINGS
        or last.startswith(("می", "نمی"))
        or last.endswith(("\u200cاست", "\u200cاند", "\u200cایم"))
        # "برخورداریم", "برخوردارند": an adjective made a verb by its ending
        or (last.startswith("برخوردار") and last != "برخوردار")
    )


def _inside_premise(folded: str, para: Paragraph, position: int) -> bool:
    """``position`` is in the content of a با بیان اینکه premise that no comma has closed."""
    opening = clause_start(folded, para.content_start, position)
    premises = list(PREMISE.finditer(folded, opening, position))
    return bool(premises) and not _COMMA.search(folded, premises[-1].end(), position)


_MAIN_VERB_BEFORE_COMMA = re.compile(
    r"\s+(?:هشدار|اخطار|توضیح|پیشنهاد|اطمینان)\s+(?:داد|دادند)\s*[،,]$"
)


def _premise_end(folded: str, start: int, para_end: int) -> int:
    """Where a clause set inside the sentence (``با بیان اینکه A، گفت``) ends: at the comma
    before the main verb."""
    limit = sentence_end(folded, start, para_end)
    verbs = list(speech_verb_pattern().finditer(folded, start, limit))
    # "با بیان اینکه ... به زبانی ساده بیان کرده‌اند، ادامه داد: ...": a speech verb that a
    # comma follows is inside the premise; the main verb is followed by :, که or و.
    verb = next(
        (v for v in verbs if not re.match(r"[\s\u200c]*[،,]", folded[v.end() : v.end() + 4])),
        None,
    )
    stop = verb.start() if verb else limit
    commas = [m.start() for m in re.finditer(r"[،,]", folded[start:stop])]
    if commas:
        # "با تاکید بر اینکه ملت عراق باید متحد باشد هشدار داد، ...": a compound verb before
        # the first comma is the main one.
        main = _MAIN_VERB_BEFORE_COMMA.search(folded, start, start + commas[0] + 1)
        if main and len(folded[start : main.start()].split()) >= 3:
            return main.start()
    end = start + commas[-1] if commas and verb else (start + commas[0] if commas else stop)
    if verb and commas and ends_in_finite_verb(folded[end + 1 : stop]):
        # "با بیان اینکه نیروهای جوان، بن‌بست‌شکن بوده و هر مشکلی را حل می‌کنند افزود:"
        # no comma closes the premise: it runs to the main verb.
        end = start + len(folded[start:stop].rstrip())
    return end


def _premise_candidates(text: str, folded: str, para: Paragraph) -> list[Candidate]:
    """``X با بیان اینکه A، گفت: B``: A, spoken by X, ends at the comma before the main verb."""
    found = []
    for match in PREMISE.finditer(folded, para.content_start, para.end):
        start = match.end()
        end = _premise_end(folded, start, para.end)
        opening = clause_start(folded, para.content_start, match.start())
        mention, mention_start = mention_before(text, folded, opening, match.start())
        cue = " ".join(text[match.start("cue") : match.end("cue")].split())
        candidate = _make(text, folded, para, start, end, cue, mention, mention_start)
        if candidate:
            found.append(candidate)
    return found


# "شهردار با اعلام آغاز طرح استقبال از بهار گفت: ...": what is announced, a noun phrase, is
# the subject's news. Not "با اعلام این خبر" (the news told before) nor "با تاکید بر" + a noun
# phrase, which annotators read as a topic (2 of 46 annotated).
_ANNOUNCING = re.compile(
    rf"(?<!{_LETTER})(?P<cue>(?:با|ضمن){_J}(?:اعلام|تایید|تأیید)(?:\s+خبر)?)\s+"
    rf"(?!(?:این|آن|خبر|مطلب|فوق)(?!{_LETTER})|این{_J}که)"  # "با اعلام اینکه": a premise
)
# "ضمن اعلام حمایت از آنان گفت": a stance taken, not news told.
_STANCES = {fold_words(w) for w in ("حمایت", "نگرانی", "همبستگی", "مخالفت", "موافقت", "تسلیت")}
_ANNOUNCED_MAX_WORDS = 20


def _announced_candidates(text: str, folded: str, para: Paragraph) -> list[Candidate]:
    """``X با اعلام A گفت: B``: A, a noun phrase said by X, runs to the speech verb."""
    found = []
    for match in _ANNOUNCING.finditer(folded, para.content_start, para.end):
        start = match.end()
        limit = sentence_end(folded, start, para.end)
        verb = speech_verb_pattern().search(folded, start, limit)
        if not verb or verb.group().startswith("آمده"):
            continue  # "در ادامه پیام ضمن اعلام ... آمده است:": the document's own words follow
        announced = folded[start : verb.start()].rstrip().rstrip("،,").rstrip()
        words = announced.split()
        if not words or len(words) > _ANNOUNCED_MAX_WORDS or "که" in words:
            continue
        if words[0] in _STANCES:
            continue
        if re.search(r"[،,:؛]", announced):
            continue  # only a comma right before the verb closes the noun phrase
        opening = clause_start(folded, para.content_start, match.start())
        mention, mention_start = mention_before(text, folded, opening, match.start())
        cue = " ".join(text[match.start("cue") : match.end("cue")].split())
        end = start + len(announced)
        candidate = _make(text, folded, para, start, end, cue, mention, mention_start)
        if candidate:
            found.append(candidate)
    return found


# "با اشاره به سخنان جرج بوش، رئیس جمهوری آمریکا مبنی بر اینکه A، تاکید کرد": X's words,
# given as what they said. X is spoken of, not speaking: the cue ends with TO_THE_EFFECT.
TO_THE_EFFECT = "مبنی بر اینکه"
_TO_THE_EFFECT = re.compile(
    rf"(?<!{_LETTER})(?P<noun>اظهارات|سخنان|ادعای|ادعاهای|ادعا|گفته{_J}های|وعده|قول)\s+"
    rf"(?P<who>[^.،,؛:\n]{{2,80}}?(?:[،,]\s*[^.،,؛:\n]{{2,100}}?)?)\s*[،,]?\s+"
    rf"مبنی{_J}بر{_J}(?:اینکه|این{_J}که)(?!{_LETTER})\s*"
)
# What may stand between the noun and whose words they are: "اظهارات اخیر ...", "ادعای کذب".
_WORDS_MODIFIER = re.compile(r"(?:(?:اخیر|قبلی|جدید|کذب|دروغ|دروغین|روز\s+گذشته|امروز|دیروز)\s+)+")


def _to_the_effect_candidates(text: str, folded: str, para: Paragraph) -> list[Candidate]:
    """``اظهارات X مبنی بر اینکه A``: A is what X said, ending like a premise."""
    found = []
    for match in _TO_THE_EFFECT.finditer(folded, para.content_start, para.end):
        who_start, who_end = match.start("who"), match.end("who")
        modifier = _WORDS_MODIFIER.match(folded, who_start, who_end)
        if modifier:
            who_start = modifier.end()
        # "اظهارات لاوروف، وزیر خارجه روسیه در کنفرانس مطبوعاتی ...": not who spoke.
        occasion = occasion_start(folded, who_start, who_end)
        if occasion is not None:
            who_end = occasion
        mention = parse_mention(text[who_start:who_end])
        if mention.mention_type in {"pronoun", "none"} or _first_person(mention.text):
            continue  # "ادعای او مبنی بر ...": whose, the article has said already
        start = match.end()
        end = _premise_end(folded, start, para.end)
        cue = f"{text[match.start('noun') : match.end('noun')]} ... {TO_THE_EFFECT}"
        candidate = _make(text, folded, para, start, end, cue, mention, who_start)
        if candidate:
            found.append(candidate)
    return found


def _first_person(who: str) -> bool:
    """``به عقیده من``, ``به نظر ما``: inside a quotation, the speaker already quoted."""
    return fold_words(who).split(" ", 1)[0] in {"من", "ما", "بنده"}


def _relays_speech(folded: str, cue: str, start: int, end: int) -> bool:
    """``به نوشته آناتولی، استاندار بیروت گفت: ...``: a paper relaying someone's words is a
    byline like ``به گزارش``; the words are the speaker's, found with their own verb."""
    return "نوشته" in cue and bool(speech_verb_pattern().search(folded, start, end))


_PREPOSITIONS = {"در", "از", "به", "با", "برای", "بر"}


def _named_elsewhere(folded: str, phrase: str, *, longest: int = 0, required: bool = False) -> str:
    """``به گفته پسندیده آمارها نشان می‌دهد ...``: with no comma to end it, the speaker is the
    longest start of the phrase the article names elsewhere too (``حسن پسندیده``).

    ``longest`` caps the start's length; ``required``: "" when no start is named elsewhere,
    where otherwise the phrase itself (or a title and a name) is the speaker."""
    words = phrase.split()
    for length in range(min(len(words) - 1, longest or len(words)), 0, -1):
        prefix = " ".join(words[:length])
        if words[length - 1] in _PREPOSITIONS:
            continue  # "سفیر انگلیس در": a speaker never ends in a preposition
        if length == 1 and (
            len(prefix) < 3
            or is_role_head(prefix)
            or is_organisation_head(prefix)
            or is_name_title(prefix)
        ):
            continue
        if whole_word_uses(folded, prefix) >= 2:
            return prefix
    if required:
        return ""
    if len(words) > 2 and is_name_title(words[0]):
        return " ".join(words[:2])  # "به گفته آقای تاج هر ۱۶ تیم ...": a title and a name
    return phrase


def _body_of_a_country(phrase: str) -> str:
    """``پلیس آرژانتین حال عمومی پدر توز ...``: a title or a body and its country, the words
    said after it; '' when the phrase does not open so."""
    words = phrase.split()
    if not (is_role_head(words[0]) or is_organisation_head(words[0])):
        return ""
    country = next((i for i, word in enumerate(words[1:4], 1) if is_state(word)), None)
    return " ".join(words[: country + 1]) if country else ""


def _given_name(phrase: str) -> str:
    """``عیسی آل اسحاق دبیر کمیته واگذاری ... پاکت‌های متعددی ...``: a first name and the
    words after it up to a title, when the phrase opens with one; "" otherwise."""
    words = phrase.split()
    if not words or not is_first_name(words[0]):
        return ""
    for length in range(2, min(len(words), 5)):
        if is_role_head(fold_words(words[length])):
            return " ".join(words[:length])
    return ""


_REVERED_KEYS = [fold_words(title).split() for title in REVERED_TITLES]


def _revered_title(phrase: str) -> str:
    """The Leader's or the late Imam's title that opens ``phrase``, as written there, or ""."""
    words = list(re.finditer(r"\S+", phrase))
    keys = [fold_words(word.group()) for word in words]
    for title in _REVERED_KEYS:
        if keys[: len(title)] == title:
            return phrase[: words[len(title) - 1].end()]
    return ""


_ANNOUNCER_WORDS = 6


def _announcer(phrase: str) -> bool:
    """After ``با اعلام``, a body, a title, a state or a person by first name announces; a
    common noun (با اعلام آغاز طرح، با اعلام موضع دولت) is what was announced."""
    words = phrase.split()
    return bool(words) and (
        is_organisation_head(words[0])
        or is_role_head(words[0])
        or is_state(words[0])
        or is_first_name(words[0])
    )


def _according_to_candidates(text: str, folded: str, para: Paragraph) -> list[Candidate]:
    """``به گفته X، ...``: X speaks; a role right after the name is X's (به گفته علی ربیعی، سخنگوی دولت، ...)."""
    found = []
    for match in _ACCORDING_TO.finditer(folded, para.content_start, para.end):
        who = text[match.start("who") : match.end("who")]
        pronoun_first = len(who.split()) > 1 and fold_words(who.split()[0]) in _THIRD_PERSON
        if (
            pronoun_first
            or _THAT.search(folded, match.start("who"), match.end("who"))
            or set(folded[match.start("who") : match.end("who")].split()) & _FINITE_ENDINGS
        ):
            # "به تعبیر وی برنامه ... طراحی شده است،", "بر اساس توضیحات شهردار مسیری که ...
            # احداث شود،", "براساس اعلام سازمان لیگ مسابقات ... ادامه خواهد داشت و ...،": no
            # name runs to the comma; the speaker is read as without one.
            continue
        start = match.end()
        appositive = _APPOSITIVE.match(folded, start)
        if appositive and is_role_head(appositive.group("role").split()[0]):
            who = f"{who}، {text[appositive.start('role') : appositive.end('role')]}"
            start = appositive.end()
        mention = parse_mention(who)
        if folded.startswith("با", match.start("cue")) and (
            not _announcer(who) or len(who.split()) > _ANNOUNCER_WORDS
        ):
            continue  # "با اعلام وزارت ورزش کلیه مسابقات ...، ...": no comma after the body
        end = reported_end(folded, start, para.end)
        cue = " ".join(text[match.start("cue") : match.end("cue")].split())
        if _relays_speech(folded, cue, start, end) or _first_person(who):
            continue
        candidate = _make(text, folded, para, start, end, cue, mention, match.start("who"))
        if candidate:
            found.append(candidate)
    for match in _HONOURED_SAYING.finditer(folded, para.content_start, para.end):
        if any(c.mention_start == match.start("who") for c in found):
            continue  # "به فرموده امام (ره)، ...": the comma form found it
        start = match.end()
        candidate = _make(
            text,
            folded,
            para,
            start,
            reported_end(folded, start, para.end),
            "به فرموده",
            parse_mention(text[match.start("who") : match.end("who")]),
            match.start("who"),
        )
        if candidate:
            found.append(candidate)
    taken = [(c.mention_start) for c in found]
    for match in _ACCORDING_TO_BARE.finditer(folded, para.content_start, para.end):
        if any(match.end() <= position <= match.end() + 2 for position in taken):
            continue  # the comma form already found it
        # The speaker stands before the clause's first که: "به گفته پسندیده آمارها نشان
        # می‌دهد که ... است که این امر ..." holds no speaker past it.
        that = _THAT.search(folded, match.end(), para.end)
        limit = sentence_end(folded, match.end(), that.start() if that else para.end)
        phrase, phrase_start = subject_phrase(folded, match.end(), limit)
        # "بنا بر فرموده مقام معظم رهبری حماسه ۹ دی باید ...": the title ends the speaker
        revered = _revered_title(folded[match.end() : limit])
        if revered and not phrase.startswith(revered):
            phrase, phrase_start = revered, match.end()
        if not phrase:
            continue
        if _first_person(phrase):
            continue  # "به عقیده من ...": the speaker quoted already, no new attribution
        first = phrase.split()[0]
        if first in _PRONOUN_SPEAKERS and len(phrase.split()) > 1:
            phrase = first  # "به گفته خودشان زمان کم آوردند": the pronoun is the whole speaker
        revered = _revered_title(phrase)
        if revered:
            phrase = revered
        elif len(phrase.split()) > 5:
            # "به گفته معاون امور عمرانی استانداری اردبیل افزایش مشارکت‌ها ...": the phrase ran
            # into the words said; the speaker is the part the article names elsewhere.
            phrase = (
                _named_elsewhere(folded, phrase, longest=12, required=True)
                or _given_name(phrase)
                or _body_of_a_country(phrase)
            )
            if not phrase:
                continue
        else:
            phrase = _named_elsewhere(folded, phrase)
        mention = parse_mention(text[phrase_start : phrase_start + len(phrase)])
        if folded.startswith("با", match.start("cue")) and not _announcer(phrase):
            continue
        start = phrase_start + len(phrase)
        end = reported_end(folded, start, para.end)
        cue = " ".join(text[match.start("cue") : match.end("cue")].split())
        if _relays_speech(folded, cue, start, end):
            continue
        candidate = _make(text, folded, para, start, end, cue, mention, phrase_start)
        if candidate:
            found.append(candidate)
    return found


_PRONOUN_SPEAKERS = {fold_words(w) for w in ("خودش", "خودشان", "او", "وی", "ایشان", "آنها")}


# Words whose از is their own, not the one that opens the news of "از ... خبر داد".
_NOT_NEWS_FROM = {
    fold_words(w)
    for w in ("پیش", "پس", "بعد", "قبل", "تجلیل", "بازدید", "قدردانی", "تقدیر", "بهره‌برداری")
}


def _last_that(folded: str, start: int, end: int) -> int | None:
    """Where the words after the last ``که`` in folded[start:end] begin, or None."""
    thats = list(_THAT.finditer(folded, start, end))
    return thats[-1].end() if thats else None


def _between_candidates(text: str, folded: str, para: Paragraph) -> list[Candidate]:
    """Content between the subject's ``از`` and ``خبر داد``, or between ``خواستار`` and ``شد``."""
    found = []
    for match in _KHABAR.finditer(folded, para.content_start, para.end):
        opening = clause_start(folded, para.content_start, match.start())
        mention, mention_start = mention_before(text, folded, opening, match.start())
        subject_end = mention_start + len(mention.text) if mention.text else opening
        between = folded[subject_end : match.start()]
        # "... پیش از ظهر امروز در حاشیه همایش تجلیل از خیران از اجرای مراسم ... خبر داد":
        # not the از of a time or of the occasion's own noun
        az = next(
            (
                m
                for m in re.finditer(r"(?<!\S)از(?!\S)\s*", between)
                if not set(between[: m.start()].split()[-1:]) & _NOT_NEWS_FROM
            ),
            None,
        )
        that = re.match(r"\s*که\s*", folded[match.end() :])
        following = next_word(folded, match.end())
        if not that and not az and following not in {"", "و", "."}:
            that = re.match(r"\s*", folded[match.end() :])  # "پلیس خبر داد افراد ناشناس ..."
        if that and not az:  # "خبر می‌دهد که ...": the content follows
            start = match.end() + that.end()
            end = reported_end(folded, start, para.end)
            cue = "خبر داد که" if "که" in that.group() else "خبر داد"
            candidate = _make(text, folded, para, start, end, cue, mention, mention_start)
            if candidate:
                found.append(candidate)
            continue
        if not az:
            continue
        start = subject_end + az.end()
        candidate = _make(
            text, folded, para, start, match.start(), "از ... خبر داد", mention, mention_start
        )
        if candidate:
            found.append(candidate)
    for pattern, cue in (
        (_PROMISE_OBJECT, "وعده ... را داد"),
        (_KHABAR_AZ, "خبر از ... داد"),
        (_KHASTAR, "خواستار ... شد"),
        (_KHAHAN, "خواهان ... شد"),
        (_CLAIMED, "مدعی ... شد"),
        (_REQUEST_HELD, "درخواست ... را داشت"),
        (_EMPHASIS, "بر ... تاکید کرد"),
        (_EMPHASIS_TO, "به ... تاکید کرد"),
    ):
        matches = (
            _stresses(folded, para.content_start, para.end)
            if pattern is _EMPHASIS
            else pattern.finditer(folded, para.content_start, para.end)
        )
        for match in matches:
            if pattern in (_KHASTAR, _KHAHAN) and _PLURAL_EZAFE.search(
                folded, max(para.content_start, match.start() - 12), match.start()
            ):
                continue  # "باشگاه‌های خواهان هالند", "عرب‌ها و ترکمن‌های خواستار ...": who want
            opening = clause_start(folded, para.content_start, match.start())
            if pattern is _CLAIMED and (that := _last_that(folded, opening, match.start())):
                opening = that  # "آزاده بهشتی، خبرنگاری که صدای آمریکا مدعی ... شده است"
            mention, mention_start = mention_before(text, folded, opening, match.start())
            end = match.end("content")
            relative = re.match(r"\s*(?:که|تا)(?!\S)", folded[match.end() : match.end() + 8])
            if pattern in (_KHASTAR, _KHAHAN) and relative:
                # "خواستار توضیح کشورهایی شد که ...": the clause says who is asked; "خواهان
                # ضمانت‌هایی شد تا سلامتی کاروان تضمین شود": what for.
                end = reported_end(folded, match.end() + relative.end(), para.end)
            candidate = _make(
                text, folded, para, match.start("content"), end, cue, mention, mention_start
            )
            if candidate:
                found.append(candidate)
    return found


def _verb_like(word: str) -> bool:
    """A finite verb, a present (می...) or a participle (کرده): "... دارد و مدعی است"."""
    return word in _FINITE_ENDINGS or word.startswith(("می", "نمی")) or word.endswith("ه")


_CONTENDER = re.compile(r"مدعی\s+(?:است|هستند)(?!\S)")
_NOTHING_BELIEVED = re.compile(r"\s*(?:؛|(?:و|اما|ولی)(?!\S))")


def _after_verb_candidates(text: str, folded: str, para: Paragraph) -> list[Candidate]:
    """``از X خواست (تا) ...``, ``قول داد ...``, ``احتمال داد ...``: the content follows the verb."""
    found = []
    for pattern, cue in (
        (_KHAST, "از ... خواست"),
        (_PROMISE, "قول داد"),
        (_GUESS, "احتمال داد"),
        (_BELIEF, "معتقد است"),
        (_INVITE, "دعوت کرد"),
        (_ADVISE, "به ... توصیه کرد"),
        (_POINTED_OUT, "اشاره کرد که"),
    ):
        for match in pattern.finditer(folded, para.content_start, para.end):
            if next_word(folded, match.end()) in _NOT_CONTENT:
                # "او را به جلسه دعوت کرد و گفت", "هواداران از ما انتظار دارند و ما هم ...":
                # nothing said follows.
                continue
            if pattern is _POINTED_OUT and is_impersonal(folded, match.start()):
                continue  # "می‌توان به این نکته اشاره کرد که": no one points it out
            if pattern is _KHAST and _NAME_WITHHELD.match(folded, match.end()):
                continue  # "دیپلماتی که خواست نامش فاش نشود": a source unnamed, no request
            if pattern is _BELIEF and _NOTHING_BELIEVED.match(folded, match.end()):
                continue  # "از بردن توپ طلا مطمئن است؛ اما ...": sure of what came before
            if pattern is _BELIEF and _CONTENDER.match(folded, match.start("cue")):
                before = folded[para.content_start : match.start("cue")].split()[-2:]
                if before[-1:] == ["و"] and not _verb_like(before[0]):
                    continue  # "دو تیم بزرگ و مدعی است که": a contender, an adjective after one
            opening = clause_start(folded, para.content_start, match.start())
            if pattern is _KHAST and not _asked_of(folded, opening, match.start()):
                continue
            told = pattern is _ADVISE and _asked_of(
                folded, opening, match.start(), preposition="به"
            )
            # "وی در همین راستا دستور داد ظرف ۲ هفته جلسه‌ای ... برگزار شود": an order needs
            # no one named to carry it out; advice does.
            ordered = pattern is _ADVISE and folded.startswith("دستور", match.start("cue"))
            if pattern is _ADVISE and (
                not (told or ordered) or next_word(folded, match.end()) in {"", "و", "."}
            ):
                continue  # "این روش را توصیه کرد": what is advised is the object, no words
            end = reported_end(folded, match.end(), para.end)
            mention, mention_start = mention_before(text, folded, opening, match.start())
            said = cue
            if pattern in (_BELIEF, _POINTED_OUT):  # معتقد است, مدعی هستند: the words used
                said = " ".join(text[match.start("cue") : match.end("cue")].split())
            elif pattern is _ADVISE:  # به ... توصیه کرد, به ... دستور داد, دستور داد
                said = ("به ... " if told else "") + " ".join(
                    text[match.start("cue") : match.end("cue")].split()
                )
            start = match.end()
            if folded.startswith(":", start):
                start += 1  # "معتقد است: ...": the words begin after the colon
            candidate = _make(text, folded, para, start, end, said, mention, mention_start)
            if candidate:
                found.append(candidate)
    return found


_TIME_ADVERB = re.compile(
    # "چهارشنبه شب", "بعد از ظهر امروز", "پیش از ظهر دیروز": a day or a part of one (not
    # جمعه, which is also the title امام جمعه)
    r"\s*(?:(?:شنبه|یکشنبه|دوشنبه|سه\s?شنبه|چهارشنبه|پنجشنبه|پنج\s?شنبه)(?:\s+(?:شب|صبح|عصر|گذشته))?|"
    r"(?:(?:بعد|پیش|قبل)\s*از\s*)?"
    r"(?:(?:صبح|ظهر|عصر|شب|بامداد|شامگاه)\s*(?:امروز|دیروز|روز\s+\S+)|امروز|دیروز|روز\s+گذشته|"
    r"هفته\s+گذشته|اخیرا|اخیراً|همچنین|نیز|هم|در\s+عین\s+حال))(?!\S)\s*"
)


_COMMA = re.compile(r"[،,]\s*")
_NUMBER = re.compile(
    r"[0-9۰-۹]|(?<!\S)(?:دو|سه|چهار|پنج|شش|هفت|هشت|ده|بیست|سی|چهل|پنجاه|صد|هزار|میلیون|"
    r"میلیارد|درصد)(?!\S)"
)


def _stated_as_figure(folded: str, opening: int, verb: re.Match[str]) -> bool:
    """``X را ۲۱ میلیون نفر اعلام کرد که ...``: a figure between را and the verb is the
    statement; the که clause after the verb says more about it."""
    if fold_words(verb.group("verb")) not in _NEEDS_COMPLEMENT_KEYS:
        return False
    rah = list(re.finditer(r"(?<!\S)را(?!\S)", folded[opening : verb.start()]))
    if not rah:
        return False
    complement = (opening + rah[-1].end(), verb.start())
    # "نت‌بوک را با نمایشگر ۱۰ اینچی وارد بازار کرد و اعلام کرد که": را is another verb's.
    return bool(_NUMBER.search(folded, *complement)) and not _FINISHED_CLAUSE.search(
        folded, *complement
    )


_FINISHED_CLAUSE = re.compile(
    r"(?<!\S)(?:کرد|کردند|شد|شدند|داشت|داشتند|داد|دادند|نمود|نمودند|بخشید|گفت|افزود|"
    # "به تمجید از ... پرداخت و او را ... خواند", and a participle: "پرداخته و وی را"
    r"پرداخت|پرداختند|پرداخته|کرده|نموده|داده|"
    # its light verb left out before و: "بیانیه‌ای صادر و علت آن را سانحه عنوان کرد"
    r"صادر|منتشر|ارسال|ارائه|ارایه|برگزار|تشکیل|تقدیم|ابلاغ|امضا)"
    r"\s+و\s+"
    # "وزیر در بیانات اخیر خود نیز نقش خواص را ... دانست": نیز closes the adverbial.
    r"|(?<!\S)نیز\s+"
)
_JOINING_AND = re.compile(r"\s*و(?!\S)\s*")
# Adverbial phrases between a subject and the object of "را ... دانست", closed by a comma.
_FRAMING = re.compile(
    rf"\s*(?:با{_J}(?:اشاره|تاکید|تأکید|توجه|بیان|اعلام){_J}(?:به|بر)?|ضمن|در{_J}پاسخ{_J}به|"
    rf"در{_J}(?:خصوص|مورد|باره)|درباره|"
    # "با انتقاد از ...،", "با تبریک توافق ...،": any with-phrase a comma closes
    rf"با{_J}{_LETTER}+|"
    # an occasion: "به هنگام دریافت استوارنامه ...،", "در (این) دیدار ...،"
    rf"(?:به{_J})?هنگام|"
    rf"در{_J}(?:(?:این|آن){_J})?(?:آیین|مراسم|جمع|حاشیه|دیدار|نشست|جلسه|همایش|گردهمایی))"
    rf"(?!{_LETTER})"
)
# "از X به عنوان Y یاد کرد / نام برد": X described as Y.
_AS_WHAT = re.compile(rf"(?<!{_LETTER})از\s+(?=[^.!?؟]*?(?<!{_LETTER})به{_J}عنوان(?!{_LETTER}))")


# "در نشست کمیسیون تنظیم بازار ...", "در مراسم بهره‌برداری از ...": an occasion.
_OCCASION = re.compile(
    rf"\s*در{_J}(?:مراسم|نشست|جلسه|همایش|آیین|جمع|حاشیه|دیدار|گردهمایی|سخنانی|مصاحبه|گفت{_J}و{_J}گو|"
    # "در آستانه مراسم انتخاب مرد سال فوتبال جهان ستاره پرتغالی را ... خواند": on the eve of
    rf"آستانه)"
    rf"(?!{_LETTER})"
)
_THIS_OCCASION = re.compile(
    rf"\s*در\s+(?:این|همین)\s+(?:ملاقات|دیدار|جلسه|نشست|مراسم|همایش|مصاحبه|گفتگو|"
    rf"گفت{_J}و{_J}گو)(?!{_LETTER})\s*"
)
# How many words before the last را the object after an occasion no comma closes is taken
# to start: such objects are short (مشکل پیش آمده، خدمت‌رسانی به مردم).
_OBJECT_WORDS = 4


def _object_after_occasion(folded: str, start: int, verb_start: int) -> int:
    """``X در نشست کمیسیون تنظیم بازار استان بوشهر مشکل پیش آمده را ناشی از ... دانست``: no
    comma closes the occasion and nothing marks where its noun phrase ends; the object is
    taken as the few words before را."""
    marks = list(_OBJECT_MARK.finditer(folded, start, verb_start))
    if not marks:
        return start
    words = list(re.finditer(r"\S+", folded[start : marks[-1].start()]))
    if len(words) <= _OBJECT_WORDS + 2:
        return start
    return start + words[-_OBJECT_WORDS].start()


def _reads_or_calls(folded: str, match: re.Match[str]) -> bool:
    """``می‌خواند`` (reads, sings) and ``فرا خواند`` (summoned) are no ``را ... خواند``."""
    if not fold_words(match.group("verb")).startswith("خواند"):
        return False
    before = folded[max(0, match.start() - 6) : match.start()].replace("\u200c", " ").split()
    return bool(before) and before[-1] in {"می", "فرا", "فرامی"}


def _subject_before_comma(
    text: str, folded: str, mention: Mention, start: int
) -> tuple[Mention, int | None]:
    """``امام جمعه آبیک، حضور مردم در راهپیمایی را خواستار شد``: before an object with را a
    comma ends the subject, unless a title follows it (``علی شمخانی، دبیر شورا``). Returns
    the subject and where the object starts when the comma split them."""
    commas = list(_COMMA.finditer(folded, start, start + len(mention.text))) if mention.text else []
    if not commas:
        return mention, None
    comma = commas[0]
    tail = folded[comma.end() : start + len(mention.text)].split()
    named = parse_mention(text[start : comma.start()])
    if (
        len(commas) >= 2
        and tail
        and is_role_head(tail[0])
        and named.mention_type in {"name", "surname"}
        and len(named.name.split()) <= 4
    ):
        # "رامسفلد، وزیر دفاع آمریکا، سوریه را ...": a second comma closes the title
        closing = commas[1]
        if folded[closing.end() : start + len(mention.text)].split():
            return parse_mention(text[start : closing.start()]), closing.end()
    if not tail or is_role_head(tail[0]) or len(tail) < 2:
        return mention, None
    return parse_mention(text[start : comma.start()]), comma.end()


# Words that open what comes before an object and its comma, not the first of listed objects.
_BEFORE_OBJECT = {
    fold_words(w)
    for w in [
        "با",
        "در",
        "ضمن",
        "به",
        "از",
        "پس",
        "بعد",
        "قبل",
        "پیش",
        "طی",
        "برای",
        "هنگام",
        "روز",
        "امروز",
        "دیروز",
        "صبح",
        "عصر",
        "شب",
        "همچنین",
        "وی",
        "او",
        "ایشان",
        "این",
        "آن",
        "یکی",
        "که",
        "بر",
        "طبق",
        "بنابر",
        "براساس",
        "اما",
        "ولی",
        "و",
        "نیز",
        "هم",
        "سپس",
    ]
}


def _listed_objects(folded: str, start: int, end: int) -> bool:
    """``بهینه‌سازی عملیات ...، بهینه‌سازی مصرف انرژی را ... برشمرد``: the words before the
    comma are objects listed with the one before را, not a framing phrase the comma closes."""
    words = folded[start:end].split()
    return (
        bool(words)
        and not folded[start - 1 : start + 1].isalpha()  # not from inside a word
        and words[0][0].isalpha()
        and words[0] not in _BEFORE_OBJECT
        and not is_role_head(words[0])  # "رئیس موسسه ...، کشور ما را": the speaker's title
        and not _TIME_ADVERB.match(folded, start)
    )


def _described_as(folded: str, start: int, verb: re.Match[str]) -> bool:
    """``رشته هندبال را از رشته‌های پرطرفدار یاد کرد``: an object with را and what it is
    called between را and the verb, as with دانست."""
    marks = list(_OBJECT_MARK.finditer(folded, start, verb.start()))
    return bool(marks) and len(folded[marks[-1].end() : verb.start()].split()) >= 2


# "که شب گذشته موفق شد ... به ثمر برساند، ", "که ... بازی خوبی به نمایش گذاشت ": a relative
# clause on the subject, closed by a comma or a past verb.
_RELATIVE_AFTER_SUBJECT = re.compile(
    r"[\s\u200c]*که(?!\S)[^،,.:؛]*?(?:[،,]|(?<!\S)(?:گذاشت|کرد|داشت|شد|رساند|زد|گرفت|داد|"
    r"آورد|رفت|آمد|کردند|شدند|دادند|گذاشتند)(?=\s))\s*"
)


# "موضع خود را ... اعلام کرد", "نظر رسمی خود را ... بیان کرد": one's stand, not what it is
# (not "نفرات مورد نظر خود را ... اعلام کرد", the players one wants).
_OWN_STANCE = re.compile(
    r"(?<!\S)(?<!مورد\s)(?:موضع|مواضع|نظر|نظرات|دیدگاه|دیدگاههای|واکنش)(?:\s+رسمی)?\s+"
    r"(?:خود|خویش)\s+را(?!\S)"
)


def _after_mention(text: str, mention: Mention, mention_start: int, opening: int) -> int:
    """Where the words after a subject start. The mention may stand after a quotation mark its
    text leaves out (``"گلبدين حكمتيار" رهبر ...``): its last letter, not its length from
    the mark, ends it."""
    if not mention.text:
        return opening
    written = text.find(mention.text, mention_start, mention_start + len(mention.text) + 2)
    return (written if written >= 0 else mention_start) + len(mention.text)


def _evaluative_candidates(text: str, folded: str, para: Paragraph) -> list[Candidate]:
    """``X Y را Z دانست``: the span runs from after the subject to just before the verb.

    A second verb of the sentence (``... دانست و Y را Z برشمرد``) starts its span after the
    first; a leading time adverb or an adverbial clause closed by a comma is left out.
    """
    found = []
    verbs = list(_evaluative_verbs().finditer(folded, para.content_start, para.end))
    for index, match in enumerate(verbs):
        verb_key = fold_words(match.group("verb"))
        if folded[: match.start()].split()[-1:] == ["قدر"]:
            continue  # "موقعیت‌ها را قدر ندانستند": did not make the most of them, an idiom
        if is_impersonal(folded, match.start()):
            continue  # "رقابت‌ها را نمی‌توان پیش‌بینی کرد": no one predicts anything
        opening = clause_start(folded, para.content_start, match.start())
        if _MODAL.search(folded, opening, match.start()) and verb_key.split()[-1] in _SHORT_FORMS:
            continue  # "نمی‌توان پوگبا را مقصر دانست", "فاتی را باید اولین بازیکن ... دانست"
        mention, mention_start = mention_before(text, folded, opening, match.start())
        mention, object_start = _subject_before_comma(text, folded, mention, mention_start)
        start = _after_mention(text, mention, mention_start, opening)
        earlier = [v.end() for v in verbs[:index] if opening <= v.end() <= match.start()]
        if earlier and earlier[-1] > start:
            start = earlier[-1]
            joint = _JOINING_AND.match(folded, start)
            start = joint.end() if joint else start
        as_what = _AS_WHAT.search(folded, start, match.start())
        if verb_key.split()[0] == "یاد" and not as_what and not _described_as(folded, start, match):
            continue  # "از شهدا به نیکی یاد کرد": remembered, not described
        if as_what:  # "از امام به عنوان مظهر آزادگی یاد کرد": from what is described on
            start = as_what.end()
        objects = [
            m.start() for m in re.finditer(r"(?<!\S)(?:را|به)(?!\S)", folded[start : match.start()])
        ]
        if not objects and not as_what:
            continue
        if verb_key.split()[-1].endswith(("دانست", "داند", "دانند", "دانستند")) and not re.search(
            r"(?<!\S)را(?!\S)", folded[start : match.start()]
        ):
            continue  # "او به خوبی می‌داند": knows well; what one deems something takes را
        if re.match(r"[\s\u200c]*:", folded[match.end() : match.end() + 8]):
            continue  # "وی با اشاره به ... عنوان کرد: ...": a colon quote follows, not this
        if _reads_or_calls(folded, match):
            continue
        if verb_key.startswith("تهدید") and not re.search(
            r"(?<!\S)را\s+(?:\S+\s+){0,3}?به(?!\S)(?!\s+شدت)", folded[start : match.start()]
        ):
            continue  # "دروازه را تهدید کردند": a shot at goal; a threat names what, with به
        if verb_key.startswith("تایید"):
            rah = list(_OBJECT_MARK.finditer(folded, start, match.start()))
            words = folded[start : rah[-1].start()].split() if rah else []
            if not words or words[0] in _DEMONSTRATIVES or words[-2:-1] in (["این"], ["آن"]):
                continue  # "(در نشست خبری) این خبر را تایید کرد": the news is told elsewhere
        if _OWN_STANCE.search(folded, opening, match.start()):
            continue  # "موضع خود را درباره ... اعلام کرد": that it took a stand; what it is follows
        if verb_key in _NEEDS_COMPLEMENT_KEYS:
            rah = list(re.finditer(r"(?<!\S)را(?!\S)", folded[start : match.start()]))
            if not rah or not folded[start + rah[-1].end() : match.start()].split():
                continue
            if _ONLY_ADVERBIAL.match(folded, start + rah[-1].end(), match.start()):
                # "اسامی ۱۸ بازیکن را برای شرکت در اردو اعلام کرد", "شرایط را به آنها اعلام
                # کردند": to whom, for what, not what it is
                continue
            following = folded[match.end() : match.end() + 8].split()[:1]
            if following and following[0] == "که" and not _stated_as_figure(folded, opening, match):
                continue  # "اعلام کرد که ...": the content follows
        if object_start is not None and not as_what:
            start = max(start, object_start)
        who_did = _RELATIVE_AFTER_SUBJECT.match(folded, start, match.start())
        if who_did:
            # "ادینسون کاوانی که ... به نمایش گذاشت آخرین دیدار ... را حساس خواند": what the
            # subject did is no part of the object.
            start = who_did.end()
        split = as_what or object_start is not None
        commas = [] if split else list(_COMMA.finditer(folded, start, start + objects[0]))
        framing = _FRAMING.match(folded, start)
        if framing and not commas:
            # "X با اشاره به جایگاه مرجعیت، توجه به عقاید را ... دانست": the framing phrase
            # ends at its comma, which may come after the به it holds.
            comma = _COMMA.search(folded, framing.end(), match.start())
            if comma and "را" in folded[comma.end() : match.start()].split():
                start = comma.end()
        if commas and not _listed_objects(folded, start, commas[-1].start()):
            start = commas[-1].end()
        marker = list(re.finditer(r"(?<!\S)را(?!\S)", folded[start : match.start()]))
        finished = (
            list(_FINISHED_CLAUSE.finditer(folded, start, start + marker[-1].start()))
            if marker and not as_what
            else []
        )
        if finished:
            # "به نظارت ... اشاره کرد و انتخابات پارلمانی را جهشی ... دانست": a clause that
            # ended with its verb and و comes before the object.
            start = finished[-1].end()
        adverb = _TIME_ADVERB.match(folded, start)
        while adverb and adverb.end() > start:
            start = adverb.end()
            adverb = _TIME_ADVERB.match(folded, start)
        this_occasion = _THIS_OCCASION.match(folded, start)
        occasion = _OCCASION.match(folded, start)
        if this_occasion and _OBJECT_MARK.search(folded, this_occasion.end(), match.start()):
            start = this_occasion.end()  # "در این ملاقات مظلومی را ...": the occasion is whole
        elif occasion and not _COMMA.search(folded, start, match.start()):
            start = _object_after_occasion(folded, start, match.start())
        verb = " ".join(text[match.start() : match.end()].split())
        cue = f"از ... به عنوان ... {verb}" if as_what else f"را ... {verb}"
        end = match.start()
        if verb_key.startswith("خواستار"):
            # "... را (در این زمینه) خواستار شد": an adverbial may stand between را and the verb.
            object_marker = re.search(
                r"(?<!\S)را(?:\s+(?:در|از|به|برای)(?:\s+\S+){1,3})?[\s\u200c]*$",
                folded[start : match.start()],
            )
            if not object_marker:
                continue  # "خواستار ... شد": the content follows خواستار (between_candidates)
            end = start + object_marker.start()
        if verb_key.startswith("تایید") or verb_key in _DENIAL_KEYS:
            marker = list(_OBJECT_MARK.finditer(folded, start, match.start()))[-1:]  # the last را
        if verb_key.startswith("تایید") and marker:
            end = marker[0].start()  # what is confirmed is the object alone, without را
        if verb_key in _DENIAL_KEYS:
            opener = _DENIABLE_OPENER.search(
                folded, mention_start + 1, marker[0].start() if marker else start
            )
            if opener and opener.start() < start and mention.text:
                # "سرپرست روابط عمومی فدراسیون هرگونه تماس ... را رد کرد": the subject ran
                # into the object; what is denied starts with the report or the charge.
                mention = parse_mention(text[mention_start : opener.start()].rstrip())
                start = opener.start()
            object_end = _DENIED_OBJECT_END.search(folded, start, match.start())
            end = object_end.start() if object_end else match.start()
            if marker and (
                object_end
                or re.match(r"\s*(?:با|به\s+شدت)(?!\S)", folded[marker[0].end() : match.start()])
            ):
                end = marker[0].start()  # "را با قاطعیت تمام تکذیب کرد": the manner is no content
            # else "دخالت تل‌آویو را در این پرونده، تکذیب کرده است": what follows را goes with it.
            while end > start and folded[end - 1] in " ،,\u200c":
                end -= 1
            if not marker or not _states_what_is_denied(
                folded[start : marker[0].start()], verb_key
            ):
                continue
        relative = re.match(r"[\s\u200c]*که(?!\S)", folded[match.end() : match.end() + 12])
        if relative and verb_key.split()[0] not in _SPEECH_KEYS:
            # "کارمندان را از اقشاری دانست که توانایی خرید ندارند": the clause after the verb
            # says what the complement is, so the span runs through it.
            end = reported_end(folded, match.end() + relative.end(), para.end)
        if not folded[start:end].strip() and mention.mention_type == "name":
            # "مقتدا صدر آزادی گروگان‌ها را خواستار شد": the subject took the whole object;
            # it is the name the article uses elsewhere.
            written = folded[mention_start : mention_start + len(mention.text)]
            name = _named_elsewhere(folded, written)
            if name != written:
                start = mention_start + len(name)
                mention = parse_mention(text[mention_start:start])
        if verb_key.split()[-1].endswith(_PLURAL_ENDINGS) and _MANY_PEOPLE.search(
            folded, start, end
        ):
            continue  # "بسیاری وی را یکی از آینده‌دارترین مدافعان می‌دانند": many, no one
        candidate = _make(text, folded, para, start, end, cue, mention, mention_start)
        if candidate:
            found.append(candidate)
    return found


# "one can", "one must" and the short infinitive: "نمی‌توان X را Y دانست", no one's view.
_MODAL = re.compile(rf"(?<!\S)(?:ن?می{_J}توان|باید|نباید)(?!\S)")
_SHORT_FORMS = {fold_words(w) for w in ("دانست", "خواند", "نامید", "برشمرد", "شمرد")}


# A plural verb and "many" among the words before it: they, not the subject written
# earlier, hold the view (not برخی, which as often opens the object: "برخی اظهارنظرها را").
_PLURAL_ENDINGS = ("دانند", "دانستند", "خوانند", "خواندند", "نامند", "نامیدند", "کنند", "کردند")
_MANY_PEOPLE = re.compile(rf"(?<!\S)(?:بسیاری|عده{_J}ای|خیلی{_J}ها)(?!\S)")


# "رامسفلد، وزیر دفاع آمریکا، سوریه را متهم به ارسال تسلیحات به عراق کرد": the charge
# written between متهم به and the verb; the statement is the object and the charge.
_ACCUSED_OF = re.compile(
    rf"(?<!\S)را\s+متهم\s+به\s+[^.،,:؛\n]{{3,150}}?\s+(?P<verb>کرد|کردند|کرده(?:{_J}(?:است|اند|بود))?|"
    rf"می{_J}کند|می{_J}کنند)(?!{_LETTER})"
)


def _accused_candidates(text: str, folded: str, para: Paragraph) -> list[Candidate]:
    """``X Y را متهم به Z کرد``: from the object Y through the charge Z."""
    found = []
    for match in _ACCUSED_OF.finditer(folded, para.content_start, para.end):
        opening = clause_start(folded, para.content_start, match.start())
        mention, mention_start = mention_before(text, folded, opening, match.start())
        mention, object_start = _subject_before_comma(text, folded, mention, mention_start)
        start = _after_mention(text, mention, mention_start, opening)
        if object_start is not None:
            start = max(start, object_start)
        verb = " ".join(text[match.start("verb") : match.end("verb")].split())
        candidate = _make(
            text,
            folded,
            para,
            start,
            match.start("verb"),
            f"را متهم به ... {verb}",
            mention,
            mention_start,
        )
        if candidate:  # an object the subject phrase took is given back by the extractor
            found.append(candidate)
    return found


# "برانکو گفته اگر بخواهم ...", "نیکولاس به مارکا گفته منتظر ...": گفته, its است dropped,
# with the words said right after it. Before a word گفته is more often the noun (به گفته او,
# این گفته, طبق گفته‌های ...): it is read as a verb only after a name or a title.
_BARE_SAID = re.compile(r"(?<!\S)گفته(?=[ \t]+[^\s،,:.؛])")
# What makes گفته part of another verb or a noun: "گفته است", "گفته بودم", "گفته می‌شود",
# "گفته‌های او", "گفته شده".
_NOT_AFTER_BARE_SAID = ("که", "است", "اند", "بود", "شد", "می", "نمی", "ها", "و", "را")
_NOT_AFTER_BARE_SAID_WORDS = {"ی", "ای", "ام", "ایم", "اید"}
_NOT_BEFORE_BARE_SAID = {
    fold_words(w)
    for w in (
        *("به", "این", "همین", "آن", "همان", "از", "با", "طبق", "بنابر", "مطابق", "و", "سخن"),
        *("تسلیت", "اینکه", "بر", "در", "هر", "که", "مدام", "خود"),
    )
}


def _bare_said_candidates(text: str, folded: str, para: Paragraph) -> list[Candidate]:
    """``X گفته ...``: the bare participle as a verb, after an explicit speaker."""
    found = []
    for match in _BARE_SAID.finditer(folded, para.content_start, para.end):
        before = folded[para.content_start : match.start()].split()
        if not before or before[-1] in _NOT_BEFORE_BARE_SAID:
            continue
        after = next_word(folded, match.end())
        if after.startswith(_NOT_AFTER_BARE_SAID) or after in _NOT_AFTER_BARE_SAID_WORDS:
            continue
        if "را" in folded[match.end() : match.end() + 40].split()[:3]:
            continue  # "دوستش گفته او را بی‌جواب گذاشت": the noun, an object
        opening = clause_start(folded, para.content_start, match.start())
        that = _last_that(folded, opening, match.start())
        if that is not None:
            antecedent = folded[:that].split()[-2:-1]
            if antecedent and antecedent[0].endswith("ی"):
                continue  # "این قانونی که عسگری گفته برای ...": a relative clause
            opening = that  # "... جلب کند که باشگاه استقلال گفته ...": the subject after که
        mention, mention_start = mention_before(text, folded, opening, match.start())
        if not is_explicit(mention) or mention.mention_type == "pronoun":
            continue
        start = match.end()
        end = reported_end(folded, start, para.end)
        candidate = _make(text, folded, para, start, end, "گفته", mention, mention_start)
        if candidate:
            found.append(candidate)
    return found


# A finder runs only where its trigger word occurs: one substring test spares a regex scan.
_FINDERS = (
    (_quote_first_candidates, ("«",)),
    (_verb_candidates, ()),
    (_bare_said_candidates, ("گفته",)),
    (_premise_candidates, ("که",)),
    (_to_the_effect_candidates, ("مبنی",)),
    (_announced_candidates, ("اعلام", "تایید", "تأیید")),
    (
        _according_to_candidates,
        (
            "گفته",
            "اعتقاد",
            "عقیده",
            "باور",
            "اعلام",
            "نوشته",
            "ادعای",
            "فرموده",
            "فرمایش",
            "اظهارات",
            "توضیحات",
            "تعبیر",
        ),
    ),
    (
        _between_candidates,
        ("خبر", "خواستار", "خواهان", "مدعی", "درخواست", "وعده", "قول", "تاکید", "تأکید"),
    ),
    (
        _after_verb_candidates,
        (
            "خواست",
            "انتظار",
            "قول",
            "وعده",
            "اطمینان",
            "احتمال",
            "معتقد",
            "اعتقاد",
            "مدعی",
            "مطمین",
            "دعوت",
            "باور",
            "اشاره",
            "اصرار",
            "توصیه",
            "دستور",
        ),
    ),
    (_evaluative_candidates, ("را", "متهم", "عنوان")),
    (_accused_candidates, ("متهم",)),
)


# "اگر واقعاً X باور دارد که ...", "چنانچه X بگوید ...": if someone says, no one has.
_IF_BEFORE = re.compile(r"(?<!\S)(?:اگر|چنانچه)(?!\S)[^،,.:؛!؟?\n]*$")


def indirect_candidates(
    text: str, folded: str, para: Paragraph, direct: list[Candidate]
) -> list[Candidate]:
    """Indirect statements of one paragraph, leaving out cues inside the direct quotes given."""
    quoted = [(c.start, c.end) for c in direct]
    region = folded[para.content_start : para.end]
    found: list[Candidate] = []
    for finder, triggers in _FINDERS:
        if triggers and not any(trigger in region for trigger in triggers):
            continue
        for candidate in finder(text, folded, para):
            if _IF_BEFORE.search(
                folded,
                max(para.content_start, candidate.mention_start - 40),
                candidate.mention_start,
            ):
                continue  # "اگر واقعاً مشاور حقوقی باشگاه باور دارد که ...": a supposition
            nested = _inside(candidate.mention_start, quoted) or _inside(candidate.start, quoted)
            # A named or titled speaker (امام فرمودند ...) is nested attribution inside a quote,
            # and so is a third person (او به من گفت ...): the quoted speaker says "من".
            inner_pronoun = _third_person(candidate.mention) and _inside(
                candidate.mention_start, quoted
            )
            if nested and not (is_explicit(candidate.mention) or inner_pronoun):
                continue  # the quoted speaker's own "گفتم", "می‌گویند": not a new attribution
            if nested:
                candidate = _to_clause_end(text, folded, candidate)
            # Words of someone spoken of (اظهارات X مبنی بر اینکه ...) sit inside another
            # statement's sentence: both stand.
            clashes = [
                i
                for i, other in enumerate(found)
                if _overlaps(candidate, other)
                and not (candidate.cue.endswith(TO_THE_EFFECT) or other.cue.endswith(TO_THE_EFFECT))
            ]
            if len(clashes) == 1:
                split = _split_at_joined_clause(
                    text, folded, found[clashes[0]], candidate
                ) or _split_at_new_speaker(text, folded, found[clashes[0]], candidate)
                if split is not None:
                    found[clashes[0]], candidate = split
                    clashes = []
            if clashes and all(_nested_at_start(found[i], candidate) for i in clashes):
                clashes = []
            if clashes:
                continue
            found.append(candidate)
    return found


def _nested_at_start(first: Candidate, second: Candidate) -> bool:
    """``به گفته این منبع، آیت‌الله سیستانی بر این باور است ...``: what one reports opens with
    another speaker and their verb; both statements stand, one inside the other."""
    outer, inner = (first, second) if first.start <= second.start else (second, first)
    return (
        is_explicit(inner.mention)
        and not is_common_phrase(inner.mention.name)  # "آنچه دولت ... می‌گوید"
        and outer.start <= inner.mention_start <= outer.start + 2
        and inner.end <= outer.end + 2
    )


_CLAUSE_AND = re.compile(r"\s+و\s+")
_OPENED_BY = {
    "بر ... تاکید کرد": " بر ",
    "از ... خبر داد": " از ",
    "از ... خواست": " از ",
    "خواستار ... شد": " خواستار",
}
_OBJECT_MARK = re.compile(r"(?<!\S)را(?!\S)")


def _split_at_joined_clause(
    text: str, folded: str, first: Candidate, second: Candidate
) -> tuple[Candidate, Candidate] | None:
    """``از مردم خواست در مصرف صرفه‌جویی کنند و آن را وظیفه‌ای شرعی دانست``: two statements
    whose clauses و joins, the second's object (with را) a few words after the و. The first
    ends at the و and the second starts after it. Returns (first, second) or None."""
    if second.kind != "indirect":
        return None
    if (
        second.cue in _OPENED_BY
        and first.cue.startswith("با ")
        and first.start < second.start <= first.end
    ):
        # "با اشاره به اینکه ... وجود دارد بر لزوم توجه ... تاکید کرد": the premise ends
        # where the main clause's بر / از / خواستار opens.
        opener = folded.rfind(_OPENED_BY[second.cue], first.start, second.start)
        first_start, first_end = quote_span(text, first.start, opener)
        if opener < 0 or first_end - first_start < 6:
            return None
        return replace(first, start=first_start, end=first_end), second
    if not second.cue.startswith("را"):
        return None
    verb = fold_words(second.cue.split("...")[-1]).split()
    if not verb or verb[0].startswith("می") or any(w.endswith("ه") for w in verb):
        # "... را در حد گمانه‌زنی دانسته است و ... می‌داند": a perfect or present inside
        # what was announced goes on reporting it; the narrative's verbs are simple pasts.
        return None
    marks = list(_OBJECT_MARK.finditer(folded, max(first.start, second.start), second.end + 3))
    if not marks or not first.start < marks[-1].start() <= first.end:
        return None
    joints = list(_CLAUSE_AND.finditer(folded, first.start, marks[-1].start()))
    if not joints or len(folded[joints[-1].end() : marks[-1].start()].split()) > 2:
        return None
    first_start, first_end = quote_span(text, first.start, joints[-1].start())
    if first_end - first_start < 6 or joints[-1].end() >= second.end:
        return None
    return replace(first, start=first_start, end=first_end), replace(second, start=joints[-1].end())


# What joins a statement to the next speaker's clause: "... موکول شود اما فراز کمالوند ..."
_BEFORE_NEW_SPEAKER = re.compile(r"(?:[\s،,؛]+(?:و|اما|ولی|در\s+حالی\s+که|درحالی\s*که))?[\s،,؛]*$")


def _split_at_new_speaker(
    text: str, folded: str, first: Candidate, second: Candidate
) -> tuple[Candidate, Candidate] | None:
    """``... پیشنهاد کردند بازی به 25 اسفند موکول شود اما فراز کمالوند معتقد است این موضوع
    شدنی نیست``: a speaker named inside another's reported words starts a statement of their
    own, and the other's ends before the name: a name the article gives three times or more,
    or any speaker after اما / ولی (``... اعلام کرده بودند که A اما پس از جلسه‌ای ...، سرپرست
    این تیم اعلام کرد که B``). Returns the two, shortened or not, in the order they were
    given, or None."""
    outer, inner = (first, second) if first.start <= second.start else (second, first)
    if not (
        is_explicit(inner.mention)
        and outer.start < inner.mention_start < outer.end
        and inner.start >= outer.start
        and not inner.cue.startswith("را")  # whose subject may have run into its object
    ):
        return None
    cut = _contrast_before(folded, outer.start, inner.mention_start)
    if cut is None and not (
        inner.mention.mention_type in {"name", "surname"}
        # a name the article gives again, not words the subject finder took for one
        and whole_word_uses(folded, fold(inner.mention.name.split()[-1])) >= 3
    ):
        return None
    if cut is None:
        joint = _BEFORE_NEW_SPEAKER.search(folded, outer.start, inner.mention_start)
        cut = joint.start() if joint else inner.mention_start
    start, end = quote_span(text, outer.start, cut)
    if len(text[start:end].split()) < 3:
        return None
    outer = replace(outer, start=start, end=end)
    return (outer, inner) if first.start <= second.start else (inner, outer)


# How far a contrast may stand before the new speaker: "... اما پس از جلسه‌ای که امروز
# برگزار شد، سرپرست این تیم اعلام کرد".
_CONTRAST_REACH_WORDS = 12


def _contrast_before(folded: str, start: int, mention_start: int) -> int | None:
    """Where a statement ends before its last اما / ولی, when a new speaker's name or title
    follows that contrast after no more than a short adverbial."""
    found = list(CONTRAST.finditer(folded, start, mention_start))
    if not found or len(folded[found[-1].end() : mention_start].split()) > _CONTRAST_REACH_WORDS:
        return None
    return joint_start(folded, start, found[-1].start())


_THIRD_PERSON = {fold_words(p) for p in ("او", "وی", "ایشان", "آنها", "آن‌ها", *HONORIFIC_PRONOUNS)}


def _third_person(mention: Mention) -> bool:
    return mention.mention_type == "pronoun" and fold_words(mention.text) in _THIRD_PERSON


# "... نابود می‌شود که این پیش‌بینی ...", "... مشخص باشد و اگر ...": the speaker who quotes
# takes over again.
_QUOTER_RESUMES = re.compile(
    r"\s+(?:(?:و|که)\s+(?=(?:این|اگر|ما|من|ایشان|بنابراین)(?!\S))|"
    # "... ویسی مردم است اما نمی‌دانم ...": the quoter's own first person again
    r"(?:اما|ولی)\s+(?=ن?می[\u200c ]*\S*?(?:م|یم)(?![\w\u200c])))"
)


def _to_clause_end(text: str, folded: str, candidate: Candidate) -> Candidate:
    """A nested attribution runs to its sentence's end, unless the speaker quoting it takes
    over first (``مقام معظم رهبری گفتند مرز باید مشخص باشد و اگر ...``)."""
    resumes = _QUOTER_RESUMES.search(folded, candidate.start, candidate.end)
    if not resumes or len(folded[candidate.start : resumes.start()].split()) < 3:
        return candidate
    start, end = quote_span(text, candidate.start, resumes.start())
    return replace(candidate, start=start, end=end)


def _overlaps(a: Candidate, b: Candidate) -> bool:
    inter = max(0, min(a.end, b.end) - max(a.start, b.start))
    return inter > 0.5 * min(a.end - a.start, b.end - b.start)


__all__ = ["indirect_candidates", "ZWNJ"]
