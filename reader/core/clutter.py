"""Page and feed clutter (share buttons, related posts, comment forms…) removed from article HTML.

Works on HTML as :func:`reader.core.sanitize.sanitize_html` serializes it (nh3): forms,
scripts and buttons are already gone there, but their text is not, and neither are the
"Share this:", "Articles similaires" or "The post … appeared first on …" blocks that CMSs
append to feed content and pages. :func:`strip_clutter` removes whole blocks whose text
*starts* with one of the phrases of :data:`CLUTTER`, and only when that is safe: never the
article's first block, never a blockquote, never more than :data:`MAX_REMOVED_SHARE` of the
text. A phrase in the middle of prose never matches.
"""

from __future__ import annotations

import enum
import functools
import html as _html
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["CLUTTER", "MAX_REMOVED_SHARE", "Action", "ClutterPattern", "strip_clutter"]


class Action(enum.Enum):
    """What is removed when a block matches a pattern."""

    #: The block alone.
    BLOCK = "block"
    #: The block and what follows it in its container, when the block opens a small box
    #: (a share box, a newsletter box, a cookie banner). Elsewhere (in the article itself,
    #: in a part of it) only the blocks of nothing but links directly after it go with it
    #: (its list of related posts or share links): the article's own text may follow.
    SECTION = "section"
    #: The block and everything after it in its container, even when that container is the
    #: article: what follows a comment form's heading is the form, then comments.
    REST = "rest"


@dataclass(frozen=True, slots=True)
class ClutterPattern:
    """One kind of clutter: a phrase that starts a block, and what to remove then.

    ``regex`` is matched (``re.match``, so anchored at the start) against the block's
    *folded* text: lower case, accents dropped, typographic apostrophes made ``'``,
    no-break spaces made spaces, runs of whitespace made one space, "…" made "...". Blocks
    whose folded text is longer than ``max_chars`` never match, so a long paragraph of
    prose that happens to begin like clutter is kept. ``example`` is a block text the
    pattern removes (the tests check each one).
    """

    name: str
    regex: re.Pattern[str]
    action: Action
    example: str
    max_chars: int = 300


def _pattern(
    name: str, regex: str, action: Action, example: str, max_chars: int = 300
) -> ClutterPattern:
    return ClutterPattern(name, re.compile(regex), action, example, max_chars)


