"""Usage mistakes recognised and explained with the command line that works: a global option
typed after the command (``claim list --db x.db``), a text that starts with "-" (``claim add
"-5% is fake"``) and arguments given in the wrong order (``claim status c-7f3a published``).
claimtrack.cli._policy.CommandPolicy calls these when parsing fails."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from typing import Any

from claimtrack.cli._options import option_table

# Typer's Click is private (see STYLE.md): its contexts and errors are typed loosely.
Context = Any


def explain_unknown_option(error: Any, command: Any, ctx: Context, args: list[str]) -> None:
    """Add to a "No such option" error the command line that was probably meant."""
    option = str(error.option_name)
    root = ctx.find_root()
    if ctx.parent is not None:
        needs_value, names = option_table(root.command, root)
        if option in names:
            given, rest = _without(args, option, takes_value=option in needs_value)
            line = _line(_program(root, leaving_out=option), *given, _path(ctx), *rest)
            error.message = (f"{option} goes before the command, as in: {line} (so do the "
                             f"other global options: see `{root.info_name} --help`).")
            error.possibilities = None
            return
    takes_arguments = any(p.param_type_name == "argument" for p in command.get_params(ctx))
    text = next((token for token in args if token.startswith(option)), option)
    if takes_arguments and not error.possibilities and _looks_like_text(text):
        options, others = split_arguments(command, ctx, args)
        if others and others[-1] == text:  # the last argument: the line that works
            line = _line(_program(root), _path(ctx), *_quoted(options), *_quoted(others[:-1]),
                         "--", shlex.quote(text))
            error.message += f". An argument that starts with '-' goes after --, as in: {line}"
        else:
            error.message += (". An argument that starts with '-' goes after --: put -- before "
                              "it (the arguments after -- are read as they are).")


def _looks_like_text(token: str) -> bool:
    """A word that begins with one dash but is no option name: "-5% is fake", "-", "- a"."""
    return not token.startswith("--") and not token[1:2].isalpha()


def swapped_arguments(
    command: Any, ctx: Context, args: list[str], wrong: str, choices: Sequence[str],
    order: Sequence[str], position: int,
) -> str | None:
    """For the closed-choice argument at ``position`` given ``wrong`` while another argument
    is one of the ``choices``: the arguments in the right ``order`` (their names), as a whole
    command line."""
    options, others = split_arguments(command, ctx, args)
    right = next((v for v in others if v != wrong and (v in choices or v.lower() in choices)),
                 None)
    if right is None or wrong not in others:
        return None
    given = list(others)
    others.remove(right)
    others.insert(position, right)
    if others == given:
        return None
    line = _line(_program(ctx.find_root()), _path(ctx), *_quoted(options), *_quoted(others))
    return (f"'{wrong}' is not one of {', '.join(choices)}: the arguments go in the order "
            f"{' '.join(order)}, as in: {line}")


def split_arguments(command: Any, ctx: Context, args: Sequence[str]) -> tuple[list[str], list[str]]:
    """The command line's options with their values, and its other arguments, each in order."""
    needs_value, names = option_table(command, ctx)
    options: list[str] = []
    others: list[str] = []
    position = 0
    while position < len(args):
        token = args[position]
        if token == "--":
            others += args[position + 1:]
            break
        width = 2 if token in needs_value else 1
        if token.split("=", 1)[0] in names:
            options += args[position:position + width]
        else:
            others.append(token)
        position += width
    return options, others


def _without(args: list[str], option: str, *, takes_value: bool) -> tuple[list[str], list[str]]:
    """``option`` (and its value) as typed, quoted, the last time it is given (as a parser
    reads it); and the other arguments, quoted, without it. A value left out is shown as the
    option's metavariable."""
    found: list[str] = [option]
    rest: list[str] = []
    position = 0
    while position < len(args):
        token = args[position]
        if token == option or token.startswith(f"{option}="):
            width = 2 if takes_value and token == option else 1
            found = args[position:position + width]
            position += width
            continue
        rest.append(token)
        position += 1
    if takes_value and found == [option]:
        return [option, "VALUE"], _quoted(rest)
    return _quoted(found), _quoted(rest)


def _program(root: Context, leaving_out: str = "") -> str:
    """The program and the global options given before the command (but ``leaving_out``)."""
    pieces = [root.info_name or "claimtrack"]
    for param in root.command.get_params(root):
        value = root.params.get(param.name)
        if param.param_type_name == "option" and isinstance(value, str) and (
            leaving_out not in param.opts
        ):
            pieces += [max(param.opts, key=len), shlex.quote(value)]
    return " ".join(pieces)


def _path(ctx: Context) -> str:
    """The command as typed after the program: "claim add"."""
    return str(ctx.command_path).removeprefix(str(ctx.find_root().command_path)).strip()


def _quoted(tokens: Sequence[str]) -> list[str]:
    return [shlex.quote(token) for token in tokens]


def _line(*pieces: str) -> str:
    return " ".join(piece for piece in pieces if piece)
