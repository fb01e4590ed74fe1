"""`feed add` checks the address first and finds the feeds of a web page."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from reader.core.discover import GUESSED_PATHS
from tests.cli.test_cli import CLI, assert_one_line_error
from tests.feeds import FeedSite, rss


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> CLI:
    return CLI(tmp_path / "data", capsys)


def serve_page(site: FeedSite, path: str, head: str) -> str:
    html = f"<!DOCTYPE html><html><head><title>Journal</title>{head}</head><body></body></html>"
    site.server.expect_request(path).respond_with_data(html, content_type="text/html")
    return site.url(path)


def feed_link(href: str, title: str = "", kind: str = "application/rss+xml") -> str:
    return f'<link rel="alternate" type="{kind}" title="{title}" href="{href}">'


def urls(cli: CLI) -> list[str]:
    return [f["url"] for f in cli.json("feed", "list")]  # type: ignore[attr-defined,index]


def test_a_page_naming_one_feed_subscribes_to_it(cli: CLI, site: FeedSite) -> None:
    feed = site.publish("/rss.xml", rss("Le Journal", []))
    page = serve_page(
        site,
        "/article",
        feed_link("/rss.xml", "Tout le journal")
        + feed_link("/f.json", "JSON", "application/feed+json"),
    )
    code, out, err = cli("feed", "add", page, "--folder", "Presse")
    assert code == 0, err
    assert out.splitlines() == [
        f"Found the feed {feed} at {page}",
        f"Added feed 1: {feed} in Presse",
    ]
    assert urls(cli) == [feed]


def test_several_feeds_are_listed_and_one_is_picked(cli: CLI, site: FeedSite) -> None:
    page = serve_page(
        site,
        "/",
        feed_link("/rss.xml", "Articles")
        + feed_link("/f.json", "JSON", "application/feed+json")
        + feed_link("/comments.atom", "Commentaires\x1b[31m", "application/atom+xml"),
    )
    code, out, err = cli("feed", "add", page)
    assert code == 2
    assert out.splitlines() == [
        f"2 feeds found at {page}:",
        f"   1. Articles  {site.url('/rss.xml')}",
        f"   -  JSON  {site.url('/f.json')}  (JSON Feed: not yet supported)",
        f"   2. Commentaires [31m  {site.url('/comments.atom')}",
    ]
    assert_one_line_error(code, err, expected=2, contains="--pick N")
    assert "\x1b" not in out + err
    assert urls(cli) == []

    code, out, err = cli("feed", "add", page, "--pick", "3")
    assert_one_line_error(code, err, expected=2, contains="no feed 3")
    code, out, err = cli("feed", "add", page, "--pick", "2", "--title", "Réactions")
    assert code == 0, err
    assert f"Added feed 1: {site.url('/comments.atom')}" in out
    assert cli.json("feed", "list")[0]["title"] == "Réactions"  # type: ignore[index]


def test_a_page_naming_none_is_searched_for_the_usual_addresses(cli: CLI, site: FeedSite) -> None:
    page = serve_page(site, "/", "")
    site.server.expect_request("/feed/").respond_with_data("", status=404)
    feed = site.publish("/rss", rss("Trouvé", []))
    code, _, err = cli("feed", "add", page)
    assert code == 0, err
    assert urls(cli) == [feed]


def test_a_feed_address_is_fetched_once_and_kept_as_given(cli: CLI, site: FeedSite) -> None:
    feed = site.publish("/flux.xml", rss("Le Fleuve", []))
    code, out, err = cli("feed", "add", feed)
    assert code == 0 and out == f"Added feed 1: {feed}\n", err
    assert site.hits == {"/flux.xml": 1}


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (("", 404, "text/html"), "HTTP 404"),
        (("<opml version='2.0'/>", 200, "text/xml"), "not a feed"),
        (('{"version": "https://jsonfeed.org/version/1"}', 200, "application/json"), "JSON Feed"),
    ],
)
def test_a_failure_is_one_line_and_leaves_the_library_alone(
    cli: CLI, site: FeedSite, answer: tuple[str, int, str], message: str
) -> None:
    body, status, content_type = answer
    site.server.expect_request("/x").respond_with_data(
        body, status=status, content_type=content_type
    )
    code, out, err = cli("feed", "add", site.url("/x"))
    assert_one_line_error(code, err, contains=message)
    assert out == "" and urls(cli) == []


def test_a_page_leading_nowhere_says_so(cli: CLI, site: FeedSite) -> None:
    page = serve_page(site, "/", "")
    for path in GUESSED_PATHS:
        site.server.expect_request(path.split("?")[0]).respond_with_data("", status=404)
    code, _, err = cli("feed", "add", page)
    assert_one_line_error(code, err, contains="no feed found")
    assert "--force" in err and urls(cli) == []


def test_an_unreachable_site_is_one_line(cli: CLI) -> None:
    with socket.socket() as free:  # a loopback port nobody listens on
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    code, _, err = cli("feed", "add", f"http://127.0.0.1:{port}/feed.xml")
    assert_one_line_error(code, err, contains="could not connect")
    assert urls(cli) == []


def test_force_subscribes_without_fetching(cli: CLI, site: FeedSite) -> None:
    site.server.expect_request("/x").respond_with_data("", status=500)
    code, _, err = cli("feed", "add", site.url("/x"), "--force")
    assert code == 0, err
    assert urls(cli) == [site.url("/x")]
    assert len(site.server.log) == 0


def test_already_subscribed_is_refused_before_any_request(cli: CLI, site: FeedSite) -> None:
    feed = site.publish("/flux.xml", rss("Le Fleuve", []))
    cli("feed", "add", feed)
    code, _, err = cli("feed", "add", feed)
    assert_one_line_error(code, err, contains="already subscribed")
    assert site.hits == {"/flux.xml": 1}


def test_pick_and_force_are_exclusive(cli: CLI) -> None:
    code, _, err = cli("feed", "add", "https://x.example/", "--pick", "1", "--force")
    assert_one_line_error(code, err, expected=2, contains="not allowed with")


def test_a_local_file_is_checked_too(cli: CLI, tmp_path: Path) -> None:
    good = tmp_path / "flux.xml"
    good.write_bytes(rss("Local", []))
    code, _, err = cli("feed", "add", good.as_uri(), "--allow-file")
    assert code == 0, err
    bad = tmp_path / "notes.txt"
    bad.write_text("just notes")
    code, _, err = cli("feed", "add", bad.as_uri(), "--allow-file")
    assert_one_line_error(code, err, contains="not a feed")
