"""The W3C Web Annotation export: every annotation and the collection checked against the
Web Annotation Data Model's MUST assertions (the W3C test suite's JSON schemas, in
../shared/corpus/w3c-annotation), and the content a reader of the file relies on."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry
from referencing.jsonschema import DRAFT4

from reader import __version__
from reader.core.briefs import compose
from reader.core.storage import Store
from reader.core.types import Brief, BriefCriteria, HighlightColor
from reader.export import export_format
from reader.export.w3c import render_w3c, w3c_bytes
from tests.export.conftest import HOSTILE_TITLE
from tests.factories import T0

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SUITE = SHARED / "corpus" / "w3c-annotation"

# -- the W3C assertions --------------------------------------------------------------------

#: RFC 3986 URI: a scheme, then only characters a URI may hold (percent-escapes well formed).
_URI = re.compile(
    r"^[A-Za-z][A-Za-z0-9+.\-]*:(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#\[\]]|%[0-9A-Fa-f]{2})*$"
)
#: RFC 3339 date-time (what xsd:dateTime with a zone, and JSON Schema's date-time, accept).
_DATE_TIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$"
)


def _is_uri(value: object) -> bool:
    return not isinstance(value, str) or bool(_URI.match(value))


def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _DATE_TIME.match(value):
        return False
    try:
        datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _format_checker() -> FormatChecker:
    """The formats the schemas use. jsonschema checks "uri" and "date-time" only with extra
    packages (rfc3987, rfc3339-validator) the project does not depend on; without a checker
    the schemas would accept any string as an id or a date."""
    checker = FormatChecker(())
    checker.checks("uri")(_is_uri)
    checker.checks("date-time")(_is_date_time)
    return checker


@dataclass(frozen=True)
class Assertion:
    """One assertion schema of the suite, ready to validate."""

    name: str  # its path in the suite, e.g. annotations/3.1-annotationTypeValidated.json
    message: str  # the suite's errorMessage
    validator: Draft4Validator

    def failure(self, instance: dict[str, Any]) -> str | None:
        """Why ``instance`` fails this assertion, or None when it passes."""
        errors = list(self.validator.iter_errors(instance))
        if not errors:
            return None
        first = min(errors, key=lambda e: len(e.path))
        where = "/".join(str(p) for p in first.absolute_path) or "(top)"
        return f"{self.name}: {self.message} [{where}: {first.message[:200]}]"


def _registry(suite: Path) -> Registry[Any]:
    """The shared definitions, under the bare file names the schemas' ``$ref``s use
    (``id.json#/definitions/stringUri``; every definitions file declares ``"id":
    "<name>.json"``, and a file whose top-level ``$ref`` hides its own ``id`` resolves from
    no base at all, which gives the same bare names). A registry has no retrieval of its own:
    any other reference fails, nothing is fetched from the network."""
    return Registry().with_resources(
        (path.name, DRAFT4.create_resource(json.loads(path.read_text(encoding="utf-8"))))
        for path in sorted((suite / "definitions").glob("*.json"))
    )


def _load(suite: Path, manifest: str) -> list[Assertion]:
    """The assertions a ``.test`` manifest lists, each checked to be a MUST expecting a
    valid document (the manifests of SHOULD/MAY "…Implemented" checks are not used)."""
    registry = _registry(suite)
    checker = _format_checker()
    assertions: list[Assertion] = []
    names = json.loads((suite / manifest).read_text(encoding="utf-8"))["assertions"]
    for name in names:
        schema = json.loads((suite / name).read_text(encoding="utf-8"))
        assert schema["assertionType"] == "must", f"{name} is not a MUST assertion"
        assert schema["expectedResult"] == "valid", f"{name} does not expect a valid document"
        Draft4Validator.check_schema(schema)
        validator = Draft4Validator(schema, registry=registry, format_checker=checker)
        assertions.append(Assertion(name, schema.get("errorMessage", ""), validator))
    return assertions


def _suite() -> Path:
    if not SUITE.is_dir():
        pytest.skip("the W3C annotation test suite (../shared/corpus/w3c-annotation) is absent")
    return SUITE


@pytest.fixture(scope="session")
def annotation_musts() -> list[Assertion]:
    return _load(_suite(), "annotations/annotationMusts.test")


@pytest.fixture(scope="session")
def collection_musts() -> list[Assertion]:
    return _load(_suite(), "collections/collectionMusts.test")


@pytest.fixture(scope="session")
def page_musts() -> list[Assertion]:
    return _load(_suite(), "collections/pages/pageMusts.test")


def failures(assertions: list[Assertion], instance: dict[str, Any]) -> list[str]:
    return [f for a in assertions if (f := a.failure(instance)) is not None]


# -- briefs --------------------------------------------------------------------------------


@pytest.fixture
def linkless_brief(brief_store: Store) -> Brief:
    """The fixture's brief, with a passage in the article without a link (Tchad) and one in
    the article whose link is javascript: (the hostile one)."""
    ids = {a.key: a.id for a in brief_store.list_articles()}
    brief_store.highlights.add_quote(ids["tchad"], "recensement des réfugiés", color="green")
    brief_store.highlights.add_quote(ids["hostile"], "sans histoire", note="Titre piégé.")
    return compose(
        brief_store,
        BriefCriteria(group_by="tag", tag_prefix="country"),
        title="Revue de presse – Sahel",
        author="Cellule Afrique",
    )


BRIEFS = ("brief", "french_brief", "linkless_brief")


def annotations_of(collection: dict[str, Any]) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = collection["first"]["items"]
    return items


def highlight_count(brief: Brief) -> int:
    return sum(len(item.highlights) for item in brief.items())


# -- the MUST assertions -------------------------------------------------------------------


@pytest.mark.corpus
def test_the_suite_lists_the_musts_of_the_model(
    annotation_musts: list[Assertion],
    collection_musts: list[Assertion],
    page_musts: list[Assertion],
) -> None:
    assert len(annotation_musts) == 54
    assert len(collection_musts) == 10
    assert len(page_musts) == 15


@pytest.mark.corpus
def test_the_assertions_accept_the_suites_samples_and_reject_its_mistakes(
    annotation_musts: list[Assertion],
) -> None:
    """The harness is not vacuous: the suite's correct annotation samples pass, but for the
    three whose targets use classes the final model dropped (Composite, List, Independents),
    and every incorrect sample that is JSON at all fails."""
    correct = sorted((SUITE / "samples" / "correct").glob("anno*.json"))
    refused = {p.name for p in correct if failures(annotation_musts, _read(p))}
    assert refused == {"anno11.json", "anno12.json", "anno13.json"}
    assert len(correct) - len(refused) >= 35

    parsable = 0
    for path in sorted((SUITE / "samples" / "incorrect").glob("anno*.json")):
        try:
            sample = _read(path)
        except ValueError:
            continue  # deliberately not JSON
        parsable += 1
        assert failures(annotation_musts, sample), f"{path.name} passed every MUST"
    assert parsable >= 20


def _read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.corpus
@pytest.mark.parametrize("which", BRIEFS)
def test_every_annotation_meets_every_must_assertion(
    request: pytest.FixtureRequest,
    which: str,
    colors: list[HighlightColor],
    annotation_musts: list[Assertion],
) -> None:
    brief: Brief = request.getfixturevalue(which)
    annotations = annotations_of(json.loads(w3c_bytes(brief, colors, now=T0)))
    assert annotations
    problems = [
        f"annotation {annotation['id']} ({annotation['target']['selector'][0]['exact']!r}) "
        f"fails {failure}"
        for annotation in annotations
        for failure in failures(annotation_musts, annotation)
    ]
    assert not problems, "\n".join(problems)


def _drop(key: str) -> Callable[[dict[str, Any]], None]:
    def mutate(annotation: dict[str, Any]) -> None:
        del annotation[key]

    return mutate


def _set(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(annotation: dict[str, Any]) -> None:
        annotation[key] = value

    return mutate


def _add_body_value(annotation: dict[str, Any]) -> None:
    annotation["bodyValue"] = "a comment"


def _negative_start(annotation: dict[str, Any]) -> None:
    annotation["target"]["selector"][1]["start"] = -1


def _quote_without_exact(annotation: dict[str, Any]) -> None:
    del annotation["target"]["selector"][0]["exact"]


def _source_not_a_uri(annotation: dict[str, Any]) -> None:
    annotation["target"]["source"]["id"] = "not a uri"


def _style_without_stylesheet(annotation: dict[str, Any]) -> None:
    del annotation["stylesheet"]


def _textual_target(annotation: dict[str, Any]) -> None:
    annotation["target"] = {"type": "TextualBody", "value": "a target cannot be text"}


MUTATIONS: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "no type": (_drop("type"), "3.1-annotationTypeValidated"),
    "no target": (_drop("target"), "3.1-targetKeyFound"),
    "no context": (_drop("@context"), "3.1-annotationContextValidated"),
    "wrong context": (_set("@context", "http://example.org/ctx"), "3.1-annotationContext"),
    "id not an IRI": (_set("id", "highlight 12"), "3.1-annotationIdValidated"),
    "body and bodyValue": (_add_body_value, "3.2.5-notBodyBodyValue"),
    "created yesterday": (_set("created", "yesterday"), "3.3.1-annotationCreatedValidated"),
    "created without zone": (_set("created", "2026-11-28 08:00"), "3.3.1-annotationCreated"),
    "negative position": (_negative_start, "4.2-TextDataPositionSelectorValid"),
    "quote without exact": (_quote_without_exact, "4.2.4-textQuoteSelectorValid"),
    "source not an IRI": (_source_not_a_uri, "3.2-targetObjectsRecognized"),
    "styleClass without stylesheet": (_style_without_stylesheet, "4.4-styleClassValidIfPresent"),
    "textual target": (_textual_target, "3.2.4-targNoTypeTextualBody"),
}


@pytest.mark.corpus
@pytest.mark.parametrize("mutation", MUTATIONS)
def test_a_broken_annotation_is_rejected(
    mutation: str,
    brief: Brief,
    colors: list[HighlightColor],
    annotation_musts: list[Assertion],
) -> None:
    mutate, expected = MUTATIONS[mutation]
    annotation = copy.deepcopy(annotations_of(render_w3c(brief, colors, now=T0))[1])
    assert not failures(annotation_musts, annotation)
    mutate(annotation)
    found = failures(annotation_musts, annotation)
    assert found, f"{mutation}: no assertion rejected the annotation"
    assert any(expected in f for f in found), f"{mutation}: {expected} passed; got {found}"


@pytest.mark.corpus
@pytest.mark.parametrize("which", BRIEFS)
def test_the_collection_and_its_page_meet_their_must_assertions(
    request: pytest.FixtureRequest,
    which: str,
    colors: list[HighlightColor],
    collection_musts: list[Assertion],
    page_musts: list[Assertion],
) -> None:
    """The page musts are written for "an Annotation Page or an Annotation Collection with
    an embedded Page": they run on the collection itself."""
    brief: Brief = request.getfixturevalue(which)
    collection = json.loads(w3c_bytes(brief, colors, now=T0))
    problems = failures(collection_musts, collection) + failures(page_musts, collection)
    assert not problems, "\n".join(problems)


