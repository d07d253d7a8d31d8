"""Find ClaimReviews wherever publishers put them: a single object, a JSON array, an @graph, a
DataFeed's ``dataFeedElement`` items, ``<script type="application/ld+json">`` blocks in a
saved page, nested inside another review (MediaReview's ``associatedClaimReview``), or
microdata-style ``{"type": [...], "properties": {...}}`` items.

Large files are streamed: a top-level array, an @graph and a DataFeed's elements are read one
node at a time.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any

from claimtrack.core.errors import InvalidInput
from claimtrack.formats import jsonstream, scriptjson
from claimtrack.formats.claimreview import Page, Reading, is_review, review_bundle
from claimtrack.formats.records import Parsed

MAX_DEPTH = 8
# An @graph's nodes are kept by @id until the graph ends, for the reviews that refer to them,
# and reviews that refer to a node not seen yet wait for the end: both up to this many, so a
# feed of any length is read in bounded memory (past it, a reference stays unresolved).
GRAPH_LIMIT = 10_000
STREAMED = frozenset({"@graph", "dataFeedElement"})
# What a block that is not JSON declares itself to be: "@type" (or "type") and a name or a
# list of names (["Review", "ClaimReview"]: every one counts). An unclosed list runs to the
# end of the block, so each part of it is scanned once.
# A type or a list of types (its quoted items only, at most 16: a list left open in a broken
# block must not take the keys and values after it for type names).
_DECLARED_TYPE = re.compile(r'"@?type"\s*+:\s*+(?:\[\s*+((?:"[^"]*+"\s*+,?\s*+){0,16})|"([^"]*+)")')
_QUOTED = re.compile(r'"([^"]*+)"')
_SCHEMA_ORG = re.compile(r"^https?://schema\.org/")


def is_microdata(node: Any) -> bool:
    """A microdata item in its JSON form; a JSON-LD node (it has "@type") that happens to carry
    a "properties" key is not one (claimtrack's own exports wrote such nodes once)."""
    return (
        isinstance(node, dict)
        and isinstance(node.get("properties"), dict)
        and "@type" not in node
    )


def _short_type(name: str) -> str:
    """"http://schema.org/Rating" as JSON-LD writes it under the schema.org context: "Rating"."""
    return _SCHEMA_ORG.sub("", name)


def from_microdata(node: Mapping[str, Any], depth: int = 0) -> dict[str, Any]:
    """A microdata item ({"type": [...], "properties": {"name": [...]}}) as JSON-LD; items
    nested deeper than MAX_DEPTH are left as they are, like every other walk here."""
    raw_types = node.get("type")
    types = [raw_types] if isinstance(raw_types, str) else [
        t for t in (raw_types if isinstance(raw_types, list) else []) if isinstance(t, str)
    ]
    types = [_short_type(t) for t in types]
    converted: dict[str, Any] = {"@type": types[0] if len(types) == 1 else types}
    if isinstance(node.get("id"), str):
        converted["@id"] = node["id"]
    for key, raw in node["properties"].items():
        items = [
            from_microdata(v, depth + 1) if is_microdata(v) and depth < MAX_DEPTH else v
            for v in (raw if isinstance(raw, list) else [raw])
        ]
        converted[key] = items[0] if len(items) == 1 else items
    return converted


def find_reviews(value: Any, depth: int = 0) -> Iterator[tuple[Mapping[str, Any], Any]]:
    """(review as JSON-LD, review as read) for every ClaimReview inside ``value``."""
    if depth > MAX_DEPTH:
        return
    if isinstance(value, list):
        for item in value:
            yield from find_reviews(item, depth + 1)
    elif isinstance(value, dict):
        node = from_microdata(value) if is_microdata(value) else value
        if is_review(node):
            yield node, value
            return
        for key, item in node.items():
            if key != "@context":
                yield from find_reviews(item, depth + 1)


def resolve(value: Any, index: Mapping[str, Any], depth: int = 0) -> Any:
    """Replace {"@id": …} references by the nodes they name (within one document)."""
    if not index or depth > MAX_DEPTH:
        return value
    if isinstance(value, list):
        return [resolve(item, index, depth + 1) for item in value]
    if isinstance(value, dict):
        ref = value.get("@id")
        if set(value) <= {"@id", "@type"} and isinstance(ref, str) and ref in index:
            return resolve(index[ref], index, depth + 1)
        return {key: resolve(item, index, depth + 1) for key, item in value.items()}
    return value


def id_index(nodes: Iterable[Any]) -> dict[str, Any]:
    return {
        node["@id"]: node
        for node in nodes
        if isinstance(node, dict) and isinstance(node.get("@id"), str) and len(node) > 1
    }


def reviews_in(
    value: Any,
    where: str,
    index: Mapping[str, Any] | None = None,
    *,
    page: Page | None = None,
    entities: bool = True,
) -> Iterator[Parsed]:
    """Every ClaimReview in one JSON value, parsed; a value with none yields nothing.
    ``page``: the saved page it came from; ``entities``: whether text may carry HTML
    entities (JSON-LD does; microdata read from a page is already decoded)."""
    if isinstance(value, dict) and isinstance(value.get("@graph"), list):
        graph = value["@graph"]
        yield from reviews_in(graph, where, id_index(graph), page=page, entities=entities)
        return
    found = list(find_reviews(value))
    yield from _parsed(found, where, index or id_index([value]), page or Page(), entities)


def _parsed(
    found: list[tuple[Mapping[str, Any], Any]],
    where: str,
    index: Mapping[str, Any],
    page: Page,
    entities: bool = True,
) -> Iterator[Parsed]:
    """The reviews ``find_reviews`` found, with their references resolved from ``index``."""
    for number, (node, as_read) in enumerate(found, start=1):
        position = where if len(found) == 1 else f"{where}, review {number}"
        reading = Reading(page=page, entities=entities)
        try:
            bundle = review_bundle(resolve(node, index), as_read, reading)
        except InvalidInput as error:
            yield Parsed(position, error=str(error), raw=as_read)
            continue
        notes = tuple(f"{position}: {note}" for note in reading.notes)
        yield Parsed(position, item=bundle, raw=as_read, notes=notes)


def read_json(stream: IO[bytes]) -> Iterator[Parsed]:
    """ClaimReviews from a JSON-LD file: an array, an @graph and a DataFeed's elements are
    streamed node by node."""
    top: dict[str, Any] = {}
    graphs: dict[str, _Graph] = {}
    items = 0
    for event in jsonstream.events(stream, STREAMED):
        if event.kind == "item":
            items += 1
            yield from _one(event.value, f"item {items}")
        elif event.kind == "scalar":
            raise InvalidInput(
                f"it holds one JSON {_kind_of(event.value)}, not a claimtrack export or "
                "ClaimReview document. Check that this is the right file."
            )
        elif event.kind == "element" or event.key in STREAMED:  # "@graph": {one node}
            key = str(event.key)
            yield from graphs.setdefault(key, _Graph(key)).add(event.value)
        else:
            top[str(event.key)] = event.value
    for graph in graphs.values():
        yield from graph.finish()
    if not set(top) - {"@context", "@type", "@id", "name", "dateCreated", "dateModified"}:
        return
    if items or graphs:  # beside an @graph or a feed's elements: only its reviews, if any
        yield from reviews_in(top, "document")
        return
    parsed = list(reviews_in(top, "document"))
    if not parsed:  # the whole file is one object, and no review: not a file to import
        raise InvalidInput(f"it holds no ClaimReview: {_what(top)}. {_advice(top)}")
    yield from parsed


def _one(node: Any, where: str) -> Iterator[Parsed]:
    parsed = list(reviews_in(node, where))
    if not parsed:
        parsed = [Parsed(where, error=f"no ClaimReview here: {_what(node)}.", raw=node)]
    yield from parsed


def _is_fact_check_tools_claim(node: Any) -> bool:
    """A claim as Google's Fact Check Tools API answers it (claims:search): "text",
    "claimant", and a "claimReview" list of {"publisher", "url", "textualRating", …}."""
    return (
        isinstance(node, dict)
        and isinstance(node.get("claimReview"), list)
        and any(isinstance(r, dict) and "textualRating" in r for r in node["claimReview"])
    )


def _is_fact_check_tools_answer(node: Any) -> bool:
    if _is_fact_check_tools_claim(node):
        return True
    claims = node.get("claims") if isinstance(node, dict) else None
    return isinstance(claims, list) and any(_is_fact_check_tools_claim(c) for c in claims[:10])


def _advice(node: dict[str, Any]) -> str:
    """What to do with a JSON document that holds no ClaimReview."""
    if _is_fact_check_tools_answer(node):
        return ("That format is not read by claimtrack: import the fact-checks' pages by their "
                "url instead (claimtrack import URL), which carry the ClaimReview.")
    return ("Check that this is the right file: claimtrack imports its own exports, "
            "ClaimReview JSON-LD (files and pages), JSON Lines and CSV.")


def _what(node: Any) -> str:
    """What a JSON value holds instead of a ClaimReview, for people."""
    if _is_fact_check_tools_answer(node):
        return ("it looks like an answer of Google's Fact Check Tools API (claims with "
                "claimReview entries: publisher, url, textualRating)")
    declared = node.get("@type", node.get("type")) if isinstance(node, dict) else None
    if isinstance(declared, list):
        declared = ", ".join(str(t) for t in declared)
    if declared:
        return f"it is a {_short_type(str(declared))}"
    if isinstance(node, dict) and node:
        keys = list(node)
        more = f" and {len(keys) - 5} more" if len(keys) > 5 else ""
        return f"it is a JSON object without @type (keys {', '.join(keys[:5])}{more})"
    if isinstance(node, dict):
        return "it is an empty JSON object"
    return f"it is a JSON {_kind_of(node)}"


def _kind_of(value: Any) -> str:
    """A JSON value's kind in JSON's own words ("string", "null")."""
    kinds = {bool: "boolean", int: "number", float: "number", str: "string",
             list: "array", dict: "object"}
    return "null" if value is None else f"{kinds.get(type(value), 'value')} ({_shown(value)})"


def _shown(value: Any) -> str:
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 40 else shown[:39] + "…"


class _Graph:
    """Reviews of an @graph (or a DataFeed's elements) as its nodes stream by; one that refers
    to a node not read yet waits until the end of the list (publishers put a few
    Organizations there, not millions)."""

    def __init__(self, name: str) -> None:
        self.label = "@graph node" if name == "@graph" else name
        self.index: dict[str, Any] = {}
        self.waiting: list[tuple[int, list[tuple[Mapping[str, Any], Any]]]] = []
        self.count = 0

    def add(self, node: Any) -> Iterator[Parsed]:
        self.count += 1
        if len(self.index) < GRAPH_LIMIT:
            self.index.update(id_index([node]))
        found = list(find_reviews(node))
        if not found:
            return
        if len(self.waiting) < GRAPH_LIMIT and _unresolved(node, self.index):
            self.waiting.append((self.count, found))
        else:
            yield from _parsed(found, f"{self.label} {self.count}", self.index, Page())

    def finish(self) -> Iterator[Parsed]:
        for number, found in self.waiting:
            yield from _parsed(found, f"{self.label} {number}", self.index, Page())


def _unresolved(value: Any, index: Mapping[str, Any], depth: int = 0) -> bool:
    if depth > MAX_DEPTH:
        return False
    if isinstance(value, list):
        return any(_unresolved(item, index, depth + 1) for item in value)
    if isinstance(value, dict):
        ref = value.get("@id")
        if set(value) <= {"@id", "@type"} and isinstance(ref, str):
            return ref not in index
        return any(_unresolved(item, index, depth + 1) for item in value.values())
    return False


def declared_types(text: str) -> list[list[str]]:
    """The type names a JSON-LD text declares, without vocabulary prefix: one list for each
    "@type" in it, in order (["Review", "ClaimReview"] is one). Read from the text itself,
    for a block that is not JSON."""
    declared = []
    for listed, single in _DECLARED_TYPE.findall(text):
        names = _QUOTED.findall(listed) if listed else [single]
        declared.append([re.split(r"[/:#]", name.strip())[-1] for name in names if name.strip()])
    return declared


def parse_script(text: str, where: str, page: Page | None = None) -> Iterator[Parsed]:
    """The reviews in one ld+json script block of a page, read as search engines read it
    (``scriptjson``: raw newlines in strings, comments and wrappers, trailing commas), with a
    notice when it is not strictly JSON. A block that cannot be read even so is a lost review
    when it declares ClaimReview anywhere (rejected), else a block of another kind skipped
    with a notice. An empty block (templates leave them) holds nothing, and is skipped without
    one."""
    if not text.strip():
        return
    try:
        value, why = scriptjson.loads(text)
    except (ValueError, RecursionError) as error:  # RecursionError: absurdly deep nesting
        kind = _block_kind(text)
        if kind == "a ClaimReview block":
            yield Parsed(where, error=f"the JSON-LD is not valid JSON ({error}).", raw=text)
        else:
            yield Parsed(where, notes=(
                f"{where}: skipped {kind} that is not valid JSON ({error}); it holds no "
                "ClaimReview.",
            ))
        return
    if why is not None:
        yield Parsed(where, notes=(
            f"{where}: {_block_kind(text)} is not strictly valid JSON ({why}); it was read as "
            "search engines read it.",
        ))
    yield from reviews_in(value, where, page=page)


def _block_kind(text: str) -> str:
    """What a block says it is, for messages: "a ClaimReview block" when it declares one
    anywhere (in a type list such as ["Review", "ClaimReview"] too), else the first type it
    declares ("a VideoObject block"), else "a block"."""
    declared = declared_types(text)
    if any("ClaimReview" in names for names in declared):
        return "a ClaimReview block"
    first_declared = next((names for names in declared if names), None)
    return f"a {', '.join(first_declared)} block" if first_declared else "a block"
