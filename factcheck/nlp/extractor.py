"""Find attributed statements in a Persian news article (conventions: ANNOTATION.md).

The engine works on a one-for-one folded copy of the text (ي→ی, soft hyphen→ZWNJ, ...), so
every offset it finds indexes the text as published: ``text[start:end] == quote``.
"""

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from .clauses import (
    ANSWERING_A_QUESTION,
    QUESTION,
    Candidate,
    Mention,
    Paragraph,
    clause_start,
    confidence_for,
    is_impersonal,
    is_passive,
    mention_before,
    next_word,
    quote_span,
    sentence_end,
    structure,
    subject_phrase,
)
from .indirect import TO_THE_EFFECT, ends_in_finite_verb, indirect_candidates
from .lexicon import (
    BYLINE,
    FURNITURE_LINE,
    HONORIFIC_PRONOUNS,
    HONORIFIC_VERB,
    HONORIFICS,
    OUTLET_HEADS,
    REVERED_TITLE,
    STATES,
    speech_verb_pattern,
)
from .names import (
    ACRONYM_SPELT_OUT,
    is_common_phrase,
    is_explicit,
    is_first_name,
    is_given_name,
    is_not_one_person,
    is_organisation_head,
    is_role_head,
    is_state,
    name_prefix_in,
    name_words,
    names_match,
    parse_mention,
    role_matches,
)
from .scoring import score_statements
from .speakers import SpeakerResolver
from .text import (
    WORD,
    ZWNJ,
    fold,
    fold_key,
    fold_words,
    paragraphs,
    sentence_boundaries,
    trim,
    whole_word_uses,
)


@dataclass(frozen=True)
class ExtractedStatement:
    """One attributed statement; offsets index the text the engine was given."""

    speaker: str
    role: str | None
    speaker_mention: str | None
    mention_type: str
    quote: str
    start: int
    end: int
    kind: str
    cue: str
    location: str
    confidence: float
    speaker_is_organisation: bool = False
    mention_name: str = ""  # the name as written at this spot, without its role

    def as_dict(self) -> dict:
        return {
            "speaker": self.speaker,
            "role": self.role,
            "speaker_mention": self.speaker_mention,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "cue": self.cue,
            "confidence": self.confidence,
            "location": self.location,
            "mention_type": self.mention_type,
        }


_HEADLINE = re.compile(r"^(?P<who>[^:\n]{2,60}?)\s*:\s*(?=\S)")
_HEADLINE_MAX_WORDS = 6
# "زنده: استراماچونی می‌ماند یا می‌رود؟": a section's label before a colon, no speaker.
_SECTION_LABELS = {
    fold_words(w)
    for w in (
        "زنده",
        "فوری",
        "خبر فوری",
        "ویدئو",
        "ویدیو",
        "فیلم",
        "عکس",
        "اینفوگرافیک",
        "گزارش تصویری",
        "لحظه به لحظه",
        "یادداشت",
        "تحلیل",
        "رسمی",  # "رسمی: بازگشت پایت به مارسی": "official", the news confirmed
        "گزارش",  # "گزارش: تیم المپیک عروس هزار داماد": a feature's label
    )
}


# "تأکید وزیر کشور بر لزوم قانونمند شدن اقامت مهاجرین": a headline made of the noun of a
# speech act, its speaker and what was said.
_NOMINAL_HEADLINE = re.compile(
    r"^(?P<noun>تاکید|تأکید)\s+(?P<who>[^:؛\n]{2,60}?)\s+بر\s+(?P<content>[^:\n]{3,})$"
)


# "واکنش باشگاه تراکتور به رای فیفا؛ خطری ما را تهدید نمی‌کند", "حمله تند زلنسکی به آلمان:
# ...": the noun of a speech act, its speaker, what it answers, then the words after a colon
# or semicolon.
_ACT_HEADLINE = re.compile(
    r"^(?:واکنش|ارزیابی|درخواست|هشدار|انتقاد|پاسخ|توصیه|روایت|اعتراف|ادعای|وعده|حمله|کنایه|"
    r"طعنه|تمجید|ستایش)(?:\s+(?:تند|شدید|صریح|جدید|عجیب))?\s+"
    r"(?P<who>[^:؛\n]{2,60}?)(?:\s+(?:به|از|در|برای|درباره)\s+[^:؛\n]{2,60}?)?\s*[:؛]\s*"
    r"(?P<content>\S[^\n]{2,})$"
)


# "مدودف: «...» در راه هستند!/ حمله تند زلنسکی به آلمان: از روسیه نترسید": one headline line
# joins stories with slashes, the second crediting a speaker of its own. ("X: A/ B" with no
# speaker after the slash is all X's words.)
_HEADLINE_PARTS = re.compile(r"(?<![0-9۰-۹])\s*/\s*(?![0-9۰-۹])")
_HEADLINE_PART_MIN_WORDS = 3


def _headline_candidates(text: str, folded: str, para: Paragraph) -> list[Candidate]:
    parts, start = [], para.start
    for slash in _HEADLINE_PARTS.finditer(folded, para.start, para.end):
        after = folded[slash.end() : para.end]
        # once the line is seen to join stories, every slash parts two
        credited = parts or _HEADLINE.match(after) or _ACT_HEADLINE.match(after)
        if credited and len(folded[start : slash.start()].split()) >= _HEADLINE_PART_MIN_WORDS:
            parts.append(replace(para, start=start, end=slash.start(), content_start=start))
            start = slash.end()
    parts.append(replace(para, start=start, content_start=start))
    return [found for part in parts for found in _headline_part(text, folded, part)]


def _headline_part(text: str, folded: str, para: Paragraph) -> list[Candidate]:
    line = folded[para.start : para.end]
    act = _ACT_HEADLINE.match(line)
    if act and len(act.group("who").split()) <= _HEADLINE_MAX_WORDS:
        mention = parse_mention(text[para.start + act.start("who") : para.start + act.end("who")])
        start, end = quote_span(text, para.start + act.start("content"), para.end)
        if mention.mention_type in {"name", "surname", "role"} and end - start >= 3:
            return [Candidate(start, end, "direct", "headline", "title", mention, para.start, 0.8)]
    nominal = _NOMINAL_HEADLINE.match(line)
    if nominal and len(nominal.group("who").split()) <= _HEADLINE_MAX_WORDS:
        mention = parse_mention(
            text[para.start + nominal.start("who") : para.start + nominal.end("who")]
        )
        start, end = quote_span(
            text, para.start + nominal.start("content"), para.start + nominal.end("content")
        )
        if mention.mention_type in {"name", "surname", "role"} and end - start >= 3:
            cue = f"{nominal.group('noun')} ... بر"
            return [Candidate(start, end, "indirect", cue, "title", mention, para.start, 0.8)]
    match = _HEADLINE.match(line)
    if not match:
        return []
    # "والیبال قهرمانی اروپا| کونارسکی: ...": a section label before a bar is no speaker.
    who = re.split(r"[|｜]", match.group("who"))[-1].strip()
    if len(who.split()) > _HEADLINE_MAX_WORDS or speech_verb_pattern().search(who):
        return []
    if _SCORE.search(who):
        return []  # "یوونتوس 3-0 کروتونه: زنگ خطر برای میلان": a result, then its reading
    byline = BYLINE.match(line)
    # "رویترز: هنوز ... زود است": in a headline an agency and a colon credit the agency.
    if (byline and not byline.group("agency")) or FURNITURE_LINE.match(line):
        return []
    if _QUESTION_LABEL.match(line) or _ANSWER_LABEL.match(line):
        return []  # "سوال: ...؟", "پاسخ: ...": an interview's turns
    mention = parse_mention(who)
    if mention.mention_type in {"pronoun", "none"} or fold_words(who) in _SECTION_LABELS:
        return []
    start, end = quote_span(text, para.start + match.end(), para.end)
    if end - start < 3:
        return []
    return [Candidate(start, end, "direct", "headline", "title", mention, para.start, 0.85)]


_SCORE = re.compile(r"[0-9۰-۹]+\s*[-–]\s*[0-9۰-۹]+")
_LABEL_MAX_WORDS = 4
_LABEL_MIN_WORDS = 5
_PRESENT_VERB = re.compile(r"(?<!\S)ن?می[\u200c ]")
_INTERVIEWER_HEADS = {fold_words(w) for w in ("خبرنگار", "مجری", "گزارشگر")}


def _labelled_speakers(
    text: str, folded: str, paragraphs_: list[Paragraph], candidates: list[Candidate]
) -> list[Candidate]:
    """An interview written as turns, ``مشایی: سفر بسیار خوبی بود``: in an article that asks
    questions, body paragraphs that open with the same speaker's label and a colon, twice or
    more, are that speaker's words. A label used once is a subheading or a list item
    (``حسن خسروی: دانشیار دانشگاه``), and the interviewer's turns are questions, unless the
    label is a person's full name and the words after it speak in the first person (a round
    of players' answers, ``سجاد مشایخی: من هم با حامد آفاق موافقم``)."""
    labelled = []
    for para in paragraphs_:
        if para.location != "body" or para.furniture:
            continue
        line = folded[para.content_start : para.end]
        match = _HEADLINE.match(line)
        if (
            match
            and not BYLINE.match(line)
            and not FURNITURE_LINE.match(line)
            # "سوال: ...؟" / "پاسخ: ...": the turns of an interview, labelled, not speakers
            and not _QUESTION_LABEL.match(line)
            and not _ANSWER_LABEL.match(line)
        ):
            labelled.append((para, match))
    questions = sum(
        1
        for para in paragraphs_
        if para.location == "body" and _QUESTION_END.search(folded, para.start, para.end)
    )
    # Otherwise a roundup of headlines (سخنگوی دولت: ...) is no interview.
    interview = questions >= _INTERVIEW_MIN_ANSWERS
    keys = [fold_key(match.group("who")) for _, match in labelled]
    found = []
    for (para, match), key in zip(labelled, keys, strict=True):
        who = match.group("who")
        colon = para.content_start + match.end()
        own_words = _full_name(who) and _FIRST_PERSON.search(
            folded, colon, sentence_end(folded, colon, para.end)
        )
        if not (own_words or (interview and keys.count(key) >= 2)):
            continue
        if len(who.split()) > _LABEL_MAX_WORDS or "–" in who:
            continue
        if speech_verb_pattern().search(who) or _PRESENT_VERB.search(who):
            continue  # "وی افزود: ...": a colon cue; "همچنین می‌خوانیم:": the writer reading
        if any(para.start <= c.start < colon or c.start <= para.start < c.end for c in candidates):
            continue  # the paragraph opens with a statement found otherwise, or continues one
        start, end = quote_span(text, colon, para.end)
        words = re.findall(r"\w+", text[start:end])
        if (
            len(words) < _LABEL_MIN_WORDS
            or _QUESTION_END.search(text, start, para.end)
            or re.search(r"\s[-–]\s", text[start:end])
        ):
            continue  # a question, a label and a few words, a list (تیم: بازیکن - بازیکن)
        mention = parse_mention(text[para.content_start : para.content_start + match.end("who")])
        if (
            mention.mention_type in {"name", "surname", "role"}
            and fold_words(who.split()[0]) not in _INTERVIEWER_HEADS
        ):
            found.append(
                Candidate(start, end, "direct", "headline", "body", mention, para.start, 0.8)
            )
    return found


# "من", "ما", "بنده", or a verb in the first person: "می‌کنم", "نمی‌دانیم", "موافقم".
_FIRST_PERSON = re.compile(
    r"(?<!\S)(?:من|ما|بنده)(?!\S)|(?<!\S)ن?می[\u200c ]?\S*?(?:م|یم)(?![\w\u200c])|"
    r"(?<!\S)(?:هستم|هستیم|نیستم|نیستیم|موافقم|مطمئنم|امیدوارم|معتقدم)(?!\S)"
)


def _full_name(who: str) -> bool:
    """``حامد آفاق``: a first name and one to three more words, no title."""
    words = who.split()
    return 2 <= len(words) <= 4 and is_first_name(words[0])


