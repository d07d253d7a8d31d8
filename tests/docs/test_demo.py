"""The README says where `make demo` put the seed's disputes and how to look at them: the
commands it gives name the Makefile's demo database and work on one made as `make demo` makes
it."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from tests.helpers import FIXTURES, ROOT, Cli

README = (ROOT / "README.md").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


def test_the_readme_shows_the_demo_database_and_its_commands_work(tmp_path: Path) -> None:
    (demo,) = re.findall(r"^DEMO_DB \?= (\S+)$", MAKEFILE, re.MULTILINE)
    assert "--db $(DEMO_DB) import fixtures/seed.json" in MAKEFILE
    tour = README.split("## A two-minute tour", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(rf"`(claimtrack --db {re.escape(demo)} [^`]+)`", tour)
    assert f"claimtrack --db {demo} report contested" in commands
    assert "default one in your user data folder" in tour  # the tour's own database
    cli = Cli(str(tmp_path / demo))
    cli.ok("import", str(FIXTURES / "seed.json"))
    for command in commands:
        shown = cli.ok(*shlex.split(command)[3:]).stdout
        assert "Lavrov" in shown, command
