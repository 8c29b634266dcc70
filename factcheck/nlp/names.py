"""Speaker mentions: splitting a subject phrase into name and role, and canonical names."""

import functools
import re
from dataclasses import dataclass, replace

from .lexicon import (
    FIRST_NAMES,
    GIVEN_NAMES,
    HONORIFICS,
    NAME_TITLES,
    ORGANISATION_HEADS,
    PRONOUNS,
    ROLE_HEADS,
    STATES,
    VAGUE_SUBJECTS,
    common_words,
)
from .text import ZWNJ, fold, fold_key, fold_words

# Surname suffixes written apart with ZWNJ in standard spelling (زارع‌پور, حسن‌زاده, احمدی‌نژاد).
_SURNAME_SUFFIX = re.compile(r"(?<=[\u0600-\u06FF]{3})(پور|زاده|نژاد)$")
_NON_JOINING = set("اآأإدذرزژوؤ")


@dataclass(frozen=True)
class Mention:
    """How a speaker is referred to at one spot."""

    text: str
    mention_type: str  # name, surname, role, pronoun, none; "vague" is never a speaker
    name: str = ""
    role: str = ""
    is_organisation: bool = False
    # "این مقام آمریکایی", "این خبرگزاری": points back to an earlier speaker by a noun.
    anaphoric: bool = False
    # "این پیام می‌افزاید", "در این بیانیه آمده است": the author of the document quoted.
    document: bool = False
    # "X نیز گفت", "یکی دیگر از ...": a speaker other than the one just quoted.
    another: bool = False
    # "سرمربی کره‌جنوبی: ...": a headline credits a shortened role.
    headline: bool = False


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"\s+", text.strip()) if w]


_ROLE_KEYS = {fold_words(w) for w in ROLE_HEADS}
# Role words news glues to the next word (مدیرفرودگاه); a short remainder is a surname (رئیسی).
_GLUABLE_ROLE_KEYS = {fold_words(w) for w in ("مدیر", "رئیس", "رییس", "معاون", "وزیر", "سرپرست")}
_ORG_KEYS = {fold_words(w) for w in ORGANISATION_HEADS}
_WORD_SUFFIXES = {"های", "هایی", "هایش", "هایمان", "ترین", "تری", "شان", "مان", "تان", "ای"}
_STATE_KEYS = {fold_words(w) for w in STATES}
_PRONOUN_KEYS = {fold_words(p) for p in PRONOUNS}
_HONORIFIC_KEYS = {fold_words(h) for h in HONORIFICS}
_HONORIFIC_JOINED = {fold_key(h) for h in HONORIFICS}
_VAGUE_KEYS = {fold_words(w) for w in VAGUE_SUBJECTS} | {fold_key(w) for w in VAGUE_SUBJECTS}
_QUOTE_MARKS = re.compile(r"[«»\"“”‘’']")
_ENUMERATION = re.compile(r"^[0-9۰-۹]{1,2}\s*[_\-–.)](?![0-9۰-۹])\s*[«\"']?")
_NUMBER_WORD = (
    r"(?:یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|یازده|دوازده|سیزده|چهارده|پانزده|شانزده|هفده|"
    r"هجده|نوزده|بیست|سی|چهل|پنجاه|شصت|هفتاد|هشتاد|نود)"
)
_AGE = re.compile(rf"\s+(?:[0-9۰-۹]+|{_NUMBER_WORD}(?:\s+و\s+{_NUMBER_WORD})?)\s+ساله$")
_TITLE_THEN_QUOTED_NAME = re.compile(
    r'(?P<title>[^\s«»"]+(?:\s+[^\s«»"]+)?)\s*[«"](?P<name>[^«»"،,]{3,40})(?:[»"]|$)'
)
ACRONYM_SPELT_OUT = re.compile(
    r"(?P<acronym>[A-Za-z][A-Za-z.&-]{1,9})\s*\((?P<name>[^()A-Za-z]{4,})\)"
)
_PARENTHESES = re.compile(r"\([^()]*(?:\)|$)")  # (ره), (مدظله العالی), and one cut short: (ره
# "سپاه امام حسن مجتبی (ع) استان البرز": a blessing inside a body's name is part of it.
_BLESSING = re.compile(r"\(\s*(?:ع|ص|س|عج|ره)\s*\)")


def _dropped_aside(aside: re.Match[str]) -> str:
    """A bracketed aside is no part of a name ("امام خمینی(ره)", "(مدظله العالی)"), unless it
    is a blessing with more of the name after it."""
    before, after = aside.string[: aside.start()].split(), aside.string[aside.end() :].strip()
    if _BLESSING.fullmatch(aside.group()) and after and before and is_organisation_head(before[0]):
        return f" {aside.group()} "
    return " "


_TRAILING_HONORIFIC = re.compile(
    r"(?:\s+(?:محترم|گرامی|ارجمند|عزیز|معظم|"
    # "امام صادق علیه‌السلام", "حضرت زهرا سلام‌الله‌علیها": the blessing is not the name.
    r"علیه[\u200c ]?السلام|علیهم[\u200c ]?السلام|سلام[\u200c ]?الله[\u200c ]?علیها|"
    r"رحمه[\u200c ]?الله[\u200c ]?علیه|قدس[\u200c ]?سره))+$"
)


_GIVEN_NAME_KEYS = {fold_words(name) for name in GIVEN_NAMES}


