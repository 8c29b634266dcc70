"""Clause machinery shared by the direct and indirect finders: article structure, subjects, spans."""

import re
from dataclasses import dataclass, replace

from .lexicon import (
    BYLINE,
    DISCOURSE_OPENERS,
    FURNITURE_LINE,
    PASSIVE_CUES,
    RELAY_OPENER,
    SUBJECT_STOP_EXCEPTIONS,
    SUBJECT_STOPS,
    SURNAMES_AMONG_STOPS,
    byline_end,
    speech_verb_pattern,
)
from .names import (
    Mention,
    is_common_phrase,
    is_document_noun,
    is_explicit,
    is_first_name,
    is_given_name,
    is_name_title,
    is_organisation_head,
    is_plural_title,
    is_role_head,
    is_state,
    parse_mention,
)
from .text import ZWNJ, fold_words, paragraphs, sentence_boundaries, trim


@dataclass
class Paragraph:
    start: int
    end: int
    content_start: int  # after an agency byline or dateline
    location: str
    furniture: bool


@dataclass
class Candidate:
    start: int
    end: int
    kind: str
    cue: str
    location: str
    mention: Mention
    mention_start: int
    base_confidence: float


_TITLE_MAX_CHARS = 200
_LEAD_MIN_WORDS = 8
_SUBJECT_MAX_WORDS = 22


def structure(text: str, folded: str) -> list[Paragraph]:
    """Paragraphs with their location (title, lead, body) and byline-free content start."""
    spans = paragraphs(text)
    result: list[Paragraph] = []
    title_zone = 0
    if spans:
        title_zone = 1
        if len(spans) >= 3:
            first, second, third = spans[0], spans[1], spans[2]
            second_text = folded[second[0] : second[1]]
            if (
                first[1] - first[0] <= _TITLE_MAX_CHARS
                and second[1] - second[0] <= _TITLE_MAX_CHARS
                and not second_text.rstrip().endswith(".")
                and not BYLINE.match(second_text)
                and third[1] - third[0] > second[1] - second[0]
            ):
                title_zone = 2
    lead_found = False
    for index, (start, end) in enumerate(spans):
        line = folded[start:end]
        furniture = bool(FURNITURE_LINE.match(line))
        content_start = start + byline_end(line)
        content_start, _ = trim(text, content_start, end)
        if index < title_zone:
            location = "title"
        elif (
            not lead_found
            and not furniture
            and len(folded[content_start:end].split()) >= _LEAD_MIN_WORDS
        ):
            location = "lead"
            lead_found = True
        else:
            location = "body"
        result.append(Paragraph(start, end, content_start, location, furniture))
    return result


def _bare(word: re.Match[str]) -> str:
    return fold_words(word.group().strip("،,:«»\"'()"))


_J = r"[\u200c ]*"  # a join that may be a space, a ZWNJ or nothing
_LETTER = r"\w"  # Persian letters are \w; the Arabic comma and ZWNJ are not

# "با بیان اینکه A، گفت: B" and kin: A is an indirect statement of the clause's subject.
_PREMISE_NOUNS = (
    rf"بیان|اشاره{_J}(?:به|بر)|تاکید{_J}(?:بر|به)|تأکید{_J}(?:بر|به)|یادآوری|ابراز{_J}\S+{_J}(?:از|بر|نسبت{_J}به)?|"
    rf"اعلام|تصریح(?:{_J}بر)?|تشریح|ادعای|توضیح|ذکر|عنوان|اظهار|طرح|اذعان{_J}به"
)
# "سؤال" folds to سوال, but the common "سئوال" folds to "سیوال".
QUESTION = r"(?:سوال|سیوال|سئوال|سؤال|پرسش)"
# "با اشاره به این مطلب که", "با طرح این سوال که": a noun may stand between این and که.
_PREMISE_THAT = rf"(?:این|آن)(?:{_J}(?:مطلب|موضوع|نکته|مساله|مسئله|مسیله|امر|{QUESTION}))?{_J}که"
PREMISE = re.compile(
    rf"(?<!{_LETTER})(?P<cue>(?:با|ضمن){_J}(?:{_PREMISE_NOUNS}){_J}{_PREMISE_THAT})(?!{_LETTER})\s*"
)


# "... است که X گفت", "همان‌طور که X گفت", "به نحوی که X می‌داند": X is the subject of the
# clause after که.
_COMPLEMENT_THAT = re.compile(
    r"(?<!\S)(?:است|بود|چنان|(?:همان|آن|این)[\u200c ]?طور|(?:همان|آن)[\u200c ]?گونه|چنان[\u200c ]?چه|"
    r"به[\u200c ]?(?:نحوی|طوری|گونه[\u200c ]?ای|شکلی)|تا[\u200c ]?جایی|"
    # "... ساده نخواهد بود چرا که مقامات آمریکایی اعتراف کرده‌اند": a cause opens a clause.
    r"چرا)\s+که(?!\S)\s*|(?<!\S)زیرا(?:\s+که)?(?!\S)\s*|"
    # "... خواست خدا بود گرچه همه اعتقاد داشتند": a concession opens a clause too.
    r"(?<!\S)(?:گرچه|اگرچه|هرچند|هر[\u200c ]چند)(?!\S)\s*"
)

_PERSONAL_PRONOUNS = {"وی", "او", "ایشان", "نامبرده"}
# Words never part of a subject the writer names: finite verbs, modals, the first person.
_NEVER_IN_SUBJECT = {
    fold_words(w)
    for w in (
        "کرد",
        "کردند",
        "شد",
        "شدند",
        "نمود",
        "نمودند",
        "گردید",
        "می‌شود",
        "می‌کند",
        "اند",  # "شیاطین سرخ خرید کرده اند و حال وین رونی ...": a verb ends the clause
        "باید",  # "با بیان اینکه شهرداری باید ...، تصریح کرد": a modal, the premise's
        "نباید",
        # "فوتبال ما هزار مشکل دارد": the first person inside a quotation is no subject the
        # writer names; the quoted speaker goes on.
        "من",
        "ما",
        # "آیات ... بیانگر یک سلسله گفت و شنودها ...": a predicate, never a speaker.
        "بیانگر",
        "نشانگر",
        "حاکی",
        "افزون",  # "افزون بر این، در روایات آمده است": in addition, no one
        # "با فرشید طالبی صحبت کردیم": the first person is the quoted speaker, never named.
        "کردیم",
        "کردم",
        "شدیم",
        "شدم",
        # "«...» داشته باشند را رد نکرد", "قطعی برق باعث خسارت ... می‌شود": a clause that
        # ends in a verb of being (or باعث ... شدن) is the object or the writer's own words.
        "است",
        "بود",
        "باشد",
        "باشند",
        "بودند",  # "خانمهایی بودند که ... به آنها می‌گویند": a clause of its own
        "باعث",
    )
}

# "But" opening a sentence: the subject follows it.
_BUT = re.compile(r"\s*(?:اما|ولی|منتهی|لیکن|ولیکن)\s+")

# Words that start a new noun phrase: they end a subject, but may open one (این مقام گفت).
_PHRASE_OPENERS = {"این", "آن", "همه", "هر"}

# The word lists are written as people spell them; compare them folded, as the words are.
_STOP_KEYS = {fold_words(w) for w in SUBJECT_STOPS}
_SURNAMES_AMONG_STOPS = {fold_words(w) for w in SURNAMES_AMONG_STOPS}
_STOP_EXCEPTION_KEYS = {
    fold_words(word): {fold_words(p) for p in previous}
    for word, previous in SUBJECT_STOP_EXCEPTIONS.items()
}


_PARTITIVE = {
    fold_words(w)
    for w in (
        "یکی",
        "یک",
        "تعدادی",
        "برخی",
        "بعضی",
        "بسیاری",
        "شماری",
        "گروهی",
        "جمعی",
        "عده‌ای",
        "هیچ‌یک",
        "نفر",
        "تن",
        "دو",
        "سه",
        "چهار",
        "پنج",
        "چند",
        "هزاران",
        "صدها",
        "ده‌ها",
        "دهها",
        "میلیون‌ها",
        "تعداد",
        "زیادی",
        "بیشتر",
        "اکثر",
    )
}


def _is_stop(bare: str, previous: str, anonymous: bool) -> bool:
    """Whether ``bare`` ends a subject; an anonymous source keeps its place (یک منبع در ...)."""
    if anonymous and bare == "در":
        return False
    if anonymous and bare == "مستقر":
        return False  # "یک دیپلمات غربی مستقر در تهران": where an unnamed source is based
    if anonymous and bare == "از":
        # "یکی از مقامات", "دو تن از نمایندگان", "تعداد دیگر از کاربران": a part of a group.
        # After the source's noun از opens what it said or where it spoke from (یک مقام آگاه
        # از پرداخت ... خبر داد).
        return not (previous in _PARTITIVE or previous.isdigit() or previous == "دیگر")
    if anonymous and previous == "از" and bare in _PHRASE_OPENERS:
        return False  # "یکی از این کاربران": the group named before
    if bare == "از" and previous in _PARTITIVE:
        return False  # "ترامپ و برخی از مشاورانش": some of a group after a name

    if previous and bare in _PHRASE_OPENERS:
        return True
    if previous and bare == "یکی":
        return True  # "سناتور کیت باند یکی از سناتورهای جمهوری‌خواه": an apposition follows
    stop = bare in _STOP_KEYS or bare.split(" ")[0] in _STOP_KEYS
    return stop and previous not in _STOP_EXCEPTION_KEYS.get(bare, ())


