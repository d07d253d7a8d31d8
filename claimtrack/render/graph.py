"""The dispute graph: claims as nodes, links as edges, written as DOT, Mermaid or GraphML.

Built from disputes (no database access), so whatever selects the disputes selects the graph.
Labels are claim text, hostile input: each writer escapes for its own syntax, and control
characters (which none of the three can carry) become spaces.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple
from xml.etree import ElementTree

from claimtrack.core.enums import GraphFormat, Relation
from claimtrack.core.views import ClaimView, Dispute
from claimtrack.render.wording import short

LABEL_LENGTH = 60
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


class EdgeStyle(NamedTuple):
    colour: str
    dot_style: str
    mermaid_arrow: str
    width: int


EDGE_STYLES = {
    Relation.DENIES: EdgeStyle("#b3261e", "bold", "==>", 3),
    Relation.CONTRADICTS: EdgeStyle("#b54708", "solid", "-->", 2),
    Relation.EVADES: EdgeStyle("#6b4fa0", "dashed", "-.->", 2),
    Relation.SUPPORTS: EdgeStyle("#2e7d32", "solid", "-->", 2),
    Relation.RESPONDS_TO: EdgeStyle("#3a6ea5", "dotted", "-.->", 1),
    Relation.SAME_AS: EdgeStyle("#757575", "dashed", "-.->", 1),
}
CONTESTED_FILL = "#fce8e6"


@dataclass(frozen=True)
class Edge:
    """A link: ``from_claim`` <relation> ``to_claim``."""

    from_claim: str
    relation: Relation
    to_claim: str


@dataclass(frozen=True)
class DisputeGraph:
    nodes: tuple[ClaimView, ...]
    edges: tuple[Edge, ...]
    contested: frozenset[str]


def dispute_graph(disputes: Sequence[Dispute]) -> DisputeGraph:
    """Every claim and link of these disputes, each once, in the order first met."""
    nodes: dict[str, ClaimView] = {}
    edges: dict[Edge, None] = {}

    def meet(view: ClaimView) -> str:
        nodes.setdefault(view.id, view)
        return view.id

    for dispute in disputes:
        center = meet(dispute.claim)
        for response in dispute.responses:
            responder = meet(response.claim)
            edges[Edge(responder, response.relation, center)] = None
            for supporter in response.supporters:
                edges[Edge(meet(supporter.claim), Relation.SUPPORTS, responder)] = None
        for answer in dispute.answers:
            edges[Edge(center, answer.relation, meet(answer.claim))] = None
    contested = {d.claim.id for d in disputes if d.is_contested}
    contested |= {claim_id for claim_id, view in nodes.items() if view.challenges}
    return DisputeGraph(tuple(nodes.values()), tuple(edges), frozenset(contested))


def render_graph(graph: DisputeGraph, fmt: GraphFormat) -> str:
    """The graph in ``fmt``."""
    writers = {GraphFormat.DOT: to_dot, GraphFormat.MERMAID: to_mermaid,
               GraphFormat.GRAPHML: to_graphml}
    return writers[fmt](graph)


def node_label(claim: ClaimView) -> str:
    """Two lines: who said it (and when), then the summary."""
    who = claim.speaker or "Unattributed"
    if claim.date:
        who += f", {claim.date.isoformat()}"
    return f"{who}\n{short(claim.headline, LABEL_LENGTH)}"


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")


def printable(text: str) -> str:
    """Line breaks as ``\\n``; other control characters as spaces."""
    return _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))


# ---- DOT ----------------------------------------------------------------------------------


def dot_string(text: str) -> str:
    """A quoted DOT string shown verbatim in a label.

    Backslashes are doubled (Graphviz reads ``\\n``, ``\\N``… as escapes), quotes escaped and
    ``&`` written as ``&amp;`` (Graphviz decodes HTML entities in every string).
    """
    escaped = printable(text).replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;")
    return '"' + escaped.replace("\n", "\\n") + '"'


def to_dot(graph: DisputeGraph) -> str:
    """Graphviz DOT; render with ``dot -Tsvg``."""
    lines = [
        "digraph disputes {",
        '  graph [rankdir=LR, fontname="Helvetica"];',
        '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica",'
        " fontsize=11];",
        '  edge [fontname="Helvetica", fontsize=10];',
    ]
    for claim in graph.nodes:
        fill = CONTESTED_FILL if claim.id in graph.contested else "#ffffff"
        lines.append(
            f"  {dot_string(claim.id)} [label={dot_string(node_label(claim))}, "
            f'fillcolor="{fill}", tooltip={dot_string(claim.text)}];'
        )
    for edge in graph.edges:
        style = EDGE_STYLES[edge.relation]
        lines.append(
            f"  {dot_string(edge.from_claim)} -> {dot_string(edge.to_claim)} "
            f'[label="{edge.relation.value}", color="{style.colour}", '
            f'fontcolor="{style.colour}", style={style.dot_style}, penwidth={style.width}];'
        )
    lines.append("}")
    return "\n".join(lines)


# ---- Mermaid ------------------------------------------------------------------------------

# Characters that end or change a quoted Mermaid label, or that its HTML rendering would read
# as markup, are written as Mermaid entity codes (``#35;``), ``#`` included. ``:`` too: Mermaid
# rewrites any line matching ``style.*:\S*#.*;`` before parsing, label text included; and
# ``ﬂ`` and ``¶``, which start the placeholders Mermaid decodes entities through.
_MERMAID_CODED = set('"#&<>`\\|[]{}():ﬂ¶')


def mermaid_text(text: str) -> str:
    """Text for inside a quoted Mermaid label, shown verbatim."""
    coded = "".join(f"#{ord(ch)};" if ch in _MERMAID_CODED else ch for ch in printable(text))
    return coded.replace("\n", "<br/>")


def mermaid_id(claim_id: str) -> str:
    """A node id Mermaid accepts (letters, digits, underscores)."""
    return re.sub(r"[^0-9A-Za-z_]", "_", claim_id)


def to_mermaid(graph: DisputeGraph) -> str:
    """A Mermaid flowchart."""
    lines = ["flowchart LR"]
    for claim in graph.nodes:
        lines.append(f'  {mermaid_id(claim.id)}["{mermaid_text(node_label(claim))}"]')
    for edge in graph.edges:
        arrow = EDGE_STYLES[edge.relation].mermaid_arrow
        lines.append(f"  {mermaid_id(edge.from_claim)} {arrow}|{edge.relation.value}| "
                     f"{mermaid_id(edge.to_claim)}")
    for index, edge in enumerate(graph.edges):
        style = EDGE_STYLES[edge.relation]
        lines.append(f"  linkStyle {index} stroke:{style.colour},stroke-width:{style.width}px,"
                     f"color:{style.colour}")
    contested = [mermaid_id(c.id) for c in graph.nodes if c.id in graph.contested]
    if contested:
        lines.append(f"  classDef contested fill:{CONTESTED_FILL},stroke:#b3261e,color:#1b1b1b")
        lines.append(f"  class {','.join(contested)} contested")
    return "\n".join(lines)


# ---- GraphML ------------------------------------------------------------------------------

_NODE_KEYS = ("label", "speaker", "date", "summary", "text", "contested")
_EDGE_KEYS = ("relation", "color")


def to_graphml(graph: DisputeGraph) -> str:
    """GraphML (for Gephi, yEd, Cytoscape, networkx)."""
    ElementTree.register_namespace("", GRAPHML_NS)

    def tag(name: str) -> str:
        return f"{{{GRAPHML_NS}}}{name}"

    root = ElementTree.Element(tag("graphml"))
    for kind, keys in (("node", _NODE_KEYS), ("edge", _EDGE_KEYS)):
        for key in keys:
            kind_type = "boolean" if key == "contested" else "string"
            ElementTree.SubElement(root, tag("key"), {"id": key, "for": kind, "attr.name": key,
                                                      "attr.type": kind_type})
    body = ElementTree.SubElement(root, tag("graph"), {"id": "disputes",
                                                       "edgedefault": "directed"})

    def data(parent: ElementTree.Element, key: str, value: str | None) -> None:
        if value is not None:
            ElementTree.SubElement(parent, tag("data"), {"key": key}).text = printable(value)

    for claim in graph.nodes:
        node = ElementTree.SubElement(body, tag("node"), {"id": printable(claim.id)})
        data(node, "label", node_label(claim))
        data(node, "speaker", claim.speaker)
        data(node, "date", claim.date.isoformat() if claim.date else None)
        data(node, "summary", claim.summary)
        data(node, "text", claim.text)
        data(node, "contested", "true" if claim.id in graph.contested else "false")
    for number, edge in enumerate(graph.edges, 1):
        element = ElementTree.SubElement(body, tag("edge"), {
            "id": f"e{number}", "source": edge.from_claim, "target": edge.to_claim})
        data(element, "relation", edge.relation.value)
        data(element, "color", EDGE_STYLES[edge.relation].colour)
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="unicode", xml_declaration=True)
