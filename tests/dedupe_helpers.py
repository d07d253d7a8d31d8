"""Claims long enough to be suggested as duplicates, shared by the dedupe and merge tests."""

from __future__ import annotations

import json
from typing import Any

from tests.conftest import Cli

ORIGINAL = ("Russia has already deployed operatives to eastern Ukraine to carry out a "
            "false-flag operation")
REWORDED = ("Russia already deployed operatives in eastern Ukraine to carry out a false flag "
            "operation")
OTHER = "Grain exports through the Black Sea resumed after the deal was extended for months"


def links(cli: Cli, *args: str) -> list[dict[str, Any]]:
    return list(json.loads(cli.ok("link", "list", *args, "-f", "json").stdout))


def contested_ids(cli: Cli) -> list[str]:
    report = json.loads(cli.ok("report", "contested", "-f", "json").stdout)
    return [dispute["claim"]["id"] for dispute in report]


def shown(cli: Cli, claim_id: str) -> dict[str, Any]:
    return dict(json.loads(cli.ok("claim", "show", claim_id, "-f", "json").stdout))
