"""Named persons with aliases ("alias 'El Patrón'"), nationality and role words."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from orgstruct.extract.lexicon import CAP, EntityLexicon, entity_lexicon, fold, given_names, tokens
from orgstruct.extract.spans import SpanSet
from orgstruct.schema import Document, Group, Person, Span

_ALIAS_WORD = (
    r"^\s*,?\s*\(?(?:alias|a\.k\.a\.?|aka|(?:also\s+)?known\s+(?:also\s+)?as|nicknamed|apodad[oa]|"
    r"(?:también\s+)?conocid[oa]\s+(?:también\s+)?como|\(a\))\s+"
)
_ALIAS_AFTER = re.compile(
    _ALIAS_WORD + r"(?:(?:el|la|the)\s+(?=[\"“‘'«])|(?-i:el|la)\s+(?=[A-ZÁÉÍÓÚÑ]))?"
    r"[\"“‘'«]?(?P<alias>(?:(?<=[\"“‘'«])(?-i:el|la|the)\s+)?" + CAP + r"(?:\s+" + CAP + r"){0,2})[\"”’'»]?"
)
# a quoted nickname with a particle inside, the closing quote required: 'Amado, known as "El Señor
# de los Cielos"', 'alias "La Reina del Pacífico"', "'Lord of the Skies'" (without the particle
# the alias stopped at "El Señor")
_PARTICLE = r"(?:de|del|of)(?:\s+(?:la|las|los|el|the))?"
_QUOTED_ALIAS_AFTER = re.compile(
    r"(?:"
    + _ALIAS_WORD
    + r"|^\s*,?\s*(?:(?:o|or)\s+)?)[\"“‘«](?P<alias>(?:(?<=[\"“‘'«])(?-i:el|la|the)\s+)?"
    + CAP
    + r"(?:\s+"
    + CAP
    + r")?\s+"
    + _PARTICLE
    + r"\s+"
    + CAP
    + r"(?:\s+"
    + CAP
    + r")?)[,.]?[\"”’»]"
)
# a quoted nickname after a name or another nickname: 'X, "El Chayo" o "El Más Loco"'
# (American punctuation puts the comma inside the quotes: 'Samuel Flores Borrego, "Metro 3," of')
_QUOTE_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:o|or)\s+)?[\"“«](?P<alias>(?:(?<=[\"“‘'«])(?-i:el|la|the)\s+)?"
    + CAP
    + r"(?:\s+(?:"
    + CAP
    + r"|\d{1,3})){0,2})[,.]?[\"”»]"
)

_EMBEDDED_NICK = re.compile(
    r"(?P<first>[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+(?:\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+){0,2})\s+[\"“«'‘](?P<nick>[^\"”»'’]{2,25})[\"”»'’]\s+(?P<last>"
    + CAP
    + r"(?:\s+"
    + CAP
    + r"){0,2})"
)
_ALIAS_ONLY = re.compile(
    r"\b(?:alias|apodad[oa]|a\.k\.a\.?)\s+[\"“«‘']?(?P<alias>" + CAP + r"(?:\s+" + CAP + r"){0,2})"
)
_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:mr|mrs|ms|dr|sr|sra|don|doña|judge|juez|jueza|alias|general|gen|colonel|coronel|capitán|captain|"
    r"pastor|padre|father|brother|hermano|hermana|sister|son|hijo|hija|daughter|wife|esposa|widow|viuda|"
    r"cousin|primo|uncle|tío|nephew|sobrino|defendant|acusado|acusada|detenido|detenida)\.?|,)\s*$",
    re.IGNORECASE,
)
_CONTEXT_AFTER = re.compile(
    r"^\s*(?:,?\s*\(?(?:alias|a\.k\.a|aka|known as|apodado|conocido como)\b|\s*[\"“«]|,\s*\d{2}\b|,\s*(?:who|quien|que)\b"
    r"|,\s*(?:the\s+)?(?:eldest|youngest|oldest|elder|younger)\b|,\s*(?:el|la)\s+(?:mayor|menor|primogénit[oa])\b)",
    re.IGNORECASE,
)
# what only a person does right after being named
_PERSON_VERB_AFTER = re.compile(
    r"\s*,?\s+(?:(?:lo|la|los|las)\s+)?(?:said|says|told|testified|pleaded|dijo|declaró|afirmó|explicó|contó|relató|"
    r"nació|murió|was born|died|fundó|founded|co-founded|nacid[oa]|born|de \d{2} años|aged \d{2}|"
    r"(?:was|had been) (?:arrested|captured|detained|extradited|killed|shot dead|murdered|sentenced|convicted|jailed)|"
    r"fue (?:detenid[oa]|capturad[oa]|arrestad[oa]|extraditad[oa]|asesinad[oa]|condenad[oa]|sentenciad[oa]))\b",
    re.IGNORECASE,
)
_SURNAME_END = re.compile(r"\s[A-ZÁÉÍÓÚÑŠŽČĆ]\w*(?:ić|ič|vić|ski|ska|sky|enko|oğlu|oglu|yan|[áéíóú]\w?ez)$")
_NAME_PARTICLES = {"de", "del", "la", "las", "los", "y", "da", "do", "dos", "di", "van", "von", "der", "el"}


@dataclass
class _PersonDraft:
    name: str
    tokens: list[str]
    aliases: list[str] = field(default_factory=list)
    nationality: str | None = None
    role: str | None = None
    mentions: list[Span] = field(default_factory=list)


def _inside(pos: int, spans: list[tuple[int, int]] | SpanSet) -> bool:
    if isinstance(spans, SpanSet):
        return spans.holds(pos)
    return any(s <= pos < e for s, e in spans)


def _is_person_name(text: str, lex: EntityLexicon) -> bool:
    toks = tokens(text)
    words = [t for t in toks if fold(t) not in _NAME_PARTICLES]
    if not 2 <= len(words) <= 5:
        return False
    if (fold(words[0]) in lex.stopwords and not _given_name_before_a_name(words) and not _chinese_name(words)) or any(
        fold(t) in lex.heads for t in words
    ):
        return False
    if len(words[0]) == 1 or fold(words[0]) in lex.demonyms:
        return False
    # a demonym after the first word is a surname in a name of capitalised words that starts with
    # a given name ("Jesús María Aguirre Gallego"), otherwise a description ("Sinaloa Mexican",
    # "Josué Renaud of the Haitian")
    if any(fold(t) in lex.demonyms for t in words[1:]) and (
        fold(words[0]) not in given_names() or not all(t[:1].isupper() for t in toks)
    ):
        return False
    if any(fold(t) in lex.institutions or fold(t) in lex.not_in_person_names for t in words):
        return False
    first = fold(words[0])
    if (first in lex.demonyms or first in lex.places) and first not in given_names():
        return False
    if any(t.isupper() and len(t) > 1 for t in words) or any(c.isdigit() for c in text):
        return False
    if re.search(r"\w-(?:based|speaking|led|born|run|aligned|linked|backed|allied)\b", text):
        return False  # "the Kobe-based Yamaguchi-gumi": a description before a group's name
    return not lex.is_place_or_demonym(text) and fold(text) not in lex.media


_NAME_WORD = r"[A-ZÁÉÍÓÚÑ][a-záéíóúñüçšžćčđ]+"  # one capitalised word of a name


def _ends_a_longer_name(doc: Document, start: int) -> bool:
    """A capitalised word right before ``start``: "Gerson Gálvez Calle, son of" is not "Calle"."""
    return bool(re.search(r"[A-ZÁÉÍÓÚÑ][\w\-]*\s+$", doc.text[max(0, start - 30) : start]))


# an office held by a person named right after it ("Judge Juan Pérez", "el fiscal X"): an official,
# so neither part of the name nor a suspect of an arrest next to it
OFFICIAL_TITLES = frozenset(
    (
        "commissioner detective inspector superintendent sergeant constable prosecutor attorney minister "
        "president senator congresswoman premier sheriff agent comisario comisaria fiscal ministro ministra "
        "presidente presidenta senador senadora diputado diputada inspectora subcomisario sargento teniente "
        "capitán agente procurador procuradora expresidente exdiputado exministro judge juez jueza mayor "
        "alcalde alcaldesa governor gobernador gobernadora fiscales investigador investigadora prosecutors "
        "comisionado abogado abogada lawyer periodista journalist reporter"
    ).split()
)
# titles before a name ("Assistant Commissioner Krissy Barrett"), not part of it
_TITLES = frozenset(fold(t) for t in OFFICIAL_TITLES | {"acting", "assistant", "special", "presiding"})


# an adjective of origin the demonym list lacks: "the Neapolitan Raffaele Imperiale"
ORIGIN_FORM = re.compile(r"[A-ZÁÉÍÓÚ]\w+(?:ian|an|ese|ish|iano|ano|ino|és)", re.UNICODE)


# a Chinese name, surname first: a common one-syllable surname (several are also words elsewhere, "Su",
# "Ye", "Bi", so they are not in the given-name lexicon) and a given name of one or two pinyin syllables
_CHINESE_SURNAMES = frozenset(
    "bai bi cai cao chen cheng chan deng ding dong du fan fang feng fu gao guo han he hu huang jiang jin kong lai lam "
    "li liang lin liu lo lu luo ma mao meng ming pan peng qian qin ren shen shi song su sun tan tang tian tse wan wang "
    "wei wen wong wu xia xiao xie xu xue yan yang yao ye yin yu yuan zeng zhang zhao zheng zhou zhu".split()
)
_PINYIN_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|"
    r"ia|ie|iu|ua|uo|ui|ue|a|o|e|i|u|er)"
)


_PINYIN_GIVEN = re.compile(rf"(?i:{_PINYIN_SYLLABLE}){{1,2}}")


def _chinese_name(words: list[str]) -> bool:
    """'Su Guiqin', 'Bi Huijun', 'Ming Xuechang': a surname first and a pinyin given name."""
    return (
        len(words) == 2
        and fold(words[0]) in _CHINESE_SURNAMES
        and words[1][:1].isupper()
        and words[1][1:].islower()
        and _PINYIN_GIVEN.fullmatch(words[1]) is not None
    )


def _given_name_before_a_name(words: list[str]) -> bool:
    """A word of the stop list that is also a given name ("Julio", "Domingo") before another
    capitalised word of a name: "Julio Lozano Pirateque", not "Julio de 2015"."""
    return (
        len(words) >= 2
        and fold(words[0]) in given_names()
        and words[1][:1].isupper()
        and fold(words[1]) not in _NAME_PARTICLES
    )


def _origin_before_a_given_name(words: list[str]) -> bool:
    return (
        len(words) >= 3
        and fold(words[0]) not in given_names()
        and fold(words[1]) in given_names()
        and ORIGIN_FORM.fullmatch(words[0]) is not None
    )


def _trim(text: str, start: int, lex: EntityLexicon) -> tuple[str, int]:
    spans = list(re.finditer(r"\S+", text))
    titled = [i for i, w in enumerate(spans[:-2]) if fold(w.group()) in _TITLES]
    if titled:  # "U.S. District Judge Colleen Kollar-Kotelly", "Manhattan U.S. Attorney Preet Bharara"
        cut = spans[titled[-1] + 1].start()
        start, text = start + cut, text[cut:]
    words = text.split()
    while words and (
        (fold(words[0]) in lex.stopwords and not _given_name_before_a_name(words) and not _chinese_name(words[:2]))
        or fold(words[0]) in lex.demonyms
        or _origin_before_a_given_name(words)
        or fold(words[0]) in lex.roles
        or fold(words[0]) in _NAME_PARTICLES
        or fold(words[0]) in _TITLES
        # "Hijo de Najem Makled y Carmen García, Walid...": a kin word opening the sentence, not a name
        or (fold(words[0]) in lex.kinship and len(words) > 1 and fold(words[1]) in ("de", "del", "of"))
    ):
        cut = len(words[0])
        rest = text[cut:]
        start += cut + len(rest) - len(rest.lstrip())
        text = rest.lstrip()
        words = text.split()
    return text.rstrip(".,'’"), start


def _nationality(doc: Document, start: int, end: int, lex: EntityLexicon) -> str | None:
    before = doc.text[max(0, start - 45) : start]
    for word in reversed(re.findall(r"[\wáéíóúñ\-]+", before)[-4:]):
        if fold(word) in lex.demonyms:
            return lex.demonyms[fold(word)]
    after = re.match(
        r"^[^.;]{0,40}?,\s*(?:a|an|un|una|el|la|de nacionalidad)\s+([\wáéíóúñ\-]+)", doc.text[end : end + 60]
    )
    if after and fold(after.group(1)) in lex.demonyms:
        return lex.demonyms[fold(after.group(1))]
    return None


def _role(doc: Document, start: int, end: int, lex: EntityLexicon) -> str | None:
    before = fold(doc.text[max(0, start - 60) : start])
    before = re.split(r"[.;!?]\s", before)[-1]  # the role word must be in the person's own sentence
    best, best_pos = None, -1
    for word, role in lex.roles.items():
        for m in re.finditer(rf"(?<![\w\-]){re.escape(word)}\b", before):  # not "five-member"
            if m.start() > best_pos:
                best, best_pos = role, m.start()
    if best:
        return best
    after = fold(doc.text[end : end + 50])
    m = re.match(
        r"^[^.;]{0,25}?,\s*(?:the|a|an|el|la|su|his|her)\s+(?:alleged\s+|presunto\s+|presunta\s+)?([\w\- ]+)", after
    )
    if m:
        for word, role in lex.roles.items():
            if re.match(rf"{re.escape(word)}\b", m.group(1)):
                return role
    return None


def _has_person_context(doc: Document, start: int, end: int, first: str, lex: EntityLexicon) -> bool:
    """Starts with a given name, or is introduced like a person (role, title, kin word, alias after)."""
    if fold(first) in given_names() or _chinese_name(doc.text[start:end].split()):
        return True
    if re.search(r"\b(?:los|las)\s+$", doc.text[max(0, start - 5) : start]):
        return False  # "un miembro de los Hells Angels": a plural article names a group, no person
    if re.fullmatch(r"\S+\s+[A-Z][a-z]+-[a-z]+", doc.text[start:end]):
        return True  # a romanised Chinese name, "Shih Chun-chi", "Lin Hsiu-po"
    if _SURNAME_END.search(doc.text[start:end]):
        return True  # ends in a surname form: "Sretko Kalinić", "Mariela Griselda Martínez"
    before = doc.text[max(0, start - 40) : start]
    words_before = re.findall(r"[\wáéíóúñ\-]+", fold(before))[-3:]
    if any(w in lex.roles or w in lex.demonyms or w in lex.kinship for w in words_before):
        return True
    office = re.search(r"\b([a-záéíóúñ]+)\s+$", before)  # lower case, right before: not "Special Economic Zone"
    if office and office.group(1) in OFFICIAL_TITLES:
        return True  # an office right before the name: "La alcaldesa Virginia Raggi", not "los fiscales, X"
    if _PERSON_VERB_AFTER.match(doc.text, end):
        return True  # "Kakuji Inagawa lo fundó", "Tse Chi Lop, nacido en China"
    after = re.match(r"\s*,\s*((?:[\wáéíóúñü\-]+\s+){0,3})", doc.text[end : end + 50])
    if after and any(w in lex.roles or w in lex.kinship for w in re.findall(r"[\wáéíóúñü\-]+", fold(after.group(1)))):
        return True  # "Masao Hori, quinto jefe de la Sumiyoshi-ikka", "X, hijo del antiguo..."
    return bool(_CONTEXT_BEFORE.search(before) and not before.rstrip().endswith(",")) or bool(
        _CONTEXT_AFTER.match(doc.text[end : end + 30])
    )


# a preposition of place right before a name, not "recayó en", "confiaba en", "delegó en" (a person);
# or a place noun
_LOCATIVE_BEFORE = re.compile(
    r"(?<!recayó )(?<!recaía )(?<!confiaba )(?<!confió )(?<!delegó )(?<!delegaba )(?<!pensaba )(?<!apoyó )"
    r"\b(?:en|in|desde|hacia|near)\s+$|"
    # a place noun right before a name: "el puerto de Lázaro Cárdenas", "el municipio Pedro Zaraza"
    r"\b(?i:puerto|port|municipio|municipality|ciudad|city|town|pueblo|barrio|penal|cárcel|prisión|"
    r"penitenciaría|pabellones|distrito|district|estado|state|provincia|province)\s+(?:(?:de|del|of)\s+)?$"
)


def _find_full_names(doc: Document, lex: EntityLexicon, taken: SpanSet):
    for sent in doc.sentences:
        for m in lex.name_re.finditer(doc.text, sent.start, sent.end):
            offset = m.start()
            for part in re.split(r"(\s+(?:and|y|e|or|o)\s+)", m.group(0)):
                text, start = _trim(part, offset, lex)
                offset += len(part)
                # "la organización de Nemesio Oseguera Cervantes": the group's owner is a person
                owner = bool(text) and _inside(start, taken) and _owner_in_group_name(doc, start, len(text), taken)
                if text and _inside(start, taken) and not owner:
                    # "el Cártel de Sinaloa de Joaquín Guzmán": the person after the group's name
                    end = max(taken.ends_holding(start))
                    rest = re.match(r"\s+(?:de|del|of)\s+", m.string[end:offset])
                    if not rest:
                        continue
                    text, start = _trim(m.string[end + rest.end() : offset], end + rest.end(), lex)
                if text and not _is_person_name(text, lex):
                    text = _before_affiliation(text, lex)  # "Richard Horsey of the Crisis Group"
                if not text or (_inside(start, taken) and not owner) or not _is_person_name(text, lex):
                    continue
                if not _has_person_context(doc, start, start + len(text), text.split()[0], lex):
                    continue
                if _LOCATIVE_BEFORE.search(doc.text, max(0, start - 20), start):
                    continue  # "en Lázaro Cárdenas, Arteaga y Tumbiscatío", "in Salvador de Bahía": a place
                yield sent.index, start, start + len(text), text


# a group named as someone's: "la organización de Nemesio Oseguera Cervantes", "the network of X"
_OWNED_GROUP_NOUN = re.compile(
    r"(?i)(?:(?:la|el|the)\s+)?(?:organizaci[oó]n|red|facci[oó]n|banda|clan|grupo|estructura|network|"
    r"organi[sz]ation|faction|gang|ring)\s+(?:de|del|of)\s+"
)


def _owner_in_group_name(doc: Document, start: int, length: int, taken: SpanSet) -> bool:
    """The name at ``start`` is the end of a group's name that is a group noun and "de"/"of" before
    it, and starts with a given name: the group is named after its owner, a person."""
    span = taken.holding(start)
    return (
        span is not None
        and span[1] == start + length
        and _OWNED_GROUP_NOUN.fullmatch(doc.text, span[0], start) is not None
        and fold(doc.text[start:].split()[0]) in given_names()
    )


_AFFILIATION = re.compile(r"(?P<name>.+?)\s+(?:of|de|del)\s+(?:the\s+|la\s+|el\s+|los\s+|las\s+)?(?P<body>.+)$")


def _before_affiliation(text: str, lex: EntityLexicon) -> str:
    """The person's name before "of the <body>" when the body is a group, an institution or is
    described by a nationality ("Josué Renaud of the Haitian human-rights group NEHRO")."""
    m = _AFFILIATION.match(text)
    if m and any(
        fold(t) in lex.heads or fold(t) in lex.institutions or fold(t) in lex.demonyms for t in tokens(m.group("body"))
    ):
        return m.group("name")
    return ""


def _name_and_alias_tokens(draft: _PersonDraft) -> set[str]:
    return set(draft.tokens) | {fold(t) for a in draft.aliases for t in tokens(a)}


def _alias_after(doc: Document, end: int) -> tuple[str, int, int, int] | None:
    """(alias, its start, its end, where the aliasing phrase ends) right after ``end``."""
    tail = doc.text[end : end + 60]
    for regex in (_QUOTED_ALIAS_AFTER, _ALIAS_AFTER, _QUOTE_AFTER):
        m = regex.match(tail)
        if m:
            return m.group("alias"), end + m.start("alias"), end + m.end("alias"), end + m.end()
    return None


def _aliases_after(doc: Document, end: int, most: int = 3) -> list[tuple[str, int, int, int]]:
    """A chain of aliases after a name: 'X, "Juancho León", conocido también como "Mister J"'."""
    out: list[tuple[str, int, int, int]] = []
    while len(out) < most and (alias := _alias_after(doc, out[-1][3] if out else end)):
        out.append(alias)
    return out


def _in_order(toks: list[str], name: list[str]) -> bool:
    """``toks`` are words of ``name`` in the same order: "Joaquín Guzmán" is "Joaquín Archivaldo
    Guzmán Loera", but "Ariel Máximo" (the son) is not "Máximo Ariel Cantero" (his father)."""
    it = iter(name)
    return all(t in it for t in toks)


