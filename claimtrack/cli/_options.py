"""A command's options as the command line names them: shared by claimtrack.cli._policy
(options that swallow the next one) and claimtrack.cli._mistakes (command lines rebuilt)."""

from __future__ import annotations

from typing import Any


def option_table(command: Any, ctx: Any) -> tuple[dict[str, Any], set[str]]:
    """The command's options that take a value (by each of their names), and all its option
    names. (Typer's parameter objects are private to it, hence ``Any``.)"""
    needs_value: dict[str, Any] = {}
    names: set[str] = set()
    for param in command.get_params(ctx):
        if param.param_type_name != "option":
            continue
        for opt in (*param.opts, *param.secondary_opts):
            names.add(opt)
            if not (param.is_flag or param.count):
                needs_value[opt] = param
    return needs_value, names