# "مهاجم سابق سایپا اینگونه حرف‌هایش را خاتمه داد:", "تیتر زده:", "به این سوال اینگونه
# واکنش نشان داد:": a clause about speaking, ended by its verb and a colon, opens a quote.
_DESCRIBED_SPEECH = re.compile(
    r"(?<!\S)(?P<noun>حرف|حرف[\u200c ]?ها(?:یش|ی\s+خود)?|صحبت[\u200c ]?ها(?:یش|ی\s+خود)?|"
    r"سخنانش|سخنان\s+خود|واکنش|توضیح|تکذیب|کنایه(?:[\u200c ]?ای)?|فریاد|تیتر|توجیه|"
    # "او خودش ماجرا را اینگونه تعریف کرد:": the story as he told it
    r"ماجرا|ماجرای\s+\S+)"
    r"(?:\s+[^\s:،,.]+){0,4}?\s+"
    r"(?P<verb>(?:ن?می[\u200c ])?[^\s:،,.]*(?:د|ند|زد|زده))[\s\u200c]*:"
)


def colon_cues(folded: str, para: Paragraph) -> list[tuple[int, int, int]]:
    """(verb start, verb end, offset after the colon) of each speech verb followed by a colon,
    and of each clause about speaking that a colon ends (its noun to its verb)."""
    if folded.find(":", para.content_start, para.end) < 0:
        return []  # most paragraphs hold no colon: spare the speech-verb scan
    cues = []
    for match in _DESCRIBED_SPEECH.finditer(folded, para.content_start, para.end):
        if not speech_verb_pattern().search(folded, match.start(), match.end()):
            cues.append((match.start(), match.end("verb"), match.end()))
    for match in speech_verb_pattern().finditer(folded, para.content_start, para.end):
        after = match.end()
        while after < para.end and folded[after] in " \t" + ZWNJ:
            after += 1
        if (
            after < para.end
            and folded[after] == ":"
            and not is_passive(match.group())
            and not is_impersonal(folded, match.start())
        ):
            cues.append((match.start(), match.end(), after + 1))
    # "... برابر فولادگفت: ...", "وزیر کشورگفت: ...": typed copy that lost the space before
    # the verb.
    for match in _GLUED_SAID.finditer(folded, para.content_start, para.end):
        cues.append((match.start(), match.end(), folded.index(":", match.end()) + 1))
    return sorted(cues)


_GLUED_SAID = re.compile(
    r"(?<=[آ-ی]{3})(?:گفت|افزود|(?:عنوان|اظهار|تصریح|بیان|اضافه)[ \u200c]?کرد|اظهار[ \u200c]?داشت|"
    r"ادامه[ \u200c]?داد)(?=[ \t\u200c]*:)"
)


# "... دنیا آزاد خواهد شد. وی پیشنهاد داد ...": the quoted speaker says من, never وی; a
# sentence that opens with وی inside the paragraph is the writer's again (31 of the 32 in
# the gold sets end the quote before it).
_WRITER_SPEAKS_OF = re.compile(r"[.!؟?](?=[\s\u200c]+وی\s)")


# Verbs the writer reports with ("X افزود: ..."); a speaker quoting someone says گفت.
_WRITERS_VERBS = {
    fold_words(v)
    for v in (
        *("افزود", "ادامه داد", "اضافه کرد", "تصریح کرد", "خاطرنشان کرد", "اظهار داشت"),
        *("اظهار کرد", "یادآور شد"),
    )
}


def _said_after_a_finished_clause(folded: str, quote_start: int, comma: int, verb: int) -> bool:
    """``X افزود: پس از شناسایی متهم، تیمی ... وارد عمل شدند، گفت: ...``: a speech verb right
    after a comma that closes a clause of the writer's (its verb in the third person) goes on
    with the quote's speaker, as edited copy leaves ``X با بیان اینکه ...، گفت: ...``."""
    if folded[comma + 1 : verb].strip(" \u200c"):
        return False
    clause = folded[max(folded.rfind("،", quote_start, comma), quote_start) + 1 : comma].split()
    return (
        len(clause) >= 3
        and ends_in_finite_verb(" ".join(clause))
        and not clause[-1].endswith(("م", "یم", "ید"))
    )


def _colon_candidates(
    text: str, folded: str, para: Paragraph, following: Paragraph | None = None
) -> list[Candidate]:
    """Speech verb + colon: the quote runs to the paragraph end or the next cue's clause.

    A colon that ends its paragraph (``در متن این پیام آمده است:``) opens the ``following``
    paragraph, when that one is not a quote with a cue of its own.

    A cue with no sentence break since the previous colon is inside that quote (``X گفت:
    امام فرمودند: «...»``): it ends nothing, and an explicit speaker there is a nested
    statement of its own, to the end of its guillemets or of the quote around it.
    """
    cues = colon_cues(folded, para)
    starts = [clause_start(folded, para.content_start, verb_start) for verb_start, _, _ in cues]
    ends = list(starts)  # where the quote before each cue ends, when that cue opens a quote
    outer: list[int] = []  # the cues that open a quote of their own
    for index, (verb_start, verb_end, _) in enumerate(cues):
        if not outer or starts[index] >= cues[outer[-1]][2]:
            outer.append(index)
            continue
        closed = _closed_before(folded, cues[outer[-1]][2], verb_start)
        if closed is not None:
            # "گفت: "A" مانوئل نویر نیز ... گفت: "B"": the marks closed the quote before
            # the next speaker's clause.
            starts[index], ends[index] = closed, closed
            outer.append(index)
            continue
        comma = max(folded.rfind("،", cues[outer[-1]][2], verb_start), -1)
        if comma >= 0 and (
            fold_words(folded[verb_start:verb_end]) in _WRITERS_VERBS
            or _said_after_a_finished_clause(folded, cues[outer[-1]][2], comma, verb_start)
        ):
            # "گفت: A، اسپنسر گراهام ... افزود: B": the writer's own reporting verb is never
            # inside a quote; the quote before it ends at the comma, its subject follows.
            starts[index], ends[index] = comma + 1, comma
            outer.append(index)
    candidates: list[Candidate] = []
    for index, (verb_start, verb_end, colon_end) in enumerate(cues):
        mention, mention_start = mention_before(text, folded, starts[index], verb_start)
        if index in outer:
            position = outer.index(index)
            quote_end = ends[outer[position + 1]] if position + 1 < len(outer) else para.end
            writer = _WRITER_SPEAKS_OF.search(folded, colon_end, quote_end)
            if writer:
                quote_end = writer.start() + 1  # the quote ends with its sentence
            quote_end = _closed_sentence_end(folded, colon_end, quote_end) or quote_end
        else:
            if mention.mention_type not in {"name", "surname", "role"} or mention.anaphoric:
                continue  # the quoted speaker's own "گفتم:", not a new attribution
            quote_end = next((starts[o] for o in outer if o > index), para.end)
            closing = _closing_guillemet(folded, colon_end, quote_end)
            quote_end = closing if closing is not None else quote_end
        start, end = quote_span(text, colon_end, quote_end)
        if end - start < 2 and quote_end == para.end and _opens_next(folded, following):
            assert following is not None
            start, end = quote_span(text, following.content_start, following.end)
        if end - start < 2:
            continue
        candidates.append(
            Candidate(
                start,
                end,
                "direct",
                text[verb_start:verb_end] + ":",
                para.location,
                mention,
                mention_start,
                confidence_for(mention, "direct"),
            )
        )
    return candidates


_LIST_ITEM = re.compile(r"\s*(?:[-–—*•]|[0-9۰-۹]+\s*[-.)])")


def _opens_next(folded: str, following: Paragraph | None) -> bool:
    """The next paragraph can be the quote a colon at the end of a paragraph opens."""
    return (
        following is not None
        and following.location in {"lead", "body"}
        and not following.furniture
        and following.content_start == following.start  # no byline or relay of its own
        and not colon_cues(folded, following)
        # a sentence, not a subheading ("*تدابیر قانون جدید", "بازی مقابل هوئسکا")
        and not _LIST_ITEM.match(folded, following.start)
        and bool(_SENTENCE_CLOSED.search(folded, following.start, following.end))
        and len(folded[following.start : following.end].split()) >= _DOCUMENT_MIN_WORDS
    )


_QUOTE_CLOSES = {"«": "»", '"': '"', "“": "”"}


def _marked_quote(folded: str, start: int, limit: int, marks: str) -> tuple[int, int] | None:
    """A quote opened by one of ``marks`` right at ``start`` and closed before ``limit``: where
    its words begin and where its closing mark stands, or None."""
    opening = re.match(rf"\s*([{marks}])", folded[start:limit])
    if not opening:
        return None
    inner_start = start + opening.end()
    closing = _matching_close(folded, opening.group(1), inner_start, limit)
    return (inner_start, closing) if closing >= 0 else None


def _matching_close(folded: str, opener: str, start: int, limit: int) -> int:
    """Where the mark closing ``opener`` stands, from ``start``; -1 if not before ``limit``.
    Guillemets nest (``«... به آنها می‌گویند «خانم بدحجاب»؛ اشک ...»``): an inner pair is
    skipped."""
    closer = _QUOTE_CLOSES[opener]
    if opener == closer:
        return folded.find(closer, start, limit)
    depth = 0
    for match in re.finditer(f"[{opener}{closer}]", folded[start:limit]):
        if match.group() == opener:
            depth += 1
        elif depth:
            depth -= 1
        else:
            return start + match.start()
    return -1


def _closed_sentence_end(folded: str, start: int, limit: int) -> int | None:
    """``گفت: "مجموعه باشگاه به وزارت نفت واگذار شده است." بابک زنجانی ...``: a quote the
    marks close as a whole sentence, with the writer going on after it in the paragraph,
    ends at its closing mark. Marks around a name (``گفت: «مبعلی» یکی از ...``) end nothing.
    """
    quote = _marked_quote(folded, start, limit, "".join(_QUOTE_CLOSES))
    if quote is None:
        return None
    inner_start, closing = quote
    inner = folded[inner_start:closing].rstrip()
    after = folded[closing + 1 : limit].lstrip(" \u200c")
    whole_sentence = (
        inner.endswith((".", "!", "؟", "?"))
        or folded[closing + 1 :].lstrip(" \u200c").startswith((".", "؛"))
        # "... جای دادند» تاکید بر ...": the full stop lost after a quote its verb ends; not
        # "که فرمودند: «... جاری می‌شود»، گفت: ...", where the comma goes on with the sentence
        or (ends_in_finite_verb(inner) and not after.startswith(("،", ",")))
    )
    goes_on = len(folded[closing + 1 : limit].strip(" .،\u200c\n")) >= 15
    # 'می‌گوید: " بله، یک کم شبیهه" و سپس صدای خنده ... بلند می‌شود': the writer's sentence
    # goes on after the mark with و.
    and_goes_on = re.match(r"[\s\u200c]+و\s", folded[closing + 1 : limit]) and "«" not in inner
    if goes_on and (
        (len(inner.split()) >= 5 and whole_sentence) or (len(inner.split()) >= 3 and and_goes_on)
    ):
        return closing + 1
    return None


def _closed_before(folded: str, start: int, verb_start: int) -> int | None:
    """Where a quote opened by a mark right at ``start`` closes, when it does before the
    clause of a later speech verb at ``verb_start`` opens (a few words of the writer's at
    least between them)."""
    quote = _marked_quote(folded, start, verb_start, "".join(_QUOTE_CLOSES))
    if quote is None:
        return None
    inner_start, closing = quote
    if (
        len(folded[inner_start:closing].split()) < 3
        or len(folded[closing + 1 : verb_start].split()) < 2
    ):
        return None
    return closing + 1


def _closing_guillemet(folded: str, start: int, limit: int) -> int | None:
    """Where «» opened right at ``start`` close, when they do before ``limit``."""
    quote = _marked_quote(folded, start, limit, "«")
    return quote[1] + 1 if quote else None


def _lead_subjects(
    text: str, folded: str, paragraphs_: list[Paragraph], candidates: list[Candidate]
) -> list[Mention]:
    """The role-bearing subject of the lead's first sentence, who may speak only later.

    ``رئیس سازمان ... پیامی منتشر کرد`` names the author of a message quoted below; a
    pronoun or a document cue with no earlier speaker refers to this person.
    """
    for para in paragraphs_:
        if para.location != "lead":
            continue
        if any(para.start <= c.mention_start < para.end for c in candidates):
            return []  # the lead speaks: its statement carries the speaker
        end = sentence_end(folded, para.content_start, para.end)
        # The lead speaks (its statement carries the speaker), unless it announces an
        # interview: "... در گفت‌وگو با فارس به پرسش‌ها پاسخ داد."
        announces = _HELD_INTERVIEW.search(folded[para.content_start : end + 1])
        if speech_verb_pattern().search(folded, para.content_start, end) and not announces:
            return []
        mention, mention_start = mention_before(text, folded, para.content_start, end)
        if next_word(folded, mention_start + len(mention.text)) == "را":
            mention = _without_object(mention)
        # A titled subject, or a person the lead names (نسرین موسیوند از قهرمانان ... بوده).
        named = mention.role or (
            mention.mention_type == "name"
            and is_first_name(mention.name.split()[0])
            and "و" not in mention.name.split()  # "علی لاریجانی و صادق لاریجانی": two people
        )
        return [mention] if named and not mention.anaphoric else []
    return []