def find_persons(doc: Document, groups: tuple[Group, ...]) -> tuple[Person, ...]:
    lex = entity_lexicon()
    taken = SpanSet((m.start, m.end) for g in groups for m in g.mentions)
    drafts: list[_PersonDraft] = _embedded_nicknames(doc, lex, taken)
    for sent_i, start, end, text in _find_full_names(doc, lex, taken):
        toks = [fold(t) for t in tokens(text) if fold(t) not in _NAME_PARTICLES]
        draft = next((d for d in drafts if _in_order(toks, d.tokens)), None)
        if draft is None:  # a later mention by an alias given earlier ('conocido como "Lobo Blanco"')
            draft = next((d for d in drafts if fold(text) in {fold(a) for a in d.aliases}), None)
        if draft is None and len(toks) >= 2:  # 'Antonios Sajih "Tony" Mokbel' ... 'Tony Mokbel'
            draft = next(
                (
                    d
                    for d in drafts
                    if toks[-1] in d.tokens
                    and set(toks) <= _name_and_alias_tokens(d)
                    and _in_order([t for t in toks if t in d.tokens], d.tokens)
                ),
                None,
            )
        if draft is None:
            draft = _PersonDraft(name=text, tokens=toks)
            drafts.append(draft)
        draft.mentions.append(Span(start, end, text, sent_i))
        draft.nationality = draft.nationality or _nationality(doc, start, end, lex)
        draft.role = draft.role or _role(doc, start, end, lex)
        for alias in _aliases_after(doc, end):
            if alias[0] not in draft.aliases:
                draft.aliases.append(alias[0])
                taken.append((alias[1], alias[2]))
                draft.mentions.append(Span(alias[1], alias[2], alias[0], sent_i))
    _add_alias_only(doc, drafts, taken)
    _add_initial_withheld(doc, drafts, taken)
    _add_coordinated_first_names(doc, drafts, taken)
    _add_kin_named(doc, drafts, lex, taken)
    _add_named_before_kin(doc, drafts, taken)
    _add_first_name_lists(doc, drafts, lex, taken)
    _add_kin_lists(doc, drafts, lex, taken)
    _add_lone_given_names(doc, drafts, lex, taken)
    _add_short_mentions(doc, drafts, lex, taken)
    drafts = _merge_trailing_aliases(doc, drafts)
    return tuple(
        Person(
            id=f"p{i + 1}",
            name=d.name,
            aliases=tuple(d.aliases),
            nationality=d.nationality,
            role=d.role,
            mentions=tuple(sorted(d.mentions, key=lambda s: s.start)),
        )
        for i, d in enumerate(drafts)
    )


