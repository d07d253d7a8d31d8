"""The labelled articles of ``fixtures/extract/`` and the scoring of ``claimtrack extract``.

A labels file lists every attributed assertion of one article: ``speaker`` (null when the
text names nobody), ``kind``, ``spans`` (code-point offsets, end exclusive), ``passages`` (the
same spans' text, to check the offsets) and ``responds_to`` (a label id, null, or a list of
acceptable answers when the article allows more than one reading).

A suggestion matches a label when its spans cover at least half of the label's characters and
its speaker is the labelled speaker (case, apostrophe style and leading determiners or
quantifiers such as "the", "both", "multiple" aside, in each part of a joint speaker); each
suggestion and label is matched at most once, best overlap first.

``python -m bench.extract_devset locate FILE…`` fills ``spans`` from ``passages``.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "extract"
SEED_NAME = "000_9268d6ca20cf8fd5.txt"
KINDS = ("claim", "counter-claim", "denial", "non-denial")


@dataclass(frozen=True)
class Label:
    id: str
    speaker: str | None
    kind: str
    spans: tuple[tuple[int, int], ...]
    responds_to: tuple[str | None, ...]


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    labels: tuple[Label, ...]
    # "development"; "held-out N" for a batch written before the rules it then tested;
    # "real tuning" / "real held-out" for the two halves of the Wikinews articles (news/),
    # "real held-out 2" to "real held-out 6" for the later held-out batches of them, "real
    # tuning 2" and "real tuning 3" for later tuning batches
    set: str

    @property
    def held_out(self) -> bool:
        """Not to be looked at while changing the rules."""
        return self.set.startswith(("held-out", "real held-out"))

    @property
    def is_real(self) -> bool:
        return self.set.startswith("real")


def seed_path() -> Path | None:
    """The seed article from ../shared/seed, when this checkout has it."""
    candidates = [os.environ.get("CLAIMTRACK_SEED_DIR", "")]
    candidates += [str(parent / "shared" / "seed") for parent in ROOT.parents]
    for folder in candidates:
        if folder and (Path(folder) / SEED_NAME).is_file():
            return Path(folder) / SEED_NAME
    return None


def article_path(reference: str) -> Path | None:
    if reference.startswith("seed:"):
        return seed_path()
    return FIXTURES / reference


def load(labels_file: Path) -> Article | None:
    """One labelled article; None when its text is not in this checkout (the seed)."""
    document = json.loads(labels_file.read_text(encoding="utf-8"))
    path = article_path(document["article"])
    if path is None:
        return None
    text = path.read_bytes().decode("utf-8")
    labels = []
    for raw in document["labels"]:
        spans = tuple((int(s), int(e)) for s, e in raw["spans"])
        for (start, end), passage in zip(spans, raw["passages"], strict=True):
            if text[start:end] != passage:
                raise ValueError(f"{labels_file.name} {raw['id']}: offsets do not match passage")
        answers = raw["responds_to"]
        responds = tuple(answers) if isinstance(answers, list) else (answers,)
        labels.append(Label(raw["id"], raw["speaker"], raw["kind"], spans, responds))
    return Article(labels_file.stem, text, tuple(labels), document["set"])


def articles() -> list[Article]:
    """Every labelled article available here (the seed only when ../shared is present)."""
    found = [load(path) for path in sorted((FIXTURES / "labels").glob("*.json"))]
    return [article for article in found if article is not None]


# Words before a speaker's name that do not change who speaks: "the White House", "both
# officers", "multiple news outlets", "Donald Trump and his supporters".
_NAME_LEADS = frozenset({
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "these", "those", "both",
    "several", "some", "many", "multiple", "numerous", "various",
})


def speaker_key(name: str | None) -> str | None:
    """A speaker for comparison: case, apostrophe style and leading determiners aside, in each
    part of a joint speaker ("the Investigative Committee and the FSB")."""
    if name is None:
        return None
    parts = []
    for part in " ".join(name.replace("\u2019", "'").casefold().split()).split(" and "):
        words = part.split()
        while len(words) > 1 and words[0] in _NAME_LEADS:
            words.pop(0)
        parts.append(" ".join(words))
    return " and ".join(parts)


def _covered(spans: tuple[tuple[int, int], ...], label: Label) -> int:
    return sum(
        max(0, min(e, le) - max(s, ls)) for s, e in spans for ls, le in label.spans
    )


def match(suggestions: list[Any], labels: tuple[Label, ...]) -> dict[str, Label]:
    """Suggestion id -> label, one to one, by the overlap-and-speaker rule."""
    pairs = []
    for suggestion in suggestions:
        for label in labels:
            size = sum(e - s for s, e in label.spans)
            covered = _covered(tuple(tuple(p) for p in suggestion.spans), label)
            same_speaker = speaker_key(suggestion.speaker) == speaker_key(label.speaker)
            if covered * 2 >= size and same_speaker:
                pairs.append((covered / size, suggestion.id, label))
    matched: dict[str, Label] = {}
    used: set[str] = set()
    for _, suggestion_id, label in sorted(pairs, key=lambda p: -p[0]):
        if suggestion_id not in matched and label.id not in used:
            matched[suggestion_id] = label
            used.add(label.id)
    return matched


@dataclass
class Score:
    suggestions: int = 0
    labels: int = 0
    matched: int = 0
    same_kind: int = 0
    responds_right: int = 0
    by_kind: Counter[str] | None = None

    def add(self, suggestions: list[Any], labels: tuple[Label, ...]) -> dict[str, Label]:
        matched = match(suggestions, labels)
        by_id = {s.id: s for s in suggestions}
        counts = self.by_kind if self.by_kind is not None else Counter()
        self.by_kind = counts
        self.suggestions += len(suggestions)
        self.labels += len(labels)
        self.matched += len(matched)
        for suggestion in suggestions:
            counts[f"suggested {suggestion.kind}"] += 1
        for label in labels:
            counts[f"labelled {label.kind}"] += 1
        for suggestion_id, label in matched.items():
            suggestion = by_id[suggestion_id]
            if suggestion.kind == label.kind:
                self.same_kind += 1
                counts[f"matched {label.kind}"] += 1
            answer = matched.get(suggestion.responds_to) if suggestion.responds_to else None
            answered = answer.id if answer else None
            if suggestion.responds_to and answer is None:
                answered = "unmatched"
            if answered in label.responds_to:
                self.responds_right += 1
        return matched

    def line(self) -> str:
        precision = self.matched / self.suggestions if self.suggestions else 0.0
        recall = self.matched / self.labels if self.labels else 0.0
        kind = self.same_kind / self.matched if self.matched else 0.0
        responds = self.responds_right / self.matched if self.matched else 0.0
        return (f"precision {precision:.2f} ({self.matched}/{self.suggestions})  recall "
                f"{recall:.2f} ({self.matched}/{self.labels})  kind right {kind:.2f}  "
                f"responds_to right {responds:.2f}")

    def kind_lines(self) -> list[str]:
        counts = self.by_kind or Counter()
        lines = []
        for kind in KINDS:
            hit, made, wanted = (counts[f"matched {kind}"], counts[f"suggested {kind}"],
                                 counts[f"labelled {kind}"])
            precision = f"{hit / made:.2f}" if made else "  - "
            recall = f"{hit / wanted:.2f}" if wanted else "  - "
            lines.append(f"  {kind:<14} precision {precision} ({hit}/{made})  recall {recall} "
                         f"({hit}/{wanted})")
        return lines


def locate(labels_file: Path) -> None:
    """Fill ``spans`` from ``passages`` (each passage must occur exactly once)."""
    document = json.loads(labels_file.read_text(encoding="utf-8"))
    path = article_path(document["article"])
    if path is None:
        raise SystemExit(f"{labels_file}: the article text is not available here")
    text = path.read_bytes().decode("utf-8")
    for label in document["labels"]:
        spans = []
        for passage in label["passages"]:
            first = text.find(passage)
            if first < 0 or text.find(passage, first + 1) >= 0:
                raise SystemExit(f"{labels_file.name} {label['id']}: passage not found once")
            spans.append([first, first + len(passage)])
        label["spans"] = spans
    labels_file.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n",
                           encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] != "locate":
        raise SystemExit("usage: python -m bench.extract_devset locate LABELS.json …")
    for name in sys.argv[2:]:
        locate(Path(name))