def _without_object(mention: Mention) -> Mention:
    """``استاندار کهگیلویه و بویراحمد عملکرد نظام اسلامی را ... مقایسه کرد``: a title taken
    up to را ends where a noun that opens objects begins."""
    words = mention.text.split()
    for index, word in enumerate(words[1:], start=1):
        if fold_words(word) in _OBJECT_OPENERS:
            return parse_mention(" ".join(words[:index]))
    return mention


_CLOSING_MARK = {"«": "»", '"': '"', "“": "”"}
_CONTINUED_MAX_PARAGRAPHS = 6


def _continued_quotes(
    text: str, folded: str, paragraphs_: list[Paragraph], direct: list[Candidate]
) -> list[Candidate]:
    """Paragraphs of a quote whose opening mark is closed only paragraphs later.

    ``انریکه گفت:" ... `` then two paragraphs, the second ending in ``"``: each paragraph is
    a statement of the same speaker, with no mention of its own. A mark never closed before
    the next cue is a typo, not a quote that goes on.
    """
    found: list[Candidate] = []
    for candidate in direct:
        opener = text[: candidate.start].rstrip()[-1:]
        closer = _CLOSING_MARK.get(opener)
        index = next(
            (i for i, p in enumerate(paragraphs_) if p.start <= candidate.start < p.end), None
        )
        if index is None:
            continue
        if not closer and text[: candidate.start].rstrip().endswith(":"):
            # "پوگبا گفت: ..." with no opening mark, and paragraphs later a lone closing mark
            # ending "... خواهیم دید.\"": the mark was left out at the start, not the end.
            closer = _lone_closer(
                text, paragraphs_[index + 1 : index + 1 + _CONTINUED_MAX_PARAGRAPHS]
            )
            opener = closer
        if not closer or closer in text[candidate.start : paragraphs_[index].end]:
            continue
        continued: list[Candidate] = []
        for para in paragraphs_[index + 1 : index + 1 + _CONTINUED_MAX_PARAGRAPHS]:
            if para.furniture or colon_cues(folded, para):
                break
            close = text.find(closer, para.content_start, para.end)
            start, end = quote_span(text, para.content_start, close if close >= 0 else para.end)
            if end - start >= 2:
                continued.append(
                    Candidate(
                        start,
                        end,
                        "direct",
                        f"{opener}...{closer} (ادامه)",
                        para.location,
                        Mention("", "none"),
                        para.start,
                        confidence_for(Mention("", "none"), "direct"),
                    )
                )
            if close >= 0:
                found.extend(continued)
                break
    return found


def _lone_closer(text: str, following: list[Paragraph]) -> str:
    """The quotation mark that ends one of the following paragraphs with no mark opened
    before it in them, or ""."""
    for para in following:
        body = text[para.content_start : para.end].rstrip()
        for mark in ('"', "»", "”"):
            opening = {"»": "«", "”": "“"}.get(mark, mark)
            if body.endswith(mark) or body.endswith(mark + "."):
                before = text[following[0].start : para.start] + body[: body.rfind(mark)]
                if opening not in before:
                    return mark
        if any(mark in body for mark in ('"', "«", "»", "“", "”")):
            return ""  # a quotation of its own: not this one going on
    return ""


def _named_in_quote(folded: str, mention: Mention, quoted: Candidate) -> bool:
    """Whether a name's last word stands in a direct quote (an indirect one may have run
    past its clause into the sentence that names its speaker)."""
    if quoted.kind != "direct" or mention.mention_type not in {"name", "surname"}:
        return False
    surname = fold_key(mention.name.split()[-1])
    quote = folded[quoted.start : quoted.end]
    return any(fold_key(word.group()) == surname for word in WORD.finditer(quote))


def _resolve(resolver: SpeakerResolver, candidate: Candidate, *, nested: bool) -> int | None:
    """Resolve a candidate's speaker; some speakers are quoted by another speaker.

    A speaker named inside another speaker's quotation (``... گفت: کره شمالی ... معتقد
    است ...``), or a revered figure quoted with an honorific verb (``امام فرمودند``), is
    neither the quoting speaker under a second name nor the one a later وی refers to.
    """
    if candidate.mention.mention_type in {"pronoun", "none"}:
        return resolver.add(candidate.mention)
    if candidate.cue == "headline":
        return resolver.add(replace(candidate.mention, headline=True))
    # "با اشاره به سخنان جرج بوش مبنی بر اینکه ...": someone the speaker talks about.
    if (
        nested
        or HONORIFIC_VERB.search(fold(candidate.cue))
        or candidate.cue.endswith(TO_THE_EFFECT)
    ):
        return resolver.add(replace(candidate.mention, another=True), speaks=False)
    return resolver.add(candidate.mention)


def _quoted_paragraphs(
    text: str, folded: str, paragraphs_: list[Paragraph], candidates: list[Candidate]
) -> list[Candidate]:
    """A paragraph that is one quotation, right after a paragraph with a statement, is the
    same speaker going on (``... گفت: ...`` then ``«...»`` on a line of its own)."""
    found = []
    for previous, para in zip(paragraphs_, paragraphs_[1:], strict=False):
        if para.furniture or para.location != "body" or colon_cues(folded, para):
            continue
        first, last = trim(text, para.content_start, para.end)
        body = folded[first:last].rstrip(".")
        if len(body) < 12 or _CLOSING_MARK.get(body[0]) != body[-1]:
            continue
        if body[0] == "«" and body.count("«") != body.count("»"):
            continue
        start, end = quote_span(text, first, last)
        if not any(previous.start <= c.start < previous.end for c in [*candidates, *found]):
            continue
        mention = Mention("", "none")
        found.append(
            Candidate(
                start,
                end,
                "direct",
                "«»",
                para.location,
                mention,
                para.start,
                confidence_for(mention, "direct"),
            )
        )
    return found


# "متن کامل این نامه به شرح زیر است:": the paragraphs after it are the document's text,
# in the words of whoever issued it (the speaker the article has just quoted).
_ANNOUNCES_DOCUMENT = re.compile(
    r"(?:به|بدین|به\s+این)\s+شرح\s*(?:زیر|ذیل)?\s*(?:است|می[\u200c ]?باشد|آمده\s+است)?\s*:\s*$"
)
_DOCUMENT_QUOTED = re.compile(r"آمده[\u200c ]+است\s*:\s*$")
_DOCUMENT_WORD = re.compile(r"(?<!\S)(?:متن|نامه|بیانیه|پیام|اطلاعیه|قطعنامه|نامه‌ای|بیانیه‌ای)")
_RESUMES_REPORT = re.compile(r"\s*(?:به\s+گزارش|گفتنی\s+است|یادآور\s+می|لازم\s+به\s+ذکر)")
_DOCUMENT_MIN_WORDS = 6


def _document_text(
    text: str, folded: str, paragraphs_: list[Paragraph], candidates: list[Candidate]
) -> list[Candidate]:
    """The paragraphs of a letter or statement the article prints after announcing it.

    Salutations and signatures (short lines that close no sentence) are skipped; the text
    ends where the report resumes (به گزارش, گفتنی است) or a paragraph quotes someone.
    """
    found: list[Candidate] = []
    body = [p for p in paragraphs_ if p.location == "body" and not p.furniture]
    for index, para in enumerate(body):
        # "در این بیانیه آمده است:" ending a paragraph quotes the next one already; the
        # paragraphs after it go on with the document.
        quoted = _DOCUMENT_QUOTED.search(folded, para.content_start, para.end)
        if not (
            (quoted or _ANNOUNCES_DOCUMENT.search(folded, para.content_start, para.end))
            and _DOCUMENT_WORD.search(folded, para.content_start, para.end)
            and any(c.start < para.start for c in candidates)
        ):
            continue
        cue = " ".join(text[para.content_start : para.end].split()[-4:])
        for position, following in enumerate(body[index + 1 :]):
            opened_here = [c for c in candidates if following.start <= c.start < following.end]
            if (
                quoted
                and position == 0
                and all(para.start <= c.mention_start < following.start for c in opened_here)
            ):
                continue  # the paragraph the colon opens, quoted already
            if _RESUMES_REPORT.match(folded, following.start) or opened_here:
                break
            first, last = trim(text, following.content_start, following.end)
            closed = _SENTENCE_CLOSED.search(folded, first, last)
            if not closed or len(folded[first:last].split()) < _DOCUMENT_MIN_WORDS:
                continue  # "باسلام و عرض خداقوت", a list of signatories
            start, end = quote_span(text, first, last)
            mention = Mention("", "none")
            found.append(
                Candidate(
                    start,
                    end,
                    "direct",
                    cue,
                    following.location,
                    mention,
                    following.start,
                    confidence_for(mention, "direct"),
                )
            )
        break
    return found


ANSWER_CUE = "interview answer"
# "... بخش‌های مهم آن در ادامه می‌آید.", "... که در ادامه آن را می‌خوانید:": the paragraphs
# after this are the interviewee's words (answers, or bullets of what they said).
_ANNOUNCES_INTERVIEW = re.compile(
    r"(?:در\s+ادامه|در\s+زیر|در\s+این[\u200c ]?جا)\s+(?:متن\s+(?:کامل\s+)?)?"
    r"(?:آن\s+را\s+|این\s+گفت[\u200c ]?و[\u200c ]?گو\s+)?"
    r"(?:می[\u200c ]?آید|آمده\s+است|می[\u200c ]?خوانید|می[\u200c ]?خوانیم)\s*[.:؛]?\s*$"
)
# The announcement must be of an interview or a talk, not of a report, list or document.
_INTERVIEW_WORD = re.compile(r"گفت[\u200c ]*و[\u200c ]*گو|گفتگو|مصاحبه|سخنان|صحبت|پاسخ")
_QUESTION_END = re.compile(r"[؟?]\s*[»\"]?\s*$")
_SENTENCE_CLOSED = re.compile(r"[.!…»\"]\s*$")
_BULLET = re.compile(r"\s*[-–—*•]\s*")
_INTERVIEW_MIN_ANSWERS = 2
# "س: ...؟" and "ج: ...": an interview's turns labelled question and answer.
_QUESTION_LABEL = re.compile(rf"\s*(?:س|{QUESTION})\s*[:：]\s*")
_ANSWER_LABEL = re.compile(r"\s*(?:ج|جواب|پاسخ)\s*[:：]\s*")
# Marks some copy puts before each of the interviewer's questions (*, •, ▪).
_QUESTION_MARKS = set("*•▪■●")


_SUBHEADING_MAX_WORDS = 10
_HELD_INTERVIEW = re.compile(
    r"(?:(?:گفت[\u200c ]*و[\u200c ]*گو|گفتگو|مصاحبه)(?:ی|یی|\S*ای)?\s+(?:\S+\s+){0,6}?"
    r"(?:انجام\s+داد|انجام\s+داده\s+است|کرد)"
    # "... توضیحاتی در مورد شرایط تراکتور داد.": explanations, given under subheadings
    r"|توضیحاتی\s+(?:\S+\s+){0,8}?داد"
    # "... در گفت‌وگو با فارس به پرسش‌ها پاسخ داد."
    rf"|به\s+{QUESTION}\S*\s+(?:\S+\s+){{0,4}}?پاسخ\s+داد"
    # "رسول خطیبی در گفتگو با گل از برنامه‌های تیمش ... می‌گوید."
    r"|(?:گفت[\u200c ]*و[\u200c ]*گو|گفتگو|مصاحبه)\s+با\s+(?:\S+\s+){1,12}?می[\u200c ]?گوید)"
    r"\s*[.]?\s*$"
)