# After "یک منبع در": the occasion, not the body the source belongs to.
_OCCASIONS = {
    fold_words(w)
    for w in (
        "ادامه",
        "پایان",
        "حاشیه",
        "گزارشی",
        "گزارش",
        "گفتگو",
        "گفت‌وگو",
        "گفتگویی",
        "گفت‌وگویی",
        "مصاحبه",
        "مصاحبه‌ای",
        "جمع",
        "نشست",
        "مراسم",
        "کنفرانس",
        "جلسه",
        "دیدار",
        "سخنرانی",
        "همایش",
        # "یک تلویزیون ... در صفحه اجتماعی خود", "یک زن ... در گوشه‌ای": where it spoke
        "صفحه",
        "گوشه",
        "گوشه‌ای",
        "جریان",
        "فضای",
        # "یکی از مقامات ... در حالی که نخواست نامش فاش شود": while, not where
        "حالی",
        "حالیکه",
        # "یک منبع در خصوص درگیری دیشب گفته است": what it spoke about
        "خصوص",
        "مورد",
        "باره",
        "رابطه",
        "ارتباط",
        "پاسخ",
        "این",
        "آن",
    )
}
_IN = re.compile(r"(?<!\S)در(?!\S)")


def occasion_start(folded: str, start: int, end: int) -> int | None:
    """Where an occasion (``در کنفرانس مطبوعاتی``, ``در این نشست``) begins in a phrase that
    names a speaker, or None: the occasion is no part of who spoke."""
    for inside in _IN.finditer(folded, start, end):
        following = folded[inside.end() : end].split()[:1]
        if following and (
            fold_words(following[0]) in _OCCASIONS or _GLUED_DETERMINER.match(following[0])
        ):
            return inside.start()
    return None


# "در این‌باره", "در آن‌جا": a determiner joined to its noun by a ZWNJ, one word as written.
_GLUED_DETERMINER = re.compile(r"(?:این|همین|آن)\u200c\S")


def _occasion_follows(words: list[re.Match[str]], index: int) -> bool:
    if index + 1 >= len(words):
        return False
    following = words[index + 1]
    return _bare(following) in _OCCASIONS or bool(_GLUED_DETERMINER.match(following.group()))


_TIME_NOUNS = {
    fold_words(w) for w in ("هفته", "روز", "روزها", "بار", "سال", "ماه", "دفعه", "شب", "فصل")
}


def _determiner_in_subject(words: list[re.Match[str]], index: int, previous: str) -> bool:
    """``سخنگوی این سازمان گفت``, ``بازیکنان این تیم``: این after a title or a plural noun
    belongs to the subject, unless it opens the object (``وزیر این مقدار کشف را ...``) or a
    time (``وزیر این هفته گفت``)."""
    if _bare(words[index]) not in {"این", "آن"} or index + 1 >= len(words):
        return False
    # "شرکت برگزار کننده این دیدار": after a doer (-کننده, -دهنده) too
    if not (is_role_head(previous) or previous.endswith(("ان", "ین", "ها", "کننده", "دهنده"))):
        return False
    noun = _bare(words[index + 1])
    if noun not in _TIME_NOUNS and words[index + 1].group().endswith(("،", ",")):
        return True  # "مخالفان این طرح، X را ... می‌دانستند": the comma closes the subject
    return (
        noun not in _TIME_NOUNS
        and noun not in _STOP_KEYS
        and not words[index].group().endswith(("،", ","))
        and "را" not in {_bare(w) for w in _before_a_quote(words[index + 1 :])}
    )


def _before_a_quote(words: list[re.Match[str]]) -> list[re.Match[str]]:
    """The words up to a ``«``: a را inside quoted words is theirs (``با عنوان «جلوی ... را
    بگیرید»``)."""
    for index, word in enumerate(words):
        if "«" in word.group():
            return words[:index]
    return words


_WHEN = {"زمانی", "هنگامی", "وقتی"}
_NEWS_NOUNS = {fold_words(w) for w in ("خبر", "اخبار", "شایعه", "شایعات")}
_TIME_PAST_OR_NEXT = {"گذشته", "آینده", "پیش", "قبل", "جاری"}


def _time_ago(words: list[re.Match[str]], index: int) -> bool:
    """``ماه گذشته``, ``32 سال قبل``, ``دو شب قبل`` starts at ``index``: a time, not part of a
    subject."""
    following = [_bare(w) for w in words[index : index + 4]]
    if following[:1] and following[0] in _ABOUT:
        following = following[1:]  # "حدود سه هفته پیش": about
    if following[:1] and (following[0].isdigit() or following[0] in _COUNT_WORDS):
        following = following[1:]
    return (
        len(following) >= 2 and following[0] in _TIME_NOUNS and following[1] in _TIME_PAST_OR_NEXT
    )


_ABOUT = {fold_words(w) for w in ("حدود", "حدودا", "حدوداً", "تقریبا", "تقریباً")}
# "ساعتی پیش", "دقایقی قبل": a while ago, before the subject.
_A_WHILE = {fold_words(w) for w in ("ساعتی", "ساعاتی", "دقایقی", "لحظاتی", "روزی", "مدتی")}


def _leading_time(words: list[re.Match[str]]) -> int:
    """How many words of a time (``دو روز پیش``, ``ساعتی پیش``) open the clause before its
    subject."""
    about = 1 if words[:1] and _bare(words[0]) in _ABOUT else 0  # "حدود سه هفته پیش"
    bare = [_bare(w) for w in words[about : about + 4]]
    count = 1 if bare[:1] and (bare[0].isdigit() or bare[0] in _COUNT_WORDS) else 0
    if (
        len(bare) > count + 1
        and bare[count + 1] in _TIME_PAST_OR_NEXT - {"جاری"}
        and (bare[count] in _TIME_NOUNS or (not count and bare[0] in _A_WHILE))
    ):
        return about + count + 2
    return 0


_COUNT_WORDS = {fold_words(w) for w in ("چند", "دو", "سه", "چهار", "پنج", "شش", "هفت", "ده")}
_MANY = {"بسیاری", "زیادی", "متعددی", "فراوانی"}


def _place_name(bare: str) -> bool:
    """A word no common noun accounts for, bare or with an indefinite ی (``رمادی``,
    ``مشگین‌شهر``; not ``نامه‌ای``, ``خبری``): where a body or group is, not an occasion."""
    if bare in _PLATFORMS:
        return False  # "وزارت حج عربستان در توییتر اعلام کرد": where it spoke
    # "ادعایی" is ادعا with its indefinite ی
    stems = [bare] + [bare[: -len(end)] for end in ("ای", "یی", "ی") if bare.endswith(end)]
    return not any(is_common_phrase(stem) for stem in stems if stem)


_PLATFORMS = {
    fold_words(w)
    for w in ("توییتر", "تویتر", "اینستاگرام", "تلگرام", "فیسبوک", "فیس‌بوک", "یوتیوب", "واتساپ")
}


# Titles whose holder sits somewhere on another's behalf: the place is part of the title.
_ENVOYS = {fold_words(w) for w in ("نماینده", "سفیر", "کاردار", "سرکنسول", "رایزن", "وابسته")}
_PARLIAMENT_NAME = [fold_words(w) for w in ("شورای", "اسلامی")]


def _envoy_place(taken: list[re.Match[str]], words: list[re.Match[str]], index: int) -> int:
    """How many words from ``words[index]`` (a در) name where the envoy or member of
    parliament in ``taken`` sits: ``در مجلس (شورای اسلامی)``, ``در مسکو``; 0 if none."""
    if not any(_bare(word) in _ENVOYS for word in taken) or index + 1 >= len(words):
        return 0
    place = _bare(words[index + 1])
    if place == "مجلس":
        following = [_bare(word) for word in words[index + 2 : index + 4]]
        return 4 if following == _PARLIAMENT_NAME else 2
    # A body's name runs on past one word (در سازمان‌های بین‌المللی), a city's does not.
    if is_organisation_head(place) or place.endswith(("ها", "های")):
        return 0
    return 2 if is_state(place) or _place_name(place) else 0


