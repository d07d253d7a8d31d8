"""Map a publisher's verdict label ("Pants on Fire", "Engañoso") or numeric rating onto a Rating.

The label itself is always stored verbatim; this only decides the normalised value when the
user does not give one. A label is read first: from the user's own mappings (stored in the
database, see ``claimtrack ratings add``), then from the built-in table below. Only when the
label is unknown or missing is a numeric ``ratingValue`` read on its scale, because publishers
do not agree on which end of a scale is "true" nearly as well as they agree on words. Anything
else is ``unverifiable``. docs/interop.md lists the table.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from claimtrack.core.enums import Rating
from claimtrack.core.values import name_key

T, MT, MX, MF, F, U = (
    Rating.TRUE, Rating.MOSTLY_TRUE, Rating.MIXED, Rating.MOSTLY_FALSE, Rating.FALSE,
    Rating.UNVERIFIABLE,
)

# Built-in labels by language (ISO 639-1; Chinese in both scripts), as each language's
# fact-checkers publish them. Keys are compared after
# label_key(): case, spacing and Unicode width folded, "_" read as a space (slugs such as
# pants_on_fire), and surrounding quotes and punctuation ignored; then without spaces and
# hyphens, and without nouns naming what was rated (find_rating).
LABELS_BY_LANGUAGE: dict[str, dict[str, Rating]] = {
    "en": {
        "true": T, "correct": T, "accurate": T, "verified": T, "confirmed": T,
        "correct attribution": T, "geppetto checkmark": T,
        "mostly true": MT, "mostly correct": MT, "mostly accurate": MT, "largely accurate": MT,
        "one pinocchio": MT,
        "half true": MX, "half-true": MX, "half truth": MX, "half-truth": MX, "mixture": MX,
        "mixed": MX, "partly true": MX, "partially true": MX, "two pinocchios": MX,
        "mostly false": MF, "partly false": MF, "partially false": MF, "misleading": MF,
        "true but misleading": MF, "missing context": MF, "lacks context": MF,
        "needs context": MF, "out of context": MF, "decontextualized": MF,
        "decontextualised": MF, "exaggerated": MF, "exaggeration": MF, "cherry-picking": MF,
        "distorts the facts": MF, "three pinocchios": MF,
        # PolitiFact's name for "Mostly False" until 2011, still in its archive and slugs.
        "barely true": MF,
        "false": F, "incorrect": F, "inaccurate": F, "wrong": F, "fake": F, "hoax": F,
        "scam": F, "fabricated": F, "altered": F, "misattributed": F, "miscaptioned": F,
        "pants on fire": F, "four pinocchios": F, "bottomless pinocchio": F,
        "pants-fire": F,  # PolitiFact's slug (politifact.com/…/rulings/pants-fire)
        "really false": F, "totally false": F, "completely false": F, "false claim": F,
        "false news": F, "fake news": F, "not true": F, "untrue": F, "manipulated": F,
        "doctored": F, "edited": F,
        "unproven": U, "unverified": U, "unverifiable": U, "no evidence": U,
        "unsupported": U, "unsubstantiated": U, "satire": U, "labeled satire": U,
        "flip-flop": U, "full flop": U, "half flip": U, "no flip": U, "outdated": U,
        "research in progress": U,
    },
    "es": {
        "verdadero": T, "cierto": T, "correcto": T,
        "mayormente verdadero": MT, "mayormente cierto": MT, "en gran parte cierto": MT,
        "verdad a medias": MX, "medio verdadero": MX, "parcialmente cierto": MX,
        "parcialmente verdadero": MX,
        "parcialmente falso": MF, "mayormente falso": MF, "engañoso": MF,
        "falta contexto": MF, "sin contexto": MF, "exagerado": MF,
        "falso": F, "bulo": F, "no es cierto": F, "montaje": F, "fake": F,
        "impreciso": MF, "cuestionable": MF, "verdadero pero": MT, "cierto pero": MT,
        "inchequeable": U, "no verificable": U, "sin evidencia": U, "sin pruebas": U,
        "sin fundamento": U, "sátira": U,
    },
    "fr": {
        "vrai": T, "plutôt vrai": MT, "à moitié vrai": MX, "partiellement vrai": MX,
        "en partie vrai": MX, "partiellement faux": MF, "plutôt faux": MF, "trompeur": MF,
        "manque de contexte": MF, "faux": F, "infondé": U, "invérifiable": U,
        "c'est faux": F, "inexact": F, "manipulé": F, "montage": F, "fausse information": F,
        "exagéré": MF, "sorti de son contexte": MF, "hors contexte": MF, "à nuancer": MX,
        "parodie": U, "satire": U,
    },
    "de": {
        "wahr": T, "richtig": T, "größtenteils richtig": MT, "überwiegend richtig": MT,
        "halb wahr": MX, "teilweise richtig": MX, "teilweise falsch": MF,
        "größtenteils falsch": MF, "irreführend": MF, "fehlender kontext": MF,
        "falsch": F, "frei erfunden": F, "unbelegt": U, "nicht belegt": U,
        "manipuliert": F, "zusammenhang fehlt": MF, "falscher kontext": MF,
        "ungenau": MF, "satire": U, "völlig falsch": F,
    },
    "pt": {
        "verdadeiro": T, "verdade": T, "correto": T, "verdadeiro, mas": MT,
        "meia verdade": MX, "parcialmente verdadeiro": MX, "parcialmente falso": MF,
        "enganoso": MF, "fora de contexto": MF, "distorcido": MF, "exagerado": MF,
        "impreciso": MF, "não é bem assim": MF, "sem contexto": MF, "subestimado": MF,
        "falso": F, "fake": F, "montagem": F, "boato": F,
        "insustentável": U, "sem provas": U, "contraditório": U, "de olho": U,
    },
    "it": {
        "vero": T, "corretto": T, "c'eri quasi": MT, "nì": MX, "mezza verità": MX,
        "parzialmente vero": MX, "parzialmente falso": MF, "fuorviante": MF, "impreciso": MF,
        "manca di contesto": MF, "falso": F, "bufala": F, "notizia falsa": F,
        "pinocchio andante": F, "panzana pazzesca": F, "non verificabile": U, "satira": U,
    },
    "ru": {
        "правда": T, "скорее правда": MT, "полуправда": MX, "манипуляция": MF,
        "скорее неправда": MF, "неправда": F, "ложь": F, "фейк": F, "не доказано": U,
    },
    "ar": {
        "صحيح": T, "حقيقي": T, "صحيح جزئيا": MX, "صحيح جزئياً": MX, "نصف صحيح": MX,
        "مضلل": MF, "زائف جزئيا": MF, "زائف جزئياً": MF, "خطأ جزئيا": MF, "خطأ جزئياً": MF,
        "يفتقر إلى السياق": MF, "بحاجة إلى سياق": MF,
        "زائف": F, "خطأ": F, "كاذب": F, "غير صحيح": F, "مفبرك": F, "ملفق": F,
        "غير مؤكد": U, "لا دليل": U, "ساخر": U,
    },
    "zh-Hans": {
        "正确": T, "真实": T, "部分正确": MX, "半真半假": MX,
        "部分错误": MF, "误导": MF, "缺乏背景": MF, "易生误解": MF,
        "错误": F, "虚假": F, "不实": F, "谣言": F,
        "证据不足": U, "无法证实": U,
    },
    "zh-Hant": {
        "正確": T, "真實": T, "部分正確": MX, "半真半假": MX,
        "部分錯誤": MF, "誤導": MF, "缺乏背景": MF, "易生誤解": MF,
        "錯誤": F, "虛假": F, "不實": F, "謠言": F,
        "證據不足": U, "無法證實": U,
    },
    "hi": {
        "सच": T, "सही": T, "सत्य": T, "आधा सच": MX, "भ्रामक": MF, "भ्रामक दावा": MF,
        "गलत": F, "ग़लत": F, "फर्जी": F, "फ़र्ज़ी": F, "झूठ": F, "असत्य": F, "फेक": F,
        "अपुष्ट": U,
    },
    "uk": {
        "правда": T, "напівправда": MX, "маніпуляція": MF, "перебільшення": MF,
        "неправда": F, "фейк": F, "не підтверджено": U,
    },
    "id": {
        "benar": T, "sebagian benar": MX, "menyesatkan": MF, "konten yang menyesatkan": MF,
        "konteks yang salah": MF, "salah": F, "keliru": F, "hoaks": F, "konten palsu": F,
        "konten yang dimanipulasi": F, "tidak terbukti": U,
    },
    "tr": {
        "doğru": T, "çoğunlukla doğru": MT, "yarı doğru": MX, "karma": MX,
        "çoğunlukla yanlış": MF, "yanıltıcı": MF, "yanlış": F, "belirsiz": U,
    },
    "pl": {
        "prawda": T, "częściowa prawda": MX, "manipulacja": MF, "fałsz": F,
        "nieweryfikowalne": U,
    },
    "cs": {"pravda": T, "zavádějící": MF, "nepravda": F, "neověřitelné": U},
    "sk": {"pravda": T, "zavádzajúce": MF, "nepravda": F, "neoveriteľné": U},
    "nl": {
        "waar": T, "grotendeels waar": MT, "half waar": MX, "grotendeels onwaar": MF,
        "misleidend": MF, "onwaar": F, "niet te bewijzen": U,
    },
    "el": {"αληθές": T, "παραπλανητικό": MF, "ψευδές": F},
    "ko": {
        "사실": T, "대체로 사실": MT, "절반의 사실": MX, "대체로 사실 아님": MF,
        "전혀 사실 아님": F, "사실 아님": F, "판단 유보": U,
    },
    "ja": {
        "正確": T, "ほぼ正確": MT, "ミスリード": MF, "不正確": MF, "誤り": F, "虚偽": F,
        "根拠不明": U, "判定留保": U,
    },
    "bn": {"সত্য": T, "আংশিক সত্য": MX, "বিভ্রান্তিকর": MF, "মিথ্যা": F, "ভুয়া": F},
    "ur": {"درست": T, "گمراہ کن": MF, "غلط": F, "جھوٹ": F},
    "sw": {"kweli": T, "inapotosha": MF, "si kweli": F, "uongo": F},
}

BUILTIN_LABELS: dict[str, Rating] = {
    name_key(label): rating
    for table in LABELS_BY_LANGUAGE.values()
    for label, rating in table.items()
}

_JOINERS = re.compile(r"[\s\-‐‑–]+")
# Nouns naming what a label rates, which say nothing of the verdict: AFP's "Altered image",
# "Manipulated video", "Fake photo" read as "altered", "manipulated", "fake".
SUBJECT_NOUNS = frozenset({
    "image", "images", "photo", "photos", "photograph", "photographs", "picture", "pictures",
    "video", "videos", "clip", "clips", "footage", "audio", "recording", "graphic", "graphics",
    "infographic", "chart", "map", "screenshot", "screenshots", "document", "documents",
    "quote", "quotes", "quotation", "headline", "caption", "content", "post", "posts",
    "tweet", "meme", "claim", "claims", "story", "article", "report", "statement", "letter",
    "message", "website", "news",
})

# Where a number lands on its scale (0 = worst, 1 = best), and the rating from there up.
SCALE_STEPS: tuple[tuple[float, Rating], ...] = ((0.9, T), (0.7, MT), (0.5, MX), (0.25, MF))


_EDGES = " \t\r\n!.?…;:,'\"«»“”„‘’()[]*"
# Where a label stops and its explanation begins: "FALSO: As imagens…", "Engañoso. La foto…".
# Not at a comma: "True, but misleading" is not "True".
_LEADING = re.compile(r"\s*(?::|\.\s|\s[-–—]\s|\()")


def label_key(label: str) -> str:
    """The key a label is looked up by: folded like a name, "_" read as a space (slugs such
    as pants_on_fire), surrounding quotes, punctuation and blanks ignored."""
    return name_key(label.replace("_", " ")).strip(_EDGES)


def leading_label(label: str) -> str | None:
    """The words before a label's explanation ("FALSO: As imagens…" → "FALSO"), or None when
    nothing follows them."""
    head = _LEADING.split(label.strip(), maxsplit=1)[0]
    return head if head.strip(_EDGES) and head.strip() != label.strip() else None


def compact_key(key: str) -> str:
    """A label key without its spaces and hyphens: "Partly false", "partly-false" and
    "Partlyfalse" are one label (and PolitiFact's slugs, barely-true or pants-fire, their
    rulings)."""
    return _JOINERS.sub("", key)


def compact_index(table: Mapping[str, Rating]) -> dict[str, Rating]:
    """``table`` keyed by compact_key; a compact key two ratings share is left out (it would
    read one of them for the other)."""
    index: dict[str, Rating] = {}
    shared: set[str] = set()
    for key, rating in table.items():
        compact = compact_key(key)
        if index.setdefault(compact, rating) != rating:
            shared.add(compact)
    return {key: rating for key, rating in index.items() if key not in shared}


BUILTIN_TABLE: Table = (BUILTIN_LABELS, compact_index(BUILTIN_LABELS))


def subject_stripped(key: str) -> str | None:
    """A label key without the nouns that name what was rated ("altered image" → "altered",
    "manipulated video clip" → "manipulated"), or None when it ends in none of them. Only
    these nouns: another word could change what the label says ("true but")."""
    words = _JOINERS.split(key)
    kept = len(words)
    while kept > 1 and words[kept - 1] in SUBJECT_NOUNS:
        kept -= 1
    return " ".join(words[:kept]) if kept < len(words) else None


Table = tuple[Mapping[str, Rating], Mapping[str, Rating]]  # labels by key, and compact_index


def find_rating(keys: Sequence[str], tables: Sequence[Table]) -> Rating | None:
    """The first reading of these label keys in these tables, in order: each key as written or
    with spaces and hyphens left out, in every table; only then the same for the keys without
    the nouns naming what was rated ("altered image" is "altered"), so that a label one table
    knows whole ("fake news") is never read by another table's shorter one ("fake")."""
    for stripped in (False, True):
        for key in keys:
            form = subject_stripped(key) if stripped else key
            if form is None:
                continue
            for table, compact in tables:
                found = table.get(form) or compact.get(compact_key(form))
                if found is not None:
                    return found
    return None


