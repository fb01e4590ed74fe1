"""The feed commands: add (finding the feed a page leads to), list, remove, rename, move, and
a feed's full-text mode."""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from reader.cli import PROG
from reader.cli.i18n import _, ngettext
from reader.cli.output import iso, print_json, shown
from reader.core import Store
from reader.core.errors import FeedExistsError, FetchError, ParseError, ReaderError
from reader.core.types import Feed


def _feed_json(feed: Feed) -> dict[str, Any]:
    return {
        "id": feed.id,
        "title": feed.title,
        "url": feed.url,
        "folder": feed.folder,
        "site_url": feed.site_url,
        "unread": feed.unread,
        "total": feed.total,
        "last_refresh": iso(feed.last_checked),
        "last_error": feed.last_error,
        "warning": feed.warning,
        "enabled": feed.enabled,
        "full_text": feed.full_text,
    }


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
        print_json([_feed_json(f) for f in feeds], out)
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
