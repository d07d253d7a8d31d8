"""``claimtrack graph``: the dispute graph as DOT, Mermaid or GraphML."""

from __future__ import annotations

from typing import Annotated

import typer

from claimtrack.cli._common import command_session, fail, say
from claimtrack.cli._documents import OutputFileOption, deliver
from claimtrack.cli._filters import (
    SinceFilter,
    SpeakerFilter,
    TagFilter,
    UntilFilter,
    check_filter,
    claim_filter,
)
from claimtrack.core.enums import GraphFormat


def graph(
    ctx: typer.Context,
    claim_id: Annotated[
        str | None,
        typer.Argument(metavar="ID", help="One claim's dispute (default: every dispute)."),
    ] = None,
    tag: TagFilter = None,
    speaker: SpeakerFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    fmt: Annotated[
        GraphFormat,
        typer.Option("--format", "-f", case_sensitive=False,
                     help="dot (Graphviz: dot -Tsvg), mermaid (flowchart) or graphml."),
    ] = GraphFormat.DOT,
    output: OutputFileOption = None,
) -> None:
    """Draw the dispute graph as DOT, Mermaid or GraphML.

    Claims are nodes (speaker and summary), links are edges styled by relation. Without ID,
    every contested claim's dispute (the filters narrow them as in `report contested`).

    Examples:
        claimtrack graph --format mermaid
        claimtrack graph c-7f3a | dot -Tsvg > dispute.svg
    """
    from claimtrack.render.graph import dispute_graph, render_graph
    from claimtrack.services import claims, disputes

    where = claim_filter(speaker, tag, since, until)
    if claim_id is not None and not where.is_empty:
        fail("--tag, --speaker, --since and --until choose among every dispute; give them "
             "without an ID, or give the ID alone.")
    with command_session(ctx, write=False) as session:
        if claim_id is None:
            check_filter(where, session)
            found = disputes.contested(session, where=where)
        else:
            found = [disputes.dispute_of(session, claims.get_claim(session, claim_id))]
        among = disputes.links_among(session, found)
    drawn = dispute_graph(found, among)
    if not drawn.nodes:
        say("The graph is empty: nothing is contested. Link a denial with `claimtrack link add`.")
    deliver(render_graph(drawn, fmt), output,
            description=f"a graph of {len(drawn.nodes)} claims and {len(drawn.edges)} links")