_LEADING_ARTICLE = re.compile(r"^(?:el|la|the)\s+", re.IGNORECASE)


def _merge_trailing_aliases(doc: Document, drafts: list[_PersonDraft]) -> list[_PersonDraft]:
    """A person whose name is the alias written right after another person's name is that
    person's alias, not a person of its own: the alias rules run before the kin and first-name
    rules, so "su hijo Christopher, alias «Dudus»" or "Renato, known as Nato" first gave the
    alias a person of its own and the first name another."""
    starts = {m.start: d for d in drafts for m in d.mentions[:1]}
    merged: set[int] = set()
    for d in drafts:
        if id(d) in merged or d.aliases == [d.name]:
            continue
        for m in list(d.mentions):
            alias = _alias_after(doc, m.end)
            if alias is None:
                continue
            # the other person may have been found without the alias's article ("Señor de los
            # Cielos" inside 'known as "El Señor de los Cielos"')
            other = next((starts[i] for i in range(alias[1], alias[2]) if i in starts), None)
            if (
                other is None
                or other is d
                or id(other) in merged
                or _LEADING_ARTICLE.sub("", other.name) != _LEADING_ARTICLE.sub("", alias[0])
            ):
                continue
            d.aliases.append(other.name)
            d.mentions.extend(other.mentions)
            merged.add(id(other))
    return [d for d in drafts if id(d) not in merged]


