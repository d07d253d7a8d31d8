"""claimtrack graph: DOT rendered by Graphviz, Mermaid checked line by line, GraphML parsed."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from xml.etree import ElementTree

from tests.helpers import Cli
from tests.helpers.browser import required_tool

SVG = "{http://www.w3.org/2000/svg}"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
# Speaker and summary of a claim built to break each syntax: quotes, backslashes, escapes
# Graphviz and Mermaid read (\n, \N, #35;, &lt;), statement ends, brackets, arrows.
EVIL_SPEAKER = 'Eve" -> x [label="pwned'
EVIL_SUMMARY = 'a\\nb \\N #35; &lt; ]; } --> |x| `c` "d" end'


def svg_of(dot_source: str) -> ElementTree.Element:
    """Graphviz's SVG rendering of ``dot_source`` (fails on any syntax error)."""
    dot = required_tool("dot", "graphviz")
    result = subprocess.run([dot, "-Tsvg"], input=dot_source, capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0 and not result.stderr, result.stderr
    return ElementTree.fromstring(result.stdout)


def svg_items(svg: ElementTree.Element, kind: str) -> dict[str, list[str]]:
    """Node or edge titles with the text lines drawn inside each."""
    return {
        group.findtext(f"{SVG}title", ""): [t.text or "" for t in group.iter(f"{SVG}text")]
        for group in svg.iter(f"{SVG}g") if group.get("class") == kind
    }


def add_evil_dispute(cli: Cli) -> tuple[str, str]:
    claim = cli.add("evil\x07 text\x1b with controls", "--speaker", EVIL_SPEAKER,
                    "--summary", EVIL_SUMMARY)
    denial = cli.add("A plain denial", "--speaker", "Plain")
    cli.ok("link", "add", denial, "denies", claim)
    return claim, denial


def test_dot_of_the_seed_renders_with_graphviz(seeded: Cli, tmp_path: Path) -> None:
    target = tmp_path / "disputes.dot"
    result = seeded.ok("graph", "-o", str(target))
    assert "a graph of 10 claims and 7 links" in result.stderr
    svg = svg_of(target.read_text(encoding="utf-8"))
    drawn = svg_items(svg, "node")
    nodes = {name: lines for name, lines in drawn.items() if not name.startswith("legend_")}
    assert len(nodes) == 10
    assert nodes["c-seed00000001"] == [  # the summary wrapped to narrow lines
        "White House, 2022-01-14", "Russia deployed operatives for",
        "a false-flag operation in", "Ukraine"]
    assert all(len(line) <= 30 for lines in nodes.values() for line in lines[1:])
    # The legend names each relation drawn, and the contested fill.
    texts = {t.text or "" for t in svg.iter(f"{SVG}text")}
    assert {"Legend", "contested claim", "A denies B", "A contradicts B", "A evades B",
            "A supports B"} <= texts
    edges = svg_items(svg, "edge")
    assert edges["c-seed00000002->c-seed00000001"] == ["denies"]
    assert len([e for e in edges if not e.startswith("legend_")]) == 7
    assert 'style=bold' in target.read_text(encoding="utf-8")  # denials stand out


def test_dot_keeps_hostile_labels_verbatim(cli: Cli) -> None:
    claim, denial = add_evil_dispute(cli)
    svg = svg_of(cli.ok("graph", claim, "--format", "dot").stdout)
    nodes = svg_items(svg, "node")
    assert set(nodes) - {"legend_0_a", "legend_0_b", "legend_contested"} == {claim, denial}
    assert nodes[claim][0] == EVIL_SPEAKER and " ".join(nodes[claim][1:]) == EVIL_SUMMARY


def _mermaid_label(coded: str) -> str:
    assert not re.search(r'["<>`|\[\]{}:]', coded.replace("<br/>", "")), coded
    assert not re.search(r"#(?!\d+;)", coded), f"a bare # in {coded}"
    return re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), coded).replace("<br/>", "\n")


def parse_mermaid(text: str) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """Check a flowchart line by line; return its node labels (decoded) and edges."""
    lines = text.splitlines()
    assert lines[0] == "flowchart LR"
    nodes: dict[str, str] = {}
    edges: list[tuple[str, str, str]] = []
    for line in lines[1:]:
        if node := re.fullmatch(r'  ([A-Za-z_]\w*)\["([^"]*)"\]', line):
            assert node[1] not in nodes and node[1] != "end"
            nodes[node[1]] = _mermaid_label(node[2])
        elif edge := re.fullmatch(r"  (\w+) (-->|==>|-\.->)\|([a-z_]+)\| (\w+)", line):
            assert edge[1] in nodes and edge[4] in nodes, line
            edges.append((edge[1], edge[3], edge[4]))
        elif style := re.fullmatch(r"  linkStyle (\d+) stroke:#[0-9a-f]{6},stroke-width:\dpx,"
                                   r"color:#[0-9a-f]{6}", line):
            assert int(style[1]) < len(edges), line
        elif re.fullmatch(r'  subgraph \w+\["[^"]*"\]', line) or line == "  end":
            pass
        elif members := re.fullmatch(r"  class ([\w,]+) contested", line):
            assert set(members[1].split(",")) <= set(nodes), line
        else:
            assert re.fullmatch(r"  classDef contested [\w:#,]+", line), f"not Mermaid: {line!r}"
    return nodes, edges