def _take_subject(words: list[re.Match[str]]) -> list[re.Match[str]] | None:
    """The leading words of a subject, [] when the clause opens with a stop, None when too long."""
    taken: list[re.Match[str]] = []
    previous = ""
    # "یک منبع در دولت", "تعداد زیادی از مقامات آمریکایی": an unnamed source or part of a group.
    anonymous = bool(words) and (_bare(words[0]) in _PARTITIVE or _bare(words[0]).isdigit())
    if words and _bare(words[0]) in _PERSONAL_PRONOUNS:
        # "وی هدف از ... را ... عنوان کرد": a pronoun is the whole subject.
        return [words[0]]
    unclosed = 0  # «» opened in the subject: a name in guillemets is taken whole
    placed = False  # the last word taken is the country of "... در پاکستان"
    for index, word in enumerate(words):
        bare = _bare(word)
        if placed:
            placed = False
            continue
        if (
            bare == "در"
            and taken
            and (is_plural_title(_bare(taken[0])) or is_organisation_head(_bare(taken[0])))
            and index + 1 < len(words)
            and (is_state(_bare(words[index + 1])) or _place_name(_bare(words[index + 1])))
        ):
            # "دولت ائتلافی در پاکستان", "سفارت اسرائیل در واشنگتن": a group or a body keeps
            # the country it is in.
            taken.extend(words[index : index + 2])
            previous, placed = _bare(words[index + 1]), True
            continue
        envoy_place = _envoy_place(taken, words, index) if bare == "در" else 0
        if envoy_place:
            # "نماینده مردم تبریز در مجلس شورای اسلامی", "سفیر ایران در مسکو": where an
            # envoy or a member sits is part of the title.
            taken.extend(words[index : index + envoy_place])
            break
        if bare == "در" and previous == "حاضر" and index + 1 < len(words):
            # "اعضای حاضر در این جلسه", "مسوولان حاضر در محل": who was there, not where it spoke
            place_end = index + 3 if _bare(words[index + 1]) in {"این", "آن"} else index + 2
            taken.extend(words[index:place_end])
            break
        body_follows = (
            anonymous
            and bare == "از"
            and index + 1 < len(words)
            and is_organisation_head(_bare(words[index + 1]))
        )  # "یک منبع موثق از باشگاه النصر": where an unnamed source works
        if (
            len(taken) == 1
            and bare in _SURNAMES_AMONG_STOPS
            and is_given_name(previous)
            and not (index + 1 < len(words) and _bare(words[index + 1]) in _STOP_KEYS)
        ):
            # "محمد بنا سرمربی تیم ملی", "عبدالله جمعه": the first name's surname
            previous = bare
            taken.append(word)
            continue
        if (
            not unclosed
            and not body_follows
            and _is_stop(bare, previous, anonymous)
            and not _determiner_in_subject(words, index, previous)
        ):
            break
        if anonymous and bare == "در" and _occasion_follows(words, index):
            break  # "یک منبع در دولت" keeps its place; "یک استاد دانشگاه در ادامه" does not
        if (
            bare in _MANY
            and taken
            and not (index + 1 < len(words) and _bare(words[index + 1]) == "از")
        ):
            break  # "چهره‌های شناخته شده بسیاری از ... خواستند": how many, not who
        if taken and _time_ago(words, index):
            break  # "بشار اسد ماه گذشته نیز دیداری داشت": when, after the subject
        if taken and bare == "حتی":
            break  # "بازیکنانم حتی در تمرین می‌گفتند": "even", after the subject
        if bare == "خبر" and taken and index + 1 < len(words) and _bare(words[index + 1]) == "از":
            break  # "استاد الدوحه خبر از توافق ... داده": the news, after the subject
        if bare in _NEWS_NOUNS and taken and "را" in {_bare(w) for w in words[index + 1 :]}:
            break  # "رسانه های ایتالیایی خبر جدایی فلینی را تایید کرده اند": the object
        if taken and _predicate(words, index):
            break  # "علیرضا منصوریان امیدوار است ...", "فیفا متهم به ...": what is said of it
        if bare in _WHEN and index + 1 < len(words) and _bare(words[index + 1]) == "که":
            break  # "ملابرادر زمانی که در زندان بود گفته بود": "when", not a surname
        previous = bare
        taken.append(word)
        unclosed = max(0, unclosed + word.group().count("«") - word.group().count("»"))
        if len(taken) > _SUBJECT_MAX_WORDS:
            return None
    return taken


# A word and the commas around it; a comma with no space after it ends the word all the same
# ("رئیس پلیس ناجا،در نمایشگاه ...").
_SUBJECT_WORD = re.compile(r"[،,]*[^\s،,]+[،,]*")


def _plural_verb(bare: str) -> bool:
    """``میگفتند``, ``نمیدانیم``: a present or continuous verb of a plural person, never a name."""
    return (
        bare.startswith(("می", "نمی"))
        and bare.endswith(("ند", "ید", "یم"))
        and len(bare) >= 6
        and not is_first_name(bare)
    )


def _opens_paragraph(folded: str, position: int) -> bool:
    before = position
    while before > 0 and folded[before - 1] in " \t":
        before -= 1
    return before == 0 or folded[before - 1] == "\n"


# "پس از بازی", "بعد از دیدار امروز": when, before the subject; "بعد از شکست نساجی ..."
# goes on with whose defeat it was.
_AFTER_THE_OCCASION = re.compile(
    r"\s*(?:پس|بعد|قبل|پیش)\s*از\s+(?:این\s+|آن\s+)?(?:بازی|دیدار|مسابقه|پیروزی|شکست|تساوی|"
    r"جلسه|نشست|مراسم|سفر|انتخابات|تمرین)(?:\s+(?:امروز|امشب|دیروز|دیشب))?\s+"
)


def _opens_a_name(word: str) -> bool:
    """``حتی``, a first name, a title or a pronoun: a subject starts here, not a genitive."""
    bare = fold_words(word.strip("،,:«»\"'()"))
    return bare == "حتی" or is_first_name(bare) or _opens_subject(word)


def _after_but(folded: str, start: int, end: int) -> int:
    """Where the subject starts after a leading "but" (``اما فکری بارها تأکید کرده``); a "but"
    before anything else stays, and ends the subject there."""
    but = _BUT.match(folded, start, end)
    if not but:
        return start
    after = _after_openers(folded, but.end(), end)
    return after if _new_subject(next_word(folded, after)) else start


def _after_openers(folded: str, start: int, end: int) -> int:
    """Past a relaying agency's byline and a discourse opener (``به گزارش ...،``,
    ``همچنین``), where a clause's own words begin."""
    for opening in (RELAY_OPENER, DISCOURSE_OPENERS):
        opener = opening.match(folded, start, end)
        if opener:
            start = opener.end()
    return start


def subject_phrase(folded: str, start: int, end: int) -> tuple[str, int]:
    """The subject noun phrase at the start of folded[start:end], and its offset.

    When the clause opens with an adverbial (``در پی اعلام این خبر، وزارت خارجه ...``) the
    subject is looked for after its comma, then at the first role word, pronoun or
    organisation word.
    """
    start = _after_but(folded, _after_openers(folded, start, end), end)
    occasion = _AFTER_THE_OCCASION.match(folded, start, end)
    if occasion and _opens_a_name(next_word(folded, occasion.end())):
        start = occasion.end()  # "پس از بازی حتی ارنستو والورده نیز عنوان کرد"
    back_when = _BACK_WHEN.match(folded, start, end)
    if back_when:  # "آن زمان که صمد و کامرانی بودند، می‌گفتند": when, not who
        start = back_when.end()
    whereas = _WHEREAS.match(folded, start, end)
    if whereas:  # "در حالی که دو روز باقی مانده، یک مقام ایرانی گفت": the clause is no subject
        start = whereas.end()
    premise = PREMISE.search(folded, start, end) or _QUESTION_PUT.search(folded, start, end)
    # "X با بیان اینکه ... است که ...، گفت", "X در پاسخ به پرسشی درباره اینکه ... آنطور که
    # او ...": X comes before the premise, whatever it holds.
    complements = list(
        _COMPLEMENT_THAT.finditer(folded, start, premise.start() if premise else end)
    )
    if complements:  # "... به حدی است که مقام معظم رهبری می‌فرمایند"
        start = complements[-1].end()
    words = list(_SUBJECT_WORD.finditer(folded[start:end]))
    words = words[_leading_time(words) :]
    if words[:1] and _bare(words[0]) == "حتی":
        words = words[1:]  # "حتی عده‌ای از بازیکنان قدیمی ... گفته‌اند": "even", then the subject
    if (
        words[:1]
        and _bare(words[0]) == "و"
        and not _opens_paragraph(folded, start + words[0].start())
    ):
        # '... گفت: "..." و مجری در جواب وی گفت': و joins a new subject. At a paragraph's
        # start it carries on a sentence broken off before it.
        words = words[1:]
    taken = _take_subject(words)
    if taken is None or (taken and len(taken) == 1 and _object_of_ra(words, taken)):
        return "", start  # "ایران را ... متهم کرد": the clause opens with the object
    if not taken:
        for index, word in enumerate(words[:-1]):
            if word.group().endswith(("،", ",", "؛")):
                taken = _take_subject(words[index + 1 :]) or []
                if taken and is_role_head(_bare(taken[0])) and _name_before(words, index):
                    # "در مراسم افتتاحیه این کتابخانه علیرضا رهایی، رئیس دانشگاه گفت": the
                    # name before the comma is the title's.
                    taken = [words[index - 1], word, *taken]
                break
        # "... بدون ارائه مدرکی، ایران را به دخالت متهم کرد": a noun before را is the object.
        taken = [] if _object_of_ra(words, taken) else taken
    if not taken:
        taken = _subject_after_adverbial(words)
        taken = [] if _object_of_ra(words, taken) else taken
    if len(taken) > 1 and _bare(taken[-1]) in _PERSONAL_PRONOUNS and _object_of_ra(words, taken):
        taken = taken[:-1]  # "وزیر او را به جلسه دعوت کرد": the pronoun before را is the object
    if any(
        _bare(word) in _NEVER_IN_SUBJECT
        # "غلامرضا کرد زنگنه": after a given name کرد is a surname, not a verb.
        and not (index and is_given_name(_bare(taken[index - 1])))
        for index, word in enumerate(taken)
    ):
        return "", start  # "... قدردانی کرد و بیان کرد": a verb is no part of a subject
    if taken and _bare(taken[-1]) == "و":
        return "", start  # "آهی کشید و گفت": a clause joined by و, its subject dropped
    if taken and _plural_verb(_bare(taken[0])):
        return "", start  # "می‌گفتند تیم پیر است و ... می‌گویند": a verb, its subject dropped
    if (
        taken
        and _bare(taken[0]) == "و"
        and not folded[: start + taken[0].start()].rstrip(" \t\u200c")[-1:].strip()
    ):
        # "و نمایشگاه مد و لباس ... اعلام کرد و گفت": a sentence broken across lines goes on
        # with و; its subject is the one before the break.
        return "", start
    taken = _name_after_relayed_body(taken)
    while taken and _bare(taken[-1]) in {"در", "از", "به", "با"}:
        taken = taken[:-1]  # "یک منبع پارلمانی عراق در ..." keeps its noun, not the preposition
    if not taken:
        return "", start
    quoting = _QUOTING.search(folded, start + taken[-1].end(), end)
    if quoting:
        # "ایلاف به نقل از منابع دیپلماتیک اروپایی مدعی شد": the medium only relays; the
        # source it quotes speaks.
        source = list(re.finditer(r"[^\s]+", folded[quoting.end() : end]))
        quoted = _take_subject(source)
        if quoted:
            phrase_start = quoting.end() + quoted[0].start()
            return folded[phrase_start : quoting.end() + quoted[-1].end()], phrase_start
    phrase_start = start + taken[0].start()
    return folded[phrase_start : start + taken[-1].end()], phrase_start


