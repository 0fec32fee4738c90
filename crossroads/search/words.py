"""How text becomes search words, the same in the index and in the reader's browser.

``crossroads/assets/search-ui.js`` repeats :func:`tokens`, :func:`stem` and the word list
below line for line (a browser test feeds both the same text), so a word the index stores
is the word a query asks for.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

# Words that never decide a result: question words and the glue between the words that
# matter. "Which is fastest?" searches for "fastest". English only, as the guides are.
STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "can",
        "could",
        "do",
        "does",
        "did",
        "for",
        "from",
        "had",
        "has",
        "have",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "me",
        "my",
        "of",
        "on",
        "or",
        "should",
        "so",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "use",
        "using",
        "vs",
        "versus",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
    ]
)

# A word: letters and digits, joined by ".", "+", "#", "'" or "-" inside it ("socket.io",
# "single-threaded", "3.11"). The joined form and each part are words of their own.
# Possessive (++, *+): the same words, as nothing after a part could make it give back a
# character, without the bookkeeping for giving any back (a sixth of the time).
_WORD = re.compile(r"[a-z0-9]++(?:[.+#'\-][a-z0-9]++)*+")
_JOINERS = re.compile(r"[.+#'\-]")
_POSSESSIVE = re.compile(r"'s\b")
_ACCENTS = re.compile("[\u0300-\u036f]")


def fold(text: str) -> str:
    """Lowercase, accents dropped ("Sebastián" -> "sebastian"), curly quotes made straight."""
    text = text.lower().replace("\u2019", "'")
    if text.isascii():  # most text: nothing to drop, and checking is quick
        return text
    # The accents NFKD splits off, the same range search-ui.js removes.
    return _ACCENTS.sub("", unicodedata.normalize("NFKD", text))


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English stem, so "supported", "supports" and "support" are one word."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2]
    return word


@functools.lru_cache(maxsize=65536)
def _search_words(compound: str) -> tuple[str, ...]:
    """The stemmed search words of one word as written: itself, or for "socket.io" the
    joined form and each part; none for a stop word."""
    parts = _JOINERS.split(compound) if not compound.isalnum() else [compound]
    words = [_JOINERS.sub("", compound), *parts] if len(parts) > 1 else parts
    return tuple(stem(w) for w in words if w not in STOP_WORDS)


def _written_words(text: str) -> list[str]:
    return _WORD.findall(_POSSESSIVE.sub("", fold(text)))


def tokens(text: str) -> list[str]:
    """Every search word of ``text``, in order; stop words are left out."""
    found: list[str] = []
    for compound in _written_words(text):
        found += _search_words(compound)
    return found


def token_counts(text: str) -> Counter[str]:
    """How often each search word of ``text`` occurs: :func:`tokens`, counted.

    The index needs only the counts, and a section repeats its words: each distinct word
    as written is split and stemmed once, not at every occurrence.
    """
    counts: dict[str, int] = {}
    for compound, times in Counter(_written_words(text)).items():
        for word in _search_words(compound):
            counts[word] = counts.get(word, 0) + times
    return Counter(counts)


@functools.lru_cache(maxsize=8192)
def phrase_tokens(text: str) -> frozenset[str]:
    """The search words of a heading or of what readers ask: short texts met again and again."""
    return frozenset(tokens(text))
