""" "Did you mean …?" for a misspelt key, id, file or folder: one rule for every message."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def nearest(word: str, known: Iterable[str]) -> str | None:
    """The known word nearest to ``word``, if one is near enough to be a slip of the keyboard."""
    matches = difflib.get_close_matches(word, sorted(known), n=1, cutoff=0.8)
    return matches[0] if matches else None


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """`` (did you mean 'realtime'?)`` for the nearest known word, or ``""`` if none is near."""
    match = nearest(word, known)
    return f" (did you mean {match!r}?)" if match else ""