def _opens_answers_under_subheadings(
    folded: str, para: Paragraph, following: list[Paragraph]
) -> bool:
    """``... با "ورزش سه" گفت‌وگو کرد:`` or ``... به سوالات پاسخ گفت:`` ending its paragraph,
    then a subheading: the answers follow, one or more paragraphs under each subheading."""
    if not following:
        return False
    ending = folded[para.content_start : para.end]
    if re.search(r":\s*$", ending):
        if not (speech_verb_pattern().search(ending) or _INTERVIEW_WORD.search(ending)):
            return False
    elif not _HELD_INTERVIEW.search(ending):
        return False  # "... گفت‌وگویی انجام داد." announces answers without a colon too
    heading = following[0]
    return not _SENTENCE_CLOSED.search(folded, heading.start, heading.end) and (
        len(folded[heading.start : heading.end].split()) <= _SUBHEADING_MAX_WORDS
    )


def _answer(start: int, end: int, para: Paragraph) -> Candidate:
    """An interviewee's words: direct, with no mention of its own (the guest is resolved
    once for all the answers)."""
    mention = Mention("", "none")
    return Candidate(
        start,
        end,
        "direct",
        ANSWER_CUE,
        para.location,
        mention,
        para.start,
        confidence_for(mention, "direct"),
    )


_ALTERNATION_MIN_QUESTIONS = 3


def _alternating_questions(is_question: list[bool], quoted: list[bool]) -> list[bool]:
    """Questions and answers that take turns, paragraph by paragraph: when every paragraph
    ending in ؟ after the first is two, four, ... paragraphs on, the paragraphs in between
    answer and the others ask, with or without ؟ (``بخاطر همین خیلی دیر تعویض کردید.``).
    The turns go back before the first ؟ as far as the last paragraph that quotes someone
    (``کریمی می‌گوید: ...``), where the interview begins."""
    asked = [i for i, q in enumerate(is_question) if q]
    if len(asked) < _ALTERNATION_MIN_QUESTIONS:
        return is_question
    first = asked[0]
    if any((i - first) % 2 for i in asked):
        return is_question
    begins = max((i for i in range(first) if quoted[i]), default=first - 1) + 1
    return [q or (i >= begins and (i - first) % 2 == 0) for i, q in enumerate(is_question)]


def _interview_answers(
    text: str, folded: str, paragraphs_: list[Paragraph], candidates: list[Candidate]
) -> tuple[list[Candidate], list[tuple[int, int]]]:
    """The answers of an interview: the paragraphs after an announcing paragraph, or each
    paragraph right after a question (a paragraph ending in ؟), when there are several.

    An answer is a statement of the person interviewed. Paragraphs that hold a statement
    of their own, questions and subheadings are not answers.
    """
    body = [p for p in paragraphs_ if p.location != "title" and not p.furniture]
    is_question = [bool(_QUESTION_END.search(folded, p.start, p.end)) for p in body]
    labelled = [bool(_QUESTION_LABEL.match(folded, p.content_start, p.end)) for p in body]
    starred = [
        folded[p.content_start : p.content_start + 1] in _QUESTION_MARKS or label
        for p, label in zip(body, labelled, strict=True)
    ]
    if any(q and s for q, s in zip(is_question, starred, strict=True)):
        # "*شما گفته بودید ..." : where a starred paragraph asks, every starred one is a question
        is_question = [q or s for q, s in zip(is_question, starred, strict=True)]
    quoted = [any(p.start <= c.start < p.end for c in candidates) for p in body]
    is_question = _alternating_questions(is_question, quoted)
    announced = next(
        (
            i
            for i, p in enumerate(body)
            if (
                _ANNOUNCES_INTERVIEW.search(folded, p.content_start, p.end)
                and _INTERVIEW_WORD.search(folded, p.content_start, p.end)
            )
            or _opens_answers_under_subheadings(folded, p, body[i + 1 : i + 2])
        ),
        None,
    )
    if announced is None and not any(c.location in {"title", "lead"} for c in candidates):
        return [], []  # questions alone: only an interview whose guest speaks up front
    if announced is not None:
        chosen = [i for i in range(announced + 1, len(body)) if not is_question[i]]
    elif any(labelled):
        # Questions labelled as such (س:, سؤال:): every paragraph up to the next one answers.
        first = is_question.index(True) if any(is_question) else len(body)
        chosen = [i for i in range(first + 1, len(body)) if not is_question[i]]
    else:
        chosen = [i for i in range(1, len(body)) if is_question[i - 1] and not is_question[i]]
    answers = []
    for index in chosen:
        para = body[index]
        if announced is None and not any(c.mention_start < para.start for c in candidates):
            continue  # nobody has spoken yet: no one to attribute the answer to
        if any(
            para.start <= c.mention_start < para.end
            and (c.mention_start <= para.content_start + 2 or is_explicit(c.mention))
            for c in candidates
        ):
            continue  # the paragraph has a statement of its own, not one the guest reports
        if not _SENTENCE_CLOSED.search(folded, para.start, para.end):
            continue  # a subheading (*تدابیر قانون جدید ...), not an answer
        bullet = _BULLET.match(folded, para.content_start, para.end) or _ANSWER_LABEL.match(
            folded, para.content_start, para.end
        )
        start, end = quote_span(text, bullet.end() if bullet else para.content_start, para.end)
        if end - start < 12:
            continue
        answers.append(_answer(start, end, para))
    if announced is None and len(answers) < _INTERVIEW_MIN_ANSWERS:
        return [], []
    last = max((a.start for a in answers), default=-1)
    # The interviewer's questions among the answers: no statement (a journalist's question).
    questions = [
        (p.start, p.end) for p, q in zip(body, is_question, strict=True) if q and p.end < last
    ]
    return answers, questions


# "در پاسخ به این سوال که ...", "درباره اینکه ...": what the journalist put to the speaker.
_PREMISE_PUT = re.compile(
    rf"{ANSWERING_A_QUESTION}\S*(?:\s+\S+){{0,6}}?\s+(?:که|مبنی\s+بر|اینکه)"
    rf"|(?:درباره|درمورد|در\s+مورد|در\s+خصوص|در\s+رابطه\s+با|در\s+باره)\s+(?:این|آن){ZWNJ}?\s*که"
)


def _drop_premises_put_to_speakers(folded: str, candidates: list[Candidate]) -> list[Candidate]:
    """A statement reported inside the premise a speaker answers is the journalist's, not a
    statement: ``قلعه‌نویی در پاسخ به سوالی مبنی بر اینکه فتح‌الله‌زاده اعلام کرده از
    استقلال می‌رود، گفت: ...`` (ANNOTATION.md: a question or premise put to the speaker)."""

    if not _PREMISE_PUT.search(folded):
        return candidates

    def inside_premise(candidate: Candidate) -> bool:
        for answer in candidates:
            if not answer.mention_start <= candidate.mention_start < candidate.start < answer.start:
                continue
            if "\n" in folded[answer.mention_start : answer.start]:
                continue
            # The premise opens before the reported words (whoever the engine took to say them).
            if _PREMISE_PUT.search(folded, answer.mention_start, candidate.start):
                return True
        return False

    return [c for c in candidates if not inside_premise(c)]


# "رضایت به تساوی با توجه به مصدومیت‌ها: "شما در مورد ..."": a press conference written as
# topics, each with the guest's words in quotation marks after a colon; one such topic is
# enough ("لیورپول: «آنها ...»" after the coach has spoken).
_LABELLED_QUOTE = re.compile(r"(?P<label>[^:\n«»\"]{3,80}?)\s*:\s*(?P<quote>[«\"“].{12,})$")


_NUMBERED = re.compile(r"\s*[0-9۰-۹]+\s*[.)\-]")


def _labelled_answers(
    text: str, folded: str, paragraphs_: list[Paragraph], candidates: list[Candidate]
) -> list[Candidate]:
    """Paragraphs ``topic: "words"`` after someone has spoken: each is the interviewee's (the
    topic holds no speech verb and is not a speaker)."""
    found = []
    for para in paragraphs_:
        if para.location == "title" or para.furniture:
            continue
        match = _LABELLED_QUOTE.match(folded, para.content_start, para.end)
        if not match or speech_verb_pattern().search(match.group("label")):
            continue
        if _NUMBERED.match(match.group("label")):
            continue  # "12.  ماده 484: «...»": a numbered list of texts quoted, no one's answer
        if any(para.start <= c.start < para.end for c in candidates):
            continue
        if not any(c.mention_start < para.start for c in candidates):
            continue
        start, end = quote_span(text, match.start("quote"), para.end)
        found.append(_answer(start, end, para))
    return found


_NAME_MAX_WORDS = 3


def _drop_noun_phrase_subjects(candidates: list[Candidate], article: str) -> list[Candidate]:
    """``شهادت را ... دانستند``, ``تشکیل ارتش ... را ... دانست``: before an object and its verb,
    a "name" made of common words, which the article writes only there and no other statement
    uses, is part of the object; the statement is no statement. A name the article repeats
    (``نتانیاهو``, ``کامرون``) stays, however common its words."""
    names = [c.mention.name for c in candidates if c.mention.name]
    kept = []
    for candidate in candidates:
        mention = candidate.mention
        if (
            candidate.kind == "indirect"
            and "..." in candidate.cue  # را ... دانست: the object ran into the subject slot
            and mention.mention_type in {"name", "surname"}
            and not mention.role
            and not mention.is_organisation
            and is_common_phrase(mention.name)
            and sum(names_match(mention.name, name) for name in names) < 2
            and _times_used(article, mention.name) < 2
        ):
            continue
        kept.append(candidate)
    return kept


def _trim_runaway_names(candidates: list[Candidate], article: str) -> list[Candidate]:
    """Cut a name that ran into the words after it back to a name the article uses elsewhere."""
    known = {
        c.mention.name
        for c in candidates
        if c.mention.name and len(c.mention.name.split()) <= _NAME_MAX_WORDS
    }
    trimmed = []
    for candidate in candidates:
        name = candidate.mention.name
        if name and len(name.split()) >= 2:
            shorter = name_prefix_in(name, known - {name})
            if len(shorter.split()) == 1 and is_organisation_head(shorter):
                shorter = name  # "ستاد مقابله با کرونا" is no "ستاد" gone on: a body's kind alone
            # One word more is a compound surname as often as not (رحیم‌پور ازغدی,
            # مجتهدزاده فارابی): it is cut only when a full name elsewhere ends where the
            # shorter one does (ارژنگ عزیزی -> "عزیزی هدف" is عزیزی).
            tail = len(name.split()) - len(shorter.split())
            if tail == 1 and is_state(name.split()[-1]):
                tail = 0  # "روزنامه الوطن عربستان": a paper's country is part of its name
            if tail == 2 and fold_words(name.split()[-1]) in _PLACE_SURNAME_ENDS:
                # "عبدالحسین روح الامینی نجف آبادی" after "روح الامینی:": a surname from a
                # place (نجف‌آبادی) with its ZWNJ lost, not a name run on
                tail = 0
            if tail >= 2 or (
                tail == 1
                and any(
                    len(name_words(other)) >= 2
                    and name_words(other)[-1:] == name_words(shorter)[-1:]
                    # "سازمان لیگ فوتبال" and later "سازمان لیگ": a body's name said in
                    # full once and short after is no name gone on.
                    for other in known
                    - {name}
                    - ({shorter} if candidate.mention.is_organisation else set())
                )
            ):
                candidate = _cut_mention(candidate, shorter, tail)
            elif shorter == name and _surname_ran_on(article, name):
                candidate = _cut_mention(candidate, " ".join(name.split()[:-1]), 1)
        trimmed.append(candidate)
    return trimmed


_PLACE_SURNAME_ENDS = {fold_words(w) for w in ("آبادی", "آباد")}


def _surname_ran_on(article: str, name: str) -> bool:
    """``پورمند تمایلی به ... نداشت و تأکید کرد``: the article says the name without its last
    word three times or more and never says it with that word again."""
    words = name.split()
    return (
        len(words) == 2
        and not is_given_name(words[0])
        and not is_organisation_head(words[0])
        and not is_role_head(words[0])
        and _times_used(article, words[0]) >= 3
        and _times_used(article, words[1]) < 2  # "امباپه" said again is part of the name
    )