#: The kinds of clutter removed, in French and English. Regexes see folded text (see
#: :class:`ClutterPattern`), hence "a lire" for "À lire" and "j'aime ca" for "J’aime ça".
CLUTTER: tuple[ClutterPattern, ...] = (
    # WordPress comment forms: the heading, then the form's text (labels, notes, consent).
    _pattern(
        "comment form",
        r"(?:leave a (?:reply|comment)|laisse[rz] un commentaire|laisser une reponse)"
        r"(?: (?:to|a) [^.!?]{1,60}?)?(?: cancel reply| annuler la reponse)?[ :.*]*$",
        Action.REST,
        "Laisser un commentaire Annuler la réponse",
        max_chars=120,
    ),
    _pattern(
        "comment notes",
        r"(?:votre adresse (?:e-?mail|de messagerie) ne sera pas publiee"
        r"|your email address will not be published)\b",
        Action.BLOCK,
        "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
        max_chars=200,
    ),
    # Share buttons: "Partager :", "Share this:", "Partager cet article", "Share on X".
    _pattern(
        "share heading",
        r"(?:partage[rz]|share) ?(?::|$)"
        r"|partage[rz] (?:cet article|l'article|sur )"
        r"|share (?:this\b|on |via )",
        Action.SECTION,
        "Partager :",
    ),
    _pattern(
        "share button",
        r"(?:cliquez|cliquer|click) (?:pour|to) (?:partager|share|imprimer|print|envoyer|email)",
        Action.BLOCK,
        "Cliquez pour partager sur Twitter(ouvre dans une nouvelle fenêtre)",
        max_chars=200,
    ),
    # Jetpack likes: "Like this:" / "J’aime ça :", then "Like Loading…" / "J’aime chargement…".
    _pattern("like heading", r"(?:like this|j'aime ca) ?(?::|$)", Action.SECTION, "J’aime ça :"),
    _pattern(
        "like button",
        r"(?:(?:like|j'aime) )?(?:loading|chargement) ?(?:\.\.\.)?$",
        Action.BLOCK,
        "J’aime chargement…",
        max_chars=40,
    ),
    # Related posts: a heading and its list, or one "Lire aussi : <title>" paragraph.
    _pattern(
        "related heading",
        r"(?:articles? similaires?|related(?: posts| articles| stories)?|sur le meme sujet"
        r"|read more) ?(?::|$)"
        r"|(?:a )?lire (?:aussi|egalement)\b|read also\b|you (?:may|might) also like\b",
        Action.SECTION,
        "Articles similaires",
    ),
    # Newsletter boxes.
    _pattern(
        "newsletter",
        r"(?:abonnez-vous|inscrivez-vous|subscribe|sign up)\b.{0,60}"
        r"(?:newsletter|lettre d'info|infolettre|mailing list)",
        Action.SECTION,
        "Abonnez-vous à notre newsletter",
    ),
    # Cookie banners.
    _pattern(
        "cookie banner",
        r"(?:ce site (?:web )?utilise des cookies|nous utilisons des cookies|we use cookies"
        r"|this (?:web)?site uses cookies|accepte[rz] (?:les |tous les )?cookies"
        r"|accept (?:all )?cookies)\b",
        Action.SECTION,
        "Ce site utilise des cookies pour améliorer votre expérience.",
        max_chars=500,
    ),
    # The WordPress feed footer, matched whole so that prose never is.
    _pattern(
        "feed footer",
        r"(?:the post .{1,300} appeared first on"
        r"|(?:l'article|cet article) .{1,300} est apparu en premier sur) .{1,150}$",
        Action.BLOCK,
        "The post Sahel: the long road appeared first on Sahel Watch.",
        max_chars=500,
    ),
)

#: Clutter is left in place when removing it would remove more than this share of the
#: article's text: keeping clutter is better than losing text to a wrong match.
MAX_REMOVED_SHARE = 0.4

# -- the pre-check -------------------------------------------------------------------------

# How a block may begin, as the pre-check sees it in the serialized HTML. Every pattern of
# CLUTTER begins with one of these (tests/core/test_clutter.py checks every example), so a
# document with none of them is returned without being parsed.
_TRIGGERS = (
    "leave a", "laisser un", "laissez un", "laisser une", "votre adresse", "your email",
    "partager", "partagez", "share", "cliquez", "cliquer", "click to",
    "like this", "like loading", "j’aime", "j'aime", "loading", "chargement",
    "articles similaires", "article similaire", "related", "sur le même", "sur le meme",
    "read more", "read also", "à lire", "a lire", "lire aussi", "lire également", "lire egalement",
    "you may", "you might", "abonnez", "inscrivez", "subscribe", "sign up",
    "ce site", "nous utilisons", "we use", "this site", "this website", "accept",
    "the post", "l’article", "l'article", "cet article",
)  # fmt: skip


def _precheck(triggers: Iterable[str]) -> re.Pattern[str]:
    """A regex finding a trigger at the start of an element's text, in the usual cases.

    Written case by case (lower, Capitalized, Title Case, UPPER) and grouped by first
    character rather than with re.IGNORECASE and one flat alternation: it runs on every
    article, and that form is several times faster (sre skips a branch that begins with
    another literal character at once).
    """
    groups: dict[str, set[str]] = {}
    for trigger in triggers:
        title = " ".join(word[0].upper() + word[1:] for word in trigger.split(" "))
        capitalized = trigger[0].upper() + trigger[1:]
        for variant in (trigger, capitalized, title, trigger.upper()):
            groups.setdefault(variant[0], set()).add(variant[1:])
    space = r"(?:\s|&nbsp;)+"
    branches = []
    for first, rests in sorted(groups.items()):
        ordered = sorted(rests, key=len, reverse=True)
        alternation = "|".join(space.join(map(re.escape, rest.split(" "))) for rest in ordered)
        branches.append(f"{re.escape(first)}(?:{alternation})")
    any_trigger = "|".join(branches)
    # Spaces, then the triggers or "&nbsp;" and the triggers, rather than one repeated
    # group of spaces and "&nbsp;": the same matches, a fifth faster.
    return re.compile(rf">\s*(?:{any_trigger}|&nbsp;(?:\s|&nbsp;)*(?:{any_trigger}))")