# "(در) پاسخ به (این) سوال / پرسش": a question put to the speaker.
ANSWERING_A_QUESTION = rf"پاسخ\s+به\s+(?:این\s+|آن\s+)?{QUESTION}"
_QUESTION_PUT = re.compile(rf"(?<!\S){ANSWERING_A_QUESTION}")
_BACK_WHEN = re.compile(
    r"\s*(?:آن|همان|این)\s+(?:زمان|روز|روزها|موقع|وقت|سال|سالها|لحظه|دوران)\s+که(?!\S)[^،,:]*[،,]\s*"
)
_WHEREAS = re.compile(r"\s*در\s*حالی[\s\u200c]*(?:که|ک)(?!\S)[^،,:]*[،,]\s*")
_QUOTING = re.compile(r"(?<!\S)به\s+نقل\s+(?:از\s+)?")

_VERBS_OF_BEING = {"است", "هستند", "بود", "بودند", "دارد", "دارند", "داشت", "داشتند"}
_COPULAS = {fold_words(w) for w in ("است", "نیست", "هست", "هستند", "بود", "نبود", "شد", "نشد")}
# What news says of a person right after their name: "علیرضا منصوریان امیدوار است ...",
# "قلعه‌نویی ماندنی شد", "فیفا متهم به ...".
_PREDICATES = {
    fold_words(w)
    for w in (
        *("امیدوار", "ماندنی", "رفتنی", "خوشحال", "ناراحت", "نگران", "مطمئن", "راضی"),
        *("ناراضی", "خوشبین", "بدبین", "مصمم", "مایل", "علاقه‌مند", "علاقمند", "موافق", "مخالف"),
    )
}


def _predicate(words: list[re.Match[str]], index: int) -> bool:
    """A word said of the subject (``امیدوار است``, ``ماندنی شد``, ``متهم به``), not the end
    of its name."""
    bare = _bare(words[index])
    following = _bare(words[index + 1]) if index + 1 < len(words) else ""
    return (bare == "متهم" and following == "به") or (bare in _PREDICATES and following in _COPULAS)


def _name_before(words: list[re.Match[str]], comma_index: int) -> bool:
    """Two plain words end at the comma (a first name and a surname), after a longer phrase."""
    if comma_index < 2:
        return False
    pair = [_bare(w) for w in words[comma_index - 1 : comma_index + 1]]
    return (
        not any(
            w in _STOP_KEYS
            or w in _NEVER_IN_SUBJECT
            or w in _VERBS_OF_BEING
            or w.startswith(("می", "نمی"))
            or is_role_head(w)
            or is_organisation_head(w)
            or w in _RELAY_WORDS
            for w in pair
        )
        and _bare(words[comma_index - 2]) not in _BEFORE_NO_NAME
    )


# "در پی انفجار در محله سنی‌نشین بیروت، رئیس جمهوری لبنان ...": after a preposition or a
# place noun the two words name a place, not the title's holder.
# "در این گفتگوهای کوتاه، اعضای تیم ملی ...": after a demonstrative, a noun phrase.
_BEFORE_NO_NAME = {"و", "از", "به", "با", "در", "این", "آن", "همین", "همان"} | {
    fold_words(w) for w in ("محله", "شهر", "شهرستان", "استان", "منطقه", "روستای", "خیابان", "میدان")
}


_WORD_AHEAD = re.compile(r"\s*(\S+)")


def next_word(folded: str, position: int) -> str:
    """The word that starts at or after ``position`` ("" at the end), read without copying
    the rest of the article."""
    match = _WORD_AHEAD.match(folded, position)
    return match.group(1) if match else ""


def _object_of_ra(words: list[re.Match[str]], taken: list[re.Match[str]]) -> bool:
    """The phrase taken is followed by را: it is the verb's object, not its subject."""
    if not taken:
        return False
    following = words.index(taken[-1]) + 1
    return following < len(words) and _bare(words[following]) == "را"


# Words that open a relay ("به گزارش خبرگزاری فارس"), never the subject found past an adverbial.
_RELAY_WORDS = {"خبرگزاری", "روابط", "پایگاه", "سایت", "شبکه"}
# Organisation words distinctive enough to start a subject found past an adverbial
# (not گروه, مرکز, دفتر: those open ordinary noun phrases too).
_SUBJECT_ORGANISATIONS = {
    fold_words(w)
    for w in (
        "وزارت",
        "سازمان",
        "شرکت",
        "ستاد",
        "کمیته",
        "کمیسیون",
        "فدراسیون",
        "باشگاه",
        "مجلس",
        "شورای",
        "دولت",
        "ارتش",
        "سپاه",
        "پلیس",
        "بانک",
        "دانشگاه",
        "حزب",
        "اتحادیه",
        "هیئت",
        "هیات",
        "دادگاه",
        "دیوان",
        "کاخ",
        "وزارتخانه",
        "آژانس",
    )
}


_SEQUENCE_ADVERBS = {fold_words(w) for w in ("همچنین", "ابتدا", "سپس", "نخست", "آنگاه")}


def _subject_after_adverbial(words: list[re.Match[str]]) -> list[re.Match[str]]:
    """``در این جلسه نماینده مردم ... نیز گفت``: the subject begins at a role word or pronoun."""
    relay = (
        bool(words)
        and _bare(words[0]) == "به"
        and len(words) > 1
        and _bare(words[1]) in {"گزارش", "نقل"}
    )
    for index, word in enumerate(words):
        bare = _bare(word)
        if bare in _RELAY_WORDS:
            continue
        if bare in _SEQUENCE_ADVERBS and index + 1 < len(words):
            # "در این مراسم همچنین عبدالعلی‌زاده ... گفت", "در این آیین ابتدا برزو شجاعی ...
            # گفت": the subject follows the adverb.
            taken = _take_subject(words[index + 1 :]) or []
            if taken and not _object_of_ra(words, taken):
                return taken
        # Inside "به گزارش روابط عمومی شرکت X ..." an organisation is the relay, not the subject.
        organisation = bare in _SUBJECT_ORGANISATIONS and not relay
        if bare in {"یک", "یکی"} and not (
            index + 1 < len(words) and (is_role_head(_bare(words[index + 1])) or bare == "یکی")
        ):
            continue  # "در یک کنفرانس خبری": an indefinite article, not "یک منبع"
        if index and _bare(words[index - 1]) == "با" and (is_role_head(bare) or organisation):
            continue  # "در گفت‌وگو با خبرنگار فارس": the other party, not the subject
        if (
            is_name_title(bare)
            and index + 1 < len(words)
            and not (index and _bare(words[index - 1]) in {"با", "به", "از", "برای"})
        ):
            # "بعد از باخت به صبا آقای خطیبی گفت": a title before a name opens the subject.
            taken = [words[index], *(_take_subject(words[index + 1 :]) or [])]
            if len(taken) >= 2:
                return taken if len(taken) <= _SUBJECT_MAX_WORDS else []
        if bare in {"وی", "او", "ایشان"} or is_role_head(bare) or organisation:
            taken = [words[index], *(_take_subject(words[index + 1 :]) or [])]
            if is_role_head(bare):
                taken = (
                    _name_after_occasion(words, index) or _name_in_guillemets(words, index)
                ) + taken
            return taken if len(taken) <= _SUBJECT_MAX_WORDS else []
        if (
            is_given_name(bare)
            and index + 1 < len(words)
            # "... رفته بود به رضا حقیقی گفته بودند": the one told, not the one telling
            and not (index and _bare(words[index - 1]) == "به")
        ):
            taken = [words[index], *(_take_subject(words[index + 1 :]) or [])]
            if len(taken) >= 2:  # a given name and at least a surname
                return taken if len(taken) <= _SUBJECT_MAX_WORDS else []
    return []