def _cut_mention(candidate: Candidate, name: str, tail: int) -> Candidate:
    """The mention without its last ``tail`` words; a span that began right after the whole
    phrase now begins with them (they are the object: "عزیزی هدف از این طرح را ...")."""
    mention = candidate.mention
    written = list(re.finditer(r"\S+", mention.text))
    if mention.role or len(written) <= tail:
        return replace(candidate, mention=replace(mention, name=name))
    kept = mention.text[: written[-tail - 1].end()]
    phrase_end = candidate.mention_start + len(mention.text)
    start = candidate.start
    if 0 <= start - phrase_end <= 1:
        start = candidate.mention_start + written[-tail].start()
    return replace(candidate, mention=replace(mention, name=name, text=kept), start=start)


_OBJECT_OPENERS = {
    fold_words(w)
    for w in (
        "عملکرد",
        "حجم",
        "وقوع",
        "طول",
        "میزان",
        "ضرورت",
        "لزوم",
        "اهمیت",
        "اجرای",
        "برگزاری",
        "وضعیت",
        "نقش",
        "مشکلات",
        "کاهش",
        "افزایش",
        "تحقق",
        "عضویت",
        "تقویت",
        "حفظ",
        "تکنیک‌های",
        "شهوات",
    )
}


def _trim_subjects_into_objects(
    folded: str, article: str, candidates: list[Candidate]
) -> list[Candidate]:
    """``کره شمالی طرح آمریکا را ... توصیف کرد``: a name taken up to را holds the object too;
    keep its longest beginning that the article uses elsewhere (``کره شمالی``); a span that
    began after the whole phrase now begins with the object."""
    surnames = {
        fold_words(c.mention.name) for c in candidates if c.mention.mention_type == "surname"
    }
    # "محمدعلی باغستانی میبدی": the words after a given name, each usable as a surname.
    name_parts = {
        word
        for c in candidates
        if c.mention.mention_type == "name"
        for word in fold_words(c.mention.name).split()[1:]
    }
    trimmed = []
    for candidate in candidates:
        mention = candidate.mention
        is_role = mention.mention_type == "role" and not mention.name and not mention.anaphoric
        words = (mention.role if is_role else mention.name).split()
        phrase_end = candidate.mention_start + len(mention.text)
        written = list(re.finditer(r"\S+", folded[candidate.mention_start : phrase_end]))
        # An honorific written before the name (حجت‌الاسلام جعفر رحیمی ...) is not in its words;
        # the name must run up to را all the same.
        written = written[len(written) - len(words) :] if len(written) > len(words) else written
        if words and written and fold_words(written[0].group()) != fold_words(words[0]):
            written = []
        if (
            (is_role or (mention.mention_type == "name" and not mention.role))
            and 2 <= len(words) == len(written)
            and (_ra_follows(folded, candidate) or _object_opens_span(folded, candidate))
        ):
            ra_seen = _ra_follows(folded, candidate)
            # "رئیس کمیته محیط زیست شورای شهر محیط زیست را ... برشمرد": a role as well. A
            # phrase the article says twice (آیت‌الله مکارم شیرازی) is a name, not a runaway.
            said_twice = _times_used(article, " ".join(words)) >= 2
            sizes = () if said_twice else range(len(words) - 1, 1 if is_role else 0, -1)
            for size in sizes:
                # A person's name is rarely four words: "جعفر رحیمی معرفی دستاوردهای انقلاب
                # را" keeps two even when the article never repeats them. An organisation's
                # often is (آژانس بین المللی انرژی اتمی).
                runaway = (
                    not is_role and not mention.is_organisation and len(words) >= 4 and size == 2
                )
                # "جلال‌الدین محمد شکریه اصناف را": the surname the article uses on its own
                # ends the name.
                surname_used = not is_role and size >= 2 and words[size - 1] in surnames
                # "استاندار کهگیلویه و بویراحمد عملکرد نظام را ... دانست": a noun that opens
                # objects, never a title or a name, starts the object.
                opens_object = size >= 2 and fold_words(words[size]) in _OBJECT_OPENERS
                if words[size] == "و":
                    continue  # "سازمان مدیریت و برنامه‌ریزی": the name goes on after و
                if not ra_seen and size == 1 and fold_words(words[0]) not in surnames | name_parts:
                    continue  # "مطبوعات رژیم صهیونیستی این موضع را": no surname to keep
                if (
                    _times_used(article, " ".join(words[:size])) < 2
                    and not runaway
                    and not surname_used
                    and not opens_object
                ):
                    continue
                subject_end = candidate.mention_start + written[size - 1].end()
                object_start = candidate.mention_start + written[size].start()
                kept = " ".join(words[:size])
                mention = replace(
                    mention,
                    text=mention.text[: subject_end - candidate.mention_start],
                    **(
                        {"role": kept}
                        if is_role
                        else {"name": kept, "mention_type": "name" if size > 1 else "surname"}
                    ),
                )
                start = (
                    object_start
                    if folded[phrase_end : candidate.start].isspace()
                    else candidate.start
                )
                candidate = replace(candidate, mention=mention, start=start)
                break
        elif _object_after_title(folded, candidate, article):
            # "مهاجم جدید اتلتیکو، علت پاسخ منفی‌اش را ... عنوان کرد": after the title's
            # comma comes the object, not a name the article ever uses again.
            comma = re.search(r"[،,]", folded[candidate.mention_start : phrase_end])
            head_end = candidate.mention_start + comma.start()
            tail_start = candidate.mention_start + comma.end()
            tail_start += len(folded[tail_start:phrase_end]) - len(
                folded[tail_start:phrase_end].lstrip()
            )
            title = mention.text[: head_end - candidate.mention_start].rstrip()
            mention = Mention(text=title, mention_type="role", role=mention.role)
            start = (
                tail_start if folded[phrase_end : candidate.start].isspace() else candidate.start
            )
            candidate = replace(candidate, mention=mention, start=start)
        trimmed.append(candidate)
    return trimmed


def _object_out_of_subject(text: str, folded: str, candidate: Candidate) -> Candidate:
    """A subject taken up to را leaves a ``را ...`` cue no object: the object is the
    subject's tail. It starts after a comma (``پروشنکو، روسیه را به مداخله متهم کرد``),
    after the Leader's or the Imam's title, after ``این`` and its noun (``این مسئول زمان
    برگزاری آزمون را ...``), after a name that a title seemed to follow (``افضلی اعضای ستاد
    تسهیلات نوروزی را ... برشمرد``) or after a title's country; when none of these cuts it,
    two words with no comma are the object of a dropped subject."""
    mention = candidate.mention
    if not candidate.cue.startswith("را ...") or next_word(folded, candidate.start) != "را":
        return candidate
    phrase = folded[candidate.mention_start : candidate.start]
    words = list(re.finditer(r"[^\s،,]+", phrase))
    comma = list(re.finditer(r"[،,]\s*", phrase))
    if comma and comma[-1].end() < len(phrase.rstrip()):
        cut = comma[-1].start(), comma[-1].end()
    elif (revered := REVERED_TITLE.match(phrase)) and phrase[revered.end() :].strip():
        # "مقام معظم رهبری آموزش و پرورش را ...": the title ends the subject
        rest = phrase[revered.end() :]
        cut = revered.end(), revered.end() + len(rest) - len(rest.lstrip())
    elif mention.anaphoric and len(words) > 2:
        cut = words[1].end(), words[2].start()
    elif mention.name and mention.role and fold_words(phrase).startswith(fold_words(mention.name)):
        named = len(mention.name.split())
        if len(words) <= named:
            return _object_alone(candidate)
        # "علی اکبری وزیر نیرو افزایش تولید برق را ...": a title after the name keeps its
        # words up to a noun that opens objects, or up to its country.
        title_end = _title_end(words[named:]) if is_role_head(words[named].group()) else 0
        cut_at = named + title_end
        cut = words[cut_at - 1].end(), words[cut_at].start()
    elif mention.role and not mention.name and (country := _title_country_end(words)):
        cut = words[country - 1].end(), words[country].start()  # "وزیر خارجه برزیل حل ..."
    else:
        return _object_alone(candidate)
    subject = parse_mention(text[candidate.mention_start : candidate.mention_start + cut[0]])
    if subject.mention_type in {"none", "vague"}:
        return _object_alone(candidate)
    return replace(candidate, mention=subject, start=candidate.mention_start + cut[1])


def _title_end(words: list[re.Match[str]]) -> int:
    """How many of ``words``, a title and what follows it, the title runs to: up to a noun
    that opens objects (``وزیر نیرو | افزایش ...``) or its country (``وزیر خارجه برزیل |
    حل ...``); 0 when neither ends it."""
    for index, word in enumerate(words[2:], 2):
        if fold_words(word.group()) in _OBJECT_OPENERS:
            return index
    return _title_country_end(words)


def _object_alone(candidate: Candidate) -> Candidate:
    """``لیونل مسی را ... بهترین بازیکن می‌دانند``: two words right before را, with no comma
    and nothing to cut them at, are the object; the subject is not written before it."""
    mention = candidate.mention
    if mention.text and len(mention.text.split()) <= 2 and not re.search(r"[،,]", mention.text):
        return replace(candidate, mention=Mention("", "none"), start=candidate.mention_start)
    return candidate


def _title_country_end(words: list[re.Match[str]]) -> int:
    """How many words a title runs to when it ends with its country and a noun follows
    (``وزیر خارجه برزیل | حل موضوع سوریه``), else 0."""
    for index, word in enumerate(words[1:-1], 1):
        following = fold_words(words[index + 1].group())
        if is_state(fold_words(word.group())) and following not in {"و", "در", "به"}:
            return index + 1
    return 0


def _object_after_title(folded: str, candidate: Candidate, article: str) -> bool:
    """A title, a comma and a "name" that runs up to را and appears nowhere else."""
    mention = candidate.mention
    if mention.mention_type != "name" or not mention.role or not mention.name:
        return False
    if not re.search(r"[،,]", mention.text) or not mention.text.lstrip().startswith(
        mention.role.split()[0]
    ):
        return False  # "علی ربیعی، سخنگوی دولت": the name comes first, the title after
    # With a "را ..." cue the object, را and all, is the span itself.
    if not (_ra_follows(folded, candidate) or candidate.cue.startswith("را ...")):
        return False
    if _ra_right_after(folded, candidate):
        return True  # "فرماندار خرمشهر، مرز دریایی خرمشهر را ...": right before را, the object
    return _times_used(article, mention.name) < 2


def _ra_right_after(folded: str, candidate: Candidate) -> bool:
    """The word right after the mention's phrase is را."""
    return next_word(folded, candidate.mention_start + len(candidate.mention.text)) == "را"


def _ra_follows(folded: str, candidate: Candidate) -> bool:
    """The mention's phrase is followed by را, at once or before the span begins."""
    phrase_end = candidate.mention_start + len(candidate.mention.text)
    between = folded[phrase_end : candidate.start].split()
    # "یکی از شهروندان که قصد خرید مرغ را داشت ... گفت:": a relative clause's را
    between = between[: between.index("که")] if "که" in between else between
    return _ra_right_after(folded, candidate) or "را" in between


def _object_opens_span(folded: str, candidate: Candidate) -> bool:
    """``باغستانی مهم‌ترین برنامه این سازمان ... را ... عنوان کرد``: the span of a را cue
    begins right after the phrase, so the phrase may hold the start of the object."""
    phrase_end = candidate.mention_start + len(candidate.mention.text)
    return candidate.cue.startswith("را") and folded[phrase_end : candidate.start].isspace()


def _times_used(article: str, phrase: str) -> int:
    """How often the article (folded words, ZWNJ removed) holds the phrase as whole words."""
    return whole_word_uses(article, fold_words(phrase))


def extract_statements(text: str) -> list[ExtractedStatement]:
    """Every attributed statement in ``text``, in text order, speakers resolved across the
    article; each with the learned model's confidence, the unlikely ones left out."""
    return _without_marks(text, lambda bare: score_statements(bare, _rule_statements(bare)))


def rule_statements(text: str) -> list[ExtractedStatement]:
    """What the rules find, before the learned model weighs it (the model trains on this)."""
    return _without_marks(text, _rule_statements)


# Vowel marks, the hamza and superscript alef written over a letter, the tatweel that
# stretches one and the soft hyphen that marks where a word may break: "تأکید" typed as
# ت ا ٔ ک ی د, "گفـت", "گ\u00adفت". Read without them, offsets mapped back.
_MARK_CHARS = frozenset(
    chr(c) for c in (*range(0x064B, 0x0653), 0x0654, 0x0655, 0x0670, 0x0640, 0x00AD)
)
_MARKS = re.compile(f"[{''.join(sorted(_MARK_CHARS))}]")


