"""Work done by the separate processes of tests/test_concurrency.py.

Each function runs in a process started with multiprocessing's "spawn" method, so it must be
importable and take only picklable arguments. Errors are returned as text, never raised, so
the test can report every one of them.
"""

from __future__ import annotations

import traceback
from typing import Any

from claimtrack.core.enums import Relation
from claimtrack.store.db import make_engine, session_scope


def add_claims_and_links(url: str, writer: int, count: int, root: str) -> dict[str, Any]:
    """``count`` transactions, each adding one claim (by one of three shared speakers, created
    by whichever writer comes first) and a link from it to the previous claim."""
    from claimtrack.services import claims, links

    engine = make_engine(url)
    written, errors, previous = 0, [], root
    try:
        for number in range(count):
            try:
                with session_scope(engine, user=f"writer-{writer}", command="test") as session:
                    claim = claims.add_claim(
                        session, text=f"writer {writer} claim {number}",
                        speaker=f"Shared speaker {number % 3}", tags=[f"writer-{writer}"],
                    )
                    links.add_link(session, claim, Relation.DENIES,
                                   claims.get_claim(session, previous))
                    previous = claim.public_id
                written += 1
            except Exception:  # reported to the test, which fails on any
                errors.append(traceback.format_exc(limit=3))
    finally:
        engine.dispose()
    return {"writer": writer, "written": written, "errors": errors}


def edit_in_step(url: str, claim_id: str, role: str, events: dict[str, Any]) -> dict[str, Any]:
    """Two users editing one claim at once, through the real CLI, in a fixed interleaving.

    ``first`` loads the claim, writes its change and waits (transaction open) until ``second``
    has loaded the same claim; ``second`` then waits until ``first`` has committed before
    writing its own change. Without optimistic locking ``second`` would silently overwrite.
    """
    from typer.testing import CliRunner

    from claimtrack.cli import app
    from claimtrack.services import claims

    original_get, original_edit = claims.get_claim, claims.edit_claim

    def get_claim(session: Any, ref: str, **options: Any) -> Any:
        if role == "second":
            events["first_wrote"].wait(20)
        claim = original_get(session, ref, **options)
        if role == "second":
            events["second_read"].set()
            events["first_committed"].wait(20)
        return claim

    def edit_claim(session: Any, claim: Any, **changes: Any) -> Any:
        edited = original_edit(session, claim, **changes)
        if role == "first":
            events["first_wrote"].set()
            # On SQLite the second writer cannot even begin while this one holds the write
            # lock, so this wait times out there and the edits simply run one after the other.
            events["second_read"].wait(3)
        return edited

    claims.get_claim, claims.edit_claim = get_claim, edit_claim  # type: ignore[assignment]
    result = CliRunner().invoke(
        app, ["--db", url, "--user", role, "claim", "edit", claim_id, "--text", f"{role} text",
              "--summary", f"{role} summary"],
    )
    if role == "first":
        events["first_committed"].set()
    return {"role": role, "exit_code": result.exit_code, "stderr": result.stderr,
            "exception": repr(result.exception) if result.exception else None}
