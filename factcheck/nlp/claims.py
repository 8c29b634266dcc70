"""Split a statement into checkable claims (sentences), each typed and scored for check-worthiness.

The score is a transparent sum of named signals, clipped to [0, 1]; the reasons list says
which signals fired, so an editor can see why a claim ranks where it does.
"""

import re
from dataclasses import dataclass

from .text import fold, fold_words, sentences

CLAIM_TYPES = ("statistic", "factual", "promise", "opinion", "denial", "other")


@dataclass(frozen=True)
class ClaimCandidate:
    """A sentence of a statement; offsets index the article text."""

    text: str
    start: int
    end: int
    claim_type: str
    check_worthiness: float
    reasons: tuple[str, ...]


_NUMBER = re.compile(r"[0-9۰-۹٠-٩]+")
_NUMBER_WORDS = re.compile(
    r"(?<!\S)(?:درصد|میلیون|میلیارد|هزار|تومان|ریال|دلار|یورو|نفر|تن|کیلومتر|مگاوات|برابر|"
    r"دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|صد|یازده|دوازده|بیست|سی|چهل|پنجاه|نیمی|یک‌سوم|دوسوم)(?!\S)"
)
_PROMISE = re.compile(
    r"خواه(?:د|یم|ند)\s|قرار\s+است|برنامه\s+(?:داریم|دارد|ریزی)|در\s+دستور\s+کار|به\s+زودی|"
    r"تا\s+پایان\s+(?:سال|امسال|ماه|هفته|دولت)|وعده|قول\s+می|متعهد|تعهد\s+می|ظرف\s+\S+\s+(?:ماه|سال|روز)|"
    r"(?:می|نمی)\u200c?(?:کنیم|دهیم|سازیم|رسانیم)\s*$|اجرا\s+می\u200c?شود|راه\s*اندازی\s+می\u200c?شود|"
    r"افتتاح\s+می\u200c?شود|آغاز\s+می\u200c?شود"
)
_DENIAL = re.compile(
    r"تکذیب|صحت\s+ندارد|کذب|واقعیت\s+ندارد|نادرست\s+است|شایعه|به\s+هیچ\s*\u200c?\s*وجه|"
    r"هیچ\s+\S+\s+(?:نیست|ندارد|نشده|نمی)|اصلا\s+\S+\s+(?:نیست|نشد)|چنین\s+\S+\s+(?:نیست|نبوده|ندارد)|"
    r"(?:^|\s)نه\s+تنها|هرگز"
)
_OPINION = re.compile(
    r"امیدوار|امید\s+است|معتقد|به\s+نظر\s+(?:من|ما|می)|فکر\s+می\u200c?کن|احساس\s+می|باید|نباید|"
    r"خوشحال|متاسف|متأسف|ای\s+کاش|آرزو|بهتر\s+است|لازم\s+است|ضروری\s+است|شایسته|افتخار|"
    r"زیبا|بزرگ‌ترین\s+افتخار|خوب\s+است|بد\s+است|مهم\s+است|اهمیت\s+دارد"
)
_HOPE = re.compile(r"امیدوار|امید\s+است|ای\s+کاش|آرزو|انشاءالله|ان‌شاءالله|ان\s*شاء\s*الله")
_FACT_VERB = re.compile(
    r"(?:شد|شدند|کرد|کردند|کردیم|داد|دادیم|دادند|رسید|رسیدند|است|هستند|بود|بودند|دارد|دارند|"
    r"داشتیم|گذاشتند|نشد|ندارد|نیست|می\u200c?شود|می\u200c?کند|حاضر\s+شدند|صادر\s+می\u200c?شود)\s*[.!]?\s*$"
)
_TIME_OR_PLACE = re.compile(
    r"(?:سال|ماه|هفته|روز)\s+(?:گذشته|جاری|آینده|قبل)|امسال|پارسال|دیروز|امروز|"
    r"فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند|[0-9۰-۹]{4}"
)


# A statement whose cue denies (را ... تکذیب کرد, را ... رد کرد) holds what is denied: its
# sentences are denials whatever their own words say.
_DENYING_CUE = re.compile(r"(?<!\S)(?:تکذیب|رد)(?!\S)")


def classify(sentence: str, *, denied: bool = False) -> tuple[str, float, tuple[str, ...]]:
    """Claim type, check-worthiness in [0, 1], and the reasons behind the score.

    ``denied``: the sentence is what the speaker denies, not what they assert."""
    folded = fold_words(fold(sentence))
    words = folded.split()
    reasons: list[str] = []
    score = 0.3
    has_number = bool(_NUMBER.search(folded)) or len(_NUMBER_WORDS.findall(folded)) >= 1
    if _NUMBER.search(folded):
        score += 0.35
        reasons.append("contains a figure")
    elif has_number:
        score += 0.15
        reasons.append("contains a quantity word")
    if _TIME_OR_PLACE.search(folded):
        score += 0.1
        reasons.append("names a time")
    is_denial = denied or bool(_DENIAL.search(folded))
    is_promise = bool(_PROMISE.search(folded))
    is_opinion = bool(_OPINION.search(folded))
    if _HOPE.search(folded):
        score -= 0.35
        reasons.append("expresses hope")
    elif is_opinion:
        score -= 0.2
        reasons.append("expresses opinion or obligation")
    if is_denial:
        score += 0.15
        reasons.append("the speaker denies it" if denied else "denies something")
    if is_promise:
        score += 0.1
        reasons.append("promises or plans")
    if _FACT_VERB.search(folded) and not is_opinion:
        score += 0.15
        reasons.append("asserts a fact")
    if sentence.rstrip().endswith(("?", "؟")):
        score -= 0.4
        reasons.append("is a question")
    if len(words) < 5:
        score -= 0.2
        reasons.append("very short")
    if _HOPE.search(folded):
        claim_type = "opinion"
    elif is_denial:
        claim_type = "denial"
    elif is_promise:
        claim_type = "promise"
    elif is_opinion:
        claim_type = "opinion"
    elif _NUMBER.search(folded):
        claim_type = "statistic"
    elif sentence.rstrip().endswith(("?", "؟")) or len(words) < 4:
        claim_type = "other"
    else:
        claim_type = "factual"
    return claim_type, round(min(1.0, max(0.0, score)), 2), tuple(reasons)


def split_claims(text: str, start: int, end: int, cue: str = "") -> list[ClaimCandidate]:
    """The sentences of text[start:end] as claims, final full stop left out like statement spans.

    ``cue``: the statement's cue; a denying one makes every claim a denial."""
    denied = bool(_DENYING_CUE.search(fold_words(fold(cue))))
    claims = []
    for s, e in sentences(text, start, end):
        while e > s and text[e - 1] in ".۔ ":
            e -= 1
        if e - s < 2:
            continue
        sentence = text[s:e]
        claim_type, score, reasons = classify(sentence, denied=denied)
        claims.append(ClaimCandidate(sentence, s, e, claim_type, score, reasons))
    return claims