def _without_marks(
    text: str, extract: Callable[[str], list[ExtractedStatement]]
) -> list[ExtractedStatement]:
    """``extract`` run on ``text`` with its marks taken out, its offsets and quotes the
    original text's (a mark after a span's last letter belongs to it)."""
    if not _MARKS.search(text):
        return extract(text)
    kept = [i for i, char in enumerate(text) if char not in _MARK_CHARS]
    bare = "".join(text[i] for i in kept)
    mapped = []
    for statement in extract(bare):
        start = kept[statement.start]
        end = kept[statement.end - 1] + 1
        while end < len(text) and text[end] in _MARK_CHARS:
            end += 1
        mapped.append(replace(statement, start=start, end=end, quote=text[start:end]))
    return mapped


_THEY_SAY = re.compile(rf"می[\s{ZWNJ}]?(?:گویند|گفتند)")


def _rule_statements(text: str) -> list[ExtractedStatement]:
    folded = fold(text)
    candidates: list[Candidate] = []
    paragraphs_ = structure(text, folded)
    direct_in_article: list[Candidate] = []
    for index, para in enumerate(paragraphs_):
        if para.furniture:
            continue
        if para.location == "title":
            candidates.extend(_headline_candidates(text, folded, para))
        following = paragraphs_[index + 1] if index + 1 < len(paragraphs_) else None
        direct = _colon_candidates(text, folded, para, following)
        direct_in_article.extend(direct)
        candidates.extend(direct)
        candidates.extend(indirect_candidates(text, folded, para, direct))
    candidates.extend(_continued_quotes(text, folded, paragraphs_, direct_in_article))
    candidates.extend(_quoted_paragraphs(text, folded, paragraphs_, candidates))
    candidates.extend(_document_text(text, folded, paragraphs_, candidates))
    candidates.extend(_labelled_speakers(text, folded, paragraphs_, candidates))
    answers, questions = _interview_answers(text, folded, paragraphs_, candidates)
    labelled = _labelled_answers(text, folded, paragraphs_, [*candidates, *answers])
    # "شرایط رئال و بارسا در لالیگا: "در حال حاضر ..." and the next paragraph before the mark
    # closes: the answer goes on.
    answers += labelled + _continued_quotes(text, folded, paragraphs_, labelled)
    answered = {(a.start, a.end) for a in answers}
    candidates = [
        c
        for c in candidates
        if (c.start, c.end) not in answered
        and not any(start <= c.start < end for start, end in questions)
    ] + answers
    # "برخی می‌گویند", "به گفته کارشناسان": vague sources are not attributed statements.
    candidates = [c for c in candidates if c.mention.mention_type != "vague"]
    # "همان‌طور که می‌گویند زمان زخم‌ها را ...", "می‌گفتند تیم پیر است": "they say" (or
    # used to say) with no subject is hearsay.
    candidates = [
        c
        for c in candidates
        if not (
            c.mention.mention_type == "none"
            and _THEY_SAY.fullmatch(fold(c.cue).removesuffix(" «»").removesuffix("،"))
        )
    ]
    candidates = _drop_premises_put_to_speakers(folded, candidates)
    # "مدعی شد: ...": one quote, found both after the colon and after the verb of belief.
    quoted = {(c.start, c.end) for c in candidates if c.kind == "direct"}
    candidates = [c for c in candidates if c.kind == "direct" or (c.start, c.end) not in quoted]
    candidates.sort(key=lambda c: (c.mention_start, c.start, c.end))

    # The article's words as fold_words has them, for counting how often a name is used.
    article = " ".join(folded.replace(ZWNJ, "").split())
    candidates = _trim_runaway_names(candidates, article)
    candidates = _trim_subjects_into_objects(folded, article, candidates)
    candidates = [_object_out_of_subject(text, folded, c) for c in candidates]
    candidates = _drop_noun_phrase_subjects(candidates, article)
    resolver = SpeakerResolver()
    lead_author = None
    for mention in _lead_subjects(text, folded, paragraphs_, candidates):
        lead_author = resolver.add_author(mention)
    entity_ids: list[int | None] = []
    interviewee: int | None = None
    previous: Candidate | None = None
    pronouns_in_quotes: dict[int, int | None] = {}  # candidate -> the quoting speaker
    for position, candidate in enumerate(candidates):
        if candidate.cue == ANSWER_CUE:
            # Every answer is the interviewee's, whoever an answer itself quotes: the guest
            # quoted in the title or lead, else the guest of the labelled turns (مشایی: ...),
            # else the latest speaker before the answers.
            if interviewee is None:
                up_front = [
                    entity
                    for entity, c in zip(entity_ids, candidates, strict=False)
                    if c.location in {"title", "lead"} and entity is not None
                ]
                turns = [
                    entity
                    for entity, c in zip(entity_ids, candidates, strict=False)
                    if c.cue == "headline" and c.location == "body" and entity is not None
                ]
                # With no one quoted before, the guest the lead announces (علی دایی ... به
                # پرسش‌ها پاسخ داد).
                interviewee = (
                    up_front[0] if up_front else (turns or entity_ids or [lead_author])[-1]
                )
            entity_ids.append(interviewee)
        else:
            outer = next(
                (
                    index
                    for index, other in enumerate(candidates)
                    if other.kind == "direct" and other.start <= candidate.mention_start < other.end
                ),
                None,
            )
            nested = outer is not None
            revered = _revered_antecedent(text, folded, candidate)
            if revered:
                entity_ids.append(
                    resolver.add(
                        Mention(revered, "role", role=revered, another=True), speaks=not nested
                    )
                )
                previous = candidate
                continue
            if (
                nested
                and candidate.kind == "indirect"
                and candidate.mention.mention_type == "pronoun"
            ):
                # Resolved once the article's people are all known (below).
                pronouns_in_quotes[position] = entity_ids[outer] if outer < position else None
                entity_ids.append(None)
                previous = candidate
                continue
            introduced = (
                None if nested else _introduced_just_before(text, folded, candidate, previous)
            )
            if introduced is not None:
                # The person the sentence before introduced, not the last speaker.
                entity_ids.append(resolver.add(introduced))
                previous = candidate
                continue
            if previous is not None and _named_in_quote(folded, candidate.mention, previous):
                # "رئیس شعبه ۱۱۳ گفت: عاملان قتل دکتر سرابی ..." then "دکتر سرابی گفته بود":
                # the person a speaker talks about is someone else.
                candidate = replace(candidate, mention=replace(candidate.mention, another=True))
            entity_ids.append(_resolve(resolver, candidate, nested=nested))
            if entity_ids[-1] is not None and (
                _WRITING_CUE.search(fold(candidate.cue))
                or _ISSUING.search(folded, candidate.mention_start, candidate.start)
            ):
                resolver.wrote(entity_ids[-1])
            nickname = _nickname_after(folded, candidate)
            if nickname and entity_ids[-1] is not None:
                resolver.also_called(entity_ids[-1], nickname)
        previous = candidate
    resolver.finish()
    _name_the_lead_speaker(text, folded, paragraphs_, candidates, entity_ids, resolver, lead_author)
    _titles_named_elsewhere(text, folded, article, paragraphs_, candidates, entity_ids, resolver)
    running_text = _ArticleWords(text)
    _titles_named_beside(running_text, entity_ids, resolver)
    _surnames_named_in_full(running_text, resolver)
    _states_named_in_full(article, resolver)
    _headline_repeated_in_body(folded, candidates, entity_ids, resolver)
    entity_ids = _introduced_before_speaking(folded, candidates, entity_ids, resolver)
    for position, quoting in pronouns_in_quotes.items():
        entity_ids[position] = _antecedent_in_quote(
            running_text, resolver, candidates[position], quoting
        )
    # Matched on the folded text (رهبري with an Arabic ي is رهبری), taken as written.
    resolver.join_leaders_titles(
        [text[m.start() : m.end()] for m in REVERED_TITLE.finditer(folded)]
    )
    resolver.join_lone_title_to_lone_name()
    resolver.join_lead_title_to_main_speaker(
        [
            e
            for c, e in zip(candidates, entity_ids, strict=True)
            if c.location == "lead" and e is not None
        ],
        [e for e in entity_ids if e is not None],
    )
    resolver.join_unnamed_outlet(_outlets_named(text, folded))
    resolver.join_misspelt_names(lambda name: _times_used(article, name))
    resolver.join_first_name_to_surname()

    statements = []
    for position, (candidate, entity_id) in enumerate(zip(candidates, entity_ids, strict=True)):
        if candidate.cue == ANSWER_CUE and entity_id is None:
            continue  # an answer of a guest the article never names or titles
        if position in pronouns_in_quotes and entity_id is None:
            continue  # "او به من گفت ..." in a quote, and no one named before it
        speaker = resolver.speaker(entity_id)
        confidence = candidate.base_confidence if speaker else 0.3
        statements.append(
            ExtractedStatement(
                speaker=speaker.name if speaker else "",
                role=(speaker.role or None) if speaker else None,
                speaker_mention=candidate.mention.text or None,
                mention_type=candidate.mention.mention_type,
                quote=text[candidate.start : candidate.end],
                start=candidate.start,
                end=candidate.end,
                kind=candidate.kind,
                cue=candidate.cue,
                location=candidate.location,
                confidence=round(confidence, 2),
                speaker_is_organisation=bool(speaker and speaker.is_organisation),
                mention_name=candidate.mention.name,
            )
        )
    return sorted(statements, key=lambda s: (s.start, s.end))


_AT_THE_EVENT = re.compile(r"\s*در\s+(?:این|همین|آن)\s+(?!گزارش)\S+")


_OUTLET_NAMED = re.compile(
    rf"(?<!\w)(?P<head>{'|'.join(h.replace(ZWNJ, '[\u200c ]?') for h in OUTLET_HEADS)})"
    r"\s*[«\"“](?P<name>[^«»\"“”\n]{2,40})[»\"”]"
)


def _outlets_named(text: str, folded: str) -> dict[str, set[str]]:
    """The outlets the article names in quotation marks (``روزنامه «دیلی تلگراف»``), by head."""
    named: dict[str, dict[str, str]] = {}
    for match in _OUTLET_NAMED.finditer(folded):
        name = " ".join(text[match.start("name") : match.end("name")].split())
        named.setdefault(name_words(match.group("head"))[0], {}).setdefault(fold_key(name), name)
    return {head: set(names.values()) for head, names in named.items()}


def _name_the_lead_speaker(
    text: str,
    folded: str,
    paragraphs_: list[Paragraph],
    candidates: list[Candidate],
    entity_ids: list[int | None],
    resolver: SpeakerResolver,
    lead_author: int | None = None,
) -> None:
    """A lead quoting a title, then a body that opens by naming a person: the title was that
    person, whether the body's first sentence is a statement of the person given no title of
    their own, or a sentence that names them before a ``وی`` speaks. A lead that only says what
    the title holder did (``استاندار ... را ... مقایسه کرد``) names them the same way.

    ``مدیرکل بنیاد شهید گیلان گفت: ...`` / ``به گزارش فارس، احمد اسماعیلی ... بازدید کرد.``
    / ``وی ... گفت: ...``: agency copy names the official only in a sentence that is not a
    statement; the وی right after it is resolved to the lead's speaker, who is the same
    person.
    """
    lead = [
        i for i, c in enumerate(candidates) if c.location == "lead" and entity_ids[i] is not None
    ]
    # The body's first paragraph with words of its own, after the lead: not a dateline
    # ("خبرگزاری فارس:") on a line before it.
    after = candidates[lead[0]].mention_start if lead else -1
    body = next(
        (
            p
            for p in paragraphs_
            if p.location == "body"
            and not p.furniture
            and p.end > after
            and folded[p.content_start : p.end].strip()
        ),
        None,
    )
    lead_speaker = entity_ids[lead[0]] if lead else lead_author
    if lead_speaker is None or body is None:
        return
    if not lead and not is_role_head(resolver.title_only(lead_speaker).split(" ")[0]):
        return  # "دادگاه مادرید ... را رد کرد": a body, not a person the body names
    end = sentence_end(folded, body.content_start, body.end)
    first = next((i for i, c in enumerate(candidates) if body.start <= c.mention_start < end), None)
    if first is not None:
        # "امام جمعه خرم‌آباد گفت: ..." / "به گزارش فارس، حجت‌الاسلام سیداحمد میرعمادی در خطبه‌ها
        # اظهار داشت: ...": a full name given no title of its own, speaking first in the body.
        mention = candidates[first].mention
        if (
            mention.mention_type == "name"
            # "در این مراسم علیرضا سرگل‌زهی شهردار منطقه ۹ گفت": at an event, another
            # official with a title of their own speaks after the lead's.
            and not (mention.role and _AT_THE_EVENT.match(folded, body.content_start))
            and not mention.another
            and len(name_words(mention.name)) >= 2
            and entity_ids[first] is not None
        ):
            resolver.same_person(entity_ids[first], lead_speaker)
        return
    if not lead:
        return  # a lead that quotes no one: only a named statement right after it names it
    mention, _ = mention_before(text, folded, body.content_start, end)
    if (
        mention.mention_type != "name"
        or mention.is_organisation
        or len(name_words(mention.name)) < 2
    ):
        return
    speaker = lead_speaker
    lead_title = resolver.title_only(speaker)
    if mention.role and lead_title and role_matches(mention.role, lead_title):
        # "به گزارش فارس، محسن مهرعلیزاده استاندار اصفهان ... دیدار کرد.": the lead's
        # title-only speaker, named with the same title.
        resolver.name(speaker, mention.name)
        return
    if mention.role or mention.another or _AT_THE_EVENT.match(folded, body.content_start):
        # "در این نشست محمد رضایی رئیس شرکت توانیر نیز حضور داشت": someone with a title of
        # their own, someone else too (نیز), or another person at the event.
        return
    following = next((i for i, c in enumerate(candidates) if c.mention_start >= end), None)
    # The next speaker is the lead's again, by وی or by the lead's title (استاندار اصفهان ...
    # خواستار ... شد): the person named between them holds that title.
    if following is None or candidates[following].mention.mention_type not in {
        "pronoun",
        "none",
        "role",
    }:
        return
    if entity_ids[following] != speaker:
        return
    resolver.name(speaker, mention.name)