def test_mermaid_is_a_well_formed_flowchart(seeded: Cli) -> None:
    nodes, edges = parse_mermaid(seeded.ok("graph", "--format", "mermaid").stdout)
    claims = {n for n in nodes if not n.startswith("legend_")}
    assert len(claims) == 10 and len([e for e in edges if e[0] in claims]) == 7
    assert nodes["c_seed00000002"] == (
        "Sergey Lavrov, 2022-01-17\nThe false-flag allegation is\ntotal disinformation")
    assert ("legend_denies_a", "denies", "legend_denies_b") in edges
    assert ("c_seed00000002", "denies", "c_seed00000001") in edges
    assert ("c_seed00000012", "supports", "c_seed00000003") in edges


def test_mermaid_keeps_hostile_labels_verbatim(cli: Cli) -> None:
    claim, _ = add_evil_dispute(cli)
    nodes, edges = parse_mermaid(cli.ok("graph", claim, "-f", "mermaid").stdout)
    speaker, *summary = nodes[claim.replace("-", "_")].split("\n")
    assert speaker == EVIL_SPEAKER and " ".join(summary) == EVIL_SUMMARY
    assert len([e for e in edges if not e[0].startswith("legend_")]) == 1


def test_graphml_parses_and_keeps_text(cli: Cli) -> None:
    claim, denial = add_evil_dispute(cli)
    root = ElementTree.fromstring(cli.ok("graph", "-f", "graphml").stdout.encode())
    (graph,) = root.iter(f"{GRAPHML}graph")
    assert graph.get("edgedefault") == "directed"
    nodes = {n.get("id"): {d.get("key"): d.text for d in n} for n in graph.iter(f"{GRAPHML}node")}
    assert set(nodes) == {claim, denial}
    assert nodes[claim]["speaker"] == EVIL_SPEAKER and nodes[claim]["summary"] == EVIL_SUMMARY
    assert nodes[claim]["text"] == "evil  text  with controls"  # controls are not XML
    assert nodes[claim]["contested"] == "true" and nodes[denial]["contested"] == "false"
    (edge,) = graph.iter(f"{GRAPHML}edge")
    assert (edge.get("source"), edge.get("target")) == (denial, claim)
    assert {d.get("key"): d.text for d in edge}["relation"] == "denies"


def test_graph_of_one_claim_and_filters(seeded: Cli) -> None:
    nodes, edges = parse_mermaid(seeded.ok("graph", "c-seed00000003", "-f", "mermaid").stdout)
    assert claims_of(nodes) == {"c_seed00000003", "c_seed00000004", "c_seed00000012"}
    assert len([e for e in edges if not e[0].startswith("legend_")]) == 2
    nodes, _ = parse_mermaid(seeded.ok("graph", "--tag", "false-flag", "-f", "mermaid").stdout)
    assert claims_of(nodes) == {"c_seed00000001", "c_seed00000002"}


def claims_of(nodes: dict[str, str]) -> set[str]:
    return {name for name in nodes if not name.startswith("legend_")}


def test_graph_errors_and_empty_graph(cli: Cli) -> None:
    result = cli.ok("graph")
    assert "graph is empty" in result.stderr
    assert result.stdout.startswith("digraph disputes {") and result.stdout.rstrip().endswith("}")
    cli.fails("graph", "c-zzzzzzzzzzzz")
    claim = cli.add("Something")
    assert "--tag" in cli.fails("graph", claim, "--tag", "x").stderr


def test_a_large_graph_is_drawn_one_box_per_dispute(cli: Cli) -> None:
    for number in range(6):  # 6 disputes of 3 claims: 18 claims, more than SPLIT_AT
        claim = cli.add(f"Claim number {number} about the budget",
                        "--speaker", f"Minister {number}")
        for who in ("Opposition", "Union"):
            answer = cli.add(f"{who} answer {number}", "--speaker", f"{who} {number}")
            cli.ok("link", "add", answer, "denies", claim)
    dot = cli.ok("graph").stdout
    svg = svg_of(dot)
    clusters = [group.findtext(f"{SVG}title") for group in svg.iter(f"{SVG}g")
                if group.get("class") == "cluster"]
    assert len(clusters) == 7  # six disputes and the legend
    assert dot.count("subgraph cluster_") == 7 and "Minister 0: Claim number 0" in dot
    nodes, _edges = parse_mermaid(cli.ok("graph", "-f", "mermaid").stdout)
    assert len([n for n in nodes if not n.startswith("legend_")]) == 18


def test_a_link_between_two_claims_on_the_graph_is_drawn(cli: Cli) -> None:
    from tests.helpers.web import web_client

    claim = cli.add("The drills are cover for an attack", "--speaker", "Ukraine")
    denial = cli.add("The drills are purely defensive", "--speaker", "Lukashenko")
    evidence = cli.add("Satellite images show tanks at the border", "--speaker", "Sullivan")
    cli.ok("link", "add", denial, "denies", claim)
    cli.ok("link", "add", evidence, "supports", claim)
    cli.ok("link", "add", evidence, "contradicts", denial)  # between two responses
    root = ElementTree.fromstring(cli.ok("graph", claim, "-f", "graphml").stdout.encode())
    edges = {(e.get("source"), {d.get("key"): d.text for d in e}["relation"], e.get("target"))
             for e in root.iter(f"{GRAPHML}edge")}
    assert edges == {(denial, "denies", claim), (evidence, "supports", claim),
                     (evidence, "contradicts", denial)}
    with web_client(cli.url) as web:
        page = web.get(f"/claims/{claim}/graph").text
    assert "3 claims, 3 links" in page
