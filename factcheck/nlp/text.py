"""Character-level Persian text handling: folding that keeps offsets, keys, paragraphs, sentences."""

import functools
import os
import re

# hazm's model-backed tools try a model hub at first use; nothing here uses them, and
# no machine running this should wait on a hub it cannot reach.
os.environ.setdefault("HF_HUB_OFFLINE", "1")

ZWNJ = "\u200c"

# One character in, one character out, so folded offsets index the original text.
_FOLD_1_TO_1 = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ئ": "ی",
        "ك": "ک",
        "ۀ": "ه",
        "ة": "ه",
        "أ": "ا",
        "إ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        "\u00ad": ZWNJ,  # soft hyphen
        "\u200d": ZWNJ,  # zero-width joiner
        "\u200b": ZWNJ,  # zero-width space
        "\ufeff": ZWNJ,
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200f": ZWNJ,  # right-to-left mark
        "\u200e": ZWNJ,
        "\u0640": ZWNJ,  # tatweel
        **{chr(c): ZWNJ for c in range(0x064B, 0x0653)},  # harakat
        "\u0670": ZWNJ,
        "\u0654": ZWNJ,
        "\u0655": ZWNJ,
        "٬": ",",
        "‚": ",",
        "“": '"',
        "”": '"',
        "„": '"',
        "：": ":",
        "﹕": ":",
    }
)


def _presentation_forms() -> dict[str, str]:
    """Arabic presentation forms (ﻛ, ﺎ, ﻲ: text copied from PDFs) to their letters, where
    one form is one letter; ligatures such as ﻻ stay as they are, to keep offsets."""
    import unicodedata

    forms = {}
    for code in (*range(0xFB50, 0xFDFF + 1), *range(0xFE70, 0xFEFF + 1)):
        letter = unicodedata.normalize("NFKC", chr(code))
        if len(letter) == 1 and letter != chr(code) and "\u0600" <= letter <= "\u06ff":
            forms[chr(code)] = letter.translate(_FOLD_1_TO_1)
    return forms


_FOLD_1_TO_1.update(str.maketrans(_presentation_forms()))

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


# str.translate looks every character up in a dict; most need no change, so find the few
# that do with one regex scan and translate only those.
_NEEDS_FOLD = re.compile("[" + re.escape("".join(chr(c) for c in _FOLD_1_TO_1)) + "]")
_NEEDS_DIGITS = re.compile("[۰-۹٠-٩]")


def _fold_match(match: re.Match[str]) -> str:
    return match.group().translate(_FOLD_1_TO_1)


def fold(text: str) -> str:
    """Fold letter variants, invisible marks and diacritics one-for-one (same length as ``text``)."""
    return _NEEDS_FOLD.sub(_fold_match, text)


def _ascii_digits(text: str) -> str:
    return _NEEDS_DIGITS.sub(lambda m: m.group().translate(_DIGITS), text)


_SPACES = re.compile(r"[\s\u200c]+")


def fold_key(text: str) -> str:
    """A comparison key: letter variants, digits, ZWNJ and spacing folded away.

    ``زارعپور``, ``زارع‌پور`` and ``زارع پور`` share one key, as do ``پیام‌رسان`` and ``پيامرسان``.
    """
    folded = _ascii_digits(fold(text)).replace(ZWNJ, "")
    return _SPACES.sub(" ", folded).strip().replace(" ", "")


@functools.lru_cache(maxsize=100_000)
def fold_words(text: str) -> str:
    """Like :func:`fold_key` but keeps single spaces between words (ZWNJ joins, not splits)."""
    folded = _ascii_digits(fold(text)).replace(ZWNJ, "")
    return _SPACES.sub(" ", folded).strip()


@functools.cache
def _normalizer():
    import hazm

    return hazm.Normalizer()


def whole_word_uses(text: str, key: str) -> int:
    """How often ``key`` stands in ``text`` as whole words: the non-overlapping matches of
    ``(?<!\\w)key(?!\\w)``, found by a plain search (a pattern compiled for each phrase cost a
    sixth of extraction's time)."""
    if not key:
        return 0
    count, position = 0, text.find(key)
    while position >= 0:
        end = position + len(key)
        if not _word_char(text, position - 1) and not _word_char(text, end):
            count += 1
            position = text.find(key, end)
        else:
            position = text.find(key, position + 1)
    return count


def _word_char(text: str, index: int) -> bool:
    """What \\w matches at ``index`` (False outside the text)."""
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] == "_")


def normalize(text: str) -> str:
    """hazm-normalised text (spacing, ZWNJ between affixes, letters, digits); length may change."""
    return _normalizer().normalize(text)


# A word as written: a run of anything but spaces and punctuation (a ZWNJ stays inside it).
WORD = re.compile(r"[^\s،,:؛.!?؟«»\"“”()\[\]]+")

_PARAGRAPH = re.compile(r"[^\n]+")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, without its surrounding whitespace."""
    spans = []
    for match in _PARAGRAPH.finditer(text):
        start, end = trim(text, match.start(), match.end())
        if start < end:
            spans.append((start, end))
    return spans


_TRIM = " \t\r\n\u200c\u200f\u200e\ufeff\u00a0"


def trim(text: str, start: int, end: int, extra: str = "") -> tuple[int, int]:
    """Shrink [start, end) past whitespace, ZWNJ and any characters in ``extra`` on both sides."""
    chars = _TRIM + extra
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


# A sentence ends at . ! ? ؟ (or several) followed by whitespace or the end; a dot between
# digits (۱۲.۵) or inside an abbreviation is not followed by a space and so never matches.
_LETTER_CLASS = "[\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]"
# A full stop before a space, or one typed straight against the next word (``کرد.بدین``)
# between two words of two letters or more (not ``1.5``, not the initials of ``ج.ا.ا``).
_SENTENCE_END = re.compile(
    # Not "و..." (and so on) inside a list: the sentence goes on.
    rf"(?<![.!?؟…])(?<!(?<!\S)و)(?<!(?<!\S)و )[.!?؟…]+(?=[\s\u200c»\"']*(?:\s|$))[»\"']*"
    rf"|(?<={_LETTER_CLASS}{_LETTER_CLASS})[.!?؟](?={_LETTER_CLASS}{_LETTER_CLASS})"
    # "... تهیه کند .وی تصریح کرد": the space fell before the full stop, not after it.
    rf"|(?<=\s)[.!?؟](?={_LETTER_CLASS}{_LETTER_CLASS})"
)


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence in text[start:end], end punctuation included."""
    end = len(text) if end is None else end
    spans = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        s, e = trim(text, cursor, match.end())
        if s < e:
            spans.append((s, e))
        cursor = match.end()
    s, e = trim(text, cursor, end)
    if s < e:
        spans.append((s, e))
    return spans


def sentence_boundaries(text: str, start: int, end: int) -> list[int]:
    """Offsets just after each sentence-final punctuation mark in text[start:end]."""
    return [m.end() for m in _SENTENCE_END.finditer(text, start, end)]
