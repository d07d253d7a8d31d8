"""How every claimtrack command explains and reads its parameters: one policy, not per command.

- Placeholders are words a reader knows (``NAME``, ``DATE``, ``URL``, ``N``, ``FILE``, or the
  choices themselves), never type names such as ``<str>``, ``<list[str]>`` or ``<int range>``.
- An argument is written the same way in the usage line and in the list of arguments.
- A docstring's ``Examples:`` paragraph is printed as written, under its own heading.
- A closed choice given wrongly names the nearest one ("Did you mean 'denies'?"); other
  conversion errors are said in plain words (no "Value error," from the validating library).
- An option followed by another option instead of its value (``--speaker --date 2022-01-01``)
  is refused with "--speaker needs a value", not a puzzling "unexpected extra argument".
- A global option after the command, a text starting with "-" and arguments in the wrong order
  are answered with the command line that works (claimtrack.cli._mistakes).

Commands get this by being built from ``ClaimtrackCommand`` / ``ClaimtrackGroup``
(claimtrack.cli._lazy does that for every command it loads).
"""

from __future__ import annotations

import enum
import inspect
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperCommand, TyperGroup

from claimtrack.cli._options import option_table

# Typer's Click is private (see STYLE.md): its parameter, context and formatter objects are
# typed loosely here.
Param = Any
Context = Any
Formatter = Any

# Placeholders for options whose value is free text, by the option's long name. Anything not
# listed is written as its name in capitals (--outlet OUTLET); numbers as N; paths as FILE.
PLACEHOLDERS = {
    "source": "URL", "url": "URL", "archive_url": "URL",
    "speaker": "NAME", "by": "NAME", "user": "NAME", "name": "NAME", "alias": "NAME",
    "remove_alias": "NAME", "outlet": "NAME",
    "date": "DATE", "since": "DATE", "until": "DATE", "published": "DATE", "seen": "DATE",
    "logged_since": "DATE", "retrieved": "TIME", "at": "TIME", "entity": "KIND",
    "text": "TEXT", "quote": "TEXT", "note": "TEXT", "summary": "TEXT", "description": "TEXT",
    "title": "TEXT", "rating": "LABEL", "language": "CODE", "tag": "TAG", "untag": "TAG",
    "group_by": "FIELD",
}
EXAMPLES_HEADING = "Examples:"


def choices_of(param: Param) -> list[str] | None:
    """The values a closed-choice parameter accepts, as typed; None for free values."""
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None or not descriptor.is_choice:
        return None
    return [str(c.value) if isinstance(c, enum.Enum) else str(c) for c in descriptor.choices]


def placeholder(param: Param) -> str:
    """What stands for the parameter's value in help: its metavar, its choices or a word."""
    if param.metavar:
        return str(param.metavar)
    choices = choices_of(param)
    if choices is not None:
        return "|".join(choices)
    descriptor = param.type_descriptor
    if descriptor.is_path:
        return {"directory": "FOLDER", "file": "FILE"}.get(descriptor.path_type, "PATH")
    annotation = descriptor.annotation
    if getattr(annotation, "__origin__", None) is list:
        annotation = annotation.__args__[0]
    if annotation is int:
        return "N"
    if annotation is float:
        return "NUMBER"
    if isinstance(annotation, type) and issubclass(annotation, Path):
        return "FILE"
    name = _long_name(param)
    return PLACEHOLDERS.get(name, name.upper())


def _long_name(param: Param) -> str:
    longs = [opt for opt in getattr(param, "opts", ()) if opt.startswith("--")]
    if longs:
        return str(max(longs, key=len)[2:].replace("-", "_"))
    return str(param.name)


def argument_name(param: Param) -> str:
    """An argument's name as the list of arguments shows it: ``ID``, ``PATH...``."""
    name = placeholder(param)
    return f"{name}..." if param.nargs != 1 else name


def usage_name(param: Param) -> str:
    """An argument's name in the usage line: ``ID``, or ``[ID]`` when it may be left out."""
    name = placeholder(param)
    if not param.required:
        name = f"[{name}]"
    return f"{name}..." if param.nargs != 1 else name


def _extras(param: Param, ctx: Context) -> list[str]:
    extras = []
    flag = getattr(param, "is_flag", False) or getattr(param, "count", False)
    if param.show_default and not flag and not param.required:
        default = param.get_default(ctx, call=False)
        if isinstance(param.show_default, str):
            extras.append(f"default: {param.show_default}")
        elif default not in (None, "", (), []) and not callable(default):
            shown = default.value if isinstance(default, enum.Enum) else default
            extras.append(f"default: {shown}")
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    if low is not None and high is not None:
        extras.append(f"from {low} to {high}")
    elif low is not None:
        extras.append(f"at least {low}")
    elif high is not None:
        extras.append(f"at most {high}")
    if param.required and param.param_type_name == "option":
        extras.append("required")
    return extras


def help_record(param: Param, ctx: Context) -> tuple[str, str] | None:
    """One line of the Arguments or Options list: the name and placeholder, then the help."""
    if getattr(param, "hidden", False):
        return None
    if param.param_type_name == "argument":
        name = argument_name(param)
    else:
        opts = sorted(param.opts, key=lambda opt: (opt.startswith("--"), opt))
        name = ", ".join(opts)
        if param.secondary_opts:
            name += " / " + ", ".join(param.secondary_opts)
        if not (param.is_flag or param.count):
            name += f" {placeholder(param)}"
    text = param.help or ""
    extras = _extras(param, ctx)
    if extras:
        text = f"{text}  [{'; '.join(extras)}]".strip()
    return name, text


