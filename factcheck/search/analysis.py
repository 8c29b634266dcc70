"""A Persian analyzer: the project's own folding, so every spelling of a word is one term.

``پیام‌رسان``, ``پیامرسان``, ``پيام‌رسان`` and ``پیام‌رسان‌ها`` all become ``پیامرسان``: letters
folded (ي/ك, diacritics), digits made ASCII, ZWNJ removed, plural and verb affixes stripped,
stopwords dropped. Whoosh pickles an analyzer into its index; this one holds no hazm object
(those live in module-level singletons), so the index stays small.
"""

import functools
import re

from whoosh.analysis import Filter, RegexTokenizer

from factcheck.nlp.text import fold_words, normalize

# Plural and possessive endings, longest first; a stem must keep three letters.
_SUFFIXES = ("هایشان", "هایمان", "هایتان", "هایی", "های", "ها", "یی", "ای", "ترین", "تر")
# Verb prefixes: می‌گوید / نمی‌گوید / میگوید -> گوید.
_PREFIXES = ("نمی", "می")
_MIN_STEM = 3


def stem(word: str) -> str:
    """Strip one plural or comparative ending and a می/نمی prefix (conservatively)."""
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_STEM:
            word = word[len(prefix) :]
            break
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)]
    return word


@functools.cache
def stopwords() -> frozenset[str]:
    import hazm

    return frozenset(
        fold_words(w.replace("_", " ")).replace(" ", "") for w in hazm.stopwords_list()
    )


def prepare_query(text: str) -> str:
    """Normalise a query string as a whole before parsing (``می دهیم`` -> ``می‌دهیم``)."""
    return normalize(text)


@functools.lru_cache(maxsize=500_000)
def term(word: str) -> str:
    """The index term of one word ("" for a stopword): folded, affixes stripped."""
    folded = fold_words(word).replace(" ", "")
    if not folded or folded in stopwords():
        return ""
    return stem(folded)


class PersianFilter(Filter):
    """Fold, strip affixes and drop stopwords, token by token (one cached call a word)."""

    def __eq__(self, other):
        return other is not None and self.__class__ is other.__class__

    def __call__(self, tokens):
        for token in tokens:
            text = term(token.text)
            if text:
                token.text = text
                yield token


# Words are runs of letters and digits, ZWNJ kept inside so a word is one token.
_WORD = re.compile(r"[\w\u200c\u0640\u064b-\u0652\u0670]+")


def persian_analyzer():
    return RegexTokenizer(expression=_WORD) | PersianFilter()


def index_terms(text: str) -> list[str]:
    """The index terms of ``text`` in order, as the analyzer makes them (for PostgreSQL,
    which indexes them with a plain `simple` configuration)."""
    return [t for t in (term(word) for word in _WORD.findall(text)) if t]