# "کانزاس‌سیتی استار در گزارشی نوشت: ...": a paper or agency writing; "این گزارش" later is its.
_WRITING_CUE = re.compile(r"^(?:نوشت|می[\u200c ]?نویسد|نوشته|گزارش\s+داد)")
# "وزارت خارجه پاکستان با صدور بیانیه‌ای اعلام کرد: ...": it issued the document that a later
# "در این بیانیه آمده است" quotes.
_ISSUING = re.compile(
    r"(?<!\S)(?:با|طی|در)\s+(?:(?:صدور|انتشار)\s+)?(?:بیانیه|اطلاعیه|نامه|پیام)[\u200c ]?ای(?!\S)"
)

# "لوسیانو پریرا ملقب به شیمبا": the nickname a headline may use for the same person.
_NICKNAME = re.compile(
    r"[\s،,]*ملقب\s+به\s+(?:«(?P<quoted>[^»\n]{2,30})»|(?P<word>[^\s،,.:«»]{2,}))"
)


def _nickname_after(folded: str, candidate: Candidate) -> str:
    mention = candidate.mention
    spelt_out = ACRONYM_SPELT_OUT.fullmatch(mention.text)
    if spelt_out:
        return spelt_out["acronym"]  # "OCA (شورای المپیک آسیا)" is OCA later on
    if mention.mention_type != "name" or not mention.text:
        return ""
    match = _NICKNAME.match(folded, candidate.mention_start + len(mention.text))
    return (match.group("quoted") or match.group("word")) if match else ""


def _titles_named_elsewhere(
    text: str,
    folded: str,
    article: str,
    paragraphs_: list[Paragraph],
    candidates: list[Candidate],
    entity_ids: list[int | None],
    resolver: SpeakerResolver,
) -> None:
    """A speaker known only by title, named with that title in a sentence that is no
    statement (``محسن مهرعلیزاده استاندار اصفهان با ... دیدار کرد``): that is their name.
    A title two named people share names neither."""
    titled = {}
    for entity_id in set(entity_ids) - {None}:
        title = resolver.title_only(entity_id)
        # Only a title the article writes at least twice can be named elsewhere.
        if title and _times_used(article, " ".join(name_words(title)[:2])) >= 2:
            titled[entity_id] = title
    if not titled:
        return
    spoken = {c.mention_start for c in candidates}
    names: dict[int, set[str]] = {}
    for para in paragraphs_:
        if para.furniture or para.location == "title":
            continue
        start = para.content_start
        for end in [*sentence_boundaries(folded, start, para.end), para.end]:
            if end <= start:
                continue
            if not any(start <= position < end for position in spoken):
                mention, _ = mention_before(text, folded, start, end)
                if (
                    mention.mention_type == "name"
                    and mention.role
                    and not mention.is_organisation
                    and len(name_words(mention.name)) >= 2
                ):
                    for entity_id, role in titled.items():
                        if role_matches(mention.role, role):
                            names.setdefault(entity_id, set()).add(mention.name)
            start = end
    for entity_id, found in names.items():
        if len({fold_key(n) for n in found}) == 1:
            resolver.name(entity_id, found.pop())


_FIRST_NAMES_MAX = 2


class _ArticleWords:
    """The article split into words once, each with its folding key, for the passes that look
    names up in the running text; built only when one of them has something to look up."""

    def __init__(self, text: str) -> None:
        self.text = text

    @functools.cached_property
    def words(self) -> list[re.Match[str]]:
        return list(WORD.finditer(self.text))

    @functools.cached_property
    def keys(self) -> list[str]:
        return [fold_key(word.group()) for word in self.words]

    @functools.cached_property
    def starts(self) -> list[int]:
        return [word.start() for word in self.words]


def _first_names_before(text: str, words: list[re.Match[str]], index: int) -> int:
    """How many words right before ``words[index]`` are first names (``علی``, ``محمد رضا``),
    with nothing but spaces between them."""
    count = 0
    while count < _FIRST_NAMES_MAX and index - count - 1 >= 0:
        word = words[index - count - 1]
        gap = text[word.end() : words[index - count].start()]
        if not is_first_name(word.group()) or gap.strip(" " + ZWNJ):
            break
        count += 1
    return count


_HONORIFIC_PRONOUN_KEYS = {fold_words(pronoun) for pronoun in HONORIFIC_PRONOUNS}


def _revered_antecedent(text: str, folded: str, candidate: Candidate) -> str:
    """The title ``معظم‌له`` stands for: the last of the Leader's or the late Imam's titles
    written before it (``... مقام معظم رهبری ... معظم له می‌فرمایند``), or ""."""
    honorific = fold_words(candidate.mention.text) in _HONORIFIC_PRONOUN_KEYS
    # "دغدغه رهبر معظم انقلاب است. ایشان در دیدار ... می‌فرمایند: ...": ایشان with the
    # honorific verb, right after one of those titles, is the same figure.
    revered_verb = fold_words(candidate.mention.text) == "ایشان" and HONORIFIC_VERB.search(
        fold(candidate.cue)
    )
    if not (honorific or revered_verb):
        return ""
    floor = max(candidate.mention_start - _ANTECEDENT_REACH, 0)
    titles = list(REVERED_TITLE.finditer(folded, floor, candidate.mention_start))
    return text[titles[-1].start() : titles[-1].end()] if titles else ""


# How far before a pronoun inside a quote to look for the person it stands for.
_ANTECEDENT_REACH = 400


def _antecedent_in_quote(
    article: _ArticleWords, resolver: SpeakerResolver, candidate: Candidate, quoting: int | None
) -> int | None:
    """The person a third-person pronoun inside a quote reports (``آقای اسکوچیچ در برنامه‌اش
    نبود. ایشان گفتند ...``): the person the article knows whose name stands last before it,
    never the quoting speaker."""
    # "آنها گفتند": a group, never the one person named last
    known = (
        {} if fold_words(candidate.mention.text) in _THEY else resolver.people_by_last_word(quoting)
    )
    floor = candidate.mention_start - _ANTECEDENT_REACH
    # The words that start before the pronoun, nearest first.
    for position in range(bisect.bisect_left(article.starts, candidate.mention_start) - 1, -1, -1):
        word = article.words[position]
        if word.start() < floor:
            break
        if word.end() <= candidate.mention_start and article.keys[position] in known:
            return known[article.keys[position]]
    spoken_with = _spoken_with(article.text, candidate.mention_start)
    return resolver.add(spoken_with, speaks=False) if spoken_with else None


_THEY = {fold_words(p) for p in ("آنها", "آن‌ها")}
# "با فان خال صحبت کردم ... ولی او به من گفت که ...", "به چند پزشک جراح مراجعه کردم. آنها
# گفتند ...": the person the quoted speaker says they spoke to, asked or called.
_SPOKEN_WITH = re.compile(
    r"(?<!\S)(?:با|به|از)\s+(?P<who>[^\s،,.:؛!؟?«»]+(?:\s+[^\s،,.:؛!؟?«»]+){0,3}?)\s+"
    r"(?:هم\s+|نیز\s+)?(?:صحبت|تماس|مراجعه|پرسیدم|پرسیدیم|گفتم|گفتیم|زنگ|حرف)(?!\w)"
)
_SPOKEN_WITH_REACH = 250
_NOT_IN_WHO = {"با", "به", "از", "در", "که", "و", "را", "خود", "اشاره", "توجه"}


def _spoken_with(text: str, pronoun: int) -> Mention | None:
    """The last person the quoted speaker spoke to before a pronoun that reports them."""
    window_start = max(0, pronoun - _SPOKEN_WITH_REACH)
    window = fold(text[window_start:pronoun])
    found = list(_SPOKEN_WITH.finditer(window))
    if not found:
        return None
    who = found[-1]
    words = who["who"].split()
    if set(words) & _NOT_IN_WHO:
        return None  # "با اشاره به برخی ...", "با هموطن خود": not a person spoken to
    phrase = text[window_start + who.start("who") : window_start + who.end("who")]
    if words[-1].endswith("م") and is_role_head(words[-1][:-1]):
        phrase = phrase[:-1]  # "به کمک داورم گفتم": my assistant referee
    mention = parse_mention(phrase)
    if mention.mention_type not in {"name", "surname", "role"} or mention.anaphoric:
        return None
    return replace(mention, another=True)


def _surnames_named_in_full(article: _ArticleWords, resolver: SpeakerResolver) -> None:
    """``لاریجانی گفت`` after ``علی لاریجانی دیروز با ... دیدار کرد``: a person quoted by
    surname alone is given the full name the article writes, when it writes only one."""
    surnames = resolver.surnames()
    if not surnames:
        return
    text, words = article.text, article.words
    wanted = {fold_key(surname) for surname in surnames.values()}
    positions: dict[str, list[int]] = {}  # where each surname stands, by word
    for position, key in enumerate(article.keys):
        if key in wanted:
            positions.setdefault(key, []).append(position)
    for index, surname in surnames.items():
        surname_key = fold_key(surname)
        if len(surname_key) < 2 or not surname_key.isalpha():
            continue  # a stray mark taken for a subject (ـ) names no one
        found = set()
        for position in positions.get(surname_key, []):
            first = _first_names_before(text, words, position)
            if first:
                found.add(text[words[position - first].start() : words[position].end()])
        if not found:
            # "برانکو گفت" after "برانکو ایوانکوویچ ...": someone the article calls by first
            # name, whose surname it writes once next to it; "حجت‌الاسلام حسینی افزود" after
            # "حجت‌الاسلام والمسلمین حسینی شاهرودی": a surname of two words, shortened.
            for position in positions.get(surname_key, []):
                titled = position and article.keys[position - 1] in _HONORIFIC_WORD_KEYS
                surname_after = (is_first_name(surname) or titled) and _surname_after(
                    text, words, position
                )
                if titled and surname_after and not surname_after.group().endswith(_SURNAMES):
                    surname_after = None  # "آیت‌الله خامنه‌ای کنفرانس": no surname's ending
                if surname_after:
                    found.add(text[words[position].start() : surname_after.end()])
        if len({fold_key(name) for name in found}) == 1:
            resolver.named_in_full(index, found.pop())


# The last word of a title of address: "دکتر", "حجت‌الاسلام والمسلمین", "آیت‌الله".
_HONORIFIC_WORD_KEYS = {fold_key(h.split()[-1]) for h in HONORIFICS} | {fold_key("والمسلمین")}


