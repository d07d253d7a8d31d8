"""Quality of ``claimtrack match`` against a plain BM25 ranking: recall@5 and MRR.

Labelled pairs (query text, the claim it is the same as):
- fixtures/perspectrum/test_split_clusters.jsonl (CC BY-SA 4.0): PERSPECTRUM's test split.
  Perspectives in one cluster are paraphrases; every perspective is logged as a claim, and the
  first of each cluster of two or more is the query (its own claim excluded), the rest of the
  cluster the matches.
- fixtures/match_paraphrases.json: hand-written re-wordings, typos and reorderings of 25
  claims, logged alongside with 25 different claims on the same subjects and 10 denials
  that repeat a claim's words; a denial must not be suggested as the claim it denies.

Both rankings start from the same full-text candidates (any content word of the query, 50 best
by BM25): the baseline keeps BM25's order, ``match`` re-scores with rapidfuzz. Also shown: how
often a suggestion (score ≥ the suggest threshold, both texts of 8 words or more) is right.
The weights were chosen on PERSPECTRUM's dev split, never on this test split.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CUTOFF = 50


@dataclass
class Scores:
    """Recall@5 and MRR over queries, from the rank of the first right answer (None: missed)."""

    ranks: list[int | None] = field(default_factory=list)

    def add(self, ranked: Iterable[str], right: set[str]) -> None:
        self.ranks.append(next((i for i, found in enumerate(ranked, 1) if found in right), None))

    @property
    def recall_at_5(self) -> float:
        return sum(1 for rank in self.ranks if rank is not None and rank <= 5) / len(self.ranks)

    @property
    def mrr(self) -> float:
        return sum(1 / rank for rank in self.ranks if rank is not None) / len(self.ranks)


def load_cases() -> tuple[list[str], dict[str, list[tuple[str, set[str]]]], list[tuple[str, str]]]:
    """Texts to log as claims, per data set its (query, matching texts) cases, and the
    (denial, claim it denies) pairs."""
    corpus: list[str] = []
    cases: dict[str, list[tuple[str, set[str]]]] = {"perspectrum": [], "hand-written": []}
    clusters = FIXTURES / "perspectrum/test_split_clusters.jsonl"
    for line in clusters.read_text("utf-8").splitlines():
        for cluster in json.loads(line)["clusters"]:
            texts = [item["text"] for item in cluster]
            corpus += texts
            if len(texts) >= 2:
                cases["perspectrum"].append((texts[0], set(texts[1:])))
    written = json.loads((FIXTURES / "match_paraphrases.json").read_text("utf-8"))
    corpus += written["distractors"]
    denials = [(item["denial"], item["of"]) for item in written["denials"]]
    corpus += [denial for denial, _ in denials]
    for pair in written["pairs"]:
        corpus.append(pair["claim"])
        cases["hand-written"] += [(query, {pair["claim"]}) for query in pair["queries"]]
    return corpus, cases, denials


def denials_suggested(session: object, denials: list[tuple[str, str]],
                      rows_of: dict[str, set[int]]) -> int:
    """How many denials ``match`` suggests as the very claim they deny."""
    from claimtrack.services import search

    wrong = 0
    for denial, claim in denials:
        hits = search.match(session, denial, exclude=rows_of[denial])  # type: ignore[arg-type]
        wrong += any(hit.is_suggestion and hit.text == claim for hit in hits)
    return wrong


def main(quick: bool = False) -> None:
    from sqlalchemy import select

    from claimtrack.core import search_syntax
    from claimtrack.models import Claim
    from claimtrack.services import claims, search
    from claimtrack.store import fulltext
    from claimtrack.store.db import make_engine, session_scope
    from claimtrack.store.migrate import ensure_current

    corpus, cases, denials = load_cases()
    if quick:
        cases = {name: found[:: 4] for name, found in cases.items()}
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'match.db'}")
        ensure_current(engine)
        with session_scope(engine) as session:
            for text in corpus:
                claims.add_claim(session, text=text, allow_duplicate=True)
        results: dict[str, tuple[Scores, Scores]] = {}
        suggested = right = withheld = withheld_right = 0
        with session_scope(engine, write=False) as session:
            rows_of: dict[str, set[int]] = {}
            for text, row_id in session.execute(select(Claim.text, Claim.id)).tuples():
                rows_of.setdefault(text, set()).add(row_id)
            for name, found in cases.items():
                matched, baseline = results.setdefault(name, (Scores(), Scores()))
                for query, answers in found:
                    own = rows_of.get(query, set())  # a query is new: never its own match
                    hits = search.match(session, query, limit=CUTOFF, exclude=own)
                    matched.add((hit.text for hit in hits), answers)
                    words = search_syntax.content_words(query)
                    bm25 = fulltext.candidates(
                        session, fulltext.any_word_expression(session, words), CUTOFF + 1)
                    baseline.add((text for row, text, _ in bm25 if row not in own), answers)
                    if hits and hits[0].is_suggestion:
                        suggested += 1
                        right += hits[0].text in answers
                    if hits and hits[0].differs:
                        withheld += 1
                        withheld_right += hits[0].text in answers
            wrong_denials = denials_suggested(session, denials, rows_of)
            rule, search_syntax.is_negated = search_syntax.is_negated, lambda text: False
            wrong_without_rule = denials_suggested(session, denials, rows_of)
            search_syntax.is_negated = rule
        engine.dispose()
    total = sum(len(found) for found in cases.values())
    print(f"{len(corpus):,} claims logged; {total} queries; candidates: {CUTOFF} by BM25")
    print(f"{'data set':14}{'queries':>8}{'recall@5 match':>16}{'BM25':>7}{'MRR match':>11}"
          f"{'BM25':>7}")
    every = (Scores(), Scores())
    for name, (matched, baseline) in results.items():
        every[0].ranks += matched.ranks
        every[1].ranks += baseline.ranks
        print(f"{name:14}{len(matched.ranks):8}{matched.recall_at_5:16.3f}"
              f"{baseline.recall_at_5:7.3f}{matched.mrr:11.3f}{baseline.mrr:7.3f}")
    print(f"{'all':14}{len(every[0].ranks):8}{every[0].recall_at_5:16.3f}"
          f"{every[1].recall_at_5:7.3f}{every[0].mrr:11.3f}{every[1].mrr:7.3f}")
    better = every[0].mrr > every[1].mrr and every[0].recall_at_5 >= every[1].recall_at_5
    print(f"match {'beats' if better else 'does NOT beat'} plain BM25.")
    share = f"{right / suggested:.3f}" if suggested else "n/a"
    print(f"suggestions (score ≥ {search.SUGGEST_THRESHOLD}, 8+ words, not one negated and the "
          f"other not): {suggested} made, "
          f"{right} right (precision {share}); nothing is ever linked automatically.")
    print(f"withheld for other figures or opposite words: {withheld} (of which the right "
          f"claim: {withheld_right})")
    print(f"denials suggested as the claim they deny: {wrong_denials} of {len(denials)} "
          f"({wrong_without_rule} without the negation rule)")