def is_given_name(word: str) -> bool:
    """A common first name (علی, محمدرضا): after it, the next word is a surname."""
    return fold_words(word) in _GIVEN_NAME_KEYS


_FIRST_NAME_KEYS = {fold_words(name) for name in FIRST_NAMES}


_NAME_TITLE_KEYS = {fold_words(title) for title in NAME_TITLES}


def is_state(word: str) -> bool:
    """A country or the capital news uses for its government (پاکستان, واشنگتن)."""
    return fold_words(word) in _STATE_KEYS


def is_name_title(word: str) -> bool:
    """A title that stands only before a person's name (آقای, دکتر, سردار)."""
    return fold_words(word) in _NAME_TITLE_KEYS


def is_first_name(word: str) -> bool:
    """A first name, Persian or transliterated (عیسی, جیمز): before a surname, the full name."""
    return fold_words(word) in _FIRST_NAME_KEYS


def is_role_head(word: str) -> bool:
    """A word that opens a role phrase (وزیر, سخنگوی, سرمربی), also glued to the next word."""
    key = fold_words(word)
    if key in _ROLE_KEYS:
        return True
    # "مهاجم‌قطر" in a headline, "دروازه‌بان‌ملی‌پوش": a role word joined by ZWNJ to the next
    # word, not a suffix.
    for joint in (i for i, char in enumerate(word) if char == ZWNJ):
        head, rest = word[:joint], word[joint + 1 :]
        if (
            fold_words(head) in _ROLE_KEYS
            and len(rest) >= 3
            and fold_words(rest) not in _WORD_SUFFIXES
            and fold_words(rest) not in {"پور", "زاده", "نژاد", "نیا", "فر", "راد"}  # قاضی‌پور
        ):
            return True
    return bool(_glued_role_head(key))


def _glued_role_head(key: str) -> str:
    """The role word a folded word starts with when news glued it to the next (مدیرفرودگاه
    -> مدیر), or ""; a short remainder is a surname (رئیسی)."""
    return next((h for h in _GLUABLE_ROLE_KEYS if key.startswith(h) and len(key) - len(h) >= 3), "")


# Ranks that are a title alone (ژنرال آمریکایی, قاضی پرونده) and an honorific before a
# given name (قاضی محمد ...).
_RANKS = {fold_words(w) for w in ("ژنرال", "قاضی", "سناتور", "تیمسار")}
_TIME_AGO = re.compile(
    r"^(?:[0-9۰-۹]+|چند|یک|دو|سه|چهار|پنج|شش|هفت|ده)\s+(?:روز|هفته|ماه|سال)\s+(?:پیش|قبل|گذشته)\s+"
)
_TIME_STAMP = re.compile(r"^[0-9۰-۹]{1,2}\s*[-–]\s*(?=\D)")
_ONLY = {fold_words(w) for w in ("تنها", "یگانه", "نخستین", "اولین")}


def _opens_role(words: list[str]) -> bool:
    """A role word first, also one written apart (``ملی پوش``, ``وزنه بردار``)."""
    return is_role_head(words[0]) or (
        len(words) > 2 and fold_words(words[0] + words[1]) in _ROLE_KEYS
    )


def is_organisation_head(word: str) -> bool:
    return fold_words(word) in _ORG_KEYS


_DOCUMENT_KEYS = {
    fold_words(w)
    for w in ("پیام", "بیانیه", "نامه", "اطلاعیه", "متن", "گزارش", "پیامی", "بیانیه‌ای", "نامه‌ای")
}


def is_explicit(mention: Mention) -> bool:
    """A speaker named or titled at this spot, not a pronoun, a dropped subject or ``این ...``."""
    return mention.mention_type in {"name", "surname", "role"} and not mention.anaphoric


def is_document_noun(phrase: str) -> bool:
    """A phrase headed by پیام / بیانیه / نامه: a document, whose author is the speaker."""
    words = name_words(phrase)
    return bool(words) and (
        words[0] in _DOCUMENT_KEYS
        or (words[0] == "این" and words[1:2] and words[1] in _DOCUMENT_KEYS)
    )


# The second part of a surname written apart (حاجی وند, حاجی پور): after a title word it
# makes the title word the surname's first part, for it is no name alone.
_BOUND_PARTS = {fold_words(w) for w in ("پور", "زاده", "نژاد", "نیا", "وند", "راد", "لو")}


def strip_honorifics(name: str) -> str:
    """Drop leading titles (دکتر, حجت الاسلام والمسلمین, سردار) unless nothing else is left."""
    words = _words(name)
    while len(words) > 1:
        if len(words) > 2 and fold_key(" ".join(words[:2])) in _HONORIFIC_JOINED:
            words = words[2:]  # titles written as two words (آیت الله, سر دار)
        elif fold_words(words[0]) in _HONORIFIC_KEYS and fold_words(words[1]) not in _BOUND_PARTS:
            words = words[1:]
        else:
            break
    return " ".join(words)


def _looks_like_name(phrase: str) -> bool:
    """A short phrase without list commas or conjunctions: a person's name can be this."""
    words = _words(phrase)
    return (
        1 <= len(words) <= 4
        and not re.search(r"[،,]", phrase)
        and "و" not in words
        and not _opens_compound_verb(phrase)
    )