# How Persian surnames end: شاهرودی, صالحیان, حسین‌زاده, رحیم‌پور, ...
_SURNAMES = ("ی", "یان", "زاده", "پور", "نیا", "فر", "نژاد", "راد", "وند", "لو")
_BEING = {fold_key(w) for w in ("هستم", "هستیم", "هستند", "است", "بود", "بودم", "نیست", "شد")}


def _surname_after(text: str, words: list[re.Match[str]], index: int) -> re.Match[str] | None:
    """The word right after the first name ``words[index]`` when it reads as a surname: no
    common word, title, first name or mark of punctuation between."""
    if index + 1 >= len(words):
        return None
    word = words[index + 1]
    if text[words[index].end() : word.start()].strip(" " + ZWNJ):
        return None
    bare = word.group()
    if (
        len(fold_key(bare)) < 3
        or is_common_phrase(bare)
        or is_role_head(bare)
        or is_first_name(bare)
        or is_organisation_head(bare)
        or speech_verb_pattern().fullmatch(fold(bare))  # "صادق افزود:", "تونی گفت"
        or fold_key(bare).endswith(("دند", "تند"))  # "جلال دادند": a plural past verb
        or fold_key(bare) in _BEING  # "منتظری هستم"
    ):
        return None
    return word


_LONG_STATE_NAMES = [state for state in STATES if " " in state]


def _states_named_in_full(article: str, resolver: SpeakerResolver) -> None:
    """``عربستان از مصر خواسته بود`` where the article also writes ``عربستان سعودی``: a
    country quoted by its short name gets the full one, as a person does their full name."""
    for index, name in resolver.organisations().items():
        if not is_state(name):
            continue
        key = fold_words(name) + " "
        longer = [
            state
            for state in _LONG_STATE_NAMES
            if fold_words(state).startswith(key) and _times_used(article, state)
        ]
        if len(longer) == 1:
            resolver.named_in_full(index, longer[0])


# "انتصاب علی صلاحی به عنوان معاون اقتصادی باشگاه": the name given the title.
_AS_TITLE = [fold_key(word) for word in ("به", "عنوان")]


def _titles_named_beside(
    article: _ArticleWords, entity_ids: list[int | None], resolver: SpeakerResolver
) -> None:
    """A speaker known only by title whose title the article writes right after a full name
    (``در گفت‌وگو با علی‌اکبر ضیائی استاد دانشگاه امام صادق``, ``انتصاب علی صلاحی به عنوان
    معاون اقتصادی باشگاه``): that is their name, when
    the title follows one name only. The first name must be a common Persian one, since a
    word before a title is as often a verb or a place."""
    titled = {}
    for entity_id in set(entity_ids) - {None}:
        title = resolver.title_only(entity_id)
        if len(name_words(title)) >= 2:
            titled[entity_id] = [fold_key(word) for word in WORD.findall(title)]
    if not titled:
        return
    text, words, keys = article.text, article.words, article.keys
    for entity_id, title_keys in titled.items():
        names = set()
        for position in range(2, len(words) - len(title_keys) + 1):
            if keys[position : position + len(title_keys)] != title_keys:
                continue
            named_at = position - 2 if keys[position - 2 : position] == _AS_TITLE else position
            if named_at < 2:
                continue
            surname = words[named_at - 1]
            first = words[named_at - 2]
            if (
                is_given_name(first.group())
                and not text[first.end() : surname.start()].strip(" " + ZWNJ)
                and not text[surname.end() : words[named_at].start()].strip(" ،," + ZWNJ)
                and not is_common_phrase(surname.group())
                and not is_role_head(surname.group())
            ):
                names.add(text[first.start() : surname.end()])
        title = resolver.title_only(entity_id)
        if not is_not_one_person(title):
            names |= _named_before_comma(article, title_keys)
        if len({fold_key(name) for name in names}) == 1:
            resolver.name(entity_id, names.pop())


# Words a title may add or drop between mentions: "مالک ناپولی", "مالک باشگاه ناپولی".
_TITLE_FILLERS = {fold_key(word) for word in ("باشگاه", "تیم")}
_NAME_BEFORE_COMMA_WORDS = 4
_NO_NAME_WORDS = {
    fold_key(word)
    for word in ("گزارش", "بنابر", "براساس", "اساس", "طبق", "نقل", "به", "از", "در", "با", "این")
}


def _named_before_comma(article: _ArticleWords, title_keys: list[str]) -> set[str]:
    """``اورلیو دی لائورنتیس، مالک باشگاه ناپولی ...`` for a speaker called ``مالک ناپولی``:
    the name set off before the title by a comma, a club or team word aside."""
    wanted = [key for key in title_keys if key not in _TITLE_FILLERS]
    text, words, keys = article.text, article.words, article.keys
    names = set()
    for position in range(1, len(words)):
        if not re.search(r"[،,]", text[words[position - 1].end() : words[position].start()]):
            continue
        title = [
            key for key in keys[position : position + 2 * len(wanted)] if key not in _TITLE_FILLERS
        ]
        if title[: len(wanted)] != wanted:
            continue
        # The name's words: back from the comma to a mark or a break, a few at most.
        first = position - 1
        while (
            first > 0
            and position - first < _NAME_BEFORE_COMMA_WORDS
            and not text[words[first - 1].end() : words[first].start()].strip(" " + ZWNJ)
        ):
            first -= 1
        name = _set_off_name(text[words[first].start() : words[position - 1].end()])
        if name:
            names.add(name)
    return names


def _set_off_name(phrase: str) -> str:
    """The person's name ``phrase`` holds, or "": two words or more, no relay (``بنابر گزارش
    خبرگزاری فرانسه``), no quoted words (``«ما به تعهدات خود پایبند هستیم»``), at most one
    common word."""
    mention = parse_mention(phrase)
    words = mention.name.split()
    if (
        mention.mention_type != "name"
        or len(name_words(mention.name)) < 2
        or mention.is_organisation
        or is_common_phrase(words[0])
        or {fold_key(word) for word in words} & _NO_NAME_WORDS
        or re.search(r"[«»\"]", phrase)
        or sum(is_common_phrase(word) for word in words) > 1
    ):
        return ""
    return mention.name


_REPEATED_SHARE = 0.6  # of the headline's words that a body statement must hold
_REPEATED_MIN_WORDS = 4


def _headline_repeated_in_body(
    folded: str,
    candidates: list[Candidate],
    entity_ids: list[int | None],
    resolver: SpeakerResolver,
) -> None:
    """A headline credited to a title alone (``دیپلمات ایرانی: آماده آغاز خرید و فروش
    تسلیحات ... هستیم``) repeats what a named speaker says in the body (``«علیرضا میریوسفی»
    سخنگوی هیئت ایران ... گفت: «... آماده آغاز خرید و فروش تسلیحات ...»``): that speaker
    holds the title, when the words are one named speaker's only. Not a speaker who reports
    the title holder (``عبدالله تمیمی ... گفت: وزیر نیرو ... قول داد قیمت ... کاهش یابد``)."""
    named = [
        (entity, fold_words(folded[c.start : c.end]))
        for c, entity in zip(candidates, entity_ids, strict=True)
        if c.location != "title" and entity is not None and not resolver.title_only(entity)
    ]
    for candidate, entity in zip(candidates, entity_ids, strict=True):
        if candidate.location != "title" or entity is None:
            continue
        title = fold_words(resolver.title_only(entity))
        words = set(fold_words(folded[candidate.start : candidate.end]).split())
        if not title or len(words) < _REPEATED_MIN_WORDS:
            continue
        if any(title in said for _, said in named):
            continue  # "... گفت: وزیر نیرو قول داد ...": the title's holder is someone reported
        holders = {
            fold_key(resolver.speaker(other).name): other
            for other, said in named
            if len(words & set(said.split())) >= _REPEATED_SHARE * len(words)
        }
        if len(holders) == 1:
            resolver.same_person(next(iter(holders.values())), entity)


_SENTENCE_END = re.compile(r"[.!؟?]\s*$")
_SENTENCE_BREAK = re.compile(r"[.!؟?\n]")
_SPOKE_OF = re.compile(
    r"(?:اظهار[\s\u200c]*نظر|واکنش|سخن|صحبت|گفت[\s\u200c]*و?[\s\u200c]*گو|مصاحبه|سخنرانی|"
    r"نشست\s+خبری|کنفرانس\s+خبری|"
    # "X نیز از ادعاهای روسیه ... انتقاد کرد. وی گفت: ...": a stance named, its words after
    r"انتقاد|هشدار|ابراز)"
)


def _introduced_just_before(
    text: str, folded: str, candidate: Candidate, previous: Candidate | None
) -> Mention | None:
    """The person a ``وی`` opening a sentence stands for when the sentence right before it,
    after the last statement, names that person speaking without saying what
    (``«هارولد باستیانس» رئیس باشگاه نایمخن با خوشحالی اظهار نظر کرده است. وی گفت: ...``):
    news introduces the speaker, then quotes them, and the last one quoted is someone else."""
    if candidate.mention.mention_type != "pronoun":
        return None
    before = folded[: candidate.mention_start].rstrip()
    if candidate.location == "title" or not _SENTENCE_END.search(before):
        return None
    end = len(before)
    # The sentence before must open after the last statement: look for its break only there.
    floor = max(previous.end, previous.mention_start) if previous is not None else 0
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(folded, max(0, floor - 1), max(0, end - 1))]
    if not breaks and previous is not None:
        return None
    start = breaks[-1] if breaks else 0
    if not _SPOKE_OF.search(folded, start, end):
        return None
    phrase, phrase_start = subject_phrase(folded, start, end)
    if not phrase:
        return None
    mention = parse_mention(text[phrase_start : phrase_start + len(phrase)])
    if mention.mention_type != "name" or mention.is_organisation or mention.another:
        return None
    if len(name_words(mention.name)) < 2:
        return None
    # A person: a first name opens the name, or a title follows it.
    first = name_words(mention.name)[0]
    titled = bool(mention.role) and is_role_head(name_words(mention.role)[0])
    if not (is_first_name(first) or (titled and not is_common_phrase(first))):
        return None  # "موضوع دیگر انتخاباتی سخنان رهبر انقلاب ...": a topic, not a person
    return mention


def _introduced_before_speaking(
    folded: str,
    candidates: list[Candidate],
    entity_ids: list[int | None],
    resolver: SpeakerResolver,
) -> list[int | None]:
    """A ``وی`` (or a dropped subject) with no speaker before it is the next speaker the
    article names, when the article has already named that person before the ``وی``.

    ``مهدی مهدوی‌کیا در حاشیه دیدار ... خاطره‌ای تعریف کرد.`` then ``وی ... گفت: ...`` and
    later ``مهدوی کیا ... گفت: ...``: news introduces the person in a sentence that is not
    a statement, and refers back to them before naming them again.
    """
    resolved = list(entity_ids)
    for i, candidate in enumerate(candidates):
        if resolved[i] is not None or candidate.mention.mention_type not in {"pronoun", "none"}:
            continue
        if candidate.cue == ANSWER_CUE:
            continue
        later = next(
            (
                j
                for j in range(i + 1, len(candidates))
                if entity_ids[j] is not None
                and candidates[j].mention.mention_type in {"name", "surname"}
            ),
            None,
        )
        if later is None:
            continue
        speaker = resolver.speaker(entity_ids[later])
        # Spacing and ZWNJ do not count, as in names_match (مهدوی کیا = مهدوی‌کیا).
        earlier = re.sub(
            rf"[\s{ZWNJ}]+", "", folded[: min(candidate.mention_start, candidate.start)]
        )
        for name in {speaker.name, candidates[later].mention.name} - {""}:
            key = "".join(name_words(name))
            if len(key) >= 4 and key in earlier:
                resolved[i] = entity_ids[later]
                break
        else:
            if all(r is None for r in resolved[:i]) and candidate.mention.mention_type == "pronoun":
                # "وی ادامه داد: ..." as the article's first statement, its antecedent cut
                # from the copy: the next speaker the article names.
                resolved[i] = entity_ids[later]
    return resolved


def find_byline_source(text: str) -> str:
    """The publisher named by an agency byline (``دیدارنیوز:``, ``خبرگزاری فارس:``), or ""."""
    folded = fold(text)
    for start, end in paragraphs(text)[:12]:
        match = BYLINE.match(folded[start:end])
        if match and (match.group("agency") or match.group("dateline_agency")):
            group = "agency" if match.group("agency") else "dateline_agency"
            return " ".join(text[start + match.start(group) : start + match.end(group)].split())
    return ""