@functools.cache
def _precheck_pattern() -> re.Pattern[str]:
    """The pre-check, compiled on first use: compiling it takes about 20 ms, which starting
    the app or a command that never sanitizes need not pay."""
    return _precheck(_TRIGGERS)


# -- the document --------------------------------------------------------------------------

# A tag of nh3's serialization (attribute values always double-quoted): group 1 is the "/"
# of an end tag, group 2 the name. Text is what lies between tags.
_TAG = re.compile(r'<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>"]*(?:"[^"]*"[^>"]*)*>')
_LINK = re.compile(r"<a\b.*?</a>", re.DOTALL)
#: What comes before the first text: tags, spaces and no-break spaces.
_LEAD = re.compile(r'(?:<[^>"]*(?:"[^"]*"[^>"]*)*>|\s+|&nbsp;)+')
_VOID_TAGS = frozenset({"br", "hr", "img", "col", "wbr", "area", "source", "input"})
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
        "blockquote", "pre", "figure", "figcaption", "table", "thead", "tbody", "tfoot", "tr",
        "td", "th", "caption", "colgroup", "hr",
    }
)  # fmt: skip
#: Where the text of a block (with no block inside it) ends.
_BLOCK_BOUNDARY = re.compile("</?(?:" + "|".join(sorted(_BLOCK_TAGS)) + r")\b")
#: Blocks that may match a pattern (when no block is inside them).
_MATCHED_TAGS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd"})
#: Never removed, never looked into: quotes, code, tables, figures are the article's own.
_KEPT_TAGS = frozenset({"blockquote", "pre", "table", "figure"})
#: Elements that hold text inside a block (nh3 keeps these; see sanitize.ALLOWED_TAGS).
_INLINE_TAGS = frozenset(
    {
        "a", "span", "b", "strong", "i", "em", "u", "s", "sub", "sup", "small", "mark",
        "code", "kbd", "abbr", "cite", "q", "time",
    }
)  # fmt: skip
#: A block whose raw text is longer than this is prose: no pattern allows that much.
_LONGEST_RAW = 3000
#: A container with more text than this is part of the article, not a box of clutter.
_BOX_CHARS = 1500
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'"})


class _Node:
    """An element of the document: where it is and what is inside it."""

    __slots__ = (
        "children", "end", "has_block", "inner_end", "inner_start", "kept", "parent", "start",
        "tag",
    )  # fmt: skip

    def __init__(self, tag: str, start: int, inner_start: int, parent: _Node | None) -> None:
        self.tag = tag
        self.start = start  # offset of its start tag
        self.inner_start = inner_start  # offset after its start tag
        self.parent = parent
        self.children: list[_Node] = []
        self.inner_end = 0  # offset of its end tag
        self.end = 0  # offset after its end tag
        self.has_block = False  # a block element is inside it
        self.kept = tag in _KEPT_TAGS  # it is, or holds, a blockquote, pre, table or figure


@dataclass(frozen=True, slots=True)
class _Document:
    """A parsed document: its element tree, and where its tags and its first text are."""

    html: str
    root: _Node
    tag_starts: list[int]  # offset of every tag, ascending
    tag_chars: list[int]  # tag_chars[i]: characters of the tags before tag_starts[i]
    article: frozenset[int]  # ids of the elements holding the first text (the root too)
    first_text: int  # offset of the first text

    def weight(self, start: int, end: int) -> int:
        """Characters of text between two tag boundaries (whitespace and entities count)."""
        first = bisect_left(self.tag_starts, start)
        last = bisect_left(self.tag_starts, end)
        return end - start - (self.tag_chars[last] - self.tag_chars[first])

    def has_content(self, start: int, end: int) -> bool:
        """Whether there is text (not blank) or an image between two offsets."""
        return start < end and _has_content(self.html[start:end])

    def has_text(self, start: int, end: int) -> bool:
        """Whether there is text (not blank) between two offsets."""
        return start < end and _has_text(_TAG.sub("", self.html[start:end]))

    def free_content(self, node: _Node) -> bool:
        """Whether ``node`` holds text or an image outside its links."""
        return _has_content(_LINK.sub("", self.html[node.inner_start : node.inner_end]))


