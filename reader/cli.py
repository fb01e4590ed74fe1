"""The command line: parses arguments, calls the engine, prints; one clear line per error."""

from __future__ import annotations

import argparse
import gettext
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn, TextIO

from reader import __version__, cli_i18n, paths
from reader.cli_i18n import _, ngettext
from reader.cli_text import json_text, shown, shown_lines
from reader.core import (
    MATCH_END,
    MATCH_START,
    Store,
    check_replaceable,
    is_writable,
    parse_user_date,
    utc_now,
    write_atomically,
)
from reader.core.errors import (
    FeedExistsError,
    FetchError,
    InvalidDateError,
    ParseError,
    ReaderError,
    ReadOnlyFileError,
)
from reader.core.types import Article, ArticleQuery, Feed, Highlight

PROG = "press-reader"


class _Parser(argparse.ArgumentParser):
    """Usage errors in one line (exit 2), pointing to --help rather than repeating usage."""

    def error(self, message: str) -> NoReturn:
        line = _("{prog}: error: {message} (see '{prog} --help')").format(
            prog=self.prog, message=shown(message)
        )
        self.exit(2, line + "\n")


Clock = Callable[[], datetime]


def _date_type(clock: Clock) -> Callable[[str], datetime]:
    """The argument type of ``--since`` and ``--until``: relative dates count back from
    ``clock()``."""

    def parse(text: str) -> datetime:
        try:
            return parse_user_date(text, now=clock())
        except InvalidDateError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    return parse


# The largest whole number the library (SQLite) can hold: ids, limits and counts beyond it
# would overflow on the way in rather than simply match nothing.
_LARGEST = 2**63 - 1


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("not a whole number: {text!r}").format(text=text)
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(_("must be 1 or more, not {value}").format(value=value))
    if value > _LARGEST:
        raise argparse.ArgumentTypeError(
            _("too large: {text} (at most {largest})").format(text=text, largest=_LARGEST)
        )
    return value


