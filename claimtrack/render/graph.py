"""The dispute graph: claims as nodes, links as edges, written as DOT, Mermaid or GraphML.

Built from disputes (no database access), so whatever selects the disputes selects the graph.
Labels are claim text, hostile input: each writer escapes for its own syntax, and control
characters (which none of the three can carry) become spaces.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple
from xml.etree import ElementTree

from claimtrack.core.enums import GraphFormat, Relation
from claimtrack.core.views import ClaimView, Dispute
from claimtrack.render.wording import short, speaker_name

LABEL_LENGTH = 90
LABEL_WIDTH = 30  # characters per line of a node's label: boxes stay narrow
SPLIT_AT = 15  # a graph with more claims than this is drawn as one box per dispute
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
class Cluster:
    """One dispute's part of a large graph: a title and the claims first met in it."""

    title: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class DisputeGraph:
    nodes: tuple[ClaimView, ...]
    edges: tuple[Edge, ...]
    contested: frozenset[str]
    clusters: tuple[Cluster, ...] = ()

    @property
    def relations(self) -> list[Relation]:
        """The relations drawn, in the legend's order."""
        used = {edge.relation for edge in self.edges}
        return [relation for relation in EDGE_STYLES if relation in used]


def dispute_graph(disputes: Sequence[Dispute],
                  among: Iterable[tuple[str, Relation, str]] = ()) -> DisputeGraph:
    """Every claim and link of these disputes, each once, in the order first met; ``among``:
    the other links between the claims drawn (services.disputes.links_among), so that no
    link between two claims on the graph is left out."""
    nodes: dict[str, ClaimView] = {}
    edges: dict[Edge, None] = {}

    def meet(view: ClaimView) -> str:
        nodes.setdefault(view.id, view)
        return view.id

    clusters: list[Cluster] = []
    for number, dispute in enumerate(disputes, 1):
        before = set(nodes)
        center = meet(dispute.claim)
        for response in dispute.responses:
            responder = meet(response.claim)
            edges[Edge(responder, response.relation, center)] = None
            for supporter in response.supporters:
                edges[Edge(meet(supporter.claim), Relation.SUPPORTS, responder)] = None
        for answer in dispute.answers:
            edges[Edge(center, answer.relation, meet(answer.claim))] = None
        speaker = speaker_name(dispute.claim.speaker)
        title = f"{number}. {speaker}: {short(dispute.claim.headline, 50)}"
        clusters.append(Cluster(title, tuple(n for n in nodes if n not in before)))
    for source, relation, target in among:
        if source in nodes and target in nodes:
            edges[Edge(source, relation, target)] = None
    contested = {d.claim.id for d in disputes if d.is_contested}
    contested |= {claim_id for claim_id, view in nodes.items() if view.challenges}
    split = tuple(clusters) if len(nodes) > SPLIT_AT and len(clusters) > 1 else ()
    return DisputeGraph(tuple(nodes.values()), tuple(edges), frozenset(contested), split)


def render_graph(graph: DisputeGraph, fmt: GraphFormat) -> str:
    """The graph in ``fmt``."""
    writers = {GraphFormat.DOT: to_dot, GraphFormat.MERMAID: to_mermaid,
               GraphFormat.GRAPHML: to_graphml}
    return writers[fmt](graph)