def _has_content(markup: str) -> bool:
    return "<img" in markup or _has_text(_TAG.sub("", markup))


def _parse(html: str) -> _Document | None:
    """The document, or None when its tags do not nest as nh3 writes them."""
    # Inline elements (a, span, em…) need no node of their own, which halves the work. A
    # block inside an inline element ("<a><div>…</div></a>", a card of related posts)
    # needs that element as its container, and so a second pass gives every element a node.
    return _parse_tree(html, _INLINE_TAGS) or _parse_tree(html, frozenset())


def _parse_tree(html: str, inline_tags: frozenset[str]) -> _Document | None:
    """The document, with nodes for every element but ``inline_tags``; None on failure."""
    lead = _LEAD.match(html)
    first_text = lead.end() if lead else 0
    if first_text == len(html):
        return None  # no text at all
    root = _Node("", 0, 0, None)
    stack = [root]  # the open elements that have a node
    inline: list[str] = []  # the open inline elements without one, innermost last
    tag_starts: list[int] = []
    tag_chars = [0]
    article: frozenset[int] | None = None
    for match in _TAG.finditer(html):
        start, end = match.span()
        if article is None and start > first_text:
            article = frozenset(id(node) for node in stack)
        tag_starts.append(start)
        tag_chars.append(tag_chars[-1] + end - start)
        slash, tag = match.groups()  # nh3 writes names in lower case
        if tag in inline_tags:
            if not slash:
                inline.append(tag)
            elif not inline or inline.pop() != tag:
                return None
        elif slash:
            node = stack.pop()
            if node.tag != tag or not stack or inline:
                return None
            node.inner_end, node.end = start, end
            parent = stack[-1]
            parent.has_block |= node.has_block or tag in _BLOCK_TAGS
            parent.kept |= node.kept
        elif tag in _VOID_TAGS:
            continue
        elif inline:
            return None  # a block in an inline element: see _parse
        else:
            node = _Node(tag, start, end, stack[-1])
            stack[-1].children.append(node)
            stack.append(node)
    if article is None:
        article = frozenset(id(node) for node in stack)
    if len(stack) != 1 or inline:
        return None
    root.end = root.inner_end = len(html)
    return _Document(html, root, tag_starts, tag_chars, article, first_text)


def _has_text(text: str) -> bool:
    """Whether text (without tags) is more than spaces."""
    return bool(text) and not text.isspace() and not text.replace("&nbsp;", " ").isspace()


# -- matching ------------------------------------------------------------------------------


def _fold(text: str) -> str:
    """The form patterns are matched against (see :class:`ClutterPattern`)."""
    folded = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return " ".join(folded.encode("ascii", "ignore").decode("ascii").lower().split())


def _matching_at(html: str, offset: int) -> ClutterPattern | None:
    """The pattern matched by the text from ``offset`` to the end of its block, if any.

    When ``offset`` is where a block's text begins, that text is the block's: the block
    holds no other block (else one would begin before it ends).
    """
    boundary = _BLOCK_BOUNDARY.search(html, offset, offset + _LONGEST_RAW)
    if boundary is None and len(html) - offset > _LONGEST_RAW:
        return None
    markup = html[offset : boundary.start() if boundary else len(html)]
    folded = _fold(_html.unescape(_TAG.sub("", markup.replace("<br>", " "))))
    for pattern in CLUTTER:
        if len(folded) <= pattern.max_chars and pattern.regex.match(folded):
            return pattern
    return None


def _goes_with_heading(doc: _Document, node: _Node) -> bool:
    """Whether a block after a clutter heading, in the article itself, is its list of links.

    Only links (and blank space) will do: a list with text of its own is the article's.
    """
    return not node.kept and not doc.free_content(node)