@pytest.mark.corpus
def test_an_empty_collection_has_no_page_and_meets_the_collection_musts(
    brief: Brief, colors: list[HighlightColor], collection_musts: list[Assertion]
) -> None:
    empty = replace(
        brief,
        sections=tuple(
            replace(s, items=tuple(replace(i, highlights=()) for i in s.items))
            for s in brief.sections
        ),
    )
    collection = render_w3c(empty, colors, now=T0)
    assert collection["total"] == 0
    assert "first" not in collection
    assert "last" not in collection
    assert not failures(collection_musts, collection)
    # With annotations counted but no first page, the model's rule catches it.
    assert failures(collection_musts, {**collection, "total": 2})


@pytest.mark.corpus
def test_a_broken_collection_is_rejected(
    brief: Brief,
    colors: list[HighlightColor],
    collection_musts: list[Assertion],
    page_musts: list[Assertion],
) -> None:
    collection = render_w3c(brief, colors, now=T0)
    assert failures(collection_musts, {**collection, "type": "Collection"})
    assert failures(collection_musts, {**collection, "total": -1})
    assert failures(collection_musts, {**collection, "created": "yesterday"})
    assert failures(page_musts, {**collection, "first": {**collection["first"], "id": "p 1"}})
    page = {k: v for k, v in collection["first"].items() if k != "items"}
    assert failures(page_musts, {**collection, "first": page})