def _opens_compound_verb(phrase: str) -> bool:
    """``خبر از کشف ... داد``, ``اشاره‌ای به ... داشت``: the phrase begins with the noun of a
    compound verb, so it is the clause after a title's comma, not a name."""
    words = _words(phrase)
    return bool(words) and fold_words(words[0]).removesuffix("ای") in _VERB_NOUNS


_VERB_NOUNS = {
    fold_words(w)
    for w in (
        "خبر",
        "مطرح",
        "اعلام",
        "اشاره",
        "تاکید",
        "تأکید",
        "ابراز",
        "اظهار",
        "بیان",
        "درخواست",
        "پیشنهاد",
        "انتقاد",
        "هشدار",
        "توضیح",
        "تشریح",
        "ضمن",
    )
}


# The kind, the name in «» or "", and up to three words of origin (چاپ ترکیه, ایتالیا).
_MEDIA_NAMED = re.compile(
    r'^(?P<kind>[^«»"]{2,40}?)\s*[«"](?P<name>[^«»"]{2,60})(?:[»"](?:\s+[^\s«»"]+){0,3})?$'
)
_MEDIA_NOUNS = {fold_words(w) for w in ("سایت", "وب‌سایت", "وبگاه", "نشریه")}


def _media_named(text: str) -> Mention | None:
    """``روزنامه «دیلی تلگراف»``, ``سایت اینترنتی «میدل ایست آن لاین»``: the name is in
    guillemets, and the words before them say what it is."""
    match = _MEDIA_NAMED.match(text)
    if not match:
        return None
    head = _words(match.group("kind"))[0]
    if not (is_organisation_head(head) or fold_words(head) in _MEDIA_NOUNS):
        return None
    return Mention(
        text=text,
        mention_type="name",
        name=" ".join(match.group("name").split()),
        role=" ".join(match.group("kind").split()),
        is_organisation=True,
    )