def node_label(claim: ClaimView) -> str:
    """Who said it (and when), then the summary, wrapped to narrow lines."""
    who = speaker_name(claim.speaker)
    if claim.date:
        who += f", {claim.date.isoformat()}"
    words = textwrap.wrap(short(printable(claim.headline).replace("\n", " "), LABEL_LENGTH),
                          LABEL_WIDTH, break_long_words=True) or [""]
    return "\n".join([who, *words])


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
    declared = {claim.id: _dot_node(graph, claim) for claim in graph.nodes}
    for number, cluster in enumerate(graph.clusters, 1):
        lines.append(f"  subgraph cluster_{number} {{")
        lines.append(f'    label={dot_string(cluster.title)}; color="#8a8a8a"; '
                     'labeljust=l; style=rounded;')
        lines += [f"  {declared.pop(member)}" for member in cluster.members]
        lines.append("  }")
    lines += declared.values()
    for edge in graph.edges:
        style = EDGE_STYLES[edge.relation]
        lines.append(
            f"  {dot_string(edge.from_claim)} -> {dot_string(edge.to_claim)} "
            f'[label="{edge.relation.value}", color="{style.colour}", '
            f'fontcolor="{style.colour}", style={style.dot_style}, penwidth={style.width}];'
        )
    lines += _dot_legend(graph)
    lines.append("}")
    return "\n".join(lines)


def _dot_node(graph: DisputeGraph, claim: ClaimView) -> str:
    fill = CONTESTED_FILL if claim.id in graph.contested else "#ffffff"
    return (f"  {dot_string(claim.id)} [label={dot_string(node_label(claim))}, "
            f'fillcolor="{fill}", tooltip={dot_string(claim.text)}];')


def _dot_legend(graph: DisputeGraph) -> list[str]:
    """A box explaining each edge style drawn, and the fill of contested claims."""
    if not graph.edges:
        return []
    lines = ["  subgraph cluster_legend {",
             '    label="Legend"; color="#8a8a8a"; fontsize=10; style=rounded;',
             '    node [shape=plaintext, style="", fontsize=10, label=""];']
    for index, relation in enumerate(graph.relations):
        style = EDGE_STYLES[relation]
        lines.append(f'    legend_{index}_a -> legend_{index}_b [label="A {relation.value} B", '
                     f'color="{style.colour}", fontcolor="{style.colour}", '
                     f"style={style.dot_style}, penwidth={style.width}];")
    lines.append(f'    legend_contested [shape=box, style="rounded,filled", '
                 f'fillcolor="{CONTESTED_FILL}", label="contested claim"];')
    lines.append("  }")
    return lines


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
    declared = {claim.id: f'  {mermaid_id(claim.id)}["{mermaid_text(node_label(claim))}"]'
                for claim in graph.nodes}
    for number, cluster in enumerate(graph.clusters, 1):
        lines.append(f'  subgraph dispute_{number}["{mermaid_text(cluster.title)}"]')
        lines += [declared.pop(member) for member in cluster.members]
        lines.append("  end")
    lines += declared.values()
    for edge in graph.edges:
        arrow = EDGE_STYLES[edge.relation].mermaid_arrow
        lines.append(f"  {mermaid_id(edge.from_claim)} {arrow}|{edge.relation.value}| "
                     f"{mermaid_id(edge.to_claim)}")
    for index, edge in enumerate(graph.edges):
        style = EDGE_STYLES[edge.relation]
        lines.append(f"  linkStyle {index} stroke:{style.colour},stroke-width:{style.width}px,"
                     f"color:{style.colour}")
    contested = [mermaid_id(c.id) for c in graph.nodes if c.id in graph.contested]
    if graph.edges:  # the legend: each relation's arrow, drawn between two small labels
        lines.append('  subgraph legend["Legend"]')
        for relation in graph.relations:
            arrow = EDGE_STYLES[relation].mermaid_arrow
            lines.append(f'  legend_{relation.value}_a["A"]')
            lines.append(f'  legend_{relation.value}_b["B"]')
            lines.append(f"  legend_{relation.value}_a {arrow}|{relation.value}| "
                         f"legend_{relation.value}_b")
        lines.append('  legend_contested["contested claim"]')
        lines.append("  end")
        contested.append("legend_contested")
        for index, relation in enumerate(graph.relations, len(graph.edges)):
            style = EDGE_STYLES[relation]
            lines.append(f"  linkStyle {index} stroke:{style.colour},stroke-width:{style.width}px,"
                         f"color:{style.colour}")
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
