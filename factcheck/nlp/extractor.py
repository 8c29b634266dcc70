"""Find attributed statements in a Persian news article (conventions: ANNOTATION.md).

The engine works on a one-for-one folded copy of the text (ي→ی, soft hyphen→ZWNJ, ...), so
every offset it finds indexes the text as published: ``text[start:end] == quote``.
"""

import re
from dataclasses import dataclass

from .lexicon import (
    BYLINE,
    DISCOURSE_OPENERS,
    FURNITURE_LINE,
    PASSIVE_CUES,
    SUBJECT_STOP_EXCEPTIONS,
    SUBJECT_STOPS,
    speech_verb_pattern,
)
from .names import Mention, is_role_head, parse_mention
from .speakers import SpeakerResolver
from .text import ZWNJ, fold, fold_words, paragraphs, sentence_boundaries, trim


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


@dataclass
class _Paragraph:
    start: int
    end: int
    content_start: int  # after an agency byline or dateline
    location: str
    furniture: bool


@dataclass
class _Candidate:
    start: int
    end: int
    kind: str
    cue: str
    location: str
    mention: Mention
    mention_start: int
    base_confidence: float


_HEADLINE = re.compile(r"^(?P<who>[^:\n]{2,60}?)\s*:\s*(?=\S)")
_HEADLINE_MAX_WORDS = 6
_TITLE_MAX_CHARS = 200
_LEAD_MIN_WORDS = 8
_SUBJECT_MAX_WORDS = 14
_QUOTE_MARKS = "«»\"“”'"


def _structure(text: str, folded: str) -> list[_Paragraph]:
    """Paragraphs with their location (title, lead, body) and byline-free content start."""
    spans = paragraphs(text)
    result: list[_Paragraph] = []
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
        byline = BYLINE.match(line)
        content_start = start + (byline.end() if byline else 0)
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
        result.append(_Paragraph(start, end, content_start, location, furniture))
    return result


def _subject_phrase(folded: str, start: int, end: int) -> tuple[str, int]:
    """The subject noun phrase at the start of folded[start:end], and its offset."""
    opener = DISCOURSE_OPENERS.match(folded, start, end)
    if opener:
        start = opener.end()
    region = folded[start:end]
    words = list(re.finditer(r"[^\s]+", region))
    taken: list[re.Match[str]] = []
    previous = ""
    for word in words:
        bare = fold_words(word.group().strip("،,:«»\"'()"))
        if (bare in SUBJECT_STOPS or bare.split(" ")[0] in SUBJECT_STOPS) and (
            previous not in SUBJECT_STOP_EXCEPTIONS.get(bare, ())
        ):
            break
        previous = bare
        taken.append(word)
        if len(taken) > _SUBJECT_MAX_WORDS:
            return "", start
    if not taken:
        return _subject_after_adverbial(folded, start, words)
    phrase_start = start + taken[0].start()
    phrase_end = start + taken[-1].end()
    return folded[phrase_start:phrase_end], phrase_start


def _subject_after_adverbial(
    folded: str, start: int, words: list[re.Match[str]]
) -> tuple[str, int]:
    """``در این جلسه نماینده مردم ... نیز گفت``: the subject begins at a role word or pronoun."""
    for index, word in enumerate(words):
        bare = fold_words(word.group().strip("،,:«»\"'()"))
        if bare in {"وی", "او", "ایشان"} or is_role_head(bare):
            taken = []
            for follower in words[index:]:
                key = fold_words(follower.group().strip("،,:«»\"'()"))
                if taken and (key in SUBJECT_STOPS or key.split(" ")[0] in SUBJECT_STOPS):
                    break
                taken.append(follower)
            if len(taken) > _SUBJECT_MAX_WORDS:
                return "", start
            return folded[start + taken[0].start() : start + taken[-1].end()], start + taken[
                0
            ].start()
    return "", start


def _quote_span(text: str, start: int, end: int) -> tuple[int, int]:
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