_RELAYED_BODIES = _SUBJECT_ORGANISATIONS | _RELAY_WORDS


def _name_after_relayed_body(taken: list[re.Match[str]]) -> list[re.Match[str]]:
    """``... به نقل از روابط عمومی شرکت آبفای استان زنجان علیرضا جزء‌قاسمی اظهار داشت``: the
    relay's body ran on without a comma; the speaker starts at the first name after it."""
    if len(taken) < 3 or _bare(taken[0]) not in _RELAYED_BODIES:
        return taken
    for index in range(1, len(taken) - 1):
        if any(_bare(w) in _NAMESAKE_TITLES for w in taken[max(0, index - 2) : index]):
            continue  # "سپاه امام حسن مجتبی (ع)", "بیمارستان شهید رجایی": the body's name
        if is_given_name(_bare(taken[index])):
            return taken[index:]
    return taken


# Titles of the saints and martyrs bodies are named after.
_NAMESAKE_TITLES = {fold_words(w) for w in ("امام", "حضرت", "شهید", "شهدای", "آیت‌الله")}


def _name_after_occasion(words: list[re.Match[str]], role_index: int) -> list[re.Match[str]]:
    """``در این مراسم علیرضا سرگل‌زهی شهردار منطقه ۹ گفت``: the plain words between the
    occasion (این + a noun) and the title are the title holder's name."""
    # "در این باره سید روح الله لطیفی سخنگوی گمرک": an honorific and a two-part first name
    for start in (role_index - 2, role_index - 3, role_index - 4):
        if start < 2 or _bare(words[start - 2]) not in {"این", "آن", "همین"}:
            continue
        name = words[start:role_index]
        if not any(
            _bare(w) in _STOP_KEYS
            or _bare(w) in _NEVER_IN_SUBJECT
            or _bare(w) in _VERBS_OF_BEING
            or _bare(w) == "و"
            or _bare(w).startswith(("می", "نمی"))
            or is_role_head(_bare(w))
            or is_organisation_head(_bare(w))
            or _bare(w) in _RELAY_WORDS
            or re.search(r"[،,:«»]", w.group())
            for w in name
        ):
            return name
    return []


_GUILLEMET_NAME_MAX_WORDS = 4


def _name_in_guillemets(words: list[re.Match[str]], role_index: int) -> list[re.Match[str]]:
    """``در این رابطه «نور سلطان نظربایف» رئیس جمهور قزاقستان ...``: a name in guillemets
    right before the title is the title holder's, as agency copy writes foreign names."""
    if not role_index or not words[role_index - 1].group().endswith("»"):
        return []
    for start in range(role_index - 1, max(-1, role_index - 1 - _GUILLEMET_NAME_MAX_WORDS), -1):
        if words[start].group().startswith("«"):
            name = words[start:role_index]
            inner = [_bare(w) for w in name]
            if any(k in _STOP_KEYS or k in _VERBS_OF_BEING for k in inner):
                return []
            return name
        if "«" in words[start].group() or "»" in words[start].group()[:-1]:
            return []
    return []


