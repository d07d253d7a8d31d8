"""Every command has help and is documented; the README's Python example runs."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command

from claimtrack.cli import app
from tests.helpers import ROOT


def commands(group: Any = None, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    group = group or get_command(app)
    found = []
    for name, command in group.commands.items():
        path = (*prefix, name)
        found.append((path, command))
        if hasattr(command, "commands"):
            found += commands(command, path)
    return found


def documentation() -> str:
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    return "\n".join(page.read_text(encoding="utf-8") for page in pages)


@pytest.mark.parametrize(
    ("path", "command"), commands(), ids=lambda v: " ".join(v) if isinstance(v, tuple) else ""
)
def test_command_has_help(path: tuple[str, ...], command: Any) -> None:
    assert (command.help or "").strip(), f"claimtrack {' '.join(path)} has no help text"
    for param in command.params:
        if param.name not in ("help",) and getattr(param, "param_type_name", "") == "option":
            assert (param.help or "").strip(), f"{' '.join(path)} {param.opts} has no help"


# A command's summary is an imperative sentence: "List claims…", not "Claims and their…".
VERBS = {
    "Add", "Back", "Change", "Check", "Confirm", "Create", "Delete", "Draw", "Export", "Fetch",
    "Find", "Forget", "Import", "Keep", "Link", "List", "Log", "Merge", "Move", "Read",
    "Record", "Reject", "Rename", "Restore", "Scan", "Search", "Show", "Start", "Suggest",
    "Upgrade",
    "Write",
}
TYPE_PLACEHOLDER = re.compile(r"<(str|int|float|bool|list|path|file|datetime|uuid)\b[^>]*>")


def help_of(path: tuple[str, ...]) -> str:
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, [*path, "--help"], terminal_width=100)
    assert result.exit_code == 0, result.output
    return str(result.stdout)


@pytest.mark.parametrize(
    ("path", "command"), commands(), ids=lambda v: " ".join(v) if isinstance(v, tuple) else ""
)
def test_help_teaches(path: tuple[str, ...], command: Any) -> None:
    """Its summary is a sentence, it shows an example, placeholders are words and each argument
    is written the same way in the usage line and in the list of arguments."""
    shown = help_of(path)
    summary = " ".join((command.help or "").split("\n\n")[0].split())
    assert summary.split()[0].rstrip(",:") in VERBS and summary.endswith((".", "?", "…")), summary
    examples = shown.split("\nExamples:\n", 1)[-1] if "\nExamples:\n" in shown else ""
    assert f"claimtrack {' '.join(path)}" in examples or (
        path[-1] in examples and "claimtrack" in examples
    ), f"claimtrack {' '.join(path)} --help shows no example of itself"
    assert not TYPE_PLACEHOLDER.search(shown), TYPE_PLACEHOLDER.search(shown)
    usage = shown.split("\n\n", 1)[0]
    if "Arguments:" in shown:
        listed = shown.split("Arguments:\n", 1)[1].split("\n\n", 1)[0]
        names = [line.strip().split("  ")[0] for line in listed.splitlines()
                 if line.startswith("  ") and not line.startswith("   ")]
        for name in names:
            assert re.search(rf"(^|[\s\[]){re.escape(name)}($|[\s\]])", usage), (name, usage)


def test_history_filter_and_global_user_are_told_apart() -> None:
    history = help_of(("history",))
    assert "--by NAME" in history and "  --user" not in history  # the old spelling is hidden
    top = help_of(())
    assert "--user NAME" in top and "history --by NAME" in top


def test_every_command_is_documented() -> None:
    text = documentation()
    missing = []
    for path, command in commands():
        if hasattr(command, "commands"):
            continue
        leaf, parents = path[-1], " ".join(path[:-1])
        mentioned = f"claimtrack {' '.join(path)}" in text or re.search(
            rf"claimtrack {re.escape(parents)} [a-z/]*\b{re.escape(leaf)}\b", text
        )
        if not mentioned:
            missing.append(" ".join(path))
    assert not missing, f"undocumented commands: {missing}"


def test_readme_opens_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```")[1]
    assert "make demo" in first_block and "make test" in first_block


def test_readme_python_example_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("```python\n", 1)[1].split("```", 1)[0]
    (tmp_path / "fixtures").mkdir()
    shutil.copy(ROOT / "fixtures" / "seed.json", tmp_path / "fixtures")
    monkeypatch.chdir(tmp_path)  # as if run from a checkout's root
    names: dict[str, Any] = {}
    exec(compile(example, "README.md", "exec"), names)
    printed = capsys.readouterr().out
    assert "White House — ['Sergey Lavrov']" in printed
    assert "added 28 (actors 7, claims 13, links 7, sources 1), updated 2 (actors 2)" in printed
    assert "Sergey Lavrov" in names["csv_text"].getvalue()


def test_the_top_level_list_matches_each_commands_own_help() -> None:
    """`claimtrack --help` lists commands from a registry without loading them: keep it true."""
    from claimtrack.cli._lazy import LazyGroup

    for entry in LazyGroup.ENTRIES:
        first_line = " ".join((entry.load().help or "").split("\n\n")[0].split())
        assert first_line == entry.help, (entry.name, first_line)


def test_help_lists_every_command_without_loading_them() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from claimtrack.cli import main; sys.argv = ['claimtrack', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('claimtrack.cli.')))\n"
        "heavy = ('sqlalchemy', 'alembic', 'tabulate', 'ijson', 'jinja2', 'rich', "
        "'claimtrack.extract')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    from claimtrack.cli._lazy import LazyGroup

    for entry in LazyGroup.ENTRIES:
        assert f"  {entry.name} " in out
    cli_modules, heavy = map(eval, out.strip().splitlines()[-2:])  # the two printed lists
    assert cli_modules == [
        "claimtrack.cli._common", "claimtrack.cli._lazy", "claimtrack.cli._options",
        "claimtrack.cli._policy",
    ]
    assert heavy == []  # the database layer, templates, parsers and extractor load on use
