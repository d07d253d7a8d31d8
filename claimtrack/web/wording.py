"""The library's messages as the web app shows them.

The library words its messages for the command line (its options, its commands); only the
caller decides wording (STYLE, "errors"). Here the options become the fields of the forms that
send them and the commands become the pages that do the same, so a message says what to do
on the page in front of the reader. Used wherever the app shows a library message: beside a
field or atop a form (``handlers.field_errors``), on an error page and in the notices shown
after a change.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# An option of the command line, as the web's forms name it: (what one does, the field's label).
OPTIONS: Mapping[str, tuple[str, str]] = {
    "source": ("fill in", "URL of the page where it appeared"),
    "normalized": ("choose", "Reading on claimtrack's scale"),
    "speaker": ("fill in", "Speaker"),
    "since": ("fill in", "Said since"),
    "until": ("fill in", "Said until"),
    "logged-since": ("fill in", "Look for duplicates among claims logged since"),
    "format": ("choose", "Format"),
}
# "add --source URL", "pass --format", "--since": an option, with the verb that asks for it.
_OPTION = re.compile(r"(?:\b(add|give|pass)\s+)?--([a-z][a-z-]*)(?:\s+[A-Z]+\b)?")
# Commands (and the advice around them) with what the web offers instead; "" drops them.
PHRASES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement) for pattern, replacement in (
        # the kind of an actor is set from the command line only (docs/web.md)
        (r"; set it with `claimtrack actor edit [^`]*`", ""),
        (r"\s*\(`claimtrack source show URL`\)", ""),
        (r"save the (?:page|part you need) and give its file instead",
         "paste the article's text instead"),
        (r"List claims with `claimtrack claim list`\.",
         "Find it with the search on the Claims page."),
        (r"\(list them with `claimtrack claim list`\)",
         "(find them with the search on the Claims page)"),
        (r"List actors with `claimtrack actor list`\.", "The Actors page lists them."),
        # what only the command line does, said as a fact, not as a command to type
        (r"`claimtrack history (\S+)` shows it as it was; `claimtrack claim restore \S+ --at "
         r"TIME` brings it back as it was at a time before that\.",
         r"It is not shown on the web any more; an editor can restore it from the command "
         r"line (claimtrack claim restore), as it was at a time before the deletion."),
        (r"a claimtrack database or backup is restored with `claimtrack restore (\S+)` "
         r"\(or opened with --db \S+\)\.",
         r"a claimtrack database or backup cannot be imported here: whoever runs claimtrack "
         r"can restore it, or serve it, from the command line."),
        (r"`claimtrack history \S+` shows it as it was; add it again with `claimtrack verdict "
         r"add` if it should not have gone\.",
         "It is not shown on the web any more; add it again on its claim's page if it should "
         "not have gone."),
        (r"`claimtrack claim restore \S+ --at TIME` brings both back as they were at a time "
         r"before that \(see `claimtrack history \S+`\)\.",
         "An editor can restore the claim with its verdicts from the command line (claimtrack "
         "claim restore), as they were at a time before the deletion."),
        (r"claimtrack extract reads at most", "the Extract page reads at most"),
        (r"\s*\(list them with `claimtrack \w+ list`\)", ""),
        (r"while your command ran", "while yours was being saved"),
        (r"See what changed with `claimtrack history`, then re-run your command\.",
         "Reload the page to see what changed, then make your change again."),
        (r"[Rr]un the command again", "Send it again"),
        # advice in shell terms: the forms have their own ways
        (r"give each tag on its own \(--tag a --tag b\)", "separate tags with commas"),
        (r"Give the words as published, in quotes\.", "Give the words as published."),
        (r"To note where else it appeared use `claimtrack appearance add (\S+) URL`; if it is "
         r"a distinct claim, add it with --allow-duplicate\.",
         r"To note where else it appeared, edit \1 and give that page there; a distinct claim "
         r"in the same words, by the same speaker on the same date, can be added from the "
         r"command line only."),
        (r"List its verdicts with `claimtrack verdict list \S+`; if it is a distinct verdict, "
         r"add it with --allow-duplicate\.",
         "Its verdicts are listed on the claim's page; a distinct verdict with the same "
         "reviewer, rating and date can be added from the command line only."),
        (r"use a BCP 47 tag such as en, ru or pt-BR\.", "use a language tag such as en or "
         "pt-BR."),
        (r"[Ll]ist (?:links|verdicts) with `claimtrack (?:link|verdict) list`\.",
         "Reload the claim's page."),
        (r"; see `claimtrack link list`", "; the claim's Links page lists them"),
        (r"\. Add it with `claimtrack actor add` or list actors with `claimtrack actor list`",
         "; the Actors page lists them"),
        (r"; list sources with `claimtrack source list`", ""),
        (r"\s*\(`claimtrack (?:claim|verdict) status in-review \S+`\)", ""),
        (r"; if they are distinct, edit it with --allow-duplicate\.",
         "; two distinct claims in the same words, by the same speaker on the same date, can be "
         "kept from the command line only."),
        (r"run `claimtrack claim merge (\S+) (\S+)`", r"merge \2 into \1 from the review queue"),
        (r"or try `claimtrack match` to find claims like a whole text",
         "or paste the whole text in “Have we seen this?”"),
        (r"run without --apply to see them", "find the claims in the article again"),
        # an import's summary line: stages move on the claim's page
        (r"; move a stage with `claim status` or `verdict status`",
         "; change a stage under “Review status” on the claim's page"),
        # a label's reading of one's own is mapped from the command line only
        (r"map it with `claimtrack ratings add` or ", ""),
    ))


def for_web(message: str, options: Mapping[str, tuple[str, str]] | None = None) -> str:
    """``message`` with the command line's advice put as the web's: commands become pages,
    options the fields of the form (``options``: this form's own labels, before ``OPTIONS``).
    An option no form has is left as it is."""
    for pattern, replacement in PHRASES:
        message = pattern.sub(replacement, message)
    labels = {**OPTIONS, **(options or {})}

    def field(found: re.Match[str]) -> str:
        verb, name = found.group(1), found.group(2)
        if name not in labels:
            return found.group(0)
        doing, label = labels[name]
        return f"{doing} “{label}”" if verb else f"“{label}”"

    return _OPTION.sub(field, message)


# How the history names a change the web made before it named it as the web does now.
COMMANDS = {"web: extract --apply": "web: extract accept"}


def command_for_web(command: str | None) -> str:
    """The history's "how" of an entry ("" for none), as the web names it."""
    return COMMANDS.get(command or "", command or "")


# The notes the library writes on links it suggests, named as the web's pages name what made
# them (people's own notes are shown as written).
# (The score recorded then is left out: the page shows the suggestion's own.)
NOTES = ((re.compile(r"Suggested by `claimtrack dedupe` \(score [0-9.]+\)\."),
          "Found by “Look for duplicates”."),)


def note_for_web(note: str | None) -> str:
    """A link's note as the web shows it ("" for none)."""
    shown = note or ""
    for pattern, replacement in NOTES:
        if pattern.fullmatch(shown):
            return pattern.sub(replacement, shown)
    return shown