def quote_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a quote: whitespace, a final full stop, and enclosing «» or quotation marks."""
    start, end = trim(text, start, end)
    while end > start and text[end - 1] in ".۔":
        end -= 1
        start, end = trim(text, start, end)
    if end - start >= 2 and text[start] in '«"“' and text[end - 1] in '»"”':
        inner = text[start + 1 : end - 1]
        if inner.count("«") == inner.count("»") and '"' not in inner:
            start, end = trim(text, start + 1, end - 1)
            while end > start and text[end - 1] in ".۔":
                end -= 1
    elif (
        end > start
        and text[start] in '«"“'
        and not any(mark in text[start + 1 : end] for mark in '»"“”')
    ):
        start, _ = trim(text, start + 1, end)  # an opening mark that is never closed
    return trim(text, start, end)


_PASSIVE_KEYS = {fold_words(p) for p in PASSIVE_CUES}


def is_passive(verb: str) -> bool:
    return fold_words(verb) in _PASSIVE_KEYS


_THAT_FOLLOWS = re.compile(r"\s+که\s+")
_CLAUSE_JOINT = re.compile(r"(?<!\S)(?:و|اما|ولی)(?!\S)|[،,؛]")


def _reported_clause(folded: str, start: int, verb_start: int) -> int | None:
    """Where the subject's own ``گفت که`` / ``نوشت که`` report opens, a few words after
    ``start`` (the subject's end), when nothing joins a clause of the writer's between it and
    a later speech verb at ``verb_start``: that verb is inside the report."""
    spoke = speech_verb_pattern().search(folded, start, verb_start)
    if not spoke or len(folded[start : spoke.start()].split()) > 4:
        return None  # "X با انتقاد از اخباری که بیان می‌کند که ... گفت": not X's report
    if "که" in folded[start : spoke.start()].split():
        return None
    that = _THAT_FOLLOWS.match(folded, spoke.end(), verb_start)
    # "... گفت که A است و (در ادامه) افزود: ...": the writer goes on with the subject's next
    # statement.
    last_words = " ".join(folded[that.end() : verb_start].split()[-3:]) if that else ""
    if that and not _CLAUSE_JOINT.search(last_words) and "؛" not in folded[that.end() : verb_start]:
        return that.end()
    return None


_BELIEVES = re.compile(r"(?<!\S)معتقد(?=\s+است(?!\S)|$)")


def mention_before(
    text: str, folded: str, clause_start: int, verb_start: int
) -> tuple[Mention, int]:
    """The speaker mention of a clause whose verb starts at ``verb_start``, and its offset."""
    colon = folded.rfind(":", clause_start, verb_start)
    if colon >= 0:  # a nested attribution inside a quote: its subject follows the colon
        clause_start = colon + 1
    author = _document_author(text, folded, clause_start, verb_start)
    if author:
        return author
    inside = _IN_THIS_DOCUMENT.match(folded, clause_start, verb_start)
    if (
        inside
        and not subject_phrase(folded, inside.end(), verb_start)[0]
        # "در این گزارش اهداف ... خوانده شدند که مقامات آمریکایی مدعی هستند": a که of its
        # own opens a clause with its own subject (a premise's که is the premise's).
        and (
            PREMISE.match(folded, inside.end(), verb_start)
            or "که" not in folded[inside.end() : verb_start].split()
        )
    ):
        # "در این گزارش با اشاره به اینکه ...": the document's author speaks.
        return Mention(text[inside.start(1) : inside.end(1)], "none", document=True), inside.start(
            1
        )
    phrase, phrase_start = subject_phrase(folded, clause_start, verb_start)
    spoke = speech_verb_pattern().search(phrase) or _BELIEVES.search(phrase)
    subject_end = phrase_start + (spoke.start() if spoke else len(phrase))
    reported = _reported_clause(folded, subject_end, verb_start)
    if reported is not None:
        # "سایت کوورا نوشت که یک منبع ... گفته است: ...": the report names its own speaker.
        inner = mention_before(text, folded, reported, verb_start)
        if is_explicit(inner[0]):
            return inner
    # "وزیر گفت که ... و افزود که", "سرپرست باشگاه معتقد است ... و می‌گوید": the subject
    # ends at گفت, at معتقد.
    if spoke and spoke.start() > 0:
        phrase = phrase[: spoke.start()].rstrip()
    if not phrase:
        return Mention("", "none"), verb_start
    mention = parse_mention(text[phrase_start : phrase_start + len(phrase)])
    among = _AMONG_THEM.match(folded, phrase_start + len(phrase), verb_start)
    if mention.mention_type == "vague" and among:
        # "برخی رسانه‌های خارجی ازجمله تلویزیون ایران اینترنشنال ... مدعی شد": of the vague
        # many, the one named speaks.
        comma = re.search(r"[،,]", folded[among.end() : verb_start])
        named_end = among.end() + comma.start() if comma else verb_start
        named, named_start = subject_phrase(folded, among.end(), named_end)
        # "تلویزیون ایران اینترنشنال وابسته به سعودی": who it is tied to is no part of its name
        named = _TIED_TO.split(named, maxsplit=1)[0]
        if named:
            one = parse_mention(text[named_start : named_start + len(named)])
            if is_explicit(one):
                return one, named_start
    # "نماینده ... در مجلس نیز گفت": نیز may follow the words the subject phrase left out.
    following = folded[phrase_start + len(phrase) : verb_start].split()[:4]
    if {"نیز", "هم"} & set(following) or "دیگر" in phrase.split()[:3]:
        mention = replace(mention, another=True)
    elif (
        mention.mention_type in {"name", "surname"}
        and following[:1] == ["از"]
        and len(following) > 1
        and is_role_head(following[1])
    ):
        # "عباسیچیان از مسئولان آگاهی تهران گفت": one of a body's officials, not the title
        # quoted before.
        mention = replace(mention, another=True)
    if mention.mention_type != "pronoun" and is_document_noun(mention.role or mention.name):
        # "این پیام می‌افزاید", "در ادامه پیام آمده است": the document's author speaks.
        return Mention(mention.text, "none", document=True), phrase_start
    return mention, phrase_start


_AMONG_THEM = re.compile(r"\s*(?:ازجمله|از\s+جمله)\s+")
_TIED_TO = re.compile(r"\s+(?:وابسته|نزدیک)\s+به(?!\S)")
_IN_THIS_DOCUMENT = re.compile(
    r"\s*(?:و\s+)?در\s+(?:ادامه\s+|(?:بخشی|بخش\s+دیگری|قسمتی|جای\s+دیگری)\s+از\s+)?"
    r"((?:این|همین)\s+(?:گزارش|بیانیه|نامه|مقاله|اطلاعیه|یادداشت))"
    r"(?!\S)[\s،,]*"
)
_BEFORE_DOCUMENT = {"در", "ادامه", "بخشی", "بخش", "دیگری", "دیگر", "از", "متن", "همچنین", "این"}
# "در ادامه پیام X آمده است", "متن بیانیه X": the noun follows در, ادامه or متن, with only
# such words before it in the clause; elsewhere it may be a first name ("او درباره پیام
# صادقیان گفت").
_DOCUMENT = re.compile(
    r"(?<!\S)(?:در|ادامه|متن)\s+(?:پیام|بیانیه|نامه|اطلاعیه|گزارش)(?:ی)?(?!\S)\s*"
)


def _document_author(text: str, folded: str, start: int, end: int) -> tuple[Mention, int] | None:
    """``در ادامه پیام محمدجواد محمدی‌زاده آمده است``: the author named after the document noun."""
    relay = RELAY_OPENER.match(folded, start, end)
    start = relay.end() if relay else start
    match = _DOCUMENT.search(folded[:end], start)
    if not match or not set(folded[start : match.start()].split()) <= _BEFORE_DOCUMENT:
        return None  # "مشرف در بیانیه ماه مارس خود اعلام کرد": the subject came first
    words = list(re.finditer(r"[^\s]+", folded[match.end() : end]))
    taken = _take_subject(words)
    if not taken:
        return None
    phrase_start = match.end() + taken[0].start()
    phrase_end = match.end() + taken[-1].end()
    mention = parse_mention(text[phrase_start:phrase_end])
    if mention.mention_type in {"name", "surname", "role"} and not mention.anaphoric:
        return replace(mention, document=True), phrase_start
    return None


# Not "ولی فقیه", "ولی امر", "ولی عصر": there ولی is a noun, not "but".
CONTRAST = re.compile(
    r"(?<!\S)(?:اما|ولی(?![\u200c ]+(?:فقیه|امر|عصر|عهد|نعمت|دم))|ولیکن|لیکن)(?!\S)\s*"
)


# "قضاوت بازی را قنبرپور بر عهده داشت و وی از بازیکنان خواست ...", "... بر او گذشته که او
# اینطور پاسخ داد": و or که before a personal pronoun opens a clause with its own subject.
_JOINED_PRONOUN = re.compile(r"(?<!\S)(?:و|که)\s+(?=(?:وی|او|ایشان)\s+(?!را(?!\S)))")
# "... به روی زوار بسته است و منابع مطلع اعلام می‌کنند که ...": a clause that ended with its
# verb, then و and a new subject (a title, a body, a group, a name) right before the next verb.
_AND_AFTER_VERB = re.compile(
    r"(?<!\S)(?:کرد|کردند|شد|شدند|شود|شوند|داشت|داشتند|داد|دادند|نمود|نمودند|است|هستند|بود|"
    r"بودند|کند|کنند|دارد|دارند|رسید|رسیدند|آمد|آمدند|گرفت|گرفتند|رفت|رفتند|یافت|یافتند|"
    r"ماند|ماندند|خورد|خوردند|شده|کرده|بوده|داشته|داده|ن?می[\u200c ][^\s\u200c]+|"
    # the first person, in a quote: "... پول داشتم که آن را دادم و یکی از آنها گفت"
    r"دادم|کردم|گفتم|رفتم|آمدم|شدم|داشتم|بودم|دادیم|کردیم|گفتیم|رفتیم|شدیم|داشتیم|بودیم|"
    # the subjunctive: "... رویس را هم به آلیانس آره نا ببرند و رومنیگه معتقد است"
    r"ب[^\s\u200c]{2,}ند)[\s\u200c]+و[\s\u200c]+"
)
# "... قرار گرفتن در جمع ۱۰ تیم برتر بود و حال جان تری عنوان کرد که ...": و and "now" (or
# "then") open a clause with its own subject.
_AND_NOW = re.compile(r"(?<!\S)و\s+(?:حال|حالا|اکنون|اینک|سپس)(?!\S)[\s،,]*")
# "Now" between اما / ولی and a new subject: "... ولی حالا نشریه انگلیسی دیلی میل ...".
_NOW_WORDS = {"حال", "حالا", "اکنون", "اینک", "امروز"}


def _short_clause(words_to_verb: str, most: int) -> bool:
    """The words from a joining و to the verb: a few, no comma among them (a comma means the
    و joined something else: "و حالا باید ببینیم ...، امیدواریم")."""
    return 0 < len(words_to_verb.split()) <= most and not re.search(r"[،,]", words_to_verb)


def clause_start(folded: str, floor: int, position: int) -> int:
    """Where the clause holding ``position`` begins: its sentence, after an اما / ولی, or
    after a و that a pronoun, "now" or (after a finished verb) a new subject follows."""
    boundaries = sentence_boundaries(folded, floor, position)
    start = boundaries[-1] if boundaries else floor
    joined = [m.end() for m in _JOINED_PRONOUN.finditer(folded, start, position)]
    for match in _AND_AFTER_VERB.finditer(folded, start, position):
        tail = folded[match.end() : position]
        if tail.split()[-1:] and tail.split()[-1] in _COPULAS:
            # "... که با پول می‌آیند و این روزها بحث آن داغ است گفت": that clause closed with
            # its own verb; the speaker is the subject before it.
            continue
        # "... را ... محکوم کرد و عاملان انفجارها را تروریست نامید": an object, no subject
        if _short_clause(tail, 6) and "را" not in tail.split() and _new_subject(tail.split()[0]):
            joined.append(match.end())
        elif _named_with_title(tail):
            # "... تبدیل به واقعیت شده و لیونل مسی، کاپیتان 34 ساله این تیم اعلام کرد"
            joined.append(match.end())
        elif _titled_subject_follows(folded, match.end(), position):
            # "... به همراه داشت و از این جهت رئیس جمهور دستور ... صادر و تاکید کرد"
            joined.append(match.end())
    joined += [
        m.end()
        for m in _AND_NOW.finditer(folded, start, position)
        if _short_clause(folded[m.end() : position], 8)
        # "... و حال وین رونی که راهی لیگ آمریکا شده ... مدعی شد": a named subject, however
        # long the clause that describes it
        or (
            any(_new_subject(w) for w in folded[m.end() : position].split()[:2] if w != "که")
            and not re.search(r"[،,]", folded[m.end() : position])
        )
    ]
    # "... گفت که ... نشده و امروز با انتشار عکسی ... نوشت": the next day's clause, its
    # subject dropped.
    joined += [m.end() for m in _ANOTHER_DAY.finditer(folded, start, position)]
    # "این حکم در حالی صادر شد که AFC تاکید کرده بود ...": the subject follows the که.
    joined += [m.end() for m in _WHILE_THIS_HAPPENED.finditer(folded, start, position)]
    question = _QUESTION_PUT.search(folded, start, position)
    if question:
        # "ژاوی در پاسخ به پرسشی درباره اینکه ... که او قول داده بود ... گفت:": the clauses
        # of the question put to the speaker do not open the answer's.
        joined = [j for j in joined if j <= question.start()]
    if joined:
        start = max(joined)
    for contrast in reversed(list(CONTRAST.finditer(folded, start, position))):
        # "... اما بسیاری عملکرد او را ضعیف می‌دانند": a new subject after اما opens a clause;
        # "... را ساده، اما پیچیده ذکر کرد" keeps its subject.
        following = folded[contrast.end() : position].split()
        # "... ولی حالا نشریه انگلیسی دیلی میل از ... خبر داد": "now" may come first.
        now = 1 if following[:1] and following[0] in _NOW_WORDS else 0
        named = following[now + 1 : now + 2]  # "اما اکنون رحیمی مدیرعامل باشگاه سپاهان ..."
        # "... اما جو کورتز، داور مسابقه، به او تذکر داد": a name and its title
        titled = _named_with_title(folded[contrast.end() : position])
        if following[now:] and (
            _opens_subject(following[now])
            or len(following) <= 3
            or (named and is_role_head(fold_words(named[0])))
            or titled
        ):
            return contrast.end()
    return start


def _titled_subject_follows(folded: str, start: int, position: int) -> bool:
    """After a finished verb and و (and a discourse opener), a title or a pronoun opens the
    next clause's subject, however long that clause, unless the title is the object (``و
    رئیس جمهور را مقصر دانست``)."""
    opener = DISCOURSE_OPENERS.match(folded, start, position)
    tail = folded[opener.end() if opener else start : position].split()
    if not tail or re.search(r"[،,]", " ".join(tail)) or not is_role_head(fold_words(tail[0])):
        return False
    return "را" not in tail[:_TITLE_BEFORE_OBJECT_WORDS]


_TITLE_BEFORE_OBJECT_WORDS = 4


def _named_with_title(words_to_verb: str) -> bool:
    """A name (two or three words, not common ones), then a comma and a title: a new subject,
    set off."""
    name, comma, title = words_to_verb.partition("،")
    name_words = name.split()
    return bool(
        comma
        and 2 <= len(name_words) <= 3
        and _new_subject(name_words[0])
        and title.split()
        and is_role_head(fold_words(title.split()[0]))
        and len(words_to_verb.split()) <= 14
        and "را" not in words_to_verb.split()
    )


def _new_subject(word: str) -> bool:
    """A word that opens a subject, or a name no common word accounts for (کوریره)."""
    bare = fold_words(word.strip("،,:«»\"'()"))
    return _opens_subject(word) or (
        bare.isalpha()
        and not is_common_phrase(bare)
        and bare not in _STOP_KEYS
        and bare not in _NEVER_IN_SUBJECT
        # a verb ("می‌شد", "نمی توان"), not a first name (میشل, میثم)
        and not (bare.startswith(("می", "نمی")) and not is_first_name(bare))
    )


# "... را نمی‌دهد اما 4 ساعت بعد ...", "... اما چند روز بعد ...": the writer's narration
# moves on in time.
_LATER = re.compile(
    r"\s*(?:[0-9۰-۹]+|چند|یک|دو|سه|چهار|پنج|یکی\s+دو)\s+"
    r"(?:ساعت|روز|هفته|ماه|سال|دقیقه)\s+(?:بعد|پس|قبل|پیش)(?!\S)"
)


def _opens_subject(word: str) -> bool:
    bare = fold_words(word.strip("،,:«»\"'()"))
    return (
        bare in _PERSONAL_PRONOUNS
        or is_role_head(bare)
        or is_organisation_head(bare)
        or parse_mention(bare).mention_type == "vague"
        # "... اما واشنگتن ...", "... اما بانیان این اعتراضات ...": a country, or people
        # named by a plural (is_plural_title covers a plural of a common noun too)
        or is_state(bare)
        or is_plural_title(bare)
    )


def sentence_end(folded: str, position: int, limit: int) -> int:
    """Where the sentence holding ``position`` ends (not after ``limit``)."""
    boundaries = sentence_boundaries(folded, position, limit)
    return boundaries[0] if boundaries else limit


_IMPERSONAL = {
    fold_words(w) for w in ("می‌توان", "میتوان", "نمی‌توان", "بتوان", "نتوان", "باید", "نباید")
}
# "نمی‌شود گفت": "one cannot say", no one's statement, when a joining word stands before it; after a predicate
# ("... محدود نمی‌شود گفت ...": "is not limited") it is the premise's own verb.
_CAN = {fold_words(w) for w in ("می‌شود", "نمی‌شود", "می‌شد", "نمی‌شد")}
_BEFORE_CAN = {fold_words(w) for w in ("و", "اما", "ولی", "که", "البته", "پس", "حالا")}
# What may stand between "one can" and گفت: "نمی‌توان از الان گفت", "می‌شد این طور گفت".
_BETWEEN_MODAL_AND_VERB = {fold_words(w) for w in ("از", "الان", "این", "طور", "اینطور", "حالا")}
_COLON_AFTER = re.compile(r"(?:[^\s:]+\s+){0,2}[^\s:]+[\s\u200c]*:")


_IDIOM_NOUNS = {fold_words(w) for w in ("تبریک", "تسلیت", "حیات", "بدرود", "وداع", "ترک", "لبیک")}


def is_impersonal(folded: str, verb_start: int) -> bool:
    """``می‌توان گفت``, ``باید گفت``: a verb with no speaker; ``تبریک گفت``: no words."""
    before = folded[max(0, verb_start - 20) : verb_start].split()
    if not before:
        return False
    return (
        _one_can_say(folded, verb_start)
        or _one_must_note(folded, verb_start)
        or (
            # Idioms made with گفتن that report no words: تبریک گفت (congratulated), بدرود
            # حیات گفت (died), ترک گفت (left), لبیک گفت (answered a call).
            folded.startswith("گ", verb_start) and fold_words(before[-1]) in _IDIOM_NOUNS
        )
    )


# "باید این موضوع را یادآور شد که", "باید خاطرنشان کرد": a modal, a few words of object and a
# bare past stem (the short infinitive): the writer's own remark, no one's statement.
_MODAL_BEFORE = re.compile(
    r"(?<!\S)(?:باید|نباید|ن?می[\s\u200c]?توان)(?!\S)(?P<between>[^،,:.؛\n]{0,50})$"
)
_SHORT_INFINITIVE = re.compile(r"(?:\S+\s+)?(?:گفت|کرد|شد|داشت|ساخت|نمود)(?![\w\u200c])")


def _one_must_note(folded: str, verb_start: int) -> bool:
    modal = _MODAL_BEFORE.search(folded, max(0, verb_start - 60), verb_start)
    return bool(
        modal
        and len(modal["between"].split()) <= _MODAL_OBJECT_WORDS
        and not {"که", *_CLAUSE_VERBS} & set(modal["between"].split())
        and _SHORT_INFINITIVE.match(folded, verb_start)
    )


_MODAL_OBJECT_WORDS = 4
# "باید مقابله نرم انجام داد خاطرنشان کرد": the modal had its own verb before this one.
_CLAUSE_VERBS = {"داد", "کرد", "شد", "شود", "کند", "گفت", "است", "بود", "داشت"}


def _one_can_say(folded: str, verb_start: int) -> bool:
    """``نمی‌توان گفت``, ``باید گفت``, ``نمی‌توان از الان گفت``, ``ولی نمی‌ شود گفت``,
    ``می‌شد این طور گفت``."""
    words: list[str] = []
    for key in (fold_words(w) for w in folded[max(0, verb_start - 40) : verb_start].split()):
        if words and words[-1] in {"می", "نمی"} and key in {"توان", "شود", "شد"}:
            words[-1] += key  # "نمی توان", "نمی‌ شود": the prefix written apart
        else:
            words.append(key)
    colon = bool(_COLON_AFTER.match(folded, verb_start))
    last = len(words) - 1
    for position in range(last, max(last - 2, 0) - 1, -1):
        word = words[position]
        if word in _IMPERSONAL:
            return True
        if word in _CAN and not colon:
            # "... می‌گوید: نمی‌شود گفت ...": a quote's first words are a clause's too.
            return position < last or (
                position > 0
                and (words[position - 1] in _BEFORE_CAN or words[position - 1].endswith(":"))
            )
        if word not in _BETWEEN_MODAL_AND_VERB:
            return False
    return False


def joint_start(folded: str, floor: int, position: int) -> int:
    """Where the words before ``position`` end: back over the spaces, commas and ZWNJ that
    join them to a contrast at ``position``, not before ``floor``."""
    while position > floor and folded[position - 1] in " ،,\u200c":
        position -= 1
    return position


# "although" (اگرچه, با وجودی که, ...) earlier in the same sentence: no break after it.
_CONCESSION = re.compile(
    r"(?:[.!?؟\n]|(?<!\S))\s*(?:اگرچه|اگر\s+چه|هرچند|هر\s+چند|با\s*وجودی\s*که|با\s+وجود\s+اینکه|"
    r"با\s+اینکه|با\s+این\s+که)(?!\S)[^.!?؟\n]*$"
)
_CONCEDED_BUT = re.compile(r"\s*[،,]?\s*(?<!\S)(?:اما|ولی)(?!\S)")


def reported_end(folded: str, position: int, limit: int) -> int:
    """Where reported content starting at ``position`` ends: its sentence, or a contrast.

    ``گفته بود که پانصد روبل حاضر است بدهد ولی من ...``: after ولی / اما and a new subject
    the writer speaks; ``گفت که لبنان تلاش کرده اما در پرداخت تأخیر کرده است`` goes on.
    """
    end = sentence_end(folded, position, limit)
    conceded = _CONCEDED_BUT.search(folded, position, end)
    if conceded and _CONCESSION.search(folded[max(0, position - 300) : position]):
        # "اگرچه اینستاگرام اطمینان داد قصد چنین کاری را ندارد، اما ...": what is conceded
        # ends where the writer's main clause begins.
        end = conceded.start()
    for contrast in CONTRAST.finditer(folded, position, end):
        following = folded[contrast.end() : end].split()[:2]
        if len(folded[position : contrast.start()].split()) >= 3 and (
            {"من", "ما"} & set(following)
            or (following and (_opens_subject(following[0]) or is_given_name(following[0])))
            or _LATER.match(folded, contrast.end())
        ):
            return joint_start(folded, position, contrast.start())
    semicolon = folded.find("؛", position, end)
    if (
        semicolon >= 0
        and len(folded[position:semicolon].split()) >= 3
        and DISCOURSE_OPENERS.match(folded, semicolon + 1, end)
    ):
        end = semicolon  # "... نیستند؛ البته ...": the next clause is the writer's
    elif semicolon >= 0 and _writer_remarks(folded, position, semicolon, end):
        end = semicolon  # "... پایان دهد؛ اتفاقی که نهایتا رخ داد": the writer's remark on it
    resumes = _WRITER_RESUMES.search(folded, position, end)
    if resumes and len(folded[position : resumes.start()].split()) >= 3:
        end = resumes.start()
    for day in _ANOTHER_DAY.finditer(folded, position, end):
        # "... گفت که وجدانش آسوده است و امروز با انتشار عکسی ... نوشت که ...": the story
        # moves on to another day and another report ("... و امروز این موضوع محقق شده" with
        # no verb of saying after it is still the speaker's).
        if len(folded[position : day.start()].split()) >= 3 and speech_verb_pattern().search(
            folded, day.end(), end
        ):
            end = day.start()
            break
    colon = _COLON.search(folded, position, end)
    if colon and _colon_opens_quote(folded, position, colon.start()):
        end = colon.start()  # "اعلام کرد X قصد جدایی دارد: باید اینجا ...": a quote opens
    verbs = [
        *speech_verb_pattern().finditer(folded, position, end),
        *_BELIEVES_NEXT.finditer(folded, position, end),
    ]
    for verb in sorted(verbs, key=lambda verb: verb.start()):
        # "... استفاده کنند و خاطرنشان کرد: ...", "... گفت و گو کنند اما تاکید کردند که ...",
        # "... نمی‌خواستند، عنوان کرد: ...": the speaker's next statement begins.
        joint = re.search(
            r"(?:\s+(?:و|اما|ولی)|[،,])\s*$",
            folded[max(position, verb.start() - 8) : verb.start()],
        )
        if not joint:
            continue
        if _NEXT_STATEMENT_OPENS.match(folded, verb.end()) or (
            # "... تغییراتی است و تاکید کرد تهران ...": a past verb after و is the writer's
            joint.group().strip() == "و"
            and (
                not any(word.startswith("می") for word in verb.group().split())
                or _PRESENT_NEXT.match(verb.group())
            )
            and len(folded[position : verb.start()].split()) >= 4
        ):
            cut = verb.start() - len(joint.group())
            framing = list(_AND_FRAMING.finditer(folded, position, cut))
            if (
                joint.group().strip() in {"،", ","}
                and framing
                and len(folded[position : framing[-1].start()].split()) >= 3
                and not re.search(r"[،,]", folded[framing[-1].end() : cut])
            ):
                # "... تلاش کند و با وجود اینکه از کیفیتش آگاه است، مدعی شده که ...": the
                # clause after و frames the next statement.
                cut = framing[-1].start()
            return cut
    return end


_COLON = re.compile(r"(?<![0-9۰-۹]):(?![0-9۰-۹])")
# "؛ اتفاقی که ...", "؛ عددی که اگر ...": a thing, then what the writer says of it.
_WRITER_REMARK = re.compile(r"\s*(?P<noun>[^\s،,؛]+?)(?:ای|ی)\s+که(?!\S)")


def _writer_remarks(folded: str, position: int, semicolon: int, end: int) -> bool:
    """After the semicolon the writer remarks on what was said (``؛ اتفاقی که نهایتا رخ
    داد``), unless the noun repeats one of the content's (``پیروزی مردم غزه نزدیک است؛
    پیروزی‌ای که ...``: the speaker goes on about it)."""
    remark = _WRITER_REMARK.match(folded, semicolon + 1, end)
    said = folded[position:semicolon].split()
    return bool(
        remark
        and len(said) >= 3
        and not any(word.startswith(remark["noun"].rstrip(ZWNJ)) for word in said)
    )


# "حاوی مواد زیر است:", "شامل این موارد می‌باشند:": a colon that opens a list.
_LIST_OPENERS = {fold_words(w) for w in ("زیر", "ذیل", "موارد", "عبارتند", "عبارت", "شرح", "شامل")}


def _colon_opens_quote(folded: str, position: int, colon: int) -> bool:
    """A colon inside reported content (from ``position``) that opens the speaker's own words,
    which end the report: not one that opens a list, nor a nested ``گفته است:`` the report
    quotes (``نوشت که یک منبع ... گفته است: ...``)."""
    if folded.count("(", position, colon) > folded.count(")", position, colon):
        return False  # "(انعام(6): 152)": a reference in brackets
    before = folded[position:colon].split()
    if len(before) < 3 or _LIST_OPENERS & {fold_words(w) for w in before[-4:]}:
        return False
    verbs = speech_verb_pattern().finditer(folded, max(position, colon - 30), colon)
    return not any(not folded[verb.end() : colon].strip() for verb in verbs)


# "... ندارد و می‌گوید ...", "... بوده و معتقد است ...": the speaker's next statement, in
# the present the report was in (a plural verb there is more often the report's own subject:
# "رسانه‌ها ... آغاز کرده و ادعا می‌کنند").
_PRESENT_NEXT = re.compile(r"(?:.*\s)?(?:می[\u200c ]?(?:گوید|کند)|معتقد\s+است)$")
_BELIEVES_NEXT = re.compile(r"(?<=\sو\s)معتقد\s+است(?!\S)")
_NEXT_STATEMENT_OPENS = re.compile(r"\s*(?::|که(?!\S))")

_WORDS_SAID = (
    rf"(?:صحبت|حرف|اظهارات|اظهار{_J}نظر|اظهارنظر|سخنان|سخن|ادعا|مصاحبه|گفته|"
    rf"موضع{_J}گیری|موضعگیری)"
)
# "... خواهد کرد و این در حالی است که ...", "... کنند و با اشاره به ... تصریح کرد": the
# reported content is over and the writer speaks (or opens the speaker's next statement).
# The و that joins the next day's clause ("... و امروز ..."), matched up to the و.
_WHILE_THIS_HAPPENED = re.compile(
    rf"(?<!\S)در{_J}حالی(?:\s+(?!که(?!\S))[^\s،,.:]+){{1,4}}?\s+که(?!\S)\s*"
)
_ANOTHER_DAY = re.compile(rf"\s+و(?={_J}(?:امروز|دیروز|روز{_J}گذشته)(?!\S))")
_AND_FRAMING = re.compile(
    rf"\s+و{_J}(?:با{_J}وجود|با{_J}(?:اشاره|بیان|تاکید|تأکید|ابراز)|ضمن|در{_J}حالی)(?!\S)"
)
_WRITER_RESUMES = re.compile(
    rf"[،,]?\s*(?<!\S)(?:(?:و{_J})?این{_J}در{_J}حالی{_J}(?:است|بود){_J}که|"
    rf"و{_J}با{_J}(?:اشاره|بیان|تاکید|تأکید|ابراز|یادآوری)(?!\S)|"
    # "... حاضر نمی‌شوند و پس از آن بود که ...", "... پشیمان بوده و به نظر می‌رسد ...": the
    # writer's narration goes on after و and a connective of its own.
    rf"و{_J}(?:پس{_J}از{_J}آن|به{_J}نظر{_J}می{_J}رسد|سرانجام|به{_J}همین{_J}(?:منظور|دلیل)|"
    rf"در{_J}نهایت|از{_J}طرفی|از{_J}سوی{_J}دیگر|در{_J}همین{_J}حال|(?:به{_J}این|بدین){_J}ترتیب|"
    # "... خواهان جدایی شده و کمی بعد اعلام شد ...": the story moves on in time
    rf"(?:کمی|اندکی|چندی|مدتی|ساعاتی|لحظاتی){_J}(?:بعد|پس{_J}از{_J}آن))"
    rf"(?!\S)|"
    # "... تمرین نمی‌کند که این صحبت با واکنش تند قلعه‌نویی مواجه شد", "... دارد و صحبتهای
    # او به شدت مورد استقبال ... قرار گرفت": the writer speaks of the words just reported.
    rf"(?:که|و){_J}(?:(?:این|همین){_J}{_WORDS_SAID}(?:{_J}ها)?|"
    rf"{_WORDS_SAID}(?:{_J}های|ی)?{_J}(?:او|وی|ایشان))(?!\S))"
)


_CONFIDENCE = {"name": 0.95, "surname": 0.92, "role": 0.9, "pronoun": 0.85, "none": 0.7}


def confidence_for(mention: Mention, kind: str) -> float:
    """How sure the engine is of a statement: direct quotes with a named speaker rank highest."""
    base = _CONFIDENCE.get(mention.mention_type, 0.7)
    return round(base if kind == "direct" else base - 0.15, 2)
