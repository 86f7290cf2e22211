"""Word lists for extraction, read once from features/lexicons/entities.json."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from orgstruct.resources import load_lexicon

_UPPER = "".join(chr(c) for c in range(0xC0, 0x250) if chr(c).isupper())
_LOWER = "".join(chr(c) for c in range(0xC0, 0x250) if chr(c).islower())
# A capitalised name token: "'Ndrangheta", "O'Brien", "Jean-Luc", "U.S.", "Jr."; not a genitive
# ("Kinahan's"), a closing quote ("'Tito'") or a sentence's full stop ("cartel de Sinaloa.")
_WORDCH = rf"[\w{_UPPER}{_LOWER}]"
CAP = (
    rf"(?:(?:['’](?=Nd))?[A-Z{_UPPER}]{_WORDCH}*(?:(?:['’](?!s\b)|[.\-]){_WORDCH}+)*"
    r"(?:(?<=\b[A-Z])\.|(?<=\b(?:Jr|Sr|St))\.)?"
    r"|\d+[A-Z][\w\-]*|[A-Z]{1,4}-\d+|(?<![\w,.])\d{1,3}(?![\d:/]|[,.]\d))"
)


def fold(text: str) -> str:
    """Lowercase without accents, for comparisons."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").replace("’", "'")


@dataclass(frozen=True)
class EntityLexicon:
    heads: frozenset[str]
    strong_heads: frozenset[str]
    lowercase_heads: tuple[str, ...]
    anaphora_heads: tuple[str, ...]
    anaphora_determiners: tuple[str, ...]
    connectors: frozenset[str]
    generic: frozenset[str]
    stopwords: frozenset[str]
    media: frozenset[str]
    places: frozenset[str]
    demonyms: dict[str, str]
    roles: dict[str, str]
    kinship: dict[str, str]
    name_re: re.Pattern[str]
    acronym_stop: frozenset[str]
    institutions: frozenset[str]
    not_in_person_names: frozenset[str]

    def is_place_or_demonym(self, phrase: str) -> bool:
        f = fold(phrase).strip(" '\"")
        return f in self.places or f in self.demonyms or f.removeprefix("the ") in self.places


STRONG = {
    "cartel",
    "clan",
    "gang",
    "mafia",
    "syndicate",
    "triad",
    "posse",
    "bratva",
    "gumi",
    "kai",
    "tren",
    "comando",
    "banda",
    "pandilla",
    "mara",
    "ndrangheta",
    "'ndrangheta",
    "camorra",
    "nostra",
    "ndrina",
    "'ndrina",
}


@lru_cache(maxsize=1)
def entity_lexicon() -> EntityLexicon:
    raw = load_lexicon("entities")
    connectors = frozenset(raw["connectors"])
    conn = "|".join(sorted((re.escape(c) for c in connectors), key=len, reverse=True))
    name_re = re.compile(rf"{CAP}(?:\s+(?:(?:{conn})\s+)*{CAP})*")
    return EntityLexicon(
        heads=frozenset(fold(h) for h in raw["group_heads"]),
        strong_heads=frozenset(fold(h) for h in STRONG),
        lowercase_heads=tuple(sorted(raw["lowercase_heads"], key=len, reverse=True)),
        anaphora_heads=tuple(raw["anaphora_heads"]),
        anaphora_determiners=tuple(raw["anaphora_determiners"]),
        connectors=connectors,
        generic=frozenset(fold(g) for g in raw["generic_tokens"]),
        stopwords=frozenset(fold(s) for s in raw["name_stopwords"]),
        media=frozenset(fold(m) for m in raw["media"]),
        places=frozenset(fold(p) for p in raw["places"]),
        demonyms={fold(k): v for k, v in raw["demonyms"].items()},
        roles={fold(k): v for k, v in raw["roles"].items()},
        kinship={fold(k): v for k, v in raw["kinship"].items()},
        name_re=name_re,
        acronym_stop=frozenset(raw["acronym_stoplist"]),
        institutions=frozenset(fold(w) for w in raw["institution_words"]),
        not_in_person_names=frozenset(fold(w) for w in raw["not_in_person_names"]),
    )


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Folded given names (features/lexicons/given_names.json)."""
    return frozenset(fold(n) for n in load_lexicon("given_names")["given_names"])


def tokens(phrase: str) -> list[str]:
    return re.findall(r"[\w'’\-]+", phrase)