def split_examples(text: str) -> tuple[str, list[str]]:
    """A help text without its ``Examples:`` paragraph, and that paragraph's lines."""
    body, heading, examples = inspect.cleandoc(text).partition(EXAMPLES_HEADING)
    if not heading:
        return body, []
    return body.rstrip(), [line.strip() for line in examples.strip().splitlines() if line.strip()]


class CommandPolicy:
    """The help layout and argument checks shared by every claimtrack command and group."""

    help: str | None
    options_metavar: str | None

    if TYPE_CHECKING:  # provided by the command class this is mixed into

        def get_params(self, ctx: Context) -> list[Param]: ...

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        pieces += [usage_name(p) for p in self.get_params(ctx) if p.param_type_name == "argument"]
        subcommands = getattr(self, "subcommand_metavar", None)
        return [*pieces, subcommands] if subcommands else pieces

    def format_help_text(self, ctx: Context, formatter: Formatter) -> None:
        body, _examples = split_examples(self.help or "")
        if body:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(body)

    def format_epilog(self, ctx: Context, formatter: Formatter) -> None:
        # The examples close the help, as written: a command line is not re-wrapped.
        _body, examples = split_examples(self.help or "")
        if examples:
            with formatter.section("Examples"):
                for line in examples:
                    formatter.write(f"{' ' * formatter.current_indent}{line}\n")

    def format_options(self, ctx: Context, formatter: Formatter) -> None:
        records = {"argument": [], "option": []}  # type: dict[str, list[tuple[str, str]]]
        for param in self.get_params(ctx):
            record = help_record(param, ctx)
            if record is not None:
                records[param.param_type_name].append(record)
        for kind, heading in (("argument", "Arguments"), ("option", "Options")):
            if records[kind]:
                with formatter.section(heading):
                    formatter.write_dl(records[kind])
        format_commands = getattr(self, "format_commands", None)
        if format_commands is not None:
            format_commands(ctx, formatter)

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        given = list(args)
        if not ctx.resilient_parsing:
            _refuse_swallowed_options(self, ctx, given, is_group=hasattr(self, "commands"))
        try:
            return super().parse_args(ctx, args)  # type: ignore[misc, no-any-return]
        except typer.BadParameter as error:
            _reword(error, self, ctx, given)
            raise
        except Exception as error:
            if type(error).__name__ == "NoSuchOption":  # the class is private to Typer
                from claimtrack.cli._mistakes import explain_unknown_option

                explain_unknown_option(error, self, ctx, given)
            raise


def _refuse_swallowed_options(
    command: CommandPolicy, ctx: Context, args: Sequence[str], *, is_group: bool
) -> None:
    """``--speaker --date 2022-01-01``: the parser would take "--date" as the speaker and then
    complain about 2022-01-01. Say what is wrong instead. (``--speaker=--date`` still works.)"""
    needs_value, names = option_table(command, ctx)
    position = 0
    while position < len(args):
        token = args[position]
        if token == "--":
            return
        if token in needs_value:
            following = args[position + 1] if position + 1 < len(args) else None
            if following is None or following in names or following.split("=")[0] in names:
                ctx.fail(f"{token} needs a value, as in: {token} {placeholder(needs_value[token])}")
            position += 2
            continue
        if is_group and not token.startswith("-"):
            return  # the subcommand: its own options are checked when it runs
        position += 1


def _reword(error: Any, command: CommandPolicy, ctx: Context, args: list[str]) -> None:
    """Say a conversion error in plain words; for a closed choice, suggest the nearest."""
    from claimtrack.core.values import not_a_choice

    param = error.param
    message = str(error.message)
    if param is None:
        return
    raw = _raw_values(command, ctx, args, param)
    choices = choices_of(param)
    if choices is not None:
        wrong = [v for v in raw if v.lower() not in choices and v not in choices]
        if wrong:
            swapped = None
            if param.param_type_name == "argument":
                from claimtrack.cli._mistakes import swapped_arguments

                arguments = [p for p in command.get_params(ctx)
                             if p.param_type_name == "argument"]
                swapped = swapped_arguments(command, ctx, args, wrong[0], choices,
                                            [usage_name(p) for p in arguments],
                                            arguments.index(param))
            error.message = swapped or not_a_choice(wrong[0], choices)
            return
    annotation = getattr(param.type_descriptor, "annotation", None)
    if annotation in (int, float) and raw:
        try:
            annotation(raw[0])
        except ValueError:
            number = "a whole number" if annotation is int else "a number"
            error.message = f"'{raw[0]}' is not {number}."
            return
        limits = [e for e in _extras(param, ctx) if e.startswith(("at ", "from "))]
        error.message = f"{raw[0]} is out of range: give a number {' '.join(limits)}."
        return
    error.message = message.removeprefix("Value error, ")


def _raw_values(command: CommandPolicy, ctx: Context, args: list[str], param: Param) -> list[str]:
    """The text given for ``param`` on the command line (parsed again, untouched)."""
    try:
        parser = command.make_parser(ctx)  # type: ignore[attr-defined]
        opts, _rest, _order = parser.parse_args(args=list(args))
    except Exception:  # the first parse succeeded; this one cannot fail differently
        return []
    value = opts.get(param.name)
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [str(value)]


class ClaimtrackCommand(CommandPolicy, TyperCommand):
    """A claimtrack command (see the module docstring)."""


class ClaimtrackGroup(CommandPolicy, TyperGroup):
    """A claimtrack noun (``claim``, ``link``…) holding its commands."""