# -- the content ---------------------------------------------------------------------------


def test_one_annotation_per_highlight_in_the_briefs_order(
    brief: Brief, colors: list[HighlightColor]
) -> None:
    collection = render_w3c(brief, colors, now=T0)
    annotations = annotations_of(collection)
    quotes = [h.exact for item in brief.items() for h in item.highlights]
    assert len(annotations) == highlight_count(brief) == collection["total"] == 5
    assert [a["target"]["selector"][0]["exact"] for a in annotations] == quotes
    assert collection["first"]["type"] == "AnnotationPage"
    assert collection["last"] == collection["first"]["id"]
    assert collection["first"]["partOf"] == collection["id"]
    assert all(a["@context"] == "http://www.w3.org/ns/anno.jsonld" for a in annotations)


def test_the_collection_names_the_brief_its_author_and_press_reader(
    brief: Brief, colors: list[HighlightColor]
) -> None:
    now = T0 + timedelta(days=1, minutes=5)
    collection = render_w3c(brief, colors, now=now)
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection"
    assert collection["label"] == "Revue de presse – Sahel"
    assert collection["id"].startswith("urn:uuid:")
    assert collection["creator"] == {"type": "Person", "name": "Cellule Afrique"}
    assert collection["generated"] == "2026-11-29T08:05:00Z"
    assert collection["created"] == "2026-11-29T08:05:00Z"  # an unsaved brief: made now
    assert collection["generator"]["type"] == "Software"
    assert collection["generator"]["name"] == "Press Reader"
    assert collection["generator"]["schema:softwareVersion"] == __version__


