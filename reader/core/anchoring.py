"""Highlight anchors on an article's plain text: W3C selectors, quote search, re-anchoring."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal, Self

from reader.core.errors import (
    AmbiguousQuoteError,
    InvalidSelectionError,
    QuoteNotFoundError,
)

__all__ = [
    "CONTEXT",
    "FUZZY_THRESHOLD",
    "AmbiguousQuoteError",
    "Anchor",
    "InvalidSelectionError",
    "QuoteNotFoundError",
    "TextPositionSelector",
    "TextQuoteSelector",
    "find_quote",
    "locate",
    "reanchor",
    "selectors_for",
    "similarity",
]

CONTEXT = 32
"""How many characters of text before and after a highlight its quote selector keeps."""

FUZZY_THRESHOLD = 0.85
"""The least :func:`similarity` between a highlight's quote and a passage placed fuzzily."""


# -- errors --------------------------------------------------------------------------------


# -- selectors -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TextQuoteSelector:
    """The highlighted text itself, with a little of the text around it (W3C)."""

    exact: str
    prefix: str = ""
    suffix: str = ""

    def __post_init__(self) -> None:
        if not self.exact:
            raise InvalidSelectionError("the quote of a highlight cannot be empty")

    def to_json(self) -> dict[str, str]:
        """The selector as W3C Web Annotation JSON."""
        return {
            "type": "TextQuoteSelector",
            "exact": self.exact,
            "prefix": self.prefix,
            "suffix": self.suffix,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Self:
        """The selector of W3C JSON; prefix and suffix may be missing."""
        _check_type(data, "TextQuoteSelector")
        exact = _json_str(data, "exact", required=True)
        return cls(exact, _json_str(data, "prefix"), _json_str(data, "suffix"))


@dataclass(frozen=True, slots=True)
class TextPositionSelector:
    """Where the highlight was, in characters of the article's plain text (W3C)."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise InvalidSelectionError(
                f"a highlight's position must run forwards from 0, not {self.start}..{self.end}"
            )

    def to_json(self) -> dict[str, str | int]:
        """The selector as W3C Web Annotation JSON."""
        return {"type": "TextPositionSelector", "start": self.start, "end": self.end}

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Self:
        """The selector of W3C JSON."""
        _check_type(data, "TextPositionSelector")
        return cls(_json_int(data, "start"), _json_int(data, "end"))


def _check_type(data: Mapping[str, object], expected: str) -> None:
    if data.get("type") != expected:
        raise InvalidSelectionError(f"expected a {expected}, got type {data.get('type')!r}")


def _json_str(data: Mapping[str, object], key: str, *, required: bool = False) -> str:
    value = data.get(key, None if required else "")
    if not isinstance(value, str):
        raise InvalidSelectionError(f"the selector's {key!r} must be text, not {value!r}")
    return value


def _json_int(data: Mapping[str, object], key: str) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidSelectionError(f"the selector's {key!r} must be an integer, not {value!r}")
    return value


def selectors_for(
    text: str, start: int, end: int
) -> tuple[TextQuoteSelector, TextPositionSelector]:
    """The selectors of the selection ``text[start:end]``, trimmed of surrounding whitespace."""
    if not 0 <= start <= end <= len(text):
        raise InvalidSelectionError(
            f"the selection {start}..{end} is outside the article's {len(text)} characters"
        )
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise InvalidSelectionError("the selection is empty")
    quote = TextQuoteSelector(
        text[start:end], text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]
    )
    return quote, TextPositionSelector(start, end)


# -- finding a quote the user typed --------------------------------------------------------

# One character for another, so that offsets survive: typographic and typed forms compare equal.
_FOLD = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "‛": "'",
        "ʼ": "'",
        "′": "'",
        "«": '"',
        "»": '"',
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "―": "-",
        "−": "-",
    }
)
_SPACES = re.compile(r"\s+")


def squeeze_spaces(text: str) -> tuple[str, list[int]]:
    """``text`` with each whitespace run as one space, and where each character came from
    (one more entry, for the end). Two renderings of an article (its canonical text, the
    reader's document) differ in how paragraphs are spaced, never in their words."""
    parts: list[str] = []
    origin: list[int] = []
    last = 0
    for run in _SPACES.finditer(text):
        parts.append(text[last : run.start()])
        origin.extend(range(last, run.start()))
        parts.append(" ")
        origin.append(run.start())
        last = run.end()
    parts.append(text[last:])
    origin.extend(range(last, len(text) + 1))
    return "".join(parts), origin


def _normalise(text: str) -> tuple[str, list[int]]:
    """Folded text with each whitespace run as one space, and where each character came from.

    Runs beside a quotation mark are dropped: French puts spaces inside « », and a typed
    quote rarely has them.
    """
    folded = text.translate(_FOLD)
    parts: list[str] = []
    origin: list[int] = []
    last = 0
    for run in _SPACES.finditer(folded):
        parts.append(folded[last : run.start()])
        origin.extend(range(last, run.start()))
        if (
            folded[run.start() - 1 : run.start()] != '"'
            and folded[run.end() : run.end() + 1] != '"'
        ):
            parts.append(" ")
            origin.append(run.start())
        last = run.end()
    parts.append(folded[last:])
    origin.extend(range(last, len(folded)))
    return "".join(parts), origin


def find_quote(text: str, quote: str, *, occurrence: int | None = None) -> tuple[int, int]:
    """Where ``quote`` is in ``text``, as ``(start, end)``; ``occurrence`` counts from 1.

    Whitespace runs match any whitespace run, and typographic apostrophes, quotation marks
    and dashes match their typed forms.
    """
    wanted, _ = _normalise(quote.strip())
    if not wanted:
        raise InvalidSelectionError("the quote is empty")
    if occurrence is not None and occurrence < 1:
        raise InvalidSelectionError("occurrences are counted from 1")
    haystack, origin = _normalise(text)
    found: list[int] = []
    at = haystack.find(wanted)
    while at != -1:
        found.append(at)
        at = haystack.find(wanted, at + 1)
    if not found:
        raise QuoteNotFoundError("the quote is not in the article")
    count = len(found)
    if occurrence is None:
        if count > 1:
            raise AmbiguousQuoteError(
                f"the quote appears {count} times; say which with --occurrence 1..{count}", count
            )
        occurrence = 1
    if occurrence > count:
        times = "once" if count == 1 else f"{count} times"
        raise QuoteNotFoundError(
            f"the quote appears only {times}, so there is no occurrence {occurrence}"
        )
    at = found[occurrence - 1]
    return origin[at], origin[at + len(wanted) - 1] + 1


# -- re-anchoring --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a highlight lies in a text, how it was found, and how well it matches (0..1)."""

    start: int
    end: int
    method: Literal["position", "quote", "fuzzy"]
    score: float


def locate(
    text: str, quote: TextQuoteSelector, position: TextPositionSelector | None = None
) -> Anchor | None:
    """Where the highlight ``quote`` (last seen at ``position``) lies in ``text`` now.

    Tried in order: the old position if it still holds the quote; the quote's exact
    occurrences, the one whose surroundings best match the prefix and suffix (then the one
    nearest the old position); an approximate match of at least :data:`FUZZY_THRESHOLD`
    similarity. None when the highlight is orphaned: nothing that close is left.
    """
    exact = quote.exact
    starts = _occurrences(text, exact)
    if position is not None and text[position.start : position.end] == exact:
        # The old place still reads the same, but an edit may have put a copy of the
        # passage before it (an inserted repeat): keep the place unless another occurrence's
        # surroundings match the highlight's context better.
        here = _context_agreement(text, position.start, position.end, quote)
        better = [
            at for at in starts if _context_agreement(text, at, at + len(exact), quote) > here
        ]
        if not better:
            return Anchor(position.start, position.end, "position", 1.0)
    hint = position.start if position is not None else None
    if len(starts) == 1:
        return Anchor(starts[0], starts[0] + len(exact), "quote", 1.0)
    if starts:
        best = max(
            starts,
            key=lambda at: (
                _context_agreement(text, at, at + len(exact), quote),
                -abs(at - hint) if hint is not None else -at,
            ),
        )
        return Anchor(best, best + len(exact), "quote", 1.0)
    return _locate_fuzzy(text, quote, hint)


def reanchor(
    old_text: str,
    new_text: str,
    quote: TextQuoteSelector,
    position: TextPositionSelector | None = None,
) -> Anchor | None:
    """:func:`locate` in ``new_text``, with the old position carried over the unchanged ends."""
    if position is not None and old_text != new_text:
        position = _carry_over(old_text, new_text, position)
    return locate(new_text, quote, position)


def _carry_over(old: str, new: str, position: TextPositionSelector) -> TextPositionSelector:
    """The position moved by the length change when it lies in the texts' common tail."""
    shift = len(new) - len(old)
    head = _common_prefix_length(old, new)
    if position.end <= head:
        return position
    tail = _common_prefix_length(old[::-1], new[::-1])
    if position.start >= len(old) - tail and position.start + shift >= 0:
        return TextPositionSelector(position.start + shift, position.end + shift)
    return position


def _common_prefix_length(a: str, b: str) -> int:
    """Binary search on slice equality: string comparison runs in C."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _occurrences(text: str, exact: str) -> list[int]:
    starts: list[int] = []
    at = text.find(exact)
    while at != -1:
        starts.append(at)
        at = text.find(exact, at + 1)
    return starts


def _context_agreement(text: str, start: int, end: int, quote: TextQuoteSelector) -> int:
    """Characters of the prefix and suffix found right against the span."""
    before = text[max(0, start - len(quote.prefix)) : start]
    agreed = 0
    for ours, theirs in zip(reversed(before), reversed(quote.prefix), strict=False):
        if ours != theirs:
            break
        agreed += 1
    for ours, theirs in zip(text[end : end + len(quote.suffix)], quote.suffix, strict=False):
        if ours != theirs:
            break
        agreed += 1
    return agreed


# -- approximate matching ------------------------------------------------------------------

# Seeds: pieces of the quote and its context looked up verbatim in the text.
_SEED_LENGTH = 6
_MAX_SEEDS = 64
_MAX_SEED_HITS = 64
# Candidate regions examined in full, at most.
_MAX_CANDIDATES = 8
# A short quote is placed fuzzily only where its context still agrees this much.
_SHORT_QUOTE = 32
_SHORT_CONTEXT_AGREEMENT = 0.6
# Regions up to this many characters squared are searched for every start.
_EXHAUSTIVE_CELLS = 40_000
#: Quotes up to this long are searched for at every start near a few guesses (cost grows with
#: the square of the length); longer ones by alternating best ends and starts.
_NEAR_GUESSES_MAX_LENGTH = 400


def similarity(a: str, b: str) -> float:
    """``2 * LCS / (len(a) + len(b))``, 0..1, LCS being the longest common subsequence.

    The ratio :meth:`difflib.SequenceMatcher.ratio` approximates, computed exactly.
    """
    if not a and not b:
        return 1.0
    return 2 * _lcs_length(a, b) / (len(a) + len(b))


class _Pattern:
    """A text prepared for bit-parallel LCS (Hyyrö 2004): one bit per character."""

    __slots__ = ("length", "masks", "ones")

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self.ones = (1 << len(text)) - 1
        self.masks: dict[str, int] = {}
        for bit, char in enumerate(text):
            self.masks[char] = self.masks.get(char, 0) | 1 << bit

    def lcs_lengths(self, text: str) -> Iterator[int]:
        """The LCS of the pattern with each prefix ``text[:1]``, ``text[:2]``… in turn."""
        row, ones, masks, length = self.ones, self.ones, self.masks, self.length
        for char in text:
            matched = row & masks.get(char, 0)
            row = ((row + matched) | (row - matched)) & ones
            yield length - row.bit_count()


def _lcs_length(a: str, b: str) -> int:
    if not a or not b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    return deque(_Pattern(b).lcs_lengths(a), maxlen=1)[0]


def _best_end(pattern: _Pattern, text: str, start: int, stop: int) -> tuple[int, float, int]:
    """From ``start``, the end before ``stop`` with the best ratio; and the LCS of it all."""
    best_end, best_ratio, lcs = start, 0.0, 0
    for end, lcs in enumerate(pattern.lcs_lengths(text[start:stop]), start + 1):
        ratio = 2 * lcs / (end - start + pattern.length)
        if ratio > best_ratio:
            best_end, best_ratio = end, ratio
    return best_end, best_ratio, lcs


def _seeds(quote: TextQuoteSelector) -> list[tuple[int, str]]:
    """Pieces of the quote and its context, each with its offset from the quote's start."""
    exact = quote.exact
    length = max(2, min(_SEED_LENGTH, len(exact) // 4))
    last = len(exact) - length
    if last // length + 1 <= _MAX_SEEDS:
        offsets = [*range(0, last + 1, length), last]
    else:
        offsets = [round(k * last / (_MAX_SEEDS - 1)) for k in range(_MAX_SEEDS)]
    seeds = [(offset, exact[offset : offset + length]) for offset in dict.fromkeys(offsets)]
    prefix, suffix = quote.prefix, quote.suffix
    for at in range(len(prefix) % _SEED_LENGTH, len(prefix) - _SEED_LENGTH + 1, _SEED_LENGTH):
        seeds.append((at - len(prefix), prefix[at : at + _SEED_LENGTH]))
    for at in range(0, len(suffix) - _SEED_LENGTH + 1, _SEED_LENGTH):
        seeds.append((len(exact) + at, suffix[at : at + _SEED_LENGTH]))
    return [(offset, piece) for offset, piece in seeds if piece.strip()]


def _candidates(
    text: str, quote: TextQuoteSelector, hint: int | None
) -> list[tuple[int, int, int]]:
    """Regions of ``text`` where many seeds agree on where the quote would start, as (low,
    high, the start they point to)."""
    length = len(quote.exact)
    width = max(16, length // 4)
    # Per bucket of would-be starts: the seeds that vote for it, at (offset in quote, place).
    votes: dict[int, dict[int, tuple[int, int]]] = {}
    for number, (offset, piece) in enumerate(_seeds(quote)):
        hits: list[int] = []
        at = text.find(piece)
        while at != -1 and len(hits) <= _MAX_SEED_HITS:
            hits.append(at)
            at = text.find(piece, at + 1)
        if len(hits) > _MAX_SEED_HITS:
            continue  # too common to tell places apart
        for at in hits:
            votes.setdefault((at - offset) // width, {})[number] = (offset, at)
    pairs = {bucket: {**votes.get(bucket, {}), **votes.get(bucket + 1, {})} for bucket in votes}
    pairs.update(
        (bucket - 1, {**votes.get(bucket - 1, {}), **votes[bucket]})
        for bucket in votes
        if bucket - 1 not in votes
    )
    ranked = sorted(pairs, key=lambda bucket: (-len(pairs[bucket]), bucket))
    top = len(pairs[ranked[0]]) if ranked else 0
    chosen: list[int] = []
    for bucket in ranked:
        if len(chosen) == _MAX_CANDIDATES or len(pairs[bucket]) * 3 < top:
            break
        if all(abs(bucket - other) > 1 for other in chosen):
            chosen.append(bucket)
    regions = [
        (*_region(bucket, width, length, pairs[bucket].values()), bucket * width)
        for bucket in chosen
    ]
    if hint is not None and all(abs(hint // width - other) > 1 for other in chosen):
        regions.append((*_region(hint // width, width, length, ()), hint))
    return regions


def _region(
    bucket: int, width: int, length: int, hits: Iterable[tuple[int, int]]
) -> tuple[int, int]:
    """The stretch of text where seeds voting for ``bucket`` would put the quote.

    It reaches past each seed of the quote itself by half again the rest of the quote, in
    case what is between was stretched by edits.
    """
    pad = length // 6 + 8
    low, high = bucket * width - pad, bucket * width + 2 * width + length + pad
    for offset, at in hits:
        if 0 <= offset < length:
            rest = length - offset
            low = min(low, at - offset - offset // 2 - 16)
            high = max(high, at + rest + rest // 2 + 16)
    return max(0, low), high


def _locate_fuzzy(text: str, quote: TextQuoteSelector, hint: int | None) -> Anchor | None:
    exact = quote.exact
    best: tuple[float, int, Anchor] | None = None
    for found_start, found_end, score in _fuzzy_spans(text, exact, _candidates(text, quote, hint)):
        start, end = found_start, found_end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if (start, end) != (found_start, found_end):
            score = similarity(text[start:end], exact)
        if score < FUZZY_THRESHOLD:
            continue
        context = _context_similarity(text, start, end, quote)
        if len(exact) < _SHORT_QUOTE and context < _SHORT_CONTEXT_AGREEMENT:
            continue
        rank = score * len(exact) + context * (len(quote.prefix) + len(quote.suffix))
        distance = abs(start - hint) if hint is not None else start
        if best is None or (rank, -distance) > (best[0], -best[1]):
            best = (rank, distance, Anchor(start, end, "fuzzy", score))
    return best[2] if best is not None else None


def _fuzzy_spans(
    text: str, exact: str, regions: list[tuple[int, int, int]]
) -> Iterator[tuple[int, int, float]]:
    """In each region, the spans most like ``exact``, with their similarity to it."""
    forwards, backwards = _Pattern(exact), _Pattern(exact[::-1])
    length = len(exact)
    for low, region_end, guess in regions:
        high = min(region_end, len(text))
        # No span of the region can do better than its whole LCS with the quote allows.
        end, _, lcs = _best_end(forwards, text, low, high)
        if 2 * lcs / (lcs + length) < FUZZY_THRESHOLD:
            continue
        if (high - low) ** 2 <= _EXHAUSTIVE_CELLS:
            # A small region: every start with its best end, for the context to choose from.
            for start in range(low, high):
                end, score, _ = _best_end(forwards, text, start, high)
                if score >= FUZZY_THRESHOLD:
                    yield start, end, score
            continue
        if length <= _NEAR_GUESSES_MAX_LENGTH:
            # Every start near where the quote should begin: where the seeds point, where
            # the best end read from the region's start puts it, and where the best start
            # read back from the region's end does (repetitive text misleads one or two).
            reach, _, _ = _best_end(backwards, text[low:high][::-1], 0, high - low)
            spread = length // 4 + 8
            starts: set[int] = set()
            for near in (guess, end - length, high - reach):
                starts.update(range(max(low, near - spread), min(high, near + spread)))
            found = False
            for start in sorted(starts):
                span_end, score, _ = _best_end(
                    forwards, text, start, min(high, start + length + length // 2 + 8)
                )
                if score >= FUZZY_THRESHOLD:
                    found = True
                    yield start, span_end, score
            if found:
                continue
        # Alternate: the best start for the best end from the region's start, then the best
        # end for that start.
        backwards_end, _, _ = _best_end(backwards, text[low:end][::-1], 0, end - low)
        start = end - backwards_end
        end, score, _ = _best_end(forwards, text, start, high)
        if score >= FUZZY_THRESHOLD - 0.02:
            yield start, end, score


def _context_similarity(text: str, start: int, end: int, quote: TextQuoteSelector) -> float:
    """How much of the prefix and suffix is found around the span, 0..1 (1 without context)."""
    prefix, suffix = quote.prefix, quote.suffix
    if not prefix and not suffix:
        return 1.0
    before = text[max(0, start - len(prefix)) : start]
    after = text[end : end + len(suffix)]
    matched = _lcs_length(before, prefix) + _lcs_length(after, suffix)
    return matched / (len(prefix) + len(suffix))
