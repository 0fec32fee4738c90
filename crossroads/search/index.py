"""Records -> the static search index: scored words in chunks, one small file per record.

A query downloads the manifest, the chunk that holds each of its words, and the files that
hold the records it shows, and nothing else: what a reader downloads grows with the words they
type and the results they see, not with the guide (``scripts/benchmark.py`` measures it).

Scores are computed here, once, as BM25 over each record's weighted words (a word in a
heading or in what readers ask for it counts more than one in the text), so the browser only
adds numbers. Files are named by their content's hash (record
files, eight records each, by their number, in a folder named by the hash of them all), so a
host may cache them for ever; only ``manifest.json`` keeps its name.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from crossroads.search.records import Record
from crossroads.search.words import STOP_WORDS, phrase_tokens, token_counts

MANIFEST = "manifest.json"
FORMAT = 1
# A word in a record's heading, in what readers ask for it, or in its page's title adds
# this much to the word's score in the text; unlike repeats in the text, it never tapers off,
# so the section about a thing outranks a short one that only mentions it.
TITLE_BONUS = 3.0
ASKS_BONUS = 1.5
PAGE_TITLE_BONUS = 0.5
# BM25's usual constants: how fast repeats in the text stop counting, how much length matters.
K1, B = 1.2, 0.75
# Scores travel as integers: this many steps per unit of BM25.
SCALE = 20
# A chunk is cut once its JSON passes this size: about 8 KB gzipped.
CHUNK_BYTES = 24_000
# What a result shows of a section's text (its excerpt is cut from this in the browser).
TEXT_LIMIT = 1_500
# Records travel in files of this many, in page order: a page's sections share a file,
# and a site has a few hundred files rather than thousands (each costs a build time).
RECORDS_PER_FILE = 8


@dataclass(frozen=True)
class ClientSettings:
    """What the search box needs besides words: what the guide does not cover, and where to
    send a reader it cannot answer. Every URL is from the site root."""

    items: list[str]  # the names of what the guide compares, in the guide's order
    items_label: str  # what they are called: "technologies"
    not_covered: list[dict[str, Any]]  # {"name": "Spring Boot", "words": ["spring"]}
    ways_in: list[dict[str, str]]  # {"label": "Decide", "url": "decide/"}


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _named(folder: str, content: bytes) -> str:
    return f"{folder}/{hashlib.sha256(content).hexdigest()[:12]}.json"


@dataclass(frozen=True)
class _RecordWords:
    body: Counter[str]
    length: int
    bonus: dict[str, float]
    titled: set[str]


def _record_words(record: Record, asks: Sequence[str]) -> _RecordWords:
    body = token_counts(record.text)
    bonus: dict[str, float] = defaultdict(float)
    # The fewer words a heading has, the more a match says: "TOML" is about TOML more
    # than "TOML: Testing" is.
    title_bonus = TITLE_BONUS * (1 + 1 / max(1, len(record.title.split())))
    asked = frozenset().union(*(phrase_tokens(phrase) for phrase in asks))
    for word in phrase_tokens(record.title):
        bonus[word] += title_bonus
    for word in asked:
        bonus[word] += ASKS_BONUS
    if not record.intro:
        for word in phrase_tokens(record.page_title):
            bonus[word] += PAGE_TITLE_BONUS
    # What readers ask for a section stands for its heading in their words.
    headed = set(phrase_tokens(record.title) | asked)
    return _RecordWords(body, body.total(), dict(bonus), headed)


def score_words(
    records: Sequence[Record], asks: Mapping[str, Sequence[str]]
) -> dict[str, list[tuple[int, int]]]:
    """word -> [(record number, score)], record numbers ascending."""
    words = [
        _record_words(r, [phrase for key in r.about for phrase in asks.get(key, ())])
        for r in records
    ]
    average = sum(w.length for w in words) / max(len(words), 1) or 1.0
    frequency: Counter[str] = Counter()
    for found in words:
        frequency.update(found.body.keys() | found.bonus.keys())
    total = len(records)
    # Once per word, not once per record that holds it: this loop runs for every posting.
    idf = {word: math.log(1 + (total - n + 0.5) / (n + 0.5)) for word, n in frequency.items()}
    postings: dict[str, list[tuple[int, int]]] = {word: [] for word in frequency}
    saturation = K1 + 1
    for number, (record, found) in enumerate(zip(records, words, strict=True)):
        norm = K1 * (1 - B + B * found.length / average)
        body, bonus, titled, weight = found.body, found.bonus, found.titled, record.weight
        # In any order: each word's list still grows by record number.
        for word in body.keys() | bonus.keys():
            tf = body.get(word, 0)
            score = idf[word] * (tf * saturation / (tf + norm) + bonus.get(word, 0.0))
            scaled = round(score * weight * SCALE)
            # The lowest bit says whether the word is in the record's heading (or in what
            # readers ask for it): the browser ranks a heading that holds all the words of a
            # query first.
            postings[word].append((number, 2 * (scaled if scaled > 1 else 1) + (word in titled)))
    return postings


def key_words(records: Sequence[Record], asks: Mapping[str, Sequence[str]]) -> set[str]:
    """Words of titles and of what readers ask: the words a typo may be corrected to (a typo
    corrected to any word of the text finds "read" for "ready")."""
    words: set[str] = set()
    for record in records:
        words |= phrase_tokens(record.title) | phrase_tokens(record.page_title)
        for key in record.about:
            for phrase in asks.get(key, ()):
                words |= phrase_tokens(phrase)
    return words


def _chunks(
    postings: Mapping[str, list[tuple[int, int]]], keys: set[str]
) -> list[dict[str, list[Any]]]:
    chunks: list[dict[str, list[Any]]] = []
    words: list[str] = []
    lists: list[list[int]] = []
    size = 0
    for word in sorted(postings):
        flat: list[int] = []
        previous = 0
        for number, score in postings[word]:
            # Record numbers as gaps from the previous one: small numbers, smaller files.
            flat += [number - previous, score]
            previous = number
        words.append(word)
        lists.append(flat)
        size += len(word) + 4 * len(flat) + 6
        if size >= CHUNK_BYTES:
            chunks.append(_chunk(words, lists, keys))
            words, lists, size = [], [], 0
    if words:
        chunks.append(_chunk(words, lists, keys))
    return chunks


def _chunk(words: list[str], lists: list[list[int]], keys: set[str]) -> dict[str, list[Any]]:
    # w: words, p: their records and scores, k: which of them a typo may be corrected to.
    return {"w": words, "p": lists, "k": [i for i, w in enumerate(words) if w in keys]}


def _record(record: Record) -> dict[str, Any]:
    text = record.text
    if len(text) > TEXT_LIMIT:
        text = text[:TEXT_LIMIT].rsplit(" ", 1)[0] + " …"
    body: dict[str, Any] = {"u": record.url, "t": record.title, "x": text}
    if not record.intro:
        body["p"] = record.page_title
    return body


def build_index(
    records: Sequence[Record], asks: Mapping[str, Sequence[str]], settings: ClientSettings
) -> dict[str, bytes]:
    """The index's files, by path inside the search folder."""
    files: dict[str, bytes] = {}
    contents = [
        _json([_record(r) for r in records[start : start + RECORDS_PER_FILE]])
        for start in range(0, len(records), RECORDS_PER_FILE)
    ]
    # Record files are numbered; the folder is named by all of them together, so a new
    # build never serves a cached record of an older one.
    folder = "r/" + hashlib.sha256(b"\n".join(contents)).hexdigest()[:12]
    for number, content in enumerate(contents):
        files[f"{folder}/{number}.json"] = content
    chunk_list = []
    for chunk in _chunks(score_words(records, asks), key_words(records, asks)):
        content = _json(chunk)
        name = _named("w", content)
        files[name] = content
        chunk_list.append([chunk["w"][0], name.removeprefix("w/").removesuffix(".json")])
    files[MANIFEST] = _json(
        {
            "format": FORMAT,
            "stop": sorted(STOP_WORDS),
            "chunks": chunk_list,
            "records": {"count": len(records), "folder": folder, "per": RECORDS_PER_FILE},
            # Pages by their first record, which records are intros, and each page's title
            # words: a section that holds words beyond the page's title goes before the
            # page's intro.
            "pageOf": _page_numbers(records),
            "intros": [n for n, r in enumerate(records) if r.intro],
            "pageWords": [
                sorted(phrase_tokens(records[start].page_title)) for start in _page_numbers(records)
            ],
            "items": settings.items,
            "itemsLabel": settings.items_label,
            "notCovered": settings.not_covered,
            "waysIn": settings.ways_in,
        }
    )
    return files


def _page_numbers(records: Sequence[Record]) -> list[int]:
    """The record number where each page's records start (records come page by page)."""
    starts = []
    page = None
    for number, record in enumerate(records):
        here = record.url.split("#", 1)[0]
        if here != page:
            starts.append(number)
            page = here
    return starts