def label_keys(label: str) -> list[str]:
    """``label``'s key, then its key with Turkish capitals folded ("YANLIŞ" is "yanlış", not
    "yanliş": tried second, so English capitals keep their usual reading)."""
    return [label_key(label), label_key(label.replace("I", "ı").replace("İ", "i"))]


def builtin_rating(label: str) -> Rating | None:
    """The built-in reading of ``label``, or None when the table does not know it."""
    return find_rating(label_keys(label), [BUILTIN_TABLE]) or _rating_named(label)


def _rating_named(label: str) -> Rating | None:
    """The rating a label names itself ("mostly true" is mostly-true), or None."""
    try:
        return Rating(label_key(label).replace(" ", "-"))
    except ValueError:
        return None


def rating_from_scale(
    value: float, best: float | None = None, worst: float | None = None
) -> Rating | None:
    """Read a numeric rating on its scale (schema.org defaults: best 5, worst 1).

    None when the scale is broken or the value lies outside it (some publishers write -1 on a
    1-to-5 scale for "not rated").
    """
    best = 5.0 if best is None else best
    worst = 1.0 if worst is None else worst
    if best <= worst or not worst <= value <= best:
        return None
    position = (value - worst) / (best - worst)
    return next((rating for step, rating in SCALE_STEPS if position >= step), F)