def _sentence_index(doc: Document, pos: int) -> int:
    return next((s.index for s in doc.sentences if s.start <= pos < s.end + 1), 0)


def _embedded_nicknames(doc: Document, lex: EntityLexicon, taken: SpanSet) -> list[_PersonDraft]:
    """Héctor "Niño" Guerrero: a person named Héctor Guerrero with the alias Niño."""
    drafts = []
    for m in _EMBEDDED_NICK.finditer(doc.text):
        # 'Juan Antonio "Tony" Hernández': the given names before the nickname, from the first one
        # the lexicon knows ("Ayer Juan 'X' Pérez" starts at Juan)
        firsts = m.group("first").split()
        while firsts and fold(firsts[0]) not in given_names():
            firsts.pop(0)
        if not firsts and fold(m.group("first").split()[-1]) not in lex.stopwords:
            # 'Rolan "Kerwin" Espinosa': a name the lexicon does not know, shaped as a person's by
            # the quoted nickname between it and the surname
            firsts = m.group("first").split()[-1:]
        start = m.end("first") - len(" ".join(firsts))
        if not firsts or _inside(start, taken):
            continue
        # the surname stops at a line's or a sentence's end ('Rolan "Kerwin" Espinosa Jr. According')
        cut = re.search(r"\n|(?<=\b(?:Jr|Sr)\.)\s", m.group("last"))
        end = m.start("last") + cut.start() if cut else m.end()
        end = min(end, doc.sentences[_sentence_index(doc, m.start("last"))].end)
        name = f"{' '.join(firsts)} {doc.text[m.start('last') : end]}"
        if not _is_person_name(name, lex):
            continue
        sent = _sentence_index(doc, start)
        d = _PersonDraft(name=name, tokens=[fold(t) for t in tokens(name) if fold(t) not in _NAME_PARTICLES])
        d.aliases.append(m.group("nick"))
        d.mentions.append(Span(start, end, doc.text[start:end], sent))
        d.nationality = _nationality(doc, start, end, lex)
        d.role = _role(doc, start, end, lex)
        drafts.append(d)
        taken.append((start, end))
    return drafts