def _id(text: str) -> int:
    """The type of every id argument (feeds, articles, briefs): a whole number the library
    can hold, refused at the parser rather than overflowing in the database."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= _LARGEST:
        raise argparse.ArgumentTypeError(
            _("not an id: {text!r} (ids are whole numbers from 1 to {largest})").format(
                text=text, largest=_LARGEST
            )
        )
    return value


def build_parser(clock: Clock = utc_now) -> argparse.ArgumentParser:
    """The whole command-line grammar (also the source of the usage documentation);
    ``clock`` is what relative dates (``7d``) count back from.

    Its texts are translated here, when the parser is built, into the language that
    :func:`reader.cli_i18n.translated` made current.
    """
    date = _date_type(clock)
    common = _Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=_(
            "the folder holding the library (default: ${env} or the platform's data folder)"
        ).format(env=paths.DATA_DIR_ENV),
    )
    parser = _Parser(
        prog=PROG,
        description=_(
            "Press Reader: follow news feeds, search them, and build annotated press reviews."
        ),
        parents=[common],
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=_("show program's version number and exit"),
    )
    from reader.app_check import SelfCheckAction  # --self-check, hidden: for packagers

    parser.add_argument("--self-check", action=SelfCheckAction)
    parser.add_argument(
        "--demo", action="store_true", help=_("use the bundled demo library (offline)")
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help_text: str, **kwargs: Any) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=help_text, parents=[common], **kwargs)

    gui = command("gui", _("open the desktop window (the default command)"))
    gui.add_argument(
        "--demo", action="store_true", default=argparse.SUPPRESS, help=_("use the demo library")
    )

    feed = command("feed", _("add, list, rename, move or remove feeds"))
    feed_commands = feed.add_subparsers(dest="feed_command", metavar="ACTION", required=True)
    add = feed_commands.add_parser("add", help=_("subscribe to a feed"), parents=[common])
    add.add_argument("url", metavar="URL")
    add.add_argument("--folder", metavar="F", help=_("folder, e.g. 'Sahel/Mali'"))
    add.add_argument("--title", metavar="T", help=_("your own title for the feed"))
    add.add_argument(
        "--allow-file", action="store_true", help=_("accept a file: address (a local feed file)")
    )
    checking = add.add_mutually_exclusive_group()
    checking.add_argument(
        "--pick",
        metavar="N",
        type=_positive,
        help=_("when the page offers several feeds, subscribe to the Nth one listed"),
    )
    checking.add_argument(
        "--force",
        action="store_true",
        help=_("subscribe to the address as given, without fetching it first"),
    )
    listing = feed_commands.add_parser("list", help=_("list the feeds"), parents=[common])
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    remove = feed_commands.add_parser(
        "remove", help=_("unsubscribe (the feed's articles go too)"), parents=[common]
    )
    remove.add_argument("id", metavar="ID", type=_id)
    kept = remove.add_mutually_exclusive_group()
    kept.add_argument(
        "--keep-annotated",
        action="store_true",
        help=_("keep the highlighted articles (the feed is archived, no longer refreshed)"),
    )
    kept.add_argument(
        "--force",
        action="store_true",
        help=_("delete all its articles; their highlights are kept, orphaned"),
    )
    rename = feed_commands.add_parser(
        "rename", help=_("give a feed your own title"), parents=[common]
    )
    rename.add_argument("id", metavar="ID", type=_id)
    rename.add_argument("title", metavar="TITLE", help=_("the new title ('' for the feed's own)"))
    move = feed_commands.add_parser("move", help=_("move a feed to a folder"), parents=[common])
    move.add_argument("id", metavar="ID", type=_id)
    move.add_argument("folder", metavar="FOLDER", help=_("'Sahel/Mali', or '' for the top level"))
    full = feed_commands.add_parser(
        "fulltext",
        help=_("fetch articles' full text from their pages: off, on, or auto (teasers only)"),
        parents=[common],
    )
    full.add_argument("id", metavar="ID", type=_id)
    full.add_argument("mode", choices=("off", "on", "auto"))

    opml = command("opml", _("import or export subscriptions as OPML"))
    opml_commands = opml.add_subparsers(dest="opml_command", metavar="ACTION", required=True)
    opml_import = opml_commands.add_parser(
        "import", help=_("subscribe to an OPML list"), parents=[common]
    )
    opml_import.add_argument("file", metavar="FILE", type=Path)
    opml_export = opml_commands.add_parser(
        "export", help=_("write the subscriptions as OPML"), parents=[common]
    )
    opml_export.add_argument("-o", "--output", metavar="FILE", type=Path, help=_("default: stdout"))
    opml_export.add_argument(
        "--force", action="store_true", help=_("replace FILE even if it is read-only")
    )

    refresh = command("refresh", _("fetch new articles"))
    refresh.add_argument(
        "--feed", metavar="ID", type=_id, action="append", help=_("only this feed")
    )
    refresh.add_argument(
        "--jobs",
        metavar="N",
        type=_positive,
        default=8,
        help=_("parallel downloads (default %(default)s)"),
    )

    articles = command("articles", _("list articles, newest first"))
    articles.add_argument("--feed", metavar="ID", type=_id, action="append")
    articles.add_argument("--folder", metavar="F")
    articles.add_argument(
        "--tag", metavar="T", action="append", help=_("with this tag (repeatable)")
    )
    articles.add_argument("--unread", action="store_true")
    articles.add_argument("--starred", action="store_true")
    articles.add_argument("--since", metavar="DATE", type=date, help=_("2026-11-28, 7d, 24h…"))
    articles.add_argument("--until", metavar="DATE", type=date)
    articles.add_argument("--limit", metavar="N", type=_positive)
    articles.add_argument("--json", action="store_true", help=_("print JSON"))

    search = command("search", _("full-text search (accents and case ignored)"))
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--limit", metavar="N", type=_positive, default=50)
    search.add_argument("--json", action="store_true", help=_("print JSON"))

    show = command("show", _("show one article"))
    show.add_argument("id", metavar="ID", type=_id)
    body = show.add_mutually_exclusive_group()
    body.add_argument("--text", action="store_true", help=_("only the canonical plain text"))
    body.add_argument("--html", action="store_true", help=_("only the stored (sanitized) HTML"))

    tag = command("tag", _("tag an article"))
    tag.add_argument("id", metavar="ARTICLE_ID", type=_id)
    tag.add_argument("tags", metavar="TAG", nargs="+", help=_("e.g. country/Mali theme/security"))
    tag.add_argument("--remove", action="store_true", help=_("remove these tags instead"))

    fulltext = command("fulltext", _("fetch an article's full text from its page now"))
    fulltext.add_argument("id", metavar="ARTICLE_ID", type=_id)
    fulltext.add_argument(
        "--drop", action="store_true", help=_("go back to the feed's own version instead")
    )

    info = command("info", _("summarise the library: folders, feeds, latest articles"))
    info.add_argument(
        "--demo", action="store_true", default=argparse.SUPPRESS, help=_("use the demo library")
    )

    highlight = command("highlight", _("highlight passages of articles, list highlights"))
    highlight_commands = highlight.add_subparsers(
        dest="highlight_command", metavar="ACTION", required=True
    )
    h_add = highlight_commands.add_parser(
        "add", help=_("highlight a passage given by its text"), parents=[common]
    )
    h_add.add_argument("id", metavar="ARTICLE_ID", type=_id)
    h_add.add_argument("--quote", required=True, metavar="TEXT", help=_("the passage's text"))
    h_add.add_argument(
        "--occurrence", type=_positive, metavar="N", help=_("which one, when it appears twice")
    )
    h_add.add_argument("--color", default="yellow", metavar="C", help=_("default: %(default)s"))
    h_add.add_argument("--note", default="", metavar="N")
    h_add.add_argument("--tag", action="append", default=[], metavar="T")
    h_list = highlight_commands.add_parser("list", help=_("list highlights"), parents=[common])
    h_list.add_argument("--article", type=_id, metavar="ID")
    h_list.add_argument("--tag", metavar="T")
    h_list.add_argument("--color", metavar="C")
    h_list.add_argument("--feed", type=_id, metavar="ID")
    h_list.add_argument("--since", metavar="DATE", type=date, help=_("articles from this date"))
    h_list.add_argument("--until", metavar="DATE", type=date)
    h_list.add_argument("--json", action="store_true", help=_("print JSON"))

    tags = command("tags", _("list the tags in use, or rename, colour and delete one"))
    tags.add_argument("--json", action="store_true", help=_("print JSON"))
    tags_commands = tags.add_subparsers(dest="tags_command", metavar="ACTION")
    t_rename = tags_commands.add_parser(
        "rename",
        help=_("rename a tag and the tags below it (an existing name merges them)"),
        parents=[common],
    )
    t_rename.add_argument("old", metavar="TAG")
    t_rename.add_argument("new", metavar="NEW_NAME")
    t_color = tags_commands.add_parser("color", help=_("give a tag a colour"), parents=[common])
    t_color.add_argument("tag", metavar="TAG")
    t_color.add_argument("color", metavar="COLOR", help=_("#rrggbb, or 'none' to remove it"))
    t_delete = tags_commands.add_parser(
        "delete",
        help=_("take a tag (and the tags below it) off every article and highlight"),
        parents=[common],
    )
    t_delete.add_argument("tag", metavar="TAG")

    _add_brief_command(command("brief", _("compose a press review and export it to a file")), date)
    briefs = command("briefs", _("list the briefs saved in the library"))
    briefs.add_argument("--json", action="store_true", help=_("print JSON"))
    return parser


def _add_brief_command(brief: argparse.ArgumentParser, date: Callable[[str], datetime]) -> None:
    from reader.core.types import BRIEF_LANGUAGES
    from reader.export import FORMATS, PAPERS

    chosen = brief.add_argument_group(_("choosing articles (all of them when none is given)"))
    chosen.add_argument(
        "--tag", metavar="T", action="append", default=[], help=_("tagged T or below (repeatable)")
    )
    chosen.add_argument(
        "--all-tags", action="store_true", help=_("every --tag must match (default: any)")
    )
    chosen.add_argument("--feed", metavar="ID", type=_id, action="append", default=[])
    chosen.add_argument("--folder", metavar="F", action="append", default=[])
    chosen.add_argument("--since", metavar="DATE", type=date, help=_("2026-11-28, 7d, 24h…"))
    chosen.add_argument("--until", metavar="DATE", type=date, help=_("published before this"))
    chosen.add_argument("--starred", action="store_true", help=_("only starred articles"))
    chosen.add_argument(
        "--color", metavar="C", action="append", default=[], help=_("only highlights of colour C")
    )
    chosen.add_argument(
        "--unused", action="store_true", help=_("leave out articles sent in a previous brief")
    )
    chosen.add_argument(
        "--saved", metavar="BRIEF_ID", type=_id, help=_("export a saved brief as it was composed")
    )
    shape = brief.add_argument_group(_("the brief"))
    shape.add_argument("--title", metavar="T", help=_("default: Press review and the period"))
    shape.add_argument("--author", metavar="A", default="")
    intro = shape.add_mutually_exclusive_group()
    intro.add_argument("--intro", metavar="TEXT", default="", help=_("introduction (Markdown)"))
    intro.add_argument("--intro-file", metavar="FILE", type=Path, help=_("read it from a file"))
    shape.add_argument(
        "--language", choices=BRIEF_LANGUAGES, default="en", help=_("of headings and dates")
    )
    shape.add_argument(
        "--group-by",
        choices=("tag", "feed", "none"),
        default="tag",
        help=_("sections by tag (default), by source, or one section"),
    )
    shape.add_argument(
        "--tag-prefix",
        metavar="P",
        help=_("with --group-by tag: one section per tag below P (e.g. country)"),
    )
    out = brief.add_argument_group(_("the file"))
    out.add_argument(
        "--format", choices=tuple(FORMATS), help=_("default: from the file name's suffix")
    )
    out.add_argument(
        "-o", "--output", metavar="FILE", type=Path, required=True, help=_("'-' for stdout")
    )
    out.add_argument("--force", action="store_true", help=_("replace FILE even if it is read-only"))
    out.add_argument("--paper", choices=PAPERS, default="a4", help=_("for PDF and Word"))
    out.add_argument(
        "--allow-empty",
        action="store_true",
        help=_("write a brief saying nothing matched rather than failing"),
    )
    out.add_argument("--save", action="store_true", help=_("also keep the brief in the library"))
    out.add_argument(
        "--mark-used",
        action="store_true",
        help=_("save it and record its articles as used (see --unused)"),
    )


# -- commands -------------------------------------------------------------------------------


def _feed_json(feed: Feed) -> dict[str, Any]:
    return {
        "id": feed.id,
        "title": feed.title,
        "url": feed.url,
        "folder": feed.folder,
        "site_url": feed.site_url,
        "unread": feed.unread,
        "total": feed.total,
        "last_refresh": _iso(feed.last_checked),
        "last_error": feed.last_error,
        "warning": feed.warning,
        "enabled": feed.enabled,
        "full_text": feed.full_text,
    }


def _article_json(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "feed_id": article.feed_id,
        "feed": article.feed_title,
        "title": article.title,
        "link": article.link,
        "author": article.author,
        "published": _iso(article.published),
        "read": article.read,
        "starred": article.starred,
        "tags": list(article.tags),
    }


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _print_json(value: Any, out: TextIO) -> None:
    out.write(json_text(value) + "\n")


def cmd_feed_add(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    url = args.url
    if not args.force:
        chosen = _discovered_feed(store, args, out)
        if chosen is None:
            return 2
        url = chosen
    feed = store.add_feed(url, folder=args.folder, title=args.title, allow_file=args.allow_file)
    added = _("Added feed {id}: {url} in {folder}") if feed.folder else _("Added feed {id}: {url}")
    print(added.format(id=feed.id, url=shown(feed.url), folder=shown(feed.folder)), file=out)
    return 0


def _discovered_feed(store: Store, args: argparse.Namespace, out: TextIO) -> str | None:
    """The address ``feed add`` subscribes to, found by fetching the one given: the feed
    itself, or the one (or ``--pick``-th) feed its page leads to. Lists the feeds and
    returns None (a usage error) when the user has to choose."""
    from reader.core import Fetcher, choose_feed, discover_feeds, normalize_feed_url

    address = normalize_feed_url(args.url, allow_file=args.allow_file)
    for feed in store.list_feeds():
        if feed.url == address:  # refused before any request, as the store would
            raise FeedExistsError(f"already subscribed to {address} (feed {feed.id})")
    try:
        with Fetcher(clock=store.now) as http:
            found = discover_feeds(address, http, now=store.now(), allow_file=args.allow_file)
    except (FetchError, ParseError) as error:
        raise ReaderError(
            f"cannot subscribe to {address}: {error} (--force subscribes to it without checking)"
        ) from None
    try:
        chosen = choose_feed(found, args.pick)
    except ValueError:
        chosen = None
    if chosen is not None:
        if chosen.url != address:
            print(
                _("Found the feed {url} at {address}").format(
                    url=shown(chosen.url), address=shown(address)
                ),
                file=out,
            )
        return chosen.url
    usable = found.usable
    print(
        ngettext(
            "{count} feed found at {address}:", "{count} feeds found at {address}:", len(usable)
        ).format(count=len(usable), address=shown(address)),
        file=out,
    )
    number = 0
    for candidate in found.candidates:
        title = shown(candidate.title) if candidate.title else _("(untitled)")
        if candidate.supported:
            number += 1
            print(f"{number:>4}. {title}  {shown(candidate.url)}", file=out)
        else:
            print(
                "   -  "
                + _("{title}  {url}  (JSON Feed: not yet supported)").format(
                    title=title, url=shown(candidate.url)
                ),
                file=out,
            )
    message = (
        _("there is no feed {pick}: choose one of 1 to {count} with --pick N")
        if args.pick is not None
        else _("several feeds found: choose one with --pick N (1 to {count})")
    )
    print(
        _("{prog}: error: {message} (see '{prog} --help')").format(
            prog=f"{PROG} feed add", message=message.format(pick=args.pick, count=len(usable))
        ),
        file=sys.stderr,
    )
    return None


def cmd_feed_list(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    feeds = store.list_feeds()
    if args.json:
        _print_json([_feed_json(f) for f in feeds], out)
        return 0
    if not feeds:
        print(_("No feeds yet: add one with 'press-reader feed add URL'."), file=out)
        return 0
    for feed in feeds:
        state = "" if feed.enabled else "  [disabled]"
        checked = feed.last_checked.strftime("%Y-%m-%d %H:%M") if feed.last_checked else "never"
        print(
            f"{feed.id:>5}  {feed.unread:>5}/{feed.total:<5}  {checked:16}  "
            f"{shown(feed.folder + ' / ') if feed.folder else ''}{shown(feed.title)}{state}",
            file=out,
        )
        if feed.last_error:
            print(f"{'':>7}error: {shown(feed.last_error)}", file=out)
        elif feed.warning:
            print(f"{'':>7}warning: {shown(feed.warning)}", file=out)
    return 0


def cmd_feed_remove(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    feed = store.get_feed(args.id)
    annotated = store.annotated_count(feed.id)
    if annotated and not (args.keep_annotated or args.force):
        raise ReaderError(
            f"feed {feed.id} ({feed.title}) has {annotated} highlighted article"
            f"{'s' * (annotated != 1)}: add --keep-annotated to keep them (the feed is "
            "archived), or --force to delete every article (highlights stay, orphaned)"
        )
    count = store.remove_feed(args.id, keep_annotated=args.keep_annotated)
    if args.keep_annotated and annotated:
        done = _(
            "Archived feed {id} ({title}): removed {count} articles, kept {annotated} with "
            "highlights."
        )
    else:
        done = _("Removed feed {id} ({title}) and its {count} articles.")
    print(
        done.format(id=feed.id, title=shown(feed.title), count=count, annotated=annotated),
        file=out,
    )
    return 0


def cmd_feed_rename(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    feed = store.rename_feed(args.id, args.title)
    print(_("Feed {id} is now titled {title!r}.").format(id=feed.id, title=feed.title), file=out)
    return 0


def cmd_feed_move(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    feed = store.move_feed(args.id, args.folder or None)
    if feed.folder:
        moved = _("Feed {id} is now in {folder}.")
    else:
        moved = _("Feed {id} is now in the top level.")
    print(moved.format(id=feed.id, folder=shown(feed.folder)), file=out)
    return 0


def cmd_opml_import(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    path: Path = args.file
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReaderError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise ReaderError(f"{path} is a folder, not an OPML file") from None
    except OSError as error:
        raise ReaderError(f"cannot read {path}: {error.strerror or error}") from None
    from reader.core import parse_opml

    document = parse_opml(data)
    progress = _ImportProgress(sys.stderr) if sys.stderr.isatty() else None
    try:
        report = store.import_opml(
            document, progress=progress.update if progress is not None else None
        )
    finally:
        if progress is not None:
            progress.finish()
    print(
        _("Imported {file}: {added} added, {present} already present, {invalid} invalid.").format(
            file=shown(path.name),
            added=len(report.added),
            present=len(report.present),
            invalid=len(report.invalid),
        ),
        file=out,
    )
    for description, reason in report.invalid:
        print(
            _("  invalid: {outline}: {reason}").format(
                outline=shown(description), reason=shown(reason)
            ),
            file=out,
        )
    if not document.feeds and not report.invalid:
        raise ReaderError(f"{path.name} lists no feeds (no outline has an xmlUrl)")
    return 0


def _check_output(path: Path, *, force: bool) -> None:
    """Refuse an -o the export would not replace: a folder, a pipe, a device, a link to
    nothing, or a read-only file unless --force."""
    try:
        check_replaceable(path, replace_read_only=force)
    except ReadOnlyFileError as error:
        raise ReaderError(f"{error}; use --force to replace it") from None


def _write_output(path: Path, data: bytes, *, force: bool) -> None:
    """write_atomically, the refusal of a read-only file saying how to overrule it."""
    try:
        write_atomically(path, data, replace_read_only=force)
    except ReadOnlyFileError as error:  # made read-only since _check_output
        raise ReaderError(f"{error}; use --force to replace it") from None


class _ImportProgress:
    """The feeds an OPML import has handled, as one line redrawn in place on a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.drawn = False

    def update(self, done: int, total: int) -> None:
        line = _("Importing feeds: {done}/{total}").format(done=done, total=total)
        self.stream.write(f"\r\033[K{line}")
        self.stream.flush()
        self.drawn = True

    def finish(self) -> None:
        if self.drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()


