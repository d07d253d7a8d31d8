"""Quality and speed of ``claimtrack extract`` on the labelled articles of fixtures/extract/.

Prints precision and recall (overall and per kind), how often the kind is right and how often
``responds_to`` is right on matched pairs: for the development set (the seed article when
../shared/seed is present, plus fixtures/extract/articles), for each batch of held-out articles
(fixtures/extract/holdout; each batch was written before the rule changes it was first run
against, see docs/extract.md for the figures of those first runs) and for all of them, and for
the real Wikinews articles (fixtures/extract/news): the three tuning batches always; the
held-out half and held-out batches 2 to 6 only with ``--held-out`` (each is measured once
before and once after a round of rule changes, so a plain run must not show them; batch 5,
n100–n111, was added in round 4 and batch 6, n112–n121 without n119, in round 5, each when
every earlier batch had been looked at). The recall of each kind is printed too (denial recall
is the denial line's).
Speed is given as a ratio to a raw baseline measured in the same run: one regular-expression
pass over the same text. ``python -m bench.bench_extract --details`` lists every miss.
"""

from __future__ import annotations

import re
import sys
import time

from bench.extract_devset import Article, Score, articles, seed_path
from claimtrack.extract import extract

REAL_HELD_OUT = ("real held-out", "real held-out 2", "real held-out 3", "real held-out 4",
                 "real held-out 5", "real held-out 6")


def main(quick: bool, held_out: bool = False) -> None:
    found = articles()
    if seed_path() is None:
        print("(../shared/seed is absent here: the seed article is left out of the figures)")
    written = sorted({a.set for a in found if not a.is_real},
                     key=lambda name: (name != "development", name))
    groups = [(name, [a for a in found if a.set == name]) for name in written]
    groups.append(("all written held-out", [a for a in found if a.held_out and not a.is_real]))
    for name in ("real tuning", "real tuning 2", "real tuning 3",
                 *(REAL_HELD_OUT if held_out else ())):
        groups.append((name, [a for a in found if a.set == name]))
    for title, group in groups:
        score = Score()
        for article in group:
            score.add(extract(article.text), article.labels)
        print(f"{title}: {len(group)} articles, {score.labels} labelled assertions")
        print("  " + score.line())
        print("\n".join(score.kind_lines()))
    seed = [a for a in found if a.name == "seed"]
    if seed:
        score = Score()
        score.add(extract(seed[0].text), seed[0].labels)
        print("seed article: " + score.line())
    _speed(found, rounds=3 if quick else 20)


def _speed(found: list[Article], rounds: int) -> None:
    text = "\n".join(article.text for article in found)
    started = time.perf_counter()
    for _ in range(rounds):
        extract(text)
    extracting = (time.perf_counter() - started) / rounds
    started = time.perf_counter()
    for _ in range(rounds):
        re.findall(r"\w+|[^\w\s]", text)
    baseline = (time.perf_counter() - started) / rounds
    print(f"speed: {len(text) / extracting / 1000:.0f}k characters/s, "
          f"{extracting / baseline:.0f}x one regex tokenising pass over the same "
          f"{len(text)} characters")


def details(held_out: bool) -> None:
    """Every miss and false alarm, article by article (for developing the rules).

    The held-out articles are left out unless asked for: looking at them is tuning on them.
    """
    for article in articles():
        if article.held_out and not held_out:
            continue
        suggestions = extract(article.text)
        matched = Score().add(suggestions, article.labels)
        found = {label.id for label in matched.values()}
        print(f"== {article.name}")
        for suggestion in suggestions:
            label = matched.get(suggestion.id)
            mark = "  " if label else "FP"
            note = ""
            if label and suggestion.kind != label.kind:
                note += f" KIND want {label.kind}"
            if label:
                target = matched.get(suggestion.responds_to or "")
                answered = target.id if target else None
                if answered not in label.responds_to:
                    note += f" RESP want {label.responds_to}"
            print(f"{mark} {suggestion.id} {label.id if label else '--'} [{suggestion.speaker}] "
                  f"{suggestion.kind} -> {suggestion.responds_to}: {suggestion.text[:70]!r}{note}")
        for label in article.labels:
            if label.id not in found:
                start, end = label.spans[0]
                print(f"MISS {label.id} [{label.speaker}] {label.kind}: "
                      f"{article.text[start:end][:70]!r}")


if __name__ == "__main__":
    if "--details" in sys.argv:
        details(held_out="--held-out" in sys.argv)
    else:
        main(quick="--quick" in sys.argv, held_out="--held-out" in sys.argv)