def test_a_saved_brief_keeps_its_dates_and_its_id_when_renamed(
    brief: Brief, colors: list[HighlightColor]
) -> None:
    saved = replace(brief, id=7, created=T0, updated=T0 + timedelta(hours=2))
    collection = render_w3c(saved, colors, now=T0)
    assert collection["created"] == "2026-11-28T08:00:00Z"
    assert collection["modified"] == "2026-11-28T10:00:00Z"
    renamed = render_w3c(replace(saved, title="Sahel, semaine 48"), colors, now=T0)
    assert renamed["id"] == collection["id"]
    assert renamed["label"] == "Sahel, semaine 48"
    assert render_w3c(replace(saved, id=8), colors, now=T0)["id"] != collection["id"]


def test_without_an_author_there_is_no_creator(brief: Brief, colors: list[HighlightColor]) -> None:
    collection = render_w3c(replace(brief, author="  "), colors, now=T0)
    assert "creator" not in collection
    assert all("creator" not in a for a in annotations_of(collection))


def test_motivation_and_bodies(brief: Brief, colors: list[HighlightColor]) -> None:
    by_quote = {
        a["target"]["selector"][0]["exact"]: a
        for a in annotations_of(render_w3c(brief, colors, now=T0))
    }

    plain = by_quote["disent attendre des effets concrets"]
    assert plain["motivation"] == "highlighting"
    assert plain["body"] == [{"type": "TextualBody", "purpose": "classifying", "value": "Context"}]

    noted = by_quote["Goïta s’est rendu à Gao"]
    assert noted["motivation"] == "commenting"
    comment, classifying = noted["body"]
    assert comment == {
        "type": "TextualBody",
        "purpose": "commenting",
        "value": "À suivre : première visite depuis 2021.\nVérifier auprès de l’AFP.",
        "format": "text/plain",
        "language": "en",
    }
    assert classifying["purpose"] == "classifying"
    assert classifying["value"] == "Claim to verify"

    tagged = by_quote["la reprise de la coopération militaire"]
    tags = [b for b in tagged["body"] if b["purpose"] == "tagging"]
    assert tags == [{"type": "TextualBody", "purpose": "tagging", "value": "theme/défense"}]


def test_a_highlight_without_any_body_has_no_body_key(
    brief: Brief, colors: list[HighlightColor]
) -> None:
    # A colour whose meaning is blank still names the colour: only an empty name leaves
    # nothing to classify by.
    items = list(brief.items())
    bare = replace(items[0].highlights[0], color="", tags=(), note="")
    section = replace(brief.sections[0], items=(replace(items[0], highlights=(bare,)),))
    annotation = annotations_of(render_w3c(replace(brief, sections=(section,)), [], now=T0))[0]
    assert "body" not in annotation
    assert annotation["motivation"] == "highlighting"


def test_targets_carry_the_quote_and_the_position(
    brief: Brief, colors: list[HighlightColor]
) -> None:
    first = annotations_of(render_w3c(brief, colors, now=T0))[0]
    highlight = next(iter(brief.items())).highlights[0]
    target = first["target"]
    assert target["type"] == "SpecificResource"
    assert target["source"] == {
        "id": "https://news.example/mali",
        "type": "Text",
        "label": "Mali : reprise de la coopération",
    }
    assert target["selector"] == [
        {
            "type": "TextQuoteSelector",
            "exact": highlight.exact,
            "prefix": highlight.prefix,
            "suffix": highlight.suffix,
        },
        {"type": "TextPositionSelector", "start": highlight.start, "end": highlight.end},
    ]
    assert target["styleClass"] == "highlight-yellow"
    assert "#ffe066" in first["stylesheet"]["value"]


def test_an_orphaned_passage_keeps_only_its_quote(
    brief: Brief, colors: list[HighlightColor]
) -> None:
    annotations = annotations_of(render_w3c(brief, colors, now=T0))
    quote = "« des échanges francs »"
    orphan = next(a for a in annotations if a["target"]["selector"][0]["exact"] == quote)
    assert [s["type"] for s in orphan["target"]["selector"]] == ["TextQuoteSelector"]
    assert orphan["motivation"] == "commenting"
    others = [a for a in annotations if a is not orphan]
    assert all(len(a["target"]["selector"]) == 2 for a in others)