def cmd_opml_export(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    from reader.core import export_opml

    if args.output is not None:
        _check_output(args.output, force=args.force)
    outlines, folders = store.export_outlines()
    data = export_opml(outlines, folders=folders, now=store.now())
    if args.output is None:
        out.write(data.decode("utf-8"))
        return 0
    _write_output(args.output, data, force=args.force)
    print(
        _("Wrote {count} feeds to {file}").format(count=len(outlines), file=shown(args.output)),
        file=sys.stderr,
    )
    return 0


def cmd_refresh(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    from reader.core import refresh_feeds
    from reader.core.types import RefreshProgress

    progress = _ProgressBar(sys.stderr) if sys.stderr.isatty() else None

    def report(step: RefreshProgress) -> None:
        if progress is not None:
            progress.update(step)

    try:
        summary = refresh_feeds(store, args.feed, jobs=args.jobs, on_progress=report)
    finally:
        if progress is not None:
            progress.finish()
    print(summary.describe(), file=out)
    for outcome in summary.outcomes:
        if outcome.error:
            print(
                f"  failed: feed {outcome.feed.id} ({shown(outcome.feed.title)}): "
                f"{shown(outcome.error)}",
                file=out,
            )
        elif outcome.warning:
            print(
                f"  warning: feed {outcome.feed.id} ({shown(outcome.feed.title)}): "
                f"{shown(outcome.warning)}",
                file=out,
            )
        if outcome.moved_to:
            print(f"  moved: feed {outcome.feed.id} now at {shown(outcome.moved_to)}", file=out)
    for article_id, reason in summary.full_text_failures:
        print(f"  no full text: article {article_id}: {shown(reason)}", file=out)
    return 0


class _ProgressBar:
    """A one-line progress bar redrawn in place on a terminal."""

    WIDTH = 30

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.drawn = False

    def update(self, step: Any) -> None:
        if step.outcome is None:  # the feeds are in; pages are fetched for full text
            done, total = step.full_texts_done, step.full_texts_total
            what = f"{done}/{total} full texts"
        else:
            done, total = step.done, step.total
            what = f"{done}/{total} feeds, {step.new_articles} new articles"
        filled = self.WIDTH * done // max(total, 1)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self.stream.write(f"\r\033[K[{bar}] {what}")
        self.stream.flush()
        self.drawn = True

    def finish(self) -> None:
        if self.drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()


def cmd_articles(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    query = ArticleQuery(
        feed_ids=tuple(args.feed or ()),
        folder=args.folder,
        tags=tuple(args.tag or ()),
        unread=args.unread,
        starred=args.starred,
        since=args.since,
        until=args.until,
        limit=args.limit,
    )
    articles = store.list_articles(query)
    if args.json:
        _print_json([_article_json(a) for a in articles], out)
        return 0
    for article in articles:
        print(_article_line(article), file=out)
    return 0


def _article_line(article: Article) -> str:
    flags = ("*" if article.starred else " ") + (" " if article.read else "•")
    tags = f"  [{shown(', '.join(article.tags))}]" if article.tags else ""
    return (
        f"{article.id:>6} {flags} {article.published:%Y-%m-%d}  "
        f"{shown(_cut(article.feed_title, 24)):24}  {shown(article.title)}{tags}"
    )


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def cmd_search(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    hits = store.search(args.query, limit=args.limit)
    if args.json:
        _print_json(
            [
                {
                    **_article_json(hit.article),
                    "snippet": hit.snippet.replace(MATCH_START, "").replace(MATCH_END, ""),
                    "rank": hit.rank,
                }
                for hit in hits
            ],
            out,
        )
        return 0
    if not hits:
        print(_("Nothing found for {query!r}.").format(query=args.query), file=out)
    bold, plain = ("\033[1m", "\033[0m") if out.isatty() else ("[", "]")
    for hit in hits:
        print(_article_line(hit.article), file=out)
        snippet = shown(" ".join(hit.snippet.split()))
        print(f"{'':>9}{snippet.replace(MATCH_START, bold).replace(MATCH_END, plain)}", file=out)
    return 0


def cmd_show(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    article = store.get_article(args.id)
    if args.html or args.text:
        body = article.reading_html if args.html else article.text
        # The canonical text (and the HTML) is data for scripts and --quote: exact into a
        # file or a pipe; a terminal, which would obey it, gets it printable.
        print(shown_lines(body) if out.isatty() else body, file=out)
        return 0
    title = shown(article.title)
    print(title, file=out)
    print("=" * min(len(title), 78), file=out)
    print(f"Source:    {shown(article.feed_title)}", file=out)
    if article.author:
        print(f"Author:    {shown(article.author)}", file=out)
    print(f"Published: {article.published:%Y-%m-%d %H:%M} UTC", file=out)
    if article.link:
        print(f"Link:      {shown(article.link)}", file=out)
    if article.tags:
        print(f"Tags:      {shown(', '.join(article.tags))}", file=out)
    if article.also_in:
        also = ", ".join(title for _, title in article.also_in)
        print(f"Also in:   {shown(also)}", file=out)
    print(
        f"State:     {'read' if article.read else 'unread'}"
        f"{', starred' if article.starred else ''}",
        file=out,
    )
    full = article.full_text
    if full is not None and full.html is not None:
        when = f"{full.fetched:%Y-%m-%d %H:%M} UTC"
        print(f"Full text: from {shown(full.url)}, fetched {when}", file=out)
    if full is not None and full.error is not None:
        print(f"Full text: not available ({shown(full.error)})", file=out)
    print(file=out)
    print(shown_lines(article.text) if article.text else "(this article has no text)", file=out)
    return 0


def cmd_feed_fulltext(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    store.full_texts.set_mode(args.id, args.mode)
    feed = store.get_feed(args.id)
    said = {
        "off": _("its articles are shown as the feed gives them"),
        "on": _("every new article's page will be fetched for its full text"),
        "auto": _("pages will be fetched for articles the feed gives only a teaser of"),
    }[args.mode]
    print(
        _("Full text {mode} for feed {id} ({title}): {said}.").format(
            mode=args.mode, id=feed.id, title=shown(feed.title), said=said
        ),
        file=out,
    )
    return 0


def cmd_fulltext(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    from reader.core import fetch_full_text

    if args.drop:
        store.full_texts.drop(args.id)
        print(_("Article {id} shows the feed's own version again.").format(id=args.id), file=out)
        return 0
    page = fetch_full_text(store, args.id)
    words = len(page.text.split())
    fetched = ngettext(
        "Full text of article {id}: {words} word from {url}",
        "Full text of article {id}: {words} words from {url}",
        words,
    )
    print(fetched.format(id=args.id, words=words, url=shown(page.url)), file=out)
    return 0


def cmd_tag(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    if args.remove:
        tags = store.untag_article(args.id, args.tags)
    else:
        tags = store.tag_article(args.id, args.tags)
    listed = shown(", ".join(tags)) if tags else _("(none)")
    print(_("Article {id} tags: {tags}").format(id=args.id, tags=listed), file=out)
    return 0


def _highlight_json(h: Highlight) -> dict[str, Any]:
    return {
        "id": h.id,
        "article_id": h.article_id,
        "article": h.article_title,
        "source": h.feed_title,
        "link": h.article_link,
        "quote": h.exact,
        "prefix": h.prefix,
        "suffix": h.suffix,
        "start": h.start,
        "end": h.end,
        "orphaned": h.orphaned,
        "color": h.color,
        "note": h.note,
        "tags": list(h.tags),
        "created": _iso(h.created),
        "updated": _iso(h.updated),
    }


def cmd_highlight_add(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    highlight = store.highlights.add_quote(
        args.id,
        args.quote,
        occurrence=args.occurrence,
        color=args.color,
        note=args.note,
        tags=args.tag,
    )
    print(
        _("Highlight {id} on article {article} ({color}): “{quote}”").format(
            id=highlight.id,
            article=args.id,
            color=shown(highlight.color),
            quote=shown(_cut(highlight.exact, 70)),
        ),
        file=out,
    )
    return 0


def cmd_highlight_list(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    highlights = store.highlights.list(
        article_id=args.article,
        tag=args.tag,
        color=args.color,
        feed_id=args.feed,
        since=args.since,
        until=args.until,
    )
    if args.json:
        _print_json([_highlight_json(h) for h in highlights], out)
        return 0
    for h in highlights:
        state = "  (orphaned: the article changed)" if h.orphaned else ""
        title = shown(_cut(h.article_title, 40))
        print(f"{h.id:>5}  {shown(h.color):<7} {title}{state}", file=out)
        print(f"{'':>7}“{shown(_cut(' '.join(h.exact.split()), 100))}”", file=out)
        if h.note:
            # A note of several lines goes on under its label, still inside the record.
            print(f"{'':>7}note: {shown_lines(h.note, ' ' * 13)}", file=out)
        if h.tags:
            print(f"{'':>7}tags: {shown(', '.join(h.tags))}", file=out)
    return 0


def cmd_tags(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    tags = store.tags.summary()
    if args.json:
        _print_json(
            [
                {
                    "name": t.name,
                    "articles": t.articles,
                    "highlights": t.highlights,
                    "color": t.color,
                }
                for t in tags
            ],
            out,
        )
        return 0
    for t in tags:
        print(f"{t.articles:>6} {t.highlights:>6}  {shown(t.name)}", file=out)
    return 0


def cmd_tags_rename(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    name = store.tags.rename(args.old, args.new)
    print(_("Renamed {old!r} to {new!r}").format(old=args.old, new=name), file=out)
    return 0


def cmd_tags_color(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    color = None if args.color.lower() == "none" else args.color
    store.tags.set_color(args.tag, color)
    said = _("Tag {tag!r}: {color}") if color else _("Tag {tag!r}: no colour")
    print(said.format(tag=args.tag, color=color), file=out)
    return 0


def cmd_tags_delete(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    count = store.tags.delete(args.tag)
    print(
        ngettext("Deleted {count} tag", "Deleted {count} tags", count).format(count=count), file=out
    )
    return 0


def cmd_brief(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    from reader.core import BriefStore, compose
    from reader.core.types import Brief, BriefCriteria
    from reader.export import export_format, format_for_path
    from reader.export.labels import labels_for

    to_stdout = str(args.output) == "-"
    if not to_stdout and args.output.is_dir():
        raise ReaderError(
            f"cannot write {args.output}: it is a folder; give the brief a file name in it, "
            f"e.g. {args.output / 'brief.md'}"
        )
    if args.format:
        fmt = export_format(args.format)
    else:
        guessed = None if to_stdout else format_for_path(args.output)
        if guessed is None:
            raise ReaderError(
                "say which format to write with --format (md, pdf, docx, html or w3c); "
                f"the file name {str(args.output)!r} does not tell"
            )
        fmt = guessed
    if not to_stdout and not args.output.parent.is_dir():
        raise ReaderError(
            f"cannot write {args.output}: the folder {args.output.parent} does not exist"
        )
    if not to_stdout:
        # Before composing and rendering: a pipe, a device or a read-only file is refused
        # at once rather than after the work.
        _check_output(args.output, force=args.force)
    introduction = args.intro
    if args.intro_file is not None:
        try:
            introduction = args.intro_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or error
            raise ReaderError(f"cannot read {args.intro_file}: {reason}") from None

    briefs = BriefStore(store)
    brief: Brief
    if args.saved is not None:
        brief = briefs.get(args.saved)
    else:
        criteria = BriefCriteria(
            tags=tuple(args.tag),
            tag_mode="all" if args.all_tags else "any",
            feed_ids=tuple(args.feed),
            folders=tuple(args.folder),
            since=args.since,
            until=args.until,
            starred_only=args.starred,
            colors=tuple(args.color),
            unused_only=args.unused,
            group_by=args.group_by,
            # One tag and no prefix: its sub-tags make the sections (country → Mali, Niger…).
            tag_prefix=args.tag_prefix
            or (args.tag[0] if len(args.tag) == 1 and args.group_by == "tag" else None),
        )
        labels = labels_for(args.language)
        title = args.title or " – ".join(
            part
            for part in (labels.press_review, labels.period_text(args.since, args.until))
            if part
        )
        brief = compose(
            store,
            criteria,
            title=title,
            author=args.author,
            introduction=introduction,
            language=args.language,
            allow_empty=args.allow_empty,
        )
    data = fmt.render(brief, store.highlights.colors(), now=store.now(), paper=args.paper)
    if to_stdout:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        _write_output(args.output, data, force=args.force)
    if args.save or args.mark_used:
        brief = briefs.save(brief)
    if args.mark_used:
        briefs.mark_exported(brief)
    items = list(brief.items())
    passages = sum(len(item.highlights) for item in items)
    sections = sum(1 for section in brief.sections if section.items)
    summary = ", ".join(
        (
            ngettext("{n} section", "{n} sections", sections).format(n=sections),
            _articles(len(items)),
            ngettext("{n} passage", "{n} passages", passages).format(n=passages),
        )
    )
    kept = _("; saved as brief {id}").format(id=brief.id) if brief.id is not None else ""
    used = _(" and its articles marked used") if args.mark_used else ""
    where = _("standard output") if to_stdout else shown(args.output)
    # On stdout the file is the output: the summary goes to the error stream.
    print(
        _("Wrote {file} ({format}): {summary}").format(file=where, format=fmt.name, summary=summary)
        + kept
        + used,
        file=sys.stderr if to_stdout else out,
    )
    return 0


def cmd_briefs(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    from reader.core import BriefStore

    saved = BriefStore(store).list()
    if args.json:
        _print_json(
            [
                {
                    "id": b.id,
                    "title": b.title,
                    "author": b.author,
                    "language": b.language,
                    "since": _iso(b.since),
                    "until": _iso(b.until),
                    "sections": len(b.sections),
                    "articles": sum(len(s.items) for s in b.sections),
                    "updated": _iso(b.updated),
                    "exported": _iso(b.exported),
                }
                for b in saved
            ],
            out,
        )
        return 0
    if not saved:
        print(_("No saved briefs. Compose one with 'press-reader brief … --save'."), file=out)
    for b in saved:
        articles = sum(len(s.items) for s in b.sections)
        if b.exported:
            when = _("exported {date}").format(date=f"{b.exported:%Y-%m-%d}")
        else:
            when = _("not exported")
        count = _articles(articles)
        print(f"{b.id:>4}  {shown(_cut(b.title, 50)):<50}  {count:>12}  {when}", file=out)
    return 0


def _articles(n: int) -> str:
    return ngettext("{n} article", "{n} articles", n).format(n=n)


def cmd_summary(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    """What a library holds, folder by folder (the desktop window builds on this)."""
    stats = store.stats()
    print(
        _("Press Reader {version}: library {path}").format(
            version=__version__, path=shown(store.path)
        ),
        file=out,
    )
    print(
        f"{stats.feeds} feeds in {stats.folders} folders, {stats.articles} articles "
        f"({stats.unread} unread, {stats.starred} starred), {stats.tags} tags.",
        file=out,
    )
    feeds = store.list_feeds()
    by_folder: dict[str, list[Feed]] = {}
    for feed in feeds:
        by_folder.setdefault(feed.folder or "", []).append(feed)
    for folder in sorted(by_folder):
        print("\n" + (shown(folder) if folder else _("(top level)")), file=out)
        for feed in by_folder[folder]:
            print(
                f"  {feed.id:>4}  {feed.unread:>4} unread / {feed.total:<4}  {shown(feed.title)}",
                file=out,
            )
    latest = store.list_articles(ArticleQuery(limit=10))
    if latest:
        print("\n" + _("Latest articles:"), file=out)
        for article in latest:
            print(_article_line(article), file=out)
    if not feeds:
        print(
            "\n" + _("Add a feed with 'press-reader feed add URL', or try 'press-reader --demo'."),
            file=out,
        )
    return 0


Handler = Callable[[Store, argparse.Namespace, TextIO], int]

_HANDLERS: dict[tuple[str, str | None], Handler] = {
    ("info", None): cmd_summary,
    ("feed", "add"): cmd_feed_add,
    ("feed", "list"): cmd_feed_list,
    ("feed", "remove"): cmd_feed_remove,
    ("feed", "rename"): cmd_feed_rename,
    ("feed", "move"): cmd_feed_move,
    ("feed", "fulltext"): cmd_feed_fulltext,
    ("fulltext", None): cmd_fulltext,
    ("opml", "import"): cmd_opml_import,
    ("opml", "export"): cmd_opml_export,
    ("refresh", None): cmd_refresh,
    ("articles", None): cmd_articles,
    ("search", None): cmd_search,
    ("show", None): cmd_show,
    ("tag", None): cmd_tag,
    ("tags", None): cmd_tags,
    ("tags", "rename"): cmd_tags_rename,
    ("tags", "color"): cmd_tags_color,
    ("tags", "delete"): cmd_tags_delete,
    ("highlight", "add"): cmd_highlight_add,
    ("highlight", "list"): cmd_highlight_list,
    ("brief", None): cmd_brief,
    ("briefs", None): cmd_briefs,
}


def demo_library(data: Path, clock: Clock = utc_now) -> Path:
    """The demo library's file in a data folder, seeded from the bundled feeds on first use."""
    from reader.core import seed_demo_library

    path = paths.demo_library_path(data)
    with Store(path, clock=clock) as store:
        seed_demo_library(store, paths.resources_dir() / "demo")
    return path


#: The commands that only read the library: on a library the user cannot write (its file, its
#: folder or its file system read-only) they open it for reading instead of failing.
_READING_COMMANDS = frozenset(
    {
        ("info", None),
        ("feed", "list"),
        ("opml", "export"),
        ("articles", None),
        ("search", None),
        ("show", None),
        ("tags", None),
        ("highlight", "list"),
        ("briefs", None),
    }
)


def _only_reads(args: argparse.Namespace) -> bool:
    """Whether the command leaves the library as it is (a brief does unless it is saved)."""
    command = args.command or "info"
    if command == "brief":
        return not (getattr(args, "save", False) or getattr(args, "mark_used", False))
    return (command, getattr(args, f"{command}_command", None)) in _READING_COMMANDS


def open_library(
    path: Path, clock: Clock = utc_now, *, reading: bool = False, demo: bool = False
) -> Store:
    """The library at ``path`` (the ``demo`` one refreshes offline); a command that only
    reads it opens a library the user cannot write read-only, and any other is refused by
    the Store with the reason it is read-only."""
    read_only = reading and path.exists() and not is_writable(path)
    if demo:
        from reader.core import open_demo_library

        return open_demo_library(path, clock=clock, read_only=read_only)
    return Store(path, clock=clock, read_only=read_only)


@contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """Stop on SIGTERM as on Ctrl-C (KeyboardInterrupt): a refresh shuts its parser processes
    down and keeps what it stored, instead of dying with them left behind."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def library_file(args: argparse.Namespace, clock: Clock = utc_now) -> Path:
    """The library the arguments point to; with --demo, the demo library."""
    data = paths.data_dir(getattr(args, "data_dir", None))
    if getattr(args, "demo", False):
        return demo_library(data, clock)
    return paths.user_library_path(data)


def run_window(args: argparse.Namespace) -> int:
    """Open the desktop window (Qt is imported only here)."""
    from reader.ui.app import display_problem, run_gui

    problem = display_problem()
    if problem is not None:
        raise ReaderError(problem)
    data = paths.data_dir(getattr(args, "data_dir", None))
    return run_gui(library_file(args), demo_library=lambda: demo_library(data))


def user_translation() -> gettext.NullTranslations:
    """The translation for the user's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); English
    when there is no catalog for it, or when its catalog cannot be read (with a warning)."""
    try:
        return cli_i18n.translation_for(os.environ)
    except cli_i18n.CatalogError as error:
        print(f"{PROG}: warning: {error}; messages stay in English", file=sys.stderr)
        return gettext.NullTranslations()


def main(argv: Sequence[str] | None = None, *, clock: Clock = utc_now) -> int:
    """Run one command; returns the exit status (0 ok, 1 error, 2 usage).

    Help, usage errors and the commands' reports are in the user's language; errors from the
    engine (exit status 1) stay in English. ``clock`` is the time every date the command
    stamps or counts back from comes from (tests inject their own).
    """
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    with cli_i18n.translated(user_translation()):
        return _run(argv, clock)


def _run(argv: Sequence[str] | None, clock: Clock) -> int:
    try:
        args = build_parser(clock).parse_args(argv)
    except ReaderError as error:  # a clock that cannot be read (PRESS_READER_NOW)
        print(f"{PROG}: error: {shown(error)}", file=sys.stderr)
        return 1
    command = args.command or "gui"
    action = getattr(args, f"{command}_command", None)
    handler = _HANDLERS.get((command, action), cmd_summary)
    try:
        if command == "gui":
            return run_window(args)
        with (
            _sigterm_interrupts(),
            open_library(
                library_file(args, clock),
                clock,
                reading=_only_reads(args),
                demo=getattr(args, "demo", False),
            ) as store,
        ):
            return handler(store, args, sys.stdout)
    except ReaderError as error:
        # Errors repeat titles, addresses and reasons from outside: one printable line.
        print(f"{PROG}: error: {shown(error)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(_("{prog}: interrupted").format(prog=PROG), file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (``| head``): not an error worth a word.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