@dataclass
class RatingTable:
    """The built-in labels plus the user's own (``user``: label key → rating)."""

    user: Mapping[str, Rating] = field(default_factory=dict)

    def read_label(self, label: str) -> Rating | None:
        """The user's mapping for ``label``, else the built-in one, else the same for the words
        before the label's explanation ("FALSO: As imagens…"), else None."""
        found = self._read(label)
        head = leading_label(label) if found is None else None
        return self._read(head) if head is not None else found

    def _read(self, label: str) -> Rating | None:
        return find_rating(label_keys(label), [self.mine, BUILTIN_TABLE]) or _rating_named(label)

    @functools.cached_property
    def mine(self) -> Table:
        """The user's labels as ``find_rating`` reads them."""
        return self.user, compact_index(self.user)

    def normalize(
        self,
        label: str | None,
        value: float | None = None,
        best: float | None = None,
        worst: float | None = None,
    ) -> Rating:
        """Label first, then the numeric rating, else ``unverifiable``."""
        by_label = self.read_label(label) if label else None
        if by_label is not None:
            return by_label
        if value is not None:
            return rating_from_scale(value, best, worst) or U
        return U


def builtin_rows() -> Iterator[tuple[str, Rating, str]]:
    """(label, rating, language) for every built-in label, by language then rating."""
    order = list(Rating)
    for language, table in LABELS_BY_LANGUAGE.items():
        for label, rating in sorted(table.items(), key=lambda i: (order.index(i[1]), i[0])):
            yield label, rating, language