def test_typography_is_written_as_is(brief: Brief, colors: list[HighlightColor]) -> None:
    data = w3c_bytes(brief, colors, now=T0)
    text = data.decode("utf-8")
    assert "« des échanges francs »" in text
    assert "Goïta s’est rendu à Gao" in text
    assert "Revue de presse – Sahel" in text
    assert "\\u" not in text
    assert data.endswith(b"}\n")
    assert text.startswith('{\n  "@context"')


def test_articles_without_a_web_link_get_urn_sources(
    linkless_brief: Brief, colors: list[HighlightColor]
) -> None:
    data = w3c_bytes(linkless_brief, colors, now=T0)
    assert b"javascript:" not in data
    annotations = annotations_of(json.loads(data))
    sources = {a["target"]["source"]["label"]: a["target"]["source"]["id"] for a in annotations}
    tchad = sources["Tchad : recensement des réfugiés"]
    hostile = sources[HOSTILE_TITLE]
    assert tchad.startswith("urn:uuid:")
    assert hostile.startswith("urn:uuid:")
    assert tchad != hostile
    assert sources["Mali : reprise de la coopération"] == "https://news.example/mali"
    # The same article gives the same urn on every export.
    again = annotations_of(render_w3c(linkless_brief, colors, now=T0))
    assert {a["target"]["source"]["id"] for a in again} == set(sources.values())


def test_a_link_with_accents_is_written_as_a_uri(
    brief: Brief, colors: list[HighlightColor]
) -> None:
    item = next(iter(brief.items()))
    accented = replace(item, link="https://news.example/société/mali?q=sécurité#à")
    section = replace(brief.sections[0], items=(accented,))
    annotation = annotations_of(render_w3c(replace(brief, sections=(section,)), colors, now=T0))[0]
    assert annotation["target"]["source"]["id"] == (
        "https://news.example/soci%C3%A9t%C3%A9/mali?q=s%C3%A9curit%C3%A9#%C3%A0"
    )


def test_ids_are_stable_across_exports(brief: Brief, colors: list[HighlightColor]) -> None:
    first = render_w3c(brief, colors, now=T0)
    second = render_w3c(brief, colors, now=T0 + timedelta(days=3))
    assert first["id"] == second["id"]
    assert first["first"]["id"] == second["first"]["id"]
    ids = [a["id"] for a in annotations_of(first)]
    assert ids == [a["id"] for a in annotations_of(second)]
    assert len(set(ids)) == len(ids)
    assert all(i.startswith("urn:uuid:") for i in [*ids, first["id"], first["first"]["id"]])
    assert first["generated"] != second["generated"]


def test_dates_are_utc_with_a_z(brief: Brief, colors: list[HighlightColor]) -> None:
    collection = render_w3c(brief, colors, now=T0)
    stamps = [collection["created"], collection["generated"]]
    stamps += [a["created"] for a in annotations_of(collection)]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", s) for s in stamps), stamps
    assert annotations_of(collection)[0]["created"] == "2026-11-28T08:00:00Z"


def test_an_edited_highlight_says_when(brief: Brief, colors: list[HighlightColor]) -> None:
    item = next(iter(brief.items()))
    edited = replace(item.highlights[0], updated=item.highlights[0].created + timedelta(hours=1))
    section = replace(brief.sections[0], items=(replace(item, highlights=(edited,)),))
    annotation = annotations_of(render_w3c(replace(brief, sections=(section,)), colors, now=T0))[0]
    assert annotation["modified"] == "2026-11-28T09:00:00Z"
    assert "modified" not in annotations_of(render_w3c(brief, colors, now=T0))[0]


def test_a_french_brief_writes_its_notes_in_french(
    french_brief: Brief, colors: list[HighlightColor]
) -> None:
    annotations = annotations_of(json.loads(w3c_bytes(french_brief, colors, now=T0)))
    comments = [b for a in annotations for b in a.get("body", []) if b["purpose"] == "commenting"]
    assert len(comments) == 2
    assert all(b["language"] == "fr" for b in comments)


def test_the_format_registry_writes_it(brief: Brief, colors: list[HighlightColor]) -> None:
    fmt = export_format("w3c")
    assert fmt.suffix == ".jsonld"
    data = fmt.render(brief, colors, now=T0, paper="letter")
    parsed = json.loads(data)
    assert parsed["type"] == "AnnotationCollection"
    assert parsed["total"] == 5
