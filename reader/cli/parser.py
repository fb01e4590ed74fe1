"""The command-line grammar: every command, option and argument type, built with argparse
(also the source of the usage page)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn

from reader import __version__, paths
from reader.cli import PROG
from reader.cli.i18n import _
from reader.cli.output import shown
from reader.core import parse_user_date, utc_now
from reader.core.errors import InvalidDateError


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
    :func:`reader.cli.i18n.translated` made current.
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