_WORD_BEFORE_ALIAS = re.compile(r"(?<![\w\-])(?P<word>[A-ZÁÉÍÓÚÑ][\w\-]+)\s*,\s*$")


def _add_alias_only(doc: Document, drafts: list[_PersonDraft], taken: SpanSet) -> None:
    """'alias Mario' with no name before it is a person known only by the alias; after one word
    of a name already found ('Walid, apodado "El Turco"') it is that person's alias."""
    known = {fold(a) for d in drafts for a in d.aliases}
    for m in _ALIAS_ONLY.finditer(doc.text):
        alias = m.group("alias")
        if _inside(m.start("alias"), taken) or fold(alias) in known:
            continue
        sent = _sentence_index(doc, m.start())
        # "Walid, apodado «El Turco»": a person named before by one of the words of his name
        word = _WORD_BEFORE_ALIAS.search(doc.text, max(0, m.start() - 30), m.start())
        owners = [d for d in drafts if word and fold(word.group("word")) in d.tokens]
        if len(owners) == 1:
            owners[0].aliases.append(alias)
            owners[0].mentions.append(Span(m.start("alias"), m.end("alias"), alias, sent))
            known.add(fold(alias))
            taken.append((m.start("alias"), m.end("alias")))
            continue
        d = _PersonDraft(name=alias, tokens=[fold(alias)])
        d.aliases.append(alias)
        d.mentions.append(Span(m.start("alias"), m.end("alias"), alias, sent))
        drafts.append(d)
        known.add(fold(alias))
        taken.append((m.start("alias"), m.end("alias")))


