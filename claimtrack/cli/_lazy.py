"""Commands loaded when they are used, so ``claimtrack --help`` does not build all of them.

Typer turns every command's signature into Click parameters when the app is built; with some
sixty commands that cost as much as importing Typer itself. The top-level group therefore
knows each command by name and one-line help, and imports and builds a command (or a whole
noun's sub-app) only when it is called or its own help is asked for.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass
from typing import Any, ClassVar

import typer
from typer.core import TyperCommand

from claimtrack.cli._common import quiet_typer
from claimtrack.cli._policy import ClaimtrackCommand, ClaimtrackGroup

# Typer's Click is private (typer._click, see STYLE.md): its classes are not named here.
Command = Any


@dataclass(frozen=True)
class Entry:
    """A top-level command: where it lives ("module:attribute") and its one-line help."""

    name: str
    target: str
    help: str

    @functools.cache  # noqa: B019 (entries live as long as the program)
    def load(self) -> Command:
        """The command, built once per process (in-process test runs build each once)."""
        module_name, attribute = self.target.split(":")
        module = importlib.import_module(f"claimtrack.cli.{module_name}")
        found = getattr(module, attribute)
        if isinstance(found, typer.Typer):
            _adopt(found)
            command: Command = typer.main.get_group(found)
        else:
            single = quiet_typer()
            single.command(self.name, cls=ClaimtrackCommand)(found)
            command = typer.main.get_command(single)
        command.name = self.name
        return command


def _adopt(noun: typer.Typer) -> None:
    """Build the noun's commands with claimtrack's command class (claimtrack.cli._policy)."""
    for info in noun.registered_commands:
        if info.cls in (None, TyperCommand):  # Typer fills in its own class when none is given
            info.cls = ClaimtrackCommand
    for group in noun.registered_groups:
        if group.typer_instance is not None:
            _adopt(group.typer_instance)


class LazyCommands(MutableMapping[str, Command]):
    """The group's commands: every name is listed; a command is built on first access."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = {entry.name: entry for entry in entries}
        self.loaded: dict[str, Command] = {}

    def __getitem__(self, name: str) -> Command:
        if name not in self.loaded:
            if name not in self.entries:
                raise KeyError(name)
            self.loaded[name] = self.entries[name].load()
        return self.loaded[name]

    def __setitem__(self, name: str, command: Command) -> None:
        self.loaded[name] = command

    def __delitem__(self, name: str) -> None:
        self.entries.pop(name, None)
        self.loaded.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        yield from self.entries
        yield from (name for name in self.loaded if name not in self.entries)

    def __len__(self) -> int:
        return len(set(self.entries) | set(self.loaded))


class LazyGroup(ClaimtrackGroup):
    """The top-level group; ``ENTRIES`` is set by claimtrack.cli."""

    ENTRIES: ClassVar[list[Entry]] = []

    def __init__(self, **attrs: object) -> None:
        super().__init__(**attrs)  # type: ignore[arg-type]
        self.commands = LazyCommands(self.ENTRIES)

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        assert isinstance(self.commands, LazyCommands)
        rows = [(name, self.commands.entries[name].help) for name in self.commands.entries]
        with formatter.section("Commands"):
            formatter.write_dl(rows)