def _spans(doc: _Document, matches: dict[int, ClutterPattern]) -> list[tuple[int, int, _Node]]:
    """The (start, end, container) of every run of clutter, in document order.

    ``matches`` maps the offsets where the text of some element begins with a pattern to
    that pattern; a block matches when its own text begins there.
    """
    offsets = sorted(matches)
    found: list[tuple[int, int, _Node]] = []

    def matched(node: _Node) -> ClutterPattern | None:
        if node.tag not in _MATCHED_TAGS:
            return None
        i = bisect_left(offsets, node.inner_start)
        if i == len(offsets) or offsets[i] >= node.inner_end:
            return None
        offset = offsets[i]
        return None if doc.has_text(node.inner_start, offset) else matches[offset]

    def visit(container: _Node) -> None:
        children = container.children
        i = 0
        while i < len(children):
            node = children[i]
            if node.has_block:
                if node.tag not in _KEPT_TAGS:
                    visit(node)
                i += 1
                continue
            pattern = matched(node)
            if pattern is None or node.start <= doc.first_text < node.end:
                i += 1  # not clutter, or the article's first block: it stays
                continue
            last = i
            end = node.end
            box = (
                id(container) not in doc.article
                and not doc.has_text(container.inner_start, node.start)
                and doc.weight(container.inner_start, container.inner_end) <= _BOX_CHARS
            )
            if pattern.action is Action.SECTION and not box:
                while last + 1 < len(children):
                    following = children[last + 1]
                    if doc.has_content(children[last].end, following.start):
                        break  # text or an image between the two
                    if not _goes_with_heading(doc, following):
                        break
                    last += 1
                end = children[last].end
            elif pattern.action is not Action.BLOCK:
                while last + 1 < len(children) and not children[last + 1].kept:
                    last += 1
                end = container.inner_end if last == len(children) - 1 else children[last].end
            found.append((node.start, end, container))
            i = last + 1

    visit(doc.root)
    return found


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans sorted, with the ones inside or overlapping others folded into them."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _emptied(doc: _Document, node: _Node, spans: list[tuple[int, int]]) -> bool:
    """Whether ``node`` holds no text nor image outside ``spans`` (merged)."""
    kept_from = node.inner_start
    for start, end in spans:
        if end <= node.inner_start or start >= node.inner_end:
            continue
        if doc.has_content(kept_from, max(start, kept_from)):
            return False
        kept_from = max(kept_from, end)
    return not doc.has_content(kept_from, node.inner_end)


def strip_clutter(html: str) -> str:
    """``html`` without the blocks of clutter :data:`CLUTTER` describes.

    ``html`` is expected as :func:`reader.core.sanitize.sanitize_html` writes it; other
    HTML is returned unchanged when its tags do not nest. A wrapper left without text by
    the removals goes too. Nothing is removed when that would take the first text of the
    article or more than :data:`MAX_REMOVED_SHARE` of its text. Idempotent; returns
    ``html`` itself when nothing is removed.
    """
    matches: dict[int, ClutterPattern] = {}
    for hit in _precheck_pattern().finditer(html):
        pattern = _matching_at(html, hit.start() + 1)
        if pattern is not None:
            matches[hit.start() + 1] = pattern
    if not matches:
        return html
    doc = _parse(html)
    if doc is None:
        return html
    found = _spans(doc, matches)
    if not found:
        return html
    spans = _merged((start, end) for start, end, _ in found)
    # A wrapper (not the article's own) emptied by the removals goes too: "<div><h3>Share
    # this:</h3><ul>…</ul></div>" leaves no "<div></div>" behind.
    for _, _, container in found:
        node: _Node | None = container
        while node is not None and id(node) not in doc.article and _emptied(doc, node, spans):
            spans = _merged([*spans, (node.start, node.end)])
            node = node.parent
    removed = sum(doc.weight(start, end) for start, end in spans)
    if removed > MAX_REMOVED_SHARE * doc.weight(0, len(html)):
        return html
    pieces = []
    kept_from = 0
    for start, end in spans:
        # The whitespace before a removed block (the newline between blocks) goes with it.
        cut = start
        while cut > kept_from and html[cut - 1] in " \t\r\n":
            cut -= 1
        pieces.append(html[kept_from:cut])
        kept_from = end
    pieces.append(html[kept_from:])
    return "".join(pieces)