# "سه بازیکن تیم راه‌آهن", "دو مقام آمریکایی": a count opens a description, not a name.
_COUNTS = {"دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "چند", "چندین"}  # not ده: ده روسی
# "تعداد زیادی از مقامات آمریکایی", "شماری از نمایندگان": part of a group, described.
_COUNTS |= {fold_words(w) for w in ("تعداد", "تعدادی", "شماری", "عده‌ای", "گروهی", "جمعی")}


# Titles that also open surnames (قاضی مغربی، وکیلی), told apart by a title after them.
_TITLES_IN_SURNAMES = {fold_words(w) for w in ("قاضی", "وکیل")}


# Titles that only ever open a name: one inside a subject starts the name there.
_OPENING_TITLES = {
    fold_key(t)
    for t in (
        "حجت‌الاسلام",
        "حجت‌الاسلام‌والمسلمین",
        "آیت‌الله",
        "آیت‌الله‌العظمی",
        "دکتر",
        "مهندس",
        "پروفسور",
        "سردار",
        "سرلشکر",
        "سرتیپ",
        "سرهنگ",
        "سرگرد",
        "دریادار",
    )
}


def _inner_title(words: list[str]) -> int | None:
    """Where a title that opens names stands inside a phrase, after its first word."""
    for index in range(1, len(words) - 1):
        if fold_key(words[index]) in _OPENING_TITLES or (
            fold_key(" ".join(words[index : index + 2])) in _OPENING_TITLES
            and index + 2 < len(words)
        ):
            return index
    return None


# Vague on their own, a source once qualified (مسئولان وزارت نفت، منابع آگاه).
_VAGUE_ALONE = {
    fold_words(w) for w in ("مسئولان", "مسوولان", "مسؤولان", "محققان", "پژوهشگران", "منابع")
} | {fold_words(w) for w in ("کی", "چه کسی", "کسی", "هیچ کس", "هیچ‌کس")}  # "کی گفته ...؟"


def _only_honorifics(phrase: str) -> bool:
    return all(fold_words(word) in _HONORIFIC_KEYS for word in _words(phrase))


_AGENTS = ("کننده", "دهنده", "دارنده", "گیرنده")


_SPACED_DASH = re.compile(r"\s+[-–—]\s+")


def _opens_profession(words: list[str], index: int) -> bool:
    """``زیست‌شناس``, ``جامعه شناس`` (its parts written apart): one who studies something."""
    word = fold_words(words[index])
    following = fold_words(words[index + 1]) if index + 1 < len(words) else ""
    return (word.endswith("شناس") and len(word) > len("شناس")) or following == "شناس"


def _another_before(words: list[str], index: int) -> bool:
    """``X دیگر نامزد ...``: دیگر between a name and its title makes X another holder."""
    return index > 1 and fold_words(words[index - 1]) == "دیگر"


# What a paper or a site is, after its name: "مارکا روزنامه اسپانیایی".
_MEDIA_APPOSITION = {fold_words(w) for w in ("روزنامه", "نشریه", "سایت", "هفته‌نامه", "ماهنامه")}

# Words that make a title of the title after them: کمک داور, سر داور, کمک مربی.
_ASSISTANT_OF = {fold_words(w) for w in ("کمک", "سر")}

# "سایت مذکور", "مقام یادشده": the one just named.
_AFOREMENTIONED = {fold_words(w) for w in ("مذکور", "یادشده", "نامبرده", "فوق‌الذکر")}


def parse_mention(phrase: str) -> Mention:
    """Classify a subject phrase: pronoun, role, name, or name with an appositive role."""
    text = phrase.strip(" \t،,؛:«»\"'()-–*•" + ZWNJ)
    text = _ENUMERATION.sub("", text)  # "۳_ «اتحادیه» از ... انتظار دارد": a list's number
    if text.count("(") > text.count(")") and phrase[phrase.find(text) + len(text) :][:1] == ")":
        text += ")"  # "امام خمینی(ره)": the bracket closes one the phrase opened
    # "۰۲ - علی ضیا مجری ...": the minutes of a live blog's time stamp (21:02) come first.
    text = _TIME_STAMP.sub("", text)
    # "طبق ادعای دو هفته پیش نشریه اسپورت": when the source spoke, before the source
    text = _TIME_AGO.sub("", text)
    if not text:
        return Mention(text="", mention_type="none")
    spelt_out = ACRONYM_SPELT_OUT.fullmatch(text)
    if spelt_out:  # "OCA (شورای المپیک آسیا)": the name in full, not its Latin letters
        return replace(parse_mention(spelt_out["name"]), text=text)
    media = _media_named(text)
    if media:
        return media
    cleaned = " ".join(_QUOTE_MARKS.sub(" ", _PARENTHESES.sub(_dropped_aside, text)).split())
    cleaned = _TRAILING_HONORIFIC.sub("", cleaned).strip() or cleaned
    cleaned = _AGE.sub("", cleaned) or cleaned  # "زیکوی پنجاه و نه ساله": the age is no name
    # "وزیر محترم راه و شهرسازی", "رئیس جمهور محترم": courtesy, not part of the title
    cleaned = " ".join(w for w in cleaned.split() if fold_words(w) != "محترم") or cleaned
    # "تونی اولیویرا - سرمربی تیم تراکتورسازی -": dashes set the title off like commas
    # (not "دانشگاه جامع علمی - کاربردی").
    cleaned = _SPACED_DASH.sub(
        lambda dash: "، " if is_role_head(dash.string[dash.end() :].split(" ", 1)[0]) else dash[0],
        cleaned,
    )
    if not cleaned:
        return Mention(text=text, mention_type="none")
    key = fold_words(cleaned)
    first_word, _, rest = key.partition(" ")
    if key == "حضرت آقا":
        return Mention(text=text, mention_type="role", role=cleaned)  # the Leader, a title
    if first_word == "حضرت" and rest.split(" ")[0] == "امام":
        # "حضرت امام خمینی (ره)", "حضرت امام": an honorific before the title, no name
        if len(rest.split()) == 1:
            return Mention(text=text, mention_type="role", role=cleaned)
        return replace(parse_mention(cleaned.split(" ", 1)[1]), text=text)
    if key == "اینکه":
        return Mention(text=text, mention_type="none")  # "اینکه می‌گویند ...": no one named
    if first_word == "اینکه" and rest:
        # "اینکه بعضی ها می‌گویند ... را قبول ندارم": "that some say", the words' subject
        return replace(parse_mention(cleaned.split(" ", 1)[1]), text=text)
    if key in _PRONOUN_KEYS or first_word in {"وی", "او", "ایشان"}:
        return Mention(text=text, mention_type="pronoun")
    if is_group(cleaned) and rest.startswith("از ") and len(rest.split()) >= 3:
        # "برخی از وزیران نفت اوپک": some of a named group; "برخی از کارشناسان" stays vague.
        return Mention(text=text, mention_type="role", role=cleaned)
    if (
        key in _VAGUE_KEYS
        or first_word in _VAGUE_KEYS
        or key.replace(" ", "") in _VAGUE_KEYS
        or key in {"همه", "همگان"}  # everyone; "همه اعضای شورا" names a body
        # "همه مردم ایران", "تمام کارشناسان": all of a crowd, no one in particular
        or (first_word in {"همه", "تمام", "همگی"} and not rest.startswith(("اعضای", "اعضا ")))
        or key in _VAGUE_ALONE
        or "درصد" in key.split()[:3]  # "۸۱ درصد از مردم ترکیه": a poll, not a speaker
    ):
        return Mention(text=text, mention_type="vague")  # خیلی‌ها = خیلی ها
    if key in {"این", "آن", "همین", "همان"}:
        return Mention(text=text, mention_type="none")  # a demonstrative alone names nobody
    second_word = rest.split(" ", 1)[0]
    if first_word.endswith(_AGENTS) or second_word in _AGENTS:
        # "دریافت‌کننده تیم ملی والیبال", "دارنده مدال نقره": one who does something, a title.
        return Mention(text=text, mention_type="role", role=cleaned)
    if first_word.endswith("ترین") and rest and is_common_phrase(first_word[: -len("ترین")]):
        # "بهترین سنتر آسیا", "گرانترین بازیکن جهان": a superlative describes someone known.
        return Mention(text=text, mention_type="role", role=cleaned)
    if first_word.endswith(("کنندگان", "دهندگان")):
        # "تهیه‌کنندگان گزارش جامعه اطلاعاتی آمریکا": doers of something, a description.
        return Mention(text=text, mention_type="role", role=cleaned)
    if (first_word in {"یک", "یکی"} or first_word in _COUNTS or first_word.isdigit()) and rest:
        # "یکی از اساتید دانشگاه", "یک منبع آگاه": an unnamed speaker, described.
        return Mention(text=text, mention_type="role", role=cleaned)
    last_word = key.rsplit(" ", 1)[-1]
    if last_word in _AFOREMENTIONED and rest and first_word not in {"این", "همین"}:
        # "سایت مذکور همچنین آورده است": the site just named, as "این سایت" would say.
        role = cleaned.rsplit(" ", 1)[0]
        return Mention(text=text, mention_type="role", role=role, anaphoric=True)
    if first_word in {"این", "همین"} and rest:
        # "این مسئول، میانگین بارش را ...": after the comma comes the object, not the title.
        role = re.split(r"\s*[،,]", cleaned.split(" ", 1)[1], maxsplit=1)[0]
        text = re.split(r"\s*[،,]", text, maxsplit=1)[0]
        return Mention(text=text, mention_type="role", role=role, anaphoric=True)
    if "،" in cleaned or "," in cleaned or "؛" in cleaned:
        # "احمد هاشمیان؛ رئیس کمیته پزشکی": some copy sets the title off with ؛.
        head, _, tail = re.split(r"([،,؛])", cleaned, maxsplit=1)
        head, tail = head.strip(), tail.strip()
        first = parse_mention(head)
        if first.mention_type in {"name", "surname"} and tail:
            role = tail
            if first.role and not is_role_head(_words(tail)[0]):
                # "رضا رحمانی وزیر صنعت، معدن و تجارت": the title goes on after the comma.
                role = f"{first.role}، {tail}"
            return Mention(
                text=text,
                mention_type="name",
                name=first.name,
                role=role,
                is_organisation=first.is_organisation,
            )
        head_words = _words(head)
        if (
            first.mention_type == "role"
            and len(head_words) > 1
            and fold_words(head_words[0]) in _RANKS
            and tail
            and is_role_head(_words(tail)[0])
        ):
            # "ژنرال «آنوبونگ باوگیندا»، فرمانده ارتش تایلند": a rank and a name, then the title
            return Mention(
                text=text,
                mention_type="name",
                name=" ".join(head_words[1:]),
                role=tail,
            )
        if first.mention_type == "role":
            if (
                tail
                and _looks_like_name(tail)
                and not is_role_head(_words(tail)[0])
                # "معاون سیاسی، امنیتی استانداری همدان": the title goes on after the comma.
                and not any(is_organisation_head(w) for w in _words(tail))
                # "رئیس دانشگاه جامع علمی، کاربردی زنجان": so it does when a common word
                # follows the comma; a name opens with a first name or a rarer word.
                and not is_common_phrase(_words(tail)[0])
            ):
                return Mention(
                    text=text, mention_type="name", name=strip_honorifics(tail), role=first.role
                )
            if _opens_compound_verb(tail):
                # "فرمانده ...، مطرح شدن خواسته‌ها را ...": the object begins after the comma.
                text = re.split(r"\s*[،,؛]", text, maxsplit=1)[0]
                return Mention(text=text, mention_type="role", role=head)
            return Mention(text=text, mention_type="role", role=cleaned)
        cleaned = head
    quoted = _TITLE_THEN_QUOTED_NAME.match(text)
    if (
        quoted
        and is_role_head(quoted["title"].split()[0])
        # "محقق مرکز «گلوبال ریسرچ»": the marks name the body the title belongs to
        and not is_organisation_head(quoted["title"].split()[-1])
        and _looks_like_name(quoted["name"])
        and len(_words(quoted["name"])) >= 2
        and not is_role_head(_words(quoted["name"])[0])
        and not is_organisation_head(_words(quoted["name"])[0])
    ):
        # 'سناتور "کیت باند" یکی از سناتورهای ...': a title, then the name in marks
        return Mention(
            text=text, mention_type="name", name=quoted["name"].strip(), role=quoted["title"]
        )
    words = _words(cleaned)
    if not words:
        return Mention(text=text, mention_type="none")
    if (
        _inner_title(words) == 1
        and not is_role_head(words[0])
        and not is_organisation_head(words[0])
    ):
        # "زهرا حجت‌الاسلام محمدهمایون زرینه": a place name's last word left by a dateline
        # (از بویین زهرا); a title opens a name, so the name starts there. After a title
        # (نماینده آیت‌الله سیستانی) the titled person is someone else.
        name = strip_honorifics(" ".join(words[1:]))
        return Mention(text=text, mention_type="name", name=name)
    if key in _STATE_KEYS:
        return Mention(text=text, mention_type="name", name=cleaned, is_organisation=True)
    if fold_words(words[0]) in _RANKS and len(words) > 1 and is_given_name(words[1]):
        # "ژنرال محمد ظهیر": a rank before a name, like سرلشکر
        return replace(parse_mention(" ".join(words[1:])), text=text)
    if _opens_role(words) or (
        # "مخبر کمیسیون ...": a commission's rapporteur; مخبر alone is a surname (مخبر دزفولی).
        fold_words(words[0]) == "مخبر"
        and len(words) > 1
        and fold_words(words[1]).startswith("کمیسیون")
    ):
        return Mention(text=text, mention_type="role", role=cleaned)
    if fold_words(words[0]) in _ORG_KEYS:
        return Mention(text=text, mention_type="name", name=cleaned, is_organisation=True)
    if len(words) > 1 and fold_words(words[0]).endswith("ترین") and is_role_head(words[1]):
        # "بهترین گلزن گل گهر", "جوان‌ترین سرمربی لیگ": a superlative opens the title.
        return Mention(text=text, mention_type="role", role=cleaned)
    # "یحیی گل‌محمدی سرمربی پرسپولیس": a name followed by its role without a comma.
    for index in range(1, len(words)):
        if (
            fold_words(words[index]) in _MEDIA_APPOSITION
            and index + 1 < len(words)
            and fold_words(words[index - 1]) != "وب"  # "وب سایت عربستان": one word, a website
            and not is_common_phrase(" ".join(words[:index]))
        ):
            # "موندو دپورتیوو روزنامه کاتالان", "اسپورت دیگر روزنامه کاتالان": a paper's name,
            # then what it is
            another = _another_before(words, index)
            return Mention(
                text=text,
                mention_type="name",
                name=" ".join(words[: index - another]),
                role=" ".join(words[index:]),
                is_organisation=True,
                another=another,
            )
        if (
            _opens_profession(words, index)
            and index >= 2
            and not _only_honorifics(" ".join(words[:index]))
        ):
            # "جان اونیل زیست‌شناس", "جوادی یگانه جامعه شناس": a name, then what they study
            name = strip_honorifics(" ".join(words[:index]))
            return Mention(text=text, mention_type="name", name=name, role=" ".join(words[index:]))
        if is_role_head(words[index]) and fold_words(words[index]) != "یک":
            if index == 1 and fold_words(words[0]) in _ASSISTANT_OF:
                # "کمک داور", "سر داور": one title, not a name and a title
                return Mention(text=text, mention_type="role", role=cleaned)
            if _only_honorifics(" ".join(words[:index])):
                continue  # "حجت‌الاسلام قهرمان احمدی": قهرمان is the first name here
            if ZWNJ in words[index] and fold_words(words[index]) not in _ROLE_KEYS:
                continue  # "عبدالرضا شاه‌غریب": after a name, a joined role word opens a surname
            if (
                index == 1
                and is_given_name(words[0])
                and (index + 1 == len(words) or is_role_head(words[index + 1]))
            ):
                # "علیرضا دبیر", "علیرضا دبیر عضو هیات رئیسه ...": a title of no body after
                # a first name alone is the surname; the title, if any, follows it.
                continue
            if (
                fold_words(words[index]) in _TITLES_IN_SURNAMES
                and index + 2 < len(words)
                and is_role_head(words[index + 2])
            ):
                continue  # "سعید قاضی مغربی رئیس دانشگاه": قاضی opens a surname here
            name_end = index
            if index > 1 and fold_words(words[index - 1]) in _ONLY:
                name_end -= 1  # "امیرحسین صفرزاده تنها داور بسکتبال کشورمان": the only referee
            another = _another_before(words, index)
            if another:
                name_end -= 1  # "کامل الهیار دیگر نامزد این حزب": another of the party's candidates
            name = strip_honorifics(" ".join(words[:name_end]))
            role = " ".join(words[name_end + another :])
            return Mention(text=text, mention_type="name", name=name, role=role, another=another)
    name = strip_honorifics(cleaned)
    kind = "name" if len(_words(name)) > 1 else "surname"
    return Mention(text=text, mention_type=kind, name=name)


def is_plural_of_common_noun(word: str) -> bool:
    """``مخاطبان`` (مخاطب + ان), ``مسافران``: people described, though surnames are made the
    same way (شریفان); not ``هادیان``, whose stem is a first name, nor ``گردان``, too short a
    stem to tell."""
    key = fold_words(word)
    return " " not in key and key.endswith("ان") and len(key) >= 6 and is_common_phrase(key[:-2])


# Plural heads of titles: "مقامات آمریکایی", "اعضای حاضر در این جلسه", "منابع نزدیک به
# طالبان" name several people, never the one person quoted before.
_PLURAL_HEADS = {
    fold_words(w)
    for w in (
        *("مقامات", "مقام‌های", "مقامهای", "اعضای", "اعضا", "منابع", "سران", "رهبران"),
        *("مسئولان", "مسئولین", "مسؤولان", "نمایندگان", "مدیران", "کارشناسان", "فعالان"),
        *("دیپلمات‌ها", "دیپلماتهای", "دیپلمات‌های", "مردم", "ساکنان", "شاهدان"),
    )
}


def describes_people(name: str) -> bool:
    """``مخاطبان``, ``مخاطبان این رسانه``: people described by a plural noun, not a person's
    name (``سلیمان فهیمی`` reads as a plural too, but no determiner follows it)."""
    words = name_words(name)
    return (
        bool(words) and is_plural_of_common_noun(words[0]) and words[1:2] in ([], ["این"], ["آن"])
    )


def is_plural_title(role: str) -> bool:
    """``مسئولان عراقی``, ``مقامات آمریکایی``: a title held by several people."""
    words = name_words(role)
    return bool(words) and (words[0] in _PLURAL_HEADS or is_plural_of_common_noun(words[0]))


# Letters folding reads as others (رئیس as رییس) but a name keeps as written.
_KEPT_IN_DISPLAY = set("ئأؤ")


def canonical_name(name: str) -> str:
    """A name as we display it: Persian letters, single spaces, ZWNJ before surname suffixes.

    ``رئیس``, ``مسئولان``, ``مؤتمر`` keep their hamza: it is how the name is spelt, and
    comparisons fold it away anyway."""
    folded = fold(name)  # one character for one, so it lines up with name
    spelt = "".join(o if o in _KEPT_IN_DISPLAY else f for o, f in zip(name, folded, strict=True))
    words = []
    for word in _words(spelt.replace(ZWNJ + ZWNJ, ZWNJ)):
        word = word.strip(ZWNJ)
        match = _SURNAME_SUFFIX.search(word)
        if match and ZWNJ not in word and word[match.start() - 1] not in _NON_JOINING:
            word = word[: match.start()] + ZWNJ + word[match.start() :]
        words.append(word)
    return " ".join(words)


def name_words(name: str) -> list[str]:
    """Folded words of a name, ZWNJ removed, for comparison."""
    return fold_words(name).split(" ") if name.strip() else []


def _split_words(name: str) -> list[str]:
    """Folded words with ZWNJ as a separator too (جوادی‌آملی -> جوادی, آملی)."""
    return fold_words(fold(name).replace(ZWNJ, " ")).split(" ") if name.strip() else []


def _ends_with_unspaced(a: list[str], b: list[str]) -> bool:
    """``نصر اصفهانی`` ends ``علیرضا نصراصفهانی``: compound surnames are written spaced or
    joined; the shorter name's letters must be the longer's last whole words."""
    shorter, longer = (a, b) if len("".join(a)) <= len("".join(b)) else (b, a)
    key = "".join(shorter)
    return any("".join(longer[k:]) == key for k in range(1, len(longer)))


def _ends_with(a: list[str], b: list[str]) -> bool:
    if not a or not b:
        return False
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return longer[-len(shorter) :] == shorter


def names_match(a: str, b: str) -> bool:
    """True when one name ends the other word for word (``زارعپور`` and ``عیسی زارع‌پور``).

    ZWNJ and spacing do not count: ``جوادی‌آملی`` ends ``آیت‌الله جوادی آملی``.
    """
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb:
        return False
    if "".join(wa) == "".join(wb):
        return True
    return (
        _ends_with(wa, wb)
        or _ends_with(_split_words(a), _split_words(b))
        or _ends_with_unspaced(wa, wb)
    )


def is_office_of_person(a: str, b: str) -> bool:
    """``دفتر آیت‌الله سیستانی`` and ``سیستانی``: a person's office speaks for them but is not
    them, though its name ends theirs. Only a person's (a title or a first name after the
    office): ``دولت کره جنوبی`` is ``کره جنوبی``."""
    shorter, longer = sorted((a, b), key=lambda name: len(_split_words(name)))
    words = _words(longer)
    if len(_split_words(longer)) == len(_split_words(shorter)):
        return False
    if fold_words(words[0]) in _PERSONAL_OFFICES:
        return True  # "کمپین انتخاباتی ترامپ", "ستاد روحانی": a candidate's, not the candidate
    if not is_organisation_head(words[0]):
        return False
    person = " ".join(words[1:])
    return len(words) > 1 and (is_first_name(words[1]) or strip_honorifics(person) != person)


# Bodies that belong to one person and bear their name, and people named after whom they
# stand with or against (منتقدان ترامپ, حامیان روحانی).
_PERSONAL_OFFICES = {
    fold_words(w)
    for w in (
        *("دفتر", "ستاد", "کمپین", "خانواده"),
        *("منتقدان", "مخالفان", "حامیان", "طرفداران", "هواداران", "مشاوران", "نزدیکان"),
    )
}


def role_matches(a: str, b: str) -> bool:
    """True when one role is the other or begins it word for word (وزیر ارتباطات ⊂ وزیر ارتباطات و ...).

    Spacing and ZWNJ do not count (دبیرکل = دبیر کل); a one-word role matches only itself.
    """
    if _one_of(a) != _one_of(b) and is_plural_title(" ".join(_without_indefinite(name_words(a)))):
        return False  # "یکی از مقامات کویتی" is one person; "مقامات کویتی" all of them
    wa, wb = _without_indefinite(name_words(a)), _without_indefinite(name_words(b))
    # "فرمانده انتظامی سیستان و بلوچستان" = "فرمانده انتظامی استان سیستان و بلوچستان",
    # "سرمربی سایپا" = "سرمربی تیم سایپا"
    wa, wb = (
        [w for w in wa if w not in _OPTIONAL_TITLE_WORDS],
        [w for w in wb if w not in _OPTIONAL_TITLE_WORDS],
    )
    if not wa or not wb:
        return False
    ka, kb = "".join(wa), "".join(wb)
    if ka == kb:
        return True
    shorter, longer = (wa, wb) if len(ka) <= len(kb) else (wb, wa)
    if len(shorter) < 2:
        return False
    prefix = "".join(shorter)
    joined = "".join(longer)
    if not joined.startswith(prefix):
        return False
    # The prefix must end at a word boundary of the longer role.
    boundaries = {sum(len(w) for w in longer[:n]) for n in range(len(longer) + 1)}
    return len(prefix) in boundaries


# Words a title may say or leave out: the kind of place or of body it holds (فرمانده
# انتظامی = فرمانده نیروی انتظامی, وزیر خارجه = وزیر امور خارجه), and praise of its holder
# (سرمربی باتجربه مس = سرمربی مس).
_OPTIONAL_TITLE_WORDS = {
    fold_words(w)
    for w in (
        *("استان", "شهرستان", "تیم", "نیروی", "امور"),
        *("باتجربه", "کهنه‌کار", "محبوب", "پرافتخار", "سرشناس", "نامدار", "مشهور", "معروف"),
    )
}


def _unglued(words: list[str]) -> list[str]:
    """``وزیرخارجه روسیه`` -> ``وزیر خارجه روسیه``: a role word glued to the next one."""
    head = _glued_role_head(words[0]) if words else ""
    return [head, words[0][len(head) :], *words[1:]] if head else words


def role_abbreviates(short: str, full: str) -> bool:
    """A headline's shortened role: the same head word, its other words in the full role in
    order (``سرمربی کره‌جنوبی`` of ``سرمربی تیم فوتبال نوجوانان کره‌جنوبی``, ``مهاجم‌قطر`` of
    ``مهاجم تیم ملی قطر``)."""
    ws, wf = _unglued(_split_words(short)), _unglued(_split_words(full))
    if len(ws) < 2 or len(wf) <= len(ws) or ws[0] != wf[0]:
        return False
    remaining = iter(wf[1:])
    return all(word in remaining for word in ws[1:])


def is_indefinite(role: str) -> bool:
    """``یک منبع آگاه``, ``یکی از اساتید``: a role that introduces someone unnamed."""
    return name_words(role)[:1] in (["یک"], ["یکی"])


_SOURCE_HEADS = {
    fold_words(w)
    for w in ("منبع", "منابع", "مقام", "مقامات", "مقام‌ها", "مسئول", "مسئولان", "دیپلمات")
}


def is_anonymous_source(role: str) -> bool:
    """``یک منبع آگاه``, ``یک مقام ارشد دولت جانسون``: a source the article keeps unnamed, unlike
    ``یکی از مهمانان عراقی``, whom it may name next."""
    return is_indefinite(role) and role_head(role) in _SOURCE_HEADS


# "برخی از ...", and the counts that open a description ("دو منبع آگاه", "شماری از ...").
_GROUP_OPENERS = {fold_words(w) for w in ("برخی", "بعضی")} | _COUNTS


def is_not_one_person(role: str) -> bool:
    """An unnamed one (``یک منبع``), a group (``عده‌ای از ...``) or a plural title
    (``اعضای تیم ملی``): never the one person a name in the article gives."""
    return is_indefinite(role) or is_group(role) or is_plural_title(role)


def is_group(role: str) -> bool:
    """``برخی از وزیران نفت اوپک``, ``دو منبع آگاه``: some of a group, never one person
    named later."""
    first = name_words(role)[:1]
    return bool(first) and (first[0] in _GROUP_OPENERS or first[0].isdigit())


def _one_of(role: str) -> bool:
    return name_words(role)[:2] == ["یکی", "از"]


def _without_indefinite(words: list[str]) -> list[str]:
    """یک دیپلمات غربی -> دیپلمات غربی: an anonymous source is later named without یک."""
    while words and words[0] in {"یک", "یکی", "از"}:
        words = words[1:]
    return words


def role_within(role: str, longer: str) -> bool:
    """``سخنگوی کمیسیون بودجه`` within ``نماینده گرمسار و سخنگوی کمیسیون بودجه``, word for word."""
    inner = _split_words(role)
    outer = _split_words(longer)
    if len(inner) < 2:
        return False
    return any(outer[i : i + len(inner)] == inner for i in range(len(outer) - len(inner) + 1))


def name_prefix_in(name: str, known: set[str]) -> str:
    """The longest proper prefix of ``name`` that is a name the article uses elsewhere.

    ``کاتب جامع و کامل نبودن`` (a subject that ran into its object) -> ``کاتب`` when the
    article also says ``غلامرضا کاتب``; ``name`` itself when no prefix fits.
    """
    words = name.split()
    for length in range(len(words) - 1, 0, -1):
        prefix = " ".join(words[:length])
        if any(
            # it ends where the known name ends, however the surname is spaced (رمضان پور)
            names_match(prefix, other)
            and name_words(other)[-1:]
            in (name_words(prefix)[-1:], ["".join(name_words(prefix)[-2:])])
            for other in known
        ):
            return prefix
    return name


def role_head(role: str) -> str:
    """The head word of a role, past an indefinite یک (یک استاد دانشگاه -> استاد)."""
    words = [w for w in name_words(role) if w not in {"یک", "یکی", "از"}]
    if len(words) > 1 and not is_role_head(words[0]) and is_role_head(words[0] + words[1]):
        return words[0] + words[1]  # "ملی پوش" written with a space is ملی‌پوش
    return words[0] if words else ""


@functools.cache
def _common_keys() -> frozenset[str]:
    return frozenset(fold_words(word) for word in common_words())


def is_common_phrase(name: str) -> bool:
    """Every word of ``name`` is a common word of the language and none a first name: a
    noun phrase (``تشکیل ارتش``), not a person's name. Surnames that are common words
    (``ظریف``, ``روحانی``) pass only when the article backs them otherwise."""
    keys = [fold_words(word) for word in name.split()]
    common = _common_keys()
    return bool(keys) and all(
        key in common
        and key not in _FIRST_NAME_KEYS  # "بیژن بختیار": a first name that is a word too
        and key not in _STATE_KEYS  # "ایران و روسیه": countries speak
        for key in keys
    )