_INITIAL_WITHHELD = re.compile(
    r"(?P<name>[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+(?:\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+)?)\s+[\"“«](?P<initial>[A-Z])[\"”»]"
)


def _add_initial_withheld(doc: Document, drafts: list[_PersonDraft], taken) -> None:
    """Mexican prosecutors withhold surnames: 'Rosalba "N"', 'José Luis "G"' are persons."""
    for m in _INITIAL_WITHHELD.finditer(doc.text):
        first = m.group("name").split()[0]
        named = [(s.start, s.end) for d in drafts for s in d.mentions]
        if fold(first) not in given_names() or _inside(m.start(), taken) or _inside(m.start(), named):
            continue
        text = m.group(0)
        d = _PersonDraft(name=text, tokens=[fold(t) for t in tokens(m.group("name"))] + [m.group("initial").lower()])
        d.mentions.append(Span(m.start(), m.end(), text, _sentence_index(doc, m.start())))
        drafts.append(d)
        taken.append((m.start(), m.end()))


_GIVEN = r"[A-ZÁÉÍÓÚÑ][a-záéíóúñüçšžćčđ]+(?:\s+(?:Jr\.|Sr\.|hijo))?"


@lru_cache(maxsize=1)
def _kin_named_re() -> re.Pattern[str]:
    words = sorted(entity_lexicon().kinship, key=len, reverse=True)
    kin = "|".join(re.escape(w) for w in words)
    return re.compile(
        rf"\b(?:{kin})\s*(?:,|:)?\s+(?P<names>{_GIVEN}(?:\s*(?:,|\by\b|\band\b|\be\b)\s*{_GIVEN})*)(?![\w\-])",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _named_before_kin_re() -> re.Pattern[str]:
    """ "Rosa, hermana de Tato", "Toufik, father of Salim": a given name in apposition to a kin word."""
    words = sorted(entity_lexicon().kinship, key=len, reverse=True)
    kin = "|".join(re.escape(w) for w in words)
    return re.compile(
        rf"(?<![\w\-])(?P<name>{_NAME_WORD})(?:,|\s+(?:is|was|es|era|fue))\s+(?:(?:la|el|su|the|his|her|their|a|an|una|un)\s+)?"
        rf"(?:(?:younger|older|elder|eldest|youngest|menor|mayor)\s+)?(?:{kin})\b"
    )


def _known_forms(drafts: list[_PersonDraft]) -> tuple[set[str], list[tuple[int, int]]]:
    """The folded name words and aliases of the persons found so far, and their mention spans."""
    known = {t for d in drafts for t in d.tokens} | {fold(a) for d in drafts for a in d.aliases}
    return known, [(s.start, s.end) for d in drafts for s in d.mentions]


def _add_draft(drafts: list[_PersonDraft], spans: list[tuple[int, int]], name: str, toks: list[str], at: Span) -> None:
    """A new person known from one mention."""
    d = _PersonDraft(name=name, tokens=toks)
    d.mentions.append(at)
    drafts.append(d)
    spans.append((at.start, at.end))


def _add_named_before_kin(doc: Document, drafts: list[_PersonDraft], taken) -> None:
    known, spans = _known_forms(drafts)
    for m in _named_before_kin_re().finditer(doc.text):
        word, start, end = m.group("name"), m.start("name"), m.end("name")
        w = fold(word)
        if w not in given_names() or w in known or _inside(start, spans) or _inside(start, taken):
            continue
        if _ends_a_longer_name(doc, start):
            continue
        _add_draft(drafts, spans, word, [w], Span(start, end, word, _sentence_index(doc, start)))
        known.add(w)


_FIRST_BEFORE_AND = re.compile(rf"(?<![\w\-])(?P<first>{_NAME_WORD})\s+(?:y|e|and)\s+$")
_FIRST_BEFORE_COMMA = re.compile(rf"(?<![\w\-])(?P<first>{_NAME_WORD}),\s+$")


def _add_coordinated_first_names(doc: Document, drafts: list[_PersonDraft], taken) -> None:
    """ "Alan y Jonathan Funes", "Javier and Devis Rivera Maradiaga": the first name before the
    conjunction shares the full name's surnames."""
    spans = [(s.start, s.end) for d in drafts for s in d.mentions]

    def free_given_name(found: re.Match | None) -> bool:
        """A given name the lexicon knows, in no name found before."""
        return (
            found is not None
            and fold(found.group("first")) in given_names()
            and not _inside(found.start("first"), spans)
            and not _inside(found.start("first"), taken)
        )

    for d in list(drafts):
        words = d.name.split()
        if len(words) < 2 or fold(words[0]) not in given_names():
            continue
        for m in list(d.mentions):
            if m.text != d.name:
                continue
            before = _FIRST_BEFORE_AND.search(doc.text, max(0, m.start - 40), m.start)
            if not free_given_name(before):
                continue
            if _ends_a_longer_name(doc, before.start("first")):
                continue  # "Segundo Manuel y Fortunato Wilmer": the first conjunct is a name of its own
            # "Arturo, Carlos, Alfredo and Héctor Beltrán Leyva": the given names listed before share it too
            listed = [before]
            while free_given_name(
                more := _FIRST_BEFORE_COMMA.search(
                    doc.text, max(0, listed[-1].start("first") - 30), listed[-1].start("first")
                )
            ):
                listed.append(more)
            if len(listed) > 1 and _ends_a_longer_name(doc, listed[-1].start("first")):
                listed = listed[:1]
            for given in listed:
                word = given.group("first")
                name = " ".join([word, *words[1:]])
                toks = [fold(t) for t in tokens(name) if fold(t) not in _NAME_PARTICLES]
                if any(set(toks) == set(o.tokens) for o in drafts):
                    continue
                _add_draft(drafts, spans, name, toks, Span(given.start("first"), given.end("first"), word, m.sentence))


_LIST_ITEM = rf"{_NAME_WORD}(?:\s+{_NAME_WORD})?"
_FIRST_NAME_LIST = re.compile(
    rf"(?<![\w\-])(?P<list>{_LIST_ITEM}(?:,\s+{_LIST_ITEM})*(?:,?\s+(?:y|e|and)\s+{_LIST_ITEM}|,?\s+(?:y|e|and),))"
    rf"(?![\w\-]|\s+[A-ZÁÉÍÓÚÑ])"
)
_KIN_BEFORE_LIST = re.compile(
    r"\b(?:hermanos|hermanas|hijos|hijas|primos|brothers|sisters|sons|daughters|siblings|cousins)\b[^.;:]{0,25}$",
    re.IGNORECASE,
)


def _add_first_name_lists(doc: Document, drafts: list[_PersonDraft], lex: EntityLexicon, taken) -> None:
    """People listed by first name alone: "la caída de Ulises, Elvis, José y Abigael", "sus
    hermanos menores, Arcángel y Fernando". Three or more names of which two are given names,
    or two after a kin word; a name already known is a mention of that person, not a new one."""
    known, spans = _known_forms(drafts)
    for m in _FIRST_NAME_LIST.finditer(doc.text):
        if _ends_a_longer_name(doc, m.start()):
            continue
        # items of one or two given names ("María Elena", "Luis Ángel"); the list may stop at a
        # conjunction that opens an aside ("Ulises, Elvis, José, Abigael y, en 2018, de ...")
        names = [
            (i.group(0), m.start("list") + i.start())
            for i in re.finditer(rf"{_LIST_ITEM}", m.group("list"))
            if i.group(0) not in ("y", "e", "and")
        ]
        words = [fold(w) for n, _ in names for w in n.split()]
        if any(f in lex.stopwords or f in lex.demonyms or f in lex.places or f in lex.heads for f in words):
            continue
        if any(len(n.split()) == 2 and not all(fold(w) in given_names() for w in n.split()) for n, _ in names):
            continue  # "Juan Pérez": a surname, left to the full-name pass
        given = sum(all(fold(w) in given_names() for w in n.split()) for n, _ in names)
        kin_before = _KIN_BEFORE_LIST.search(doc.text[max(0, m.start() - 40) : m.start()])
        if not (len(names) >= 3 and given >= 2 or len(names) >= 2 and given >= 1 and kin_before):
            continue
        for word, start in names:
            f = fold(word)
            if f in known or _inside(start, spans) or _inside(start, taken):
                continue
            toks = [fold(w) for w in word.split()]
            _add_draft(drafts, spans, word, toks, Span(start, start + len(word), word, _sentence_index(doc, start)))
            known.add(f)


_KIN_LIST_ITEM = rf"{_NAME_WORD}(?:\s+(?:(?:de|del|de la)\s+)?{_NAME_WORD}){{0,3}}"
_KIN_LIST = re.compile(
    r"\b(?i:los|las|sus|the|his|her|their|cuyos|cuyas|whose)\s+(?:[a-záéíóúñ]+\s+)?"
    r"(?i:hermanos|hermanas|hijos|hijas|primos|brothers|sisters|sons|daughters|siblings|cousins)"
    r"(?:\s+(?:menores|mayores|sobrevivientes|younger|older|elder|surviving))?\s*,?\s+(?:(?:were|are|eran|son)\s+)?"
    rf"(?P<list>{_KIN_LIST_ITEM}(?:\s*,\s*{_KIN_LIST_ITEM})*,?\s+(?:y|e|and)\s+{_KIN_LIST_ITEM})"
)


def _add_kin_lists(doc: Document, drafts: list[_PersonDraft], lex: EntityLexicon, taken) -> None:
    """Persons listed after a plural kin word: "los hermanos Santos Orlando, Amanda Francisca,
    Segundo Manuel, Fortunato Wilmer y Blanca Azucena Sánchez Paredes", "los hermanos Abdalá,
    Alex y Dasel Makled". Every item is a person, whether or not its first word is a known
    given name; a list naming a place, group or institution is left alone."""
    known, spans = _known_forms(drafts)
    for m in _KIN_LIST.finditer(doc.text):
        items = [
            (i.group(0), m.start("list") + i.start())
            for i in re.finditer(_KIN_LIST_ITEM, m.group("list"))
            if i.group(0) not in ("y", "e", "and")
        ]
        words = [fold(w) for n, _ in items for w in n.split()]
        if any(
            f in lex.stopwords or f in lex.demonyms or f in lex.places or f in lex.heads or f in lex.institutions
            for f in words
        ):
            continue
        for name, start in items:
            end = start + len(name)
            toks = [fold(t) for t in tokens(name) if fold(t) not in _NAME_PARTICLES]
            if _inside(start, spans) or _inside(start, taken) or _inside(end - 1, spans):
                continue
            if any(_in_order(toks, d.tokens) for d in drafts) or fold(name) in known:
                continue
            _add_draft(drafts, spans, name, toks, Span(start, end, name, _sentence_index(doc, start)))


_LONE_GIVEN = re.compile(rf"(?<![\w\-])(?P<name>{_NAME_WORD})(?![\w\-])(?!\s+[A-ZÁÉÍÓÚÑ])")
_LONE_AFTER = re.compile(
    r"\s+(?:cayó|administraba|dirigía|dirigió|mandaba|heredó|asumió|tomó|ran|led|took over|inherited|headed)\b"
    r"|,\s+(?:el|la)\s+más\b|\s+(?:y|e|and)\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+\s+(?:fueron|were)\s",
    re.IGNORECASE,
)
_SPEECH = re.compile(r"\s*,?\s+(?:said|says|told|testified|dijo|declaró|afirmó|explicó|contó|relató)\b", re.IGNORECASE)


def _add_lone_given_names(doc: Document, drafts: list[_PersonDraft], lex: EntityLexicon, taken) -> None:
    """A given name standing alone where only a person fits: "Alfredo fue detenido en 2008",
    "Ramón, el más violento", "Tommy, who looked after the money". Siblings in family reporting
    are often named this way once the surname has been given."""
    known, spans = _known_forms(drafts)
    for m in _LONE_GIVEN.finditer(doc.text):
        word, start, end = m.group("name"), m.start("name"), m.end("name")
        w = fold(word)
        if w not in given_names() or w in known or _inside(start, spans) or _inside(start, taken):
            continue
        if (
            w in lex.stopwords
            or w in lex.places
            or w in lex.demonyms
            or w in lex.roles
            or w in lex.heads
            or w in lex.institutions
            or lex.is_place_or_demonym(word)
            or _ends_a_longer_name(doc, start)
        ):
            continue
        if start > 0 and doc.text[start - 1] in "\"“«'‘":
            continue  # a nickname in quotes, handled with the name around it
        verb = _PERSON_VERB_AFTER.match(doc.text, end)
        if verb and _SPEECH.match(doc.text, end):
            verb = None  # "Senad said": agencies speak too
        if not (verb or _CONTEXT_AFTER.match(doc.text[end : end + 30]) or _LONE_AFTER.match(doc.text, end)):
            continue
        _add_draft(drafts, spans, word, [w], Span(start, end, word, _sentence_index(doc, start)))
        known.add(w)


def _add_kin_named(doc: Document, drafts: list[_PersonDraft], lex: EntityLexicon, taken) -> None:
    """Persons named by a single given name right after a kin word: "his son Vito", "sus hijos
    Waldemar y Eliu", "their uncle Nelson"."""
    known, spans = _known_forms(drafts)
    for m in _kin_named_re().finditer(doc.text):
        if not m.group("names")[0].isupper():
            continue
        for item in re.finditer(_GIVEN, m.group("names")):
            start, end = m.start("names") + item.start(), m.start("names") + item.end()
            word = item.group(0).split()[0]
            nxt = doc.text[end : end + 30]
            if re.match(r"\s+[A-ZÁÉÍÓÚÑ]", nxt) or _inside(start, spans) or _inside(start, taken):
                continue  # part of a longer name, found (or rejected) by the full-name pass
            w = fold(word)
            if (
                w in known
                or w in lex.stopwords
                or w in lex.places
                or w in lex.demonyms
                or w in lex.roles
                or w in lex.heads
                or w in lex.institutions
                or lex.is_place_or_demonym(word)
            ):
                continue
            text = item.group(0)
            toks = [fold(t) for t in tokens(text)]
            _add_draft(drafts, spans, text, toks, Span(start, end, text, _sentence_index(doc, start)))
            known.add(w)


def _add_short_mentions(doc, drafts: list[_PersonDraft], lex, taken) -> None:
    """Surnames and aliases used alone ("MacDowell", "Caracol") are mentions too."""
    forms: dict[str, _PersonDraft] = {}
    firsts: dict[str, list[_PersonDraft]] = {}
    for d in drafts:
        for alias in d.aliases:
            forms.setdefault(alias, d)
            bare = _LEADING_ARTICLE.sub("", alias)  # "Tigre" after 'alias "el Tigre"'
            if bare != alias and len(bare) >= 3 and bare[0].isupper() and fold(bare) not in lex.stopwords:
                forms.setdefault(bare, d)
            words = bare.split()
            if (
                len(words) == 2
                and fold(words[1]) in d.tokens[1:]
                and len(words[0]) >= 4
                and words[0][0].isupper()
                and fold(words[0]) not in d.tokens
                and fold(words[0]) not in lex.stopwords
                and fold(words[0]) not in lex.places
            ):
                # 'Juan José León Ardón, "Juancho León"' ... "hermano de Juancho": the nickname's
                # first word with the surname left out
                forms.setdefault(words[0], d)
        words = [t for t in tokens(d.name) if fold(t) not in _NAME_PARTICLES]
        for w in words[1:] if len(words) > 1 else words:
            if len(w) >= 3 and fold(w) not in lex.places:
                forms.setdefault(w, d)
        if len(words) > 1 and fold(words[0]) in given_names():
            firsts.setdefault(words[0], []).append(d)
    # a first name used alone ("Carmelo's son", "Javier and Devis") when one person has it
    for first, owners in firsts.items():
        if len(owners) == 1 and len(first) >= 3 and first not in forms and fold(first) not in lex.places:
            forms[first] = owners[0]
    if not forms:
        return
    pattern = re.compile(
        r"(?<![\w\-])(" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?![\w\-])"
    )
    full_spans = [(s.start, s.end) for d in drafts for s in d.mentions]
    for sent in doc.sentences:
        for m in pattern.finditer(doc.text, sent.start, sent.end):
            if _inside(m.start(), full_spans) or _inside(m.start(), taken):
                continue
            d = forms[m.group(1)]
            d.mentions.append(Span(m.start(), m.end(), m.group(1), sent.index))