def _is_passive(verb: str) -> bool:
    return fold_words(verb) in _PASSIVE_KEYS


def _headline_candidates(text: str, folded: str, para: _Paragraph) -> list[_Candidate]:
    line = folded[para.start : para.end]
    match = _HEADLINE.match(line)
    if not match:
        return []
    who = match.group("who").strip()
    if len(who.split()) > _HEADLINE_MAX_WORDS or speech_verb_pattern().search(who):
        return []
    if BYLINE.match(line) or FURNITURE_LINE.match(line):
        return []
    mention = parse_mention(who)
    if mention.mention_type in {"pronoun", "none"}:
        return []
    start, end = _quote_span(text, para.start + match.end(), para.end)
    if end - start < 3:
        return []
    return [_Candidate(start, end, "direct", "headline", "title", mention, para.start, 0.85)]


def _colon_candidates(text: str, folded: str, para: _Paragraph) -> list[_Candidate]:
    """Speech verb + colon: the quote runs to the paragraph end or the next cue's clause."""
    cues = []
    for match in speech_verb_pattern().finditer(folded, para.content_start, para.end):
        after = match.end()
        while after < para.end and folded[after] in " \t" + ZWNJ:
            after += 1
        if after < para.end and folded[after] == ":" and not _is_passive(match.group()):
            cues.append((match.start(), match.end(), after + 1))
    candidates: list[_Candidate] = []
    clause_starts = []
    for verb_start, _, _ in cues:
        floor = para.content_start
        boundaries = [b for b in sentence_boundaries(folded, floor, verb_start)]
        clause_starts.append(boundaries[-1] if boundaries else floor)
    for index, (verb_start, verb_end, colon_end) in enumerate(cues):
        clause_start = max(
            clause_starts[index], cues[index - 1][2] if index else para.content_start
        )
        if index and clause_starts[index] < cues[index - 1][2]:
            # The previous quote swallowed this clause: no sentence break between them.
            continue
        quote_end = clause_starts[index + 1] if index + 1 < len(cues) else para.end
        start, end = _quote_span(text, colon_end, quote_end)
        if end - start < 2:
            continue
        phrase, phrase_start = _subject_phrase(folded, clause_start, verb_start)
        mention = (
            parse_mention(text[phrase_start : phrase_start + len(phrase)])
            if phrase
            else Mention("", "none")
        )
        cue = text[verb_start:verb_end] + ":"
        confidence = {"name": 0.95, "surname": 0.92, "role": 0.9, "pronoun": 0.85}.get(
            mention.mention_type, 0.7
        )
        candidates.append(
            _Candidate(start, end, "direct", cue, para.location, mention, phrase_start, confidence)
        )
    return candidates


def extract_statements(text: str) -> list[ExtractedStatement]:
    """Every attributed statement in ``text``, in text order, speakers resolved across the article."""
    folded = fold(text)
    candidates: list[_Candidate] = []
    for para in _structure(text, folded):
        if para.furniture:
            continue
        if para.location == "title":
            candidates.extend(_headline_candidates(text, folded, para))
        candidates.extend(_colon_candidates(text, folded, para))
    candidates.sort(key=lambda c: (c.start, c.end))

    resolver = SpeakerResolver()
    entity_ids = [resolver.add(c.mention) for c in candidates]
    resolver.finish()

    statements = []
    for candidate, entity_id in zip(candidates, entity_ids, strict=True):
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
    return statements


def find_byline_source(text: str) -> str:
    """The publisher named by an agency byline (``دیدارنیوز:``, ``خبرگزاری فارس:``), or ""."""
    folded = fold(text)
    for start, end in paragraphs(text)[:12]:
        match = BYLINE.match(folded[start:end])
        if match and (match.group("agency") or match.group("dateline_agency")):
            group = "agency" if match.group("agency") else "dateline_agency"
            return " ".join(text[start + match.start(group) : start + match.end(group)].split())
    return ""
