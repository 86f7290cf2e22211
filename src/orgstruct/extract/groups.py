"""Named groups, their aliases, short forms and anaphora, in English and Spanish.

No group is known in advance: names are found by shape (a capitalised name
with a group head noun such as Cartel/Clan/Tren/Comando, a Spanish article
name such as "Los Zetas", a quoted name introduced with "the", a name followed
by a lowercase head such as "Kinahan cartel"), then merged through
parentheses, "also known as", acronyms, shared content words and short forms
("the Kings"), and finally anaphora ("the gang", "la organización") are
resolved to the most recently mentioned group.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from orgstruct.extract.lexicon import CAP, EntityLexicon, entity_lexicon, fold, given_names, tokens
from orgstruct.extract.spans import SpanSet
from orgstruct.resources import load_lexicon
from orgstruct.schema import Document, Group, Span

_MEDIA_CONTEXT = re.compile(
    r"(?:told|reported|according to|said|newspaper|daily|outlet|magazine|told the|"
    r"diario|periódico|según|informó|publicó|reportó|dijo a|revista)\s*$",
    re.IGNORECASE,
)
_ALIAS_CONTEXT = re.compile(
    r"(?:alias|a\.k\.a\.?|aka|apodad[oa]|conocid[oa] como|known as|nicknamed|\(a\))\s*[\"“‘']?$",
    re.IGNORECASE,
)
_NAME_SEQ = (
    r"(?P<name>" + CAP + r"(?:\s+(?:(?:de|del|la|las|los|of|the|da|do)\s+){0,2}" + CAP + r")*"
    r"(?:\s+(?:crime\s+|criminal\s+|drug\s+)?(?:syndicate|gang|group|family|cartel|clan|network|organi[sz]ation|"
    r"mafia|firm|crew|mob)\b)?)"
)
_AKA = re.compile(
    r"^[)\"”»’]?\s*[,—–]?\s*(?:(?:the|a|an|el|la|los|las|un|una)\s+(?:[a-záéíóúñ\-]+\s+){1,3}?)?(?:also known as|better known as|"
    r"known as|known (?:in|to|by|among) (?:[\w\-]+\s+){1,3}?as|a\.k\.a\.?|aka|also called|conocid[oa] como|"
    r"formerly(?: known as| called)?|originally (?:known as|called|named)|previously (?:known as|called)|"
    r"(?:antes|anteriormente|originalmente) (?:conocid[oa]s? como|llamad[oa]s?)|"
    r"conocid[oa]s? (?:en|por|entre) (?:[\w\-]+\s+){1,3}?como|también conocid[oa]s? como|también llamad[oa]s?|"
    r"(?<=,)\s*(?:or|o)(?:\s+(?:simply|just|simplemente|sencillamente))?)\s+(?:the\s+|los\s+|las\s+)?"
    r"[\"“«]?" + _NAME_SEQ
)
# a gloss of the name in another language: "Sam Gor is Cantonese for Brother Number Three", "the
# Sumiyoshi-rengo, literally the Sumiyoshi union", "la 'Ndrangheta, que en griego significa «Hombría»"
_LANGUAGES = (
    r"Cantonese|Mandarin|Chinese|Japanese|Italian|Spanish|Portuguese|Albanian|Russian|Creole|Haitian Creole|Arabic|"
    r"Turkish|Georgian|Serbian|Croatian|Bosnian|Dutch|French|German|Greek|Sicilian|Neapolitan|Calabrian|"
    r"cantonés|mandarín|chino|japonés|italiano|portugués|albanés|ruso|criollo|árabe|turco|georgiano|serbio|croata|"
    r"neerlandés|francés|alemán|griego|siciliano|napolitano|calabrés"
)
_GLOSS = re.compile(
    r"^[\"”»’]?\s*(?:,\s*(?:literally|literalmente)\s+|\s+(?:is|es)\s+(?:" + _LANGUAGES + r")\s+(?:for|para)\s+|"
    r",?\s+(?:que\s+)?(?:en\s+(?:"
    + _LANGUAGES
    + r")\s+)?(?:means|significa|quiere decir)\s+(?:in\s+(?:"
    + _LANGUAGES
    + r")\s+)?)"
    r"(?:the\s+|el\s+|la\s+|los\s+|las\s+)?[\"“«']?(?P<name>[^\W\d_][\w'’\-]*(?:\s+[\w'’\-]+){0,4}?)[\"”»']?(?=\s*[,.;:)]|\s*$)"
)
# a second name after the first: "also called the A-Team or the Clerkenwell crime syndicate"
_AKA_MORE = re.compile(
    r"[\"”»]?\s*(?:,?\s*(?:or|o)\s+(?:the\s+|los\s+|las\s+|la\s+|el\s+)?[\"“«]?|,\s*[\"“«])" + _NAME_SEQ
)
# a quoted name or translation in apposition: 'Brothers 4 Life, "Hermanos de por vida", es...'
_QUOTED_APPOSITION = re.compile(
    r"^\s*,\s*(?:(?:the|los|las|la|el)\s+)?[\"“«](?P<name>[^\"”»\d,.;:]{3,40}?)[\"”»]\s*[,.)]"
)
# the next of several quoted names after "conocida como": '«Calor-Calor», «Los Lagos» o «Calor-Calor 300»'
_QUOTED_NEXT = re.compile(r"^[\"”»’]\s*,\s*[\"“«](?P<name>[^\"”»,.;:]{3,40}?)[\"”»](?=\s*(?:[,.)]|(?:o|or)\s))")
# a quoted name given to a group just spoken of: "llegó a llamar a los Baybaşin simplemente «la
# Familia»", "referred to the brothers simply as 'The Family'"
_CALLED_QUOTED = re.compile(
    r"\b(?:called|calling|referred to|refer to|refers to|llamar|llaman|llamaban|llamó|llamaron|"
    r"apodaban|apodan|apodaron)\s+(?:[^.;:\"“«'‘]{0,40}?\s+)?(?:simply\s+|simplemente\s+|just\s+)?(?:as\s+|como\s+)?"
    r"[\"“«'‘](?P<name>[^\"”»'’,.;:]{3,40}?)[\"”»'’]"
)
# what a quoted naming must look like to be a name: 'called the deal "a disaster"' is not one
_CAPITALISED_NAME = re.compile(r"(?:(?:the|la|el|los|las)\s+)?[A-ZÁÉÍÓÚÑ]")
# a person's full name right before a naming construction: "Juan Pérez, al que llamaban"
_PERSON_BEFORE = re.compile(
    r"\b(?P<first>[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+)(?:\s+[A-ZÁÉÍÓÚÑ][\w'’\-]+)+\s*,?\s*(?:[a-z]+\s+){0,2}$"
)
# a translation in quotes: 'Viv Ansanm, "Living Together" in Haitian Creole'
_QUOTED_TRANSLATION = re.compile(
    r"^\s*,?\s*\(?[\"“](?P<name>[^\W\d_][\w'’\-]*(?:\s+[\w'’\-]+){0,4})[\"”]\s*(?:in|en)\s+(?:Haitian|Creole|English|"
    r"Spanish|Italian|Portuguese|Chinese|Japanese|Cantonese|Albanian|Russian|Dutch|criollo|inglés|español|italiano|portugués|"
    r"chino|japonés|albanés|ruso|neerlandés)\b"
)
# named in a relative clause or afterwards: "a las que las autoridades llaman Los Pachenca",
# "por eso se les conoció como Los Reyes del Aguacate", "which police dubbed the Kings"
_NAMED_LATER = re.compile(
    r"\b(?:(?:que|a (?:la|las|los|el|lo) que|which|whom|that)\s+(?:[^.,;:()]{0,50}?\s+)?(?:llaman|llamaban|llamarían|"
    r"llamaron|bautizaron|bautizó|conocen como|conocían como|denominan|call|called|calls|dubbed|nicknamed|"
    r"se hace llamar|se hacía llamar|se hacen llamar)|se (?:(?:les|le|los|las|la|lo) )?(?:conoce|conoció|conocía|conocen|"
    r"conocían|llama|llamó|llamaba|apodó) (?:también )?como|se (?:hace|hacía|hacían|hacen|hizo|hicieron) llamar|"
    r"(?:recast|rebranded|renamed|reinvented|restyled) (?:itself|themselves)(?: as)?|se rebautizó como|"
    r"(?:was|were) (?:renamed|rebranded)(?: as)?|changed (?:its|their) name to|"
    r"cambió (?:su|de) nombre (?:a|por)|(?:fue|fueron) rebautizad[oa]s?(?: como)?|"
    r"(?:began|started|started out) (?:life |in \d{4} )?as|(?:empezó|comenzó|empezaron|comenzaron) como|"
    r"(?i:(?:was|were) (?:founded|born|created|formed|set up)(?: in \d{4})? as|(?:nació|nacieron|surgió|surgieron)"
    r"(?: en \d{4})? como|(?:fue|fueron) (?:fundad[oa]s?|cread[oa]s?) como|(?:its|their) (?:first|original|former|old) "
    r"name,?|(?:su|sus) (?:primer|antiguo|original) nombre,?)|"
    r"pasó a llamarse|(?:con|bajo) el nombre de|under the name(?: of)?|"
    r"(?:came|come|comes) to be known as|became known as|(?:was|were|is|are) dubbed|"
    r"(?:was|were|is|are) nicknamed|(?:also )?(?:goes|go|went) by|"
    # namings whose object is a pronoun or nothing ("gave them a nickname", "call it", "la llaman")
    r"(?P<pronoun>(?:the |a )?nickname(?: (?:that|which) \w+:)?|el (?:apodo|sobrenombre)(?: de)?|"
    r"(?:call|calls|called|calling|dub|dubbed) (?:it|them)(?: simply)?|"
    r"(?:(?<=\bla )|(?<=\blo )|(?<=\blas )|(?<=\blos )|(?<=\bles ))(?:llaman|llamaban|llamaron|apodan|apodaban|apodaron)"
    r"(?: simplemente)?))"
    r"\s+(?:como\s+)?(?:the\s+|los\s+|las\s+|la\s+|el\s+)?[\"“]?" + _NAME_SEQ
)
_SPELLED_BEFORE = re.compile(
    r"\b(?P<acr>[A-Z]{2,6})\s+(?:stands for|standing for|significa|quiere decir|son las siglas de|es la sigla de)\s+$|"
    r"\b(?:siglas?|acronym|acrónimo|initials|iniciales)\b[^.;]{0,80}?:\s*(?P<acr2>[A-Z]{2,6})\s*,\s*$"
)
# a naming whose subject is a pronoun or dropped: "It was founded in 1958 as the Minato-kai", "Nació como..."
_PRONOUN_SUBJECT = re.compile(r"^\W*(?:(?:It|They|it|they)\s+)?(?:(?:later|also|first|originally|luego|después)\s+)?$")
# "se la conoció también como la banda de El Picure": a gang named after a person's nickname
_NAMED_AFTER_NICKNAME = re.compile(
    r"\b(?:conoce|conoció|conocía|conocen|conocían|known|llamaban|llaman|called)\s+(?:también\s+|also\s+)?(?:como|as)\s+"
    r"(?:la|el|the)\s+(?P<name>(?:banda|organización|red|pandilla|gang|band)\s+(?:de|of)\s+(?:El|La)\s+[A-ZÁÉÍÓÚÑ][\w\-]+)"
)
_RELATIVE_BEFORE = re.compile(r",?\s*\b(?:que|which|who|that)\s+$", re.IGNORECASE)
# naming constructions with no relative pronoun: their subject is the group spoken of before
_SUBJECTLESS_NAMING = re.compile(
    r"se\s|(?:recast|rebranded|renamed|reinvented|restyled|pasó|came|come|comes|became|was|were|is|are|its|their|"
    r"changed|began|started|cambió|empezó|comenzó|empezaron|comenzaron|"
    r"nació|nacieron|surgió|surgieron|fue|fueron|su|sus|"  # (case-insensitive)
    r"the nickname|a nickname|el apodo|el sobrenombre|call|calls|called|calling|dub|dubbed|also goes|goes|go|went|"
    r"llaman|llamaban|llamaron|apodan|apodaban|apodaron)\b",
    re.IGNORECASE,
)
_PAREN = re.compile(r"^[\"”’']?\s*\(\s*(?:or\s+|o\s+|also\s+)?[\"“]?(?P<name>[^()\"”]{2,60}?)[\"”]?\s*\)")
# a quoted name in parentheses, capitalised or not: 'los Bombacilar («los bombarderos»)'
_PAREN_QUOTED = re.compile(r"^[\"”’']?\s*\(\s*[\"“«](?P<name>[^()\"“”«»\d,.;:]{3,40}?)[\"”»]\s*\)")
_QUOTED = re.compile(r"\b(?:the|los|las|la)\s+[\"“]+(?:the\s+)?(?P<name>" + CAP + r"[^\"”]{0,60}?)[,.]?[\"”]")
_ARTICLES = {"los", "las", "la", "el", "the"}
# a state's forces named generically: never a group, nor a short form of "Fuerzas Armadas Revolucionarias..."
_STATE_FORCES = {"fuerzas armadas", "armed forces", "fuerzas militares", "fuerzas especiales", "special forces"}
# a United States military command: "US Southern Command", "el Comando Sur de Estados Unidos"
_MILITARY_COMMAND = re.compile(
    r"(?:(?:the|el)\s+)?(?:u\.?s\.?\s+)?(?:southern|northern|central)\s+command|(?:el\s+)?comando\s+(?:sur|norte)\b.*"
)
_NAME_TAIL = r"(?P<name>" + CAP + r"(?:\s+(?:de|del|la|los|of|the|da|do)?\s*" + CAP + r"){0,5})"
_CALLED = re.compile(
    r"\b(?:crew|gang|group|band|organi[sz]ation|network|clan|syndicate|faction|cartel|banda|grupo|business|"
    r"(?<!\ban )(?<!\bpolice )(?<!\bjoint )operation|"  # not "an operation called Black Tie 2"
    r"outfit|enterprise|organización|red|clan|facción|pandilla|cártel|estructura|negocio|alliance|coalition|"
    r"federation|alianza|coalición|federación|célula|cell|unit|squad|militia|unidad|escuadrón)\s+"
    r"(?:[a-záéíóú]+\s+){0,4}?"  # "an elite unit of hard men he called the Strike Force"
    r"(?:known as|called|named|dubbed|"
    r"conocid[oa] como|llamad[oa]|denominad[oa]|autodenominad[oa])\s+(?:the\s+|los\s+|las\s+|la\s+|el\s+)?[\"“«]?"
    + _NAME_TAIL
)
# a lower-case name after "so-called" / "el llamado": "el denominado cártel de los Balcanes", "la
# llamada «mafia nigeriana»", "the so-called super cartel" (a group noun first, then a place or
# a quoted adjective)
_SO_CALLED_LOWER = re.compile(
    r"\b(?:so-called|(?:el|la|los|las) (?:llamad|denominad|autodenominad)[oa]s?)\s+(?:the\s+)?[«\"“]?"
    r"(?P<name>(?:super\s?)?(?:cartel|cártel|supercártel|mafia|clan|banda|gang|network|syndicate)"
    r"(?:\s+(?:de|del|de los|de las|of the|of)\s+[A-ZÁÉÍÓÚÑ][\w\-]+|\s+[a-záéíóúñ]+(?=[»\"”]))?)(?![\w\-])"
)
_GROUP_NOUNS = (
    r"(?:operation|business|gang|group|organi[sz]ation|network|crew|outfit|enterprise|syndicate|faction|squad|"
    r"negocio|banda|grupo|organización|red|facción|pandilla|empresa)"
)
# "began calling their drug operation The Company"; "the drug business was known in Melbourne as
# "The Company"": a group named through a common noun that stands for it
_CALLING = re.compile(
    r"\b(?:call|calls|called|calling|dub|dubs|dubbed|dubbing|christened|llamaban|llamaron|llaman|bautizaron)\s+"
    r"(?:a\s+)?(?:their|its|his|her|the|su|sus|la|el|(?:[A-Z][\w\-]+\s+){1,3}?[A-Z][\w\-]+['’]s?)\s+(?:[a-z]+\s+){0,2}?"
    + _GROUP_NOUNS
    + r"\s+(?:the\s+)?[\"“«]?"
    + _NAME_TAIL
)
_KNOWN_AS = re.compile(
    r"\b"
    + _GROUP_NOUNS
    + r"(?:\s+(?:was|were|is|are|became|fue|era|es)|\s*,)\s+(?:(?:also|better|widely|también|mejor)\s+)?"
    r"(?:known|conocid[oa])\s+"
    r"(?:[^.;:()\"“]{0,40}?\s+)?(?:as|como)\s+(?:the\s+)?[\"“«]?" + _NAME_TAIL
)
# a name in apposition to a group noun: "its armed wing, the Tropa del Infierno", "a rival crew,
# the Strike Force" (a name with a given name or an institution word is left alone)
_GROUP_APPOSITION_BEFORE = re.compile(
    r"\b(?:armed wing|brazo armado|gang|crew|faction|cell|militia|squad|pandilla|banda|facción|célula|milicia|"
    r"escuadrón)\s*,\s*(?:the\s+|la\s+|el\s+|los\s+|las\s+)?$",
    re.IGNORECASE,
)
_FAMILY_CONTEXT = re.compile(r"\b(?:famil(?:y|ies)|clans?|gangs?|cartels?|crews?|syndicates?)\b", re.IGNORECASE)
_PLURAL_PAIR = re.compile(r"\bthe\s+(?P<a>[A-Z][a-z]+s)\s+and\s+(?:the\s+)?(?P<b>[A-Z][a-z]+s)\b")
# the nouns of a unit inside a group (lower or upper case: "a cell", "una Célula")
UNIT_NOUNS = (
    r"(?:cell|chapter|faction|armed wing|wing|branch|crew|unit|squad|group|gang|network|clique|splinter group|offshoot|"
    r"célula|facción|rama|brazo armado|brazo|ala|unidad|grupo|banda|red|estructura|escisión|clica|clika)"
)
# a unit of the group named next ("una célula del", "a faction of the"): a naming after that
# group names the unit, and a trigger's group there is the unit's parent
UNIT_OF_BEFORE = re.compile(
    r"\b(?:a|an|one|una?|the|la|el)\s+(?:\w+\s+)?" + UNIT_NOUNS + r"\s+(?:of|de|del|within)\s+"
    r"(?:the\s+|la\s+|el\s+|los\s+|las\s+)?$",
    re.IGNORECASE,
)
# a unit named right before a naming, as its subject: "the leadership faction became known as"
_UNIT_SUBJECT = re.compile(
    r"\b(?:the|a|an|this|that|la|una|esta|esa)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:cell|faction|wing|branch|splinter group|offshoot|célula|facción|escisión|rama)\s+$",
    re.IGNORECASE,
)
# a sentence opening with a subject that refers back to a group named before ("It moved cocaine
# ...", "They allied with ...", "The group fought ...", "La banda se alió con ..."), not a copula
# ("It is", "The group was": a description, often of the group the sentence names next)
ANAPHORIC_SUBJECT = re.compile(
    r"(?:It|They|The (?:group|gang|organi[sz]ation|cartel|network|clan|band|faction|syndicate|crew|militia)|"
    r"El grupo|La banda|La organización|El cártel|El cartel|La red|El clan|La pandilla|La facción)\s+"
    r"(?!is\b|was\b|were\b|are\b|es\b|fue\b|era\b)"
)

_PLACE_CONTEXT = re.compile(
    r"\b(?:en|in|at|desde|hacia|near|cerca de|barrios?|colonia|town of|city of|ciudad de|municipio de|pueblo de|vecinos de|"
    r"residents of|sector|finca|hacienda|rancho|village(?: of)?|district of|neighbou?rhood of|cárcel|prisión|penal|"
    r"prison|jail|base aérea|air base|aeropuerto|airport|operación|operation|operativo|club|municipality of|"
    r"province of|provincia de|state of|estado de|departamento de|department of)\s+$",
    re.IGNORECASE,
)
# "the La Granada district", "the La Saline massacre": a place named before what happened there
_PLACE_AFTER = re.compile(
    r"\s+(?:district|neighbou?rhood|area|sector|prison|jail|massacre|village|municipality|province|region|valley|"
    r"airport|base|estate|ranch|farm|slum|shantytown)\b",
    re.IGNORECASE,
)
_DOUBLE_SURNAME = re.compile(r"[A-ZÁÉÍÓÚ][a-záéíóúñ]+-[A-ZÁÉÍÓÚ][a-záéíóúñ]+")
_SINGLE_STRONG = {"ndrangheta", "'ndrangheta", "camorra"}
_SIBLING_HEADS = {"brothers", "hermanos", "sisters", "hermanas"}
_COUNT_WORDS = {"both", "ambos", "two", "dos", "three", "tres", "four", "cuatro", "the", "los", "las"}


def _only_given_names(text: str) -> bool:
    """Words that name persons by their first names or count them ("Both", "Francesco")."""
    words = [fold(t) for t in tokens(text)]
    return all(w in _COUNT_WORDS or w in given_names() for w in words)


# A quoted name in apposition to a person ('Servando Gómez, "La Tuta",') or after alias is a
# nickname; the same words elsewhere in the text are that person, not a group.
_NICKNAME = re.compile(
    r"(?:,\s*|\b(?:alias|apodad[oa]|known as|nicknamed)\s+)[\"“«‘'](?P<nick>(?:La|El|Los|Las|The)\s+[^\"”»’'\n]{2,30})[\"”»’']"
)

# a person's nickname between the given name and the surname: 'Patricia Celestina "La Cele" Contreras'
_NICK_BETWEEN_NAMES = re.compile(
    r"(?<![\w-])[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+\s+[\"“«](?P<nick>(?:La|El|Los|Las|The)\s+[^\"”»\n]{2,30})[\"”»]"
    r"\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]"
)


@dataclass
class _Candidate:
    start: int
    end: int
    text: str
    sentence: int
    kind: str  # full | article | quoted | plural | lowercase_head | paren | aka | acronym | spelled | family | listed
    links: list[int] = field(default_factory=list)  # indexes of candidates it names too


_SENTENCE_STARTS: dict[int, tuple[tuple, list[int]]] = {}  # id of a document's sentences -> (them, starts)


def _sentence_of(doc: Document, pos: int) -> int:
    """The first sentence with start <= pos < end + 1 (the position just after a sentence is
    still its own), else the last; by bisection over the sentences' starts."""
    sents = doc.sentences
    if not sents:
        return 0
    cached = _SENTENCE_STARTS.get(id(sents))
    if cached is None or cached[0] is not sents:
        if len(_SENTENCE_STARTS) > 64:
            _SENTENCE_STARTS.clear()
        cached = (sents, [s.start for s in sents])
        _SENTENCE_STARTS[id(sents)] = cached
    k = bisect_right(cached[1], pos) - 1
    for i in (k - 1, k):
        if 0 <= i < len(sents) and sents[i].start <= pos < sents[i].end + 1:
            return sents[i].index
    return sents[-1].index


_DESCRIPTOR = re.compile(r"[^\W\d_]+-(?:based|speaking|led|born|run|aligned|linked|backed|allied)\b")


def _cut_description(text: str, start: int) -> tuple[str, int]:
    """A name without a description before it ("Texas-based Bandidos" -> "Bandidos"), unless
    nothing would remain."""
    described = _DESCRIPTOR.match(text)
    rest = text[described.end() :].lstrip() if described else ""
    return (rest, start + len(text) - len(rest)) if rest else (text, start)


_PART_OF = re.compile(
    r"^(?P<part>[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+)\s+(?:of|de|del)\s+(?=(?:the|los|las|la|el)\s+[A-ZÁÉÍÓÚÑ'])",
)
_PART_OF_BARE = re.compile(r"^(?P<part>[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+)\s+(?:of|de|del)\s+(?=[A-ZÁÉÍÓÚÑ'])")
_PART_WORDS = {
    "members",
    "member",
    "leaders",
    "remnants",
    "elements",
    "cells",
    "factions",
    "parts",
    "part",
    "some",
    "many",
    "most",
    "several",
    "gunmen",
    "miembros",
    "integrantes",
    "líderes",
    "jefes",
    "restos",
    "remanentes",
    "células",
    "elementos",
    "parte",
    "varios",
    "algunos",
    "sicarios",
    "hombres",
    "men",
    "fighters",
    "allies",
    "rivals",
}


def _strip_leading(match_text: str, start: int, lex: EntityLexicon) -> tuple[str, int]:
    """Drop sentence-initial non-name words ("According", "However", "In") and a sentence-initial
    part of a group ("Members of the Sinaloa Cartel", "Jefes de Los Zetas")."""
    part = _PART_OF.match(match_text)
    if not (part and (fold(part.group("part")) in _PART_WORDS or fold(part.group("part")) in lex.roles)):
        part = _PART_OF_BARE.match(match_text)  # "Miembros de Calor Calor atacaron...": no article after it
        if part and fold(part.group("part")) not in _PART_WORDS:
            part = None
    if part:
        start += part.end()
        match_text = match_text[part.end() :]
    words = match_text.split()
    while (
        words
        and len(words) > 1
        and (
            fold(words[0]) in lex.stopwords
            and fold(words[0]) not in _ARTICLES
            or fold(words[0]) == "the"
            or words[0].endswith(("'s", "’s"))
        )
    ):
        start += len(words[0])
        rest = match_text[len(words[0]) :]
        start += len(rest) - len(rest.lstrip())
        match_text = rest.lstrip()
        words = match_text.split()
    match_text = re.sub(r"['’]s$", "", match_text)
    return match_text.rstrip(".'’ "), start


# a trial, an investigation or a police operation named by the word before it: "the Spartacus trial"
_PROCEEDING_AFTER = re.compile(
    r"\s+(?:trial|maxi-trial|case|investigation|inquiry|probe|indictment|proceedings|hearings?|verdict|"
    r"operation|sting|raids?)\b",
    re.IGNORECASE,
)


def _is_excluded(text: str, start: int, doc: Document, lex: EntityLexicon, allow_place: bool = False) -> bool:
    f = fold(text)
    if f in lex.media or re.sub(r"^(?:the|la|el|los|las|le|il|o|a)\s+", "", f) in lex.media:
        return True  # a newspaper, with or without its article ("La Reforma", "the Guardian")
    if " ".join(t for t in f.split() if t not in _ARTICLES) in _STATE_FORCES or _MILITARY_COMMAND.fullmatch(f):
        return True
    before = doc.text[max(0, start - 40) : start]
    if _MEDIA_CONTEXT.search(before) and not any(fold(t) in lex.heads for t in tokens(text)):
        return True
    if _ALIAS_CONTEXT.search(before) and not re.fullmatch(r"(?:Los|Las)\s+(?:\S+\s+)*\S+s", text):
        return True  # a nickname; but "known as Los Chapitos": a plural name is a group's
    if re.fullmatch(r"(?:[Ll]os|[Ll]as|[Tt]he)\s+\d+", text):
        return True  # "los 24 acusados": a count of people
    if re.fullmatch(r"[^\W\d_]+-[^\W\d_]+", text) and all(lex.is_place_or_demonym(p) for p in text.split("-")):
        return True  # "the Paraná-Paraguay waterway", "the Sonora-Chihuahua line"
    if re.match(r"\s+(?:[Cc]lub|d['’]Esquadra|de\s+Esquadra)\b", doc.text[start + len(text) : start + len(text) + 14]):
        return True  # "the Ravenite Club", "los Mossos d'Esquadra"
    if re.search(r"\b[Cc]lub$", text) and not re.search(r"\b(?:[Mm]otorcycle|[Mm]otociclista)", text):
        return True  # a social club, not a motorcycle club
    return not allow_place and lex.is_place_or_demonym(text)


# a name that only a group can fill: "líder de Calor Calor", "members of Viv Ansanm"
_GROUP_ROLE_BEFORE = re.compile(
    r"\b(?:leaders?|founders?|co-founders?|members?|bosses|boss|kingpins?|ringleaders?|hitmen|gunmen|"
    r"líder|líderes|fundador|fundadores|cabecillas?|miembros?|integrantes?|sicarios|capos?|jefes?|"
    r"brazo armado|armed wing|remnants|factions?|cells?|offshoots?|splinters?|dissidents|commanders?|"
    r"remanentes|restos|facci[oó]n|facciones|c[eé]lulas?|disidentes|escisi[oó]n|comandantes?|leftovers)\s+"
    r"(?:de la|de los|del|de|of the|of)\s+(?:[A-Z]\w+['’]s\s+)?$",  # "leaders of Peru's Shining Path"
    re.IGNORECASE,
)
# ... or before one: "Black Axe members", "a former Norte del Valle trafficker", "the Brise de Mer's first circle"
_GROUP_ROLE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:top|senior|jailed|imprisoned|alleged|former)\s+)?(?:members|leaders?|bosses|"
    r"boss|kingpins?|ringleaders?|hitmen|gunmen|enforcers|traffickers?|operatives|first circle|bikers?)\b"
)


def _role_context(text: str, lex: EntityLexicon) -> str | None:
    """A capitalised name after a role that only a group has ("líder de Calor Calor"): a group
    unless it is a place, an institution, a known stopword or has a given name in it."""
    toks = tokens(text)
    folded = [fold(t) for t in toks]
    if len(toks) < 2 or folded[0] in lex.stopwords or lex.is_place_or_demonym(text):
        return None
    if any(t in lex.institutions for t in folded) or any(t in given_names() for t in folded):
        return None
    return "role"


_SUFFIX_HEAD = re.compile(r"^[A-Z][a-z]+-(?:gumi|kai|ikka|rengo)$")


def _classify(text: str, lex: EntityLexicon) -> str | None:
    toks = tokens(text)
    if not toks:
        return None
    folded = [fold(t) for t in toks]
    if folded[0] in lex.stopwords and folded[0] not in _ARTICLES and folded[0] not in lex.heads:
        return None
    if any(t in lex.institutions for t in folded) and not any(t in lex.strong_heads for t in folded):
        return None
    if _SUFFIX_HEAD.search(toks[-1]):
        return "full"  # Japanese syndicates: "Ikeda-gumi", "Kodo-kai", "Sumiyoshi-ikka"
    heads = [t for t in folded if t in lex.heads]
    others = [t for t in folded if t not in lex.heads and t not in lex.connectors]
    if heads and set(heads) <= _SIBLING_HEADS and _only_given_names(" ".join(others)):
        return None  # "Both Brothers", "Hermanos Celso": persons, not a family name
    if heads:
        if any(h in lex.strong_heads for h in heads):
            # "'Ndrangheta", "Camorra" name a group alone, also after a sentence-initial article ("La Camorra")
            alone = folded[1] if folded[0] in _ARTICLES and len(folded) == 2 else folded[0]
            return "full" if others or len(heads) > 1 or alone in _SINGLE_STRONG else None
        if others and not all(lex.is_place_or_demonym(o) for o in others):
            return "full"
        return None
    if folded[0] in {"los", "las", "la"} and len(toks) >= 2:
        rest = toks[1:]
        if all(t in lex.institutions for t in folded[1:]) or (
            len(rest) == 1 and rest[0].isupper() and (fold(rest[0]) in lex.stopwords or rest[0] in lex.acronym_stop)
        ):
            return None  # "La DEA", "las Fuerzas Armadas": an institution after the article
        return "article"
    return None


def _is_acronym(text: str, lex: EntityLexicon, dateline: bool = False) -> bool:
    """A standalone acronym such as ELN, FARC, MS-13 or 400 Mawozo; institutions and
    capitalised datelines ("THE HAGUE —") are excluded."""
    if dateline or fold(text) in lex.stopwords:
        return False
    m = re.fullmatch(r"\d{2,4}\s+([A-Z][a-z]+)", text)
    if m:
        word = fold(m.group(1))
        singular = re.sub(r"(?<=[a-z])s$", "", word)  # "16 Americans": a count of people
        return not any(w in lex.stopwords or w in lex.demonyms for w in (word, singular)) and not (
            lex.is_place_or_demonym(word) or lex.is_place_or_demonym(singular)
        )
    if text.isalpha() and len(text) >= 6:
        return False  # a shouted word of a dateline or headline ("RIO DE JANEIRO", "WENZHOU"), not an acronym
    if re.fullmatch(r"[A-Z]-?\d{2,4}", text):
        return False  # a call sign ("Z-40", "X-20", "Z200"); the M-19 guerrilla is a known group
    return (
        bool(re.fullmatch(r"[A-Z][A-Z0-9\-]{1,7}", text))
        and text not in lex.acronym_stop
        and any(c.isalpha() for c in text)
        and not lex.is_place_or_demonym(text)
    )


_POSSESSOR = re.compile(r"^(?P<group>.+?\s(?:de|del|of)\s+\S+)\s+(?:de|of)\s+(?P<first>\S+)(?:\s+[A-ZÁÉÍÓÚÑ]\S*){0,3}$")


# a unit named by a unit noun and a surname inside a group named after it: "el clan Contini de la
# Camorra", "la familia Gambino de la Cosa Nostra" (the unit's name stops before the parent)
_UNIT_NOUN_BEFORE = re.compile(
    r"\b(?:clan|family|famiglia|familia|cosca|'ndrina|cell|célula|faction|facción)\s+$", re.IGNORECASE
)
_PARENT_AFTER = re.compile(r"\s+(?:de la|de las|de los|del|of the|of)\s+(?P<parent>.+)$")


def _parent_in_name(text: str, start: int, doc: Document, lex: EntityLexicon) -> re.Match | None:
    """'clan Contini de la Camorra': the connector and parent ("de la Camorra") when what follows
    the connector is a group's name by itself and a unit noun comes before the name; the unit's
    name is what precedes the match."""
    if not _UNIT_NOUN_BEFORE.search(doc.text, max(0, start - 15), start):
        return None
    m = _PARENT_AFTER.search(text)
    if m and (_known_groups_re().fullmatch(m.group("parent")) or _classify(m.group("parent"), lex) == "full"):
        return m
    return None


def _cut_possessor(text: str, lex: EntityLexicon) -> str:
    """'Cártel de Sinaloa de Joaquín "El Chapo" Guzmán': the group's name stops before the
    given name of the person it is attributed to."""
    m = _POSSESSOR.match(text)
    if m and fold(m.group("first")) in given_names() and _classify(m.group("group"), lex) == "full":
        return m.group("group")
    return text


# an acronym that names a bank, a broadcaster or a weapon by what follows it ("the UBS bank",
# "a CBC timeline", "M60 machine guns"); groups' acronyms often modify nouns too ("FARC dissidents")
_MODIFIER_OF_NOUN = re.compile(
    r"\s+(?:bank|banks|timeline|documentary|broadcast|broadcaster|newspaper|programme|program|website|"
    r"machine|guns?|rifles?|banco|documental|cadena|fusiles?|ametralladoras?)\b"
)
_NOUN_BEFORE = re.compile(r"\b(?:tarjetas?|cards?|model|modelo|rifles?|fusiles?)\s+$", re.IGNORECASE)
# "Junior Roldán, "JR"": letters in quotes right after a name are the person's nickname
_NICK_IN_QUOTES = re.compile(r"[a-záéíóúñ],\s*[\"“]$")


def _name_candidates(doc: Document, lex: EntityLexicon) -> list[_Candidate]:
    found: list[_Candidate] = []
    nicknames = {fold(m.group("nick")) for r in (_NICKNAME, _NICK_BETWEEN_NAMES) for m in r.finditer(doc.text)}
    for sent in doc.sentences:
        for m in lex.name_re.finditer(doc.text, sent.start, sent.end):
            text, start = _strip_leading(m.group(0), m.start(), lex)
            text = _cut_possessor(text, lex)
            parent = _parent_in_name(text, start, doc, lex)
            if parent is not None:  # "el clan Contini de la Camorra": the clan, and the Camorra on its own
                found.append(
                    _Candidate(
                        start + parent.start("parent"), start + len(text), parent.group("parent"), sent.index, "full"
                    )
                )
                text = text[: parent.start()]
            if not text:
                continue
            kind = _classify(text, lex)
            before = doc.text[max(sent.start, start - 5) : start]
            if kind is None and re.search(r"\bthe\s+$", before) and text.endswith("s"):
                # "the Rodríguez Orejuelas"; not "the Taipei Times" or "the Northern District of Illinois"
                if len(tokens(text)) >= 2 and not any(fold(t) in lex.institutions for t in tokens(text)):
                    kind = "plural"
            if kind is None and re.search(r"\b(?:the|los)\s+$", before) and _DOUBLE_SURNAME.fullmatch(text):
                kind = "plural"  # "the Nirta-Strangio", "los Amato-Pagano": a family named by two surnames
            if kind == "article" and (
                _PLACE_CONTEXT.search(doc.text[max(sent.start, start - 20) : start])
                or _PLACE_AFTER.match(doc.text, start + len(text))
            ):
                kind = None
            para_start = doc.text.rfind("\n", 0, start) + 1
            after = doc.text[start + len(text) : start + len(text) + 4]
            dateline = not doc.text[para_start:start].strip(" \"'“(") and re.match(r"\s*[,:—–-]|\s+[A-Z]{2}", after)
            if kind is None and _is_acronym(text, lex, bool(dateline)) and not _NICK_IN_QUOTES.search(before):
                kind = "acronym"
                if _MODIFIER_OF_NOUN.match(doc.text, start + len(text)) or _NOUN_BEFORE.search(
                    doc.text, max(sent.start, start - 20), start
                ):
                    kind = None  # "M60 machine guns", "a CBC timeline", "tarjetas SIM": not a group's name
            if kind is None and (
                _GROUP_ROLE_BEFORE.search(doc.text[max(sent.start, start - 40) : start])
                or _GROUP_APPOSITION_BEFORE.search(doc.text[max(sent.start, start - 30) : start])
                or _GROUP_ROLE_AFTER.match(doc.text, start + len(text))
            ):
                kind = _role_context(text, lex)
            if kind == "article" and fold(text) in nicknames:
                continue
            rest, rest_start = _cut_description(text, start)
            if kind and rest != text:
                # "the Texas-based Bandidos", "a Lebanese-born Melbourne family": the name without
                # the description, if a name remains
                if kind != "plural" and _classify(rest, lex) is None:
                    continue
                text, start = rest, rest_start
            if kind and not _is_excluded(text, start, doc, lex):
                found.append(_Candidate(start, start + len(text), text, sent.index, kind))
        found.extend(_lowercase_head_candidates(doc, sent, lex))
        for m in (
            *_CALLED.finditer(doc.text, sent.start, sent.end),
            *_CALLING.finditer(doc.text, sent.start, sent.end),
            *_KNOWN_AS.finditer(doc.text, sent.start, sent.end),
            *_SO_CALLED_LOWER.finditer(doc.text, sent.start, sent.end),
        ):
            name = m.group("name").rstrip(",.")
            if not lex.is_place_or_demonym(name):
                found.append(_Candidate(m.start("name"), m.start("name") + len(name), name, sent.index, "called"))
        for start, name in _listed_names(doc, sent, lex):
            found.append(_Candidate(start, start + len(name), name, sent.index, "called"))
        # "families such as the Lorenzanas and Mendozas": a pair of families named by surname
        pairs = _PLURAL_PAIR.finditer(doc.text, sent.start, sent.end) if _FAMILY_CONTEXT.search(sent.text) else ()
        for m in pairs:
            for key in ("a", "b"):
                w = m.group(key)
                if not (lex.is_place_or_demonym(w) or lex.is_place_or_demonym(w[:-1]) or fold(w) in lex.stopwords):
                    found.append(_Candidate(m.start(key), m.end(key), w, sent.index, "plural"))
        for m in _QUOTED.finditer(doc.text, sent.start, sent.end):
            name = m.group("name").strip().rstrip(",.")
            if not _is_excluded(name, m.start("name"), doc, lex) and len(tokens(name)) >= 2:
                found.append(_Candidate(m.start("name"), m.start("name") + len(name), name, sent.index, "quoted"))
    if KNOWN_GROUPS_ON:
        for m in _known_groups_re().finditer(doc.text):
            if not _ALIAS_CONTEXT.search(doc.text[max(0, m.start() - 40) : m.start()]):
                found.append(_Candidate(m.start(), m.end(), m.group(0), _sentence_of(doc, m.start()), "known"))
    found = _spelled_out_acronyms(doc, found)
    found += _co_listed(doc, found, lex)
    # "la Oficina de Control de Activos Extranjeros (OFAC)": a name spelled out before an
    # institution's acronym of the stoplist is that institution
    found = [
        c
        for c in found
        if c.kind == "known"
        or not (m := _ACRONYM_AFTER.match(doc.text, c.end))
        or m.group(1) not in lex.acronym_stop
        or any(fold(t) in _NAMED_GROUP_HEADS for t in tokens(c.text))  # "Organización de Narcotraficantes Unidos (ONU)"
    ]
    kept = _drop_nested(found)
    return sorted(kept + _inner_groups(kept), key=lambda c: c.start)


# between two names of one list: a comma, or "and" / "y" / "or" / "o" / "e", each with an article
_CO_LIST_GAP = re.compile(
    r"\s*(?:,\s*(?:(?:and|y|e|or|o)\s+)?|\s+(?:and|y|e|or|o)\s+)(?:(?:the|el|la|los|las)\s+)?", re.IGNORECASE
)
_NAMES_BEFORE = re.compile(
    r"\b(?:names?|nombres?|aliases|alias|known as|conocid[oa]s? como|also called|llamad[oa]s?)\s*:?\s*$", re.IGNORECASE
)
LISTED_GROUPS_MIN = 2  # names of a list already taken for groups before its other names are


def _co_listed(doc: Document, found: list[_Candidate], lex: EntityLexicon) -> list[_Candidate]:
    """The other names of a list of three or more whose names are mostly groups already ("the
    Primeiro Comando da Capital, the Terceiro Comando Puro, Amigos dos Amigos and police
    militias"): groups too, unless a person's (a given name first), a place, or excluded. This
    takes the names before a list's first group; ``_add_listed_with_groups`` (later, on the
    merged groups) the one after any group, so the two overlap only on a list's later names."""
    out: list[_Candidate] = []
    taken = SpanSet((c.start, c.end) for c in found)
    for sent in doc.sentences:
        items = []
        for m in lex.name_re.finditer(doc.text, sent.start, sent.end):
            text, start = _strip_leading(m.group(0), m.start(), lex)
            items.append((start, start + len(text), text))
        runs: list[list[tuple[int, int, str]]] = []
        for item in items:
            if runs and _CO_LIST_GAP.fullmatch(doc.text, runs[-1][-1][1], item[0]):
                runs[-1].append(item)
            else:
                runs.append([item])
        for run in runs:
            if len(run) < 3 or _NAMES_BEFORE.search(doc.text, max(sent.start, run[0][0] - 40), run[0][0]):
                continue  # "aparece también con los nombres G9, G9 Familia y Aliados": one group's names
            named = [taken.overlaps(s, e) for s, e, _ in run]
            if sum(named) < max(LISTED_GROUPS_MIN, len(run) / 2):
                continue
            for (start, end, text), is_group in zip(run, named, strict=True):
                words = text.split()
                if (
                    is_group
                    or fold(words[0]) in given_names()
                    or fold(words[0]) in lex.stopwords
                    or (len(words) == 1 and fold(text) in lex.generic)
                    or _is_excluded(text, start, doc, lex)
                ):
                    continue
                out.append(_Candidate(start, end, text, sent.index, "listed"))
    return out


_NAMED_GROUP_HEADS = {"organizacion", "organization", "organisation", "cartel", "clan", "gang", "mafia", "banda"}
_ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Z]{2,8})\s*\)")
# a capitalised name of two or more words right before an opening parenthesis
_NAME_BEFORE_PAREN = re.compile(
    r"(?<![\w'’\-])(?P<name>[A-ZÁÉÍÓÚÑ][\w'’\-]*(?:\s+(?:(?:de|del|la|las|los|of|the|for|y|and|de la)\s+)?"
    r"[A-ZÁÉÍÓÚÑ][\w'’\-]*)+)\s*\(\s*$"
)
# words that make a spelled-out acronym a state body or a law, not a group: narrower than the
# lexicon's institution words, which hold "army"/"ejército" and "union" (ELN, UWSA are groups)
_STATE_WORDS = set(
    "law ley agency agencia unit unidad service servicio police policia ministry ministerio court corte "
    "tribunal bank banco directorate direccion commission comision institute instituto department "
    "departamento".split()
)


# a political party is no criminal group, unless an armed one ("Militarizado Partido Comunista del Perú")
_PARTY_WORDS = {"party", "partido"}
_ARMED_WORDS = {"militarizado", "comunista", "communist", "revolucionario", "revolutionary", "armado", "armed"}


def _spelled_out_acronyms(doc: Document, found: list[_Candidate]) -> list[_Candidate]:
    """An acronym in parentheses after a capitalised name no other rule took spells that name
    out: the name of a state body, party or law drops the acronym ("the Special Operations Unit
    (JSO)", "Partido Laborista de Jamaica (JLP)"); any other name becomes the acronym's full
    form ("El Ejército de Liberación Nacional (ELN)")."""
    out: list[_Candidate] = []
    state: set[str] = set()  # acronyms of state bodies and laws: every other mention goes too ("la MCOCA")
    for c in found:
        m = _NAME_BEFORE_PAREN.search(doc.text, max(0, c.start - 90), c.start) if c.kind == "acronym" else None
        paren = doc.text.rfind("(", 0, c.start)
        if m is None or any(o is not c and paren - 3 <= o.end <= paren for o in found):
            out.append(c)
            continue
        name = re.sub(r"^(?:El|La|Los|Las|The)\s+", "", m.group("name"))
        words = {fold(t) for t in tokens(name)}
        if words & _STATE_WORDS or words & _PARTY_WORDS and not words & _ARMED_WORDS:
            state.add(c.text)
            continue
        start = m.end("name") - len(name)
        out.append(c)
        out.append(_Candidate(start, start + len(name), name, c.sentence, "spelled"))  # the parenthesis links them
    return [c for c in out if re.sub(r"^(?:[Ee]l|[Ll]as?|[Ll]os|[Tt]he)\s+", "", c.text) not in state]


_LIST_NAME = r"[A-ZÁÉÍÓÚÑ][\w\-]+(?:\s+(?:(?:o|de|del|la|los)\s+)?[A-ZÁÉÍÓÚÑ][\w\-]+){0,3}"
# names listed right after a plural group noun: "dos bandas vecinas, Pentágono y Matar o Morir",
# "two other outfits, Imperio and Sagui", "bandas fundadoras del G9, Grand Ravine y la de Ti Bwa"
_LISTED = re.compile(
    r"\b(?:bandas|pandillas|gangs|outfits|crews|clanes|clans|facciones|factions|milicias|militias)"
    r"(?:(?:\s+[a-záéíóúñ\-]+){0,3}(?:\s+[A-Z0-9][\w\-]*)?\s*[,:]\s*|\s+(?=[A-ZÁÉÍÓÚÑ]))"
    r"(?P<list>"
    + _LIST_NAME
    + r"(?:\s*,\s*"
    + _LIST_NAME
    + r")*\s*,?\s+(?:y|e|and)\s+(?:(?:la|el) de\s+)?"
    + _LIST_NAME
    + r")"
)
_LIST_PART = re.compile(r"(?:(?:la|el) de\s+)?(?P<name>" + _LIST_NAME + ")")
# a name described right after it as a group or a unit of one: "la Kuratong Baleleng, una milicia
# anticomunista", "El Demonio, una célula del Tren del Llano" (not "X, a gang leader": a role word
# after the noun makes X a person)
_DESCRIBED = re.compile(
    r"(?:\b(?i:la|el|los|las|the)\s+)?(?P<name>" + _LIST_NAME + r")(?:,\s+|\s+como\s+(?=un[oa] de l[oa]s\s))"
    r"(?:(?:un|una|a|an|another|otra)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:milicia|militia|pandilla|gang|street gang|banda|cartel|cártel|mafia|guerrilla|grupo armado|armed group|"
    r"criminal group|grupo criminal|organización criminal|criminal organi[sz]ation|syndicate|triad|sindicato|"
    r"armed wing|brazo armado|crew|faction|cell|splinter group|offshoot|facción|célula|escisión|clica|clika)|"
    # "Viv Ansanm, the gang coalition", "the Sun Yee On, one of the city's largest triads", "Calor Calor
    # como una de las pandillas más grandes"
    r"(?:the|one of the|una de las|uno de los)\s+(?:[\w\-]+['’]s\s+)?(?:[\w\-]+\s+){0,2}?"
    r"(?:gang coalition|gang federation|coalición de pandillas|gangs|pandillas|bandas|triads|cartels|cárteles|"
    r"militias|milicias|mafias|syndicates|criminal groups|grupos criminales|armed groups|grupos armados))\b"
    r"(?!['’])"
    r"(?!\s*-?\s*(?:leaders?|members?|boss|bosses|chiefs?|founders?|figures?|associates?|affiliates?|enforcers?|"
    r"veterans?|líder|jefe|miembro|integrante|cabecilla|fundador))"
)
# a name said to be a group by its verb: "The Kings of Shejo Port are a family clan", "Los Pulpos
# son una banda", "La Constru was a criminal network" (not "X is a gang leader", as above)
_NAME_OF = r"[A-ZÁÉÍÓÚÑ][\w\-]+(?:\s+(?:(?:of|of the|de|del|de la|de los|la|los)\s+)?[A-ZÁÉÍÓÚÑ][\w\-]+){0,3}"
_DESCRIBED_BY_VERB = re.compile(
    r"(?:(?<![\w,] )\b(?i:la|el|los|las|the)\s+)?(?P<name>"
    + _NAME_OF
    + r")\s+(?:is|are|was|were|es|son|era|eran|fue|fueron)\s+"
    r"(?:(?:still|now|today|hoy|ahora|aún|todavía)\s+)?(?:un|una|a|an)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:milicia|militia|pandilla|gang|street gang|banda|cartel|cártel|mafia|grupo armado|armed group|"
    r"criminal group|grupo criminal|organización criminal|criminal organi[sz]ation|syndicate|triad|"
    r"family clan|clan familiar|crime family|clan|criminal network|trafficking network|red criminal|red de narcotráfico|"
    r"crew|faction|facción|splinter group|offshoot|escisión|clica|clika)\b"
    r"(?!\s*-?\s*(?:leaders?|members?|boss|bosses|chiefs?|founders?|figures?|associates?|affiliates?|enforcers?|"
    r"veterans?|líder|jefe|miembro|integrante|cabecilla|fundador))"
)
# one name after a singular gang noun: "la pandilla Pentágono", "la pandilla panameña Bagdad",
# "la banda «Talibán»"
_AFTER_GANG_NOUN = re.compile(
    r"\b(?:[Ll]a|[Uu]na)\s+(?:pandilla|banda)(?:\s+(?!de\b|del\b)[a-záéíóúñ]+)?\s+[«\"“]?"
    r"(?P<name>[A-ZÁÉÍÓÚÑ][\w\-]+)(?![\w\-]*\s+[A-ZÁÉÍÓÚÑ])"
)


def _listed_names(doc: Document, sent, lex: EntityLexicon) -> list[tuple[int, str]]:
    """Group names listed after a plural group noun or named after a singular one, unless a
    place, an institution or a person's given name."""
    out: list[tuple[int, str]] = []
    for m in _LISTED.finditer(doc.text, sent.start, sent.end):
        for part in _LIST_PART.finditer(m.group("list")):
            out.append((m.start("list") + part.start("name"), part.group("name")))
    for regex in (_AFTER_GANG_NOUN, _DESCRIBED, _DESCRIBED_BY_VERB):
        for m in regex.finditer(doc.text, sent.start, sent.end):
            out.append((m.start("name"), m.group("name")))
    keep = []
    for start, name in out:
        folded = [fold(t) for t in tokens(name)]
        if lex.is_place_or_demonym(name) or folded[0] in given_names() or folded[0] in lex.stopwords:
            continue
        if any(t in lex.institutions for t in folded):
            continue
        keep.append((start, name))
    return keep


# a group named inside another's name: "Bloque Centauros de las AUC", "Frente 10 de las FARC"
_INNER = re.compile(r"\s(?:de las|de los|de la|del|of the)\s+(?P<inner>[A-Z]{2,6})$")


def _inner_groups(cands: list[_Candidate]) -> list[_Candidate]:
    out = []
    for c in cands:
        m = _INNER.search(c.text)
        if m:
            start = c.start + m.start("inner")
            out.append(_Candidate(start, c.end, m.group("inner"), c.sentence, "acronym"))
    return out


KNOWN_GROUPS_ON = True  # benchmarks/extraction.py turns it off once to show what the list adds


@lru_cache(maxsize=1)
def _known_groups_re() -> re.Pattern[str]:
    # the synonyms' names are known groups too, but not their short acronyms ("CV", "PCC")
    synonyms = [n for names in load_lexicon("group_synonyms")["sets"] for n in names if len(n) > 4]
    names = sorted(set(load_lexicon("known_groups")["names"]) | set(synonyms), key=len, reverse=True)
    return re.compile(r"(?<![\w\-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w\-])")


def _lowercase_head_candidates(doc: Document, sent, lex: EntityLexicon) -> list[_Candidate]:
    out = []
    heads = "|".join(re.escape(h) for h in lex.lowercase_heads)
    after = re.compile(
        rf"(?P<name>{CAP}(?:\s+(?:de|del|la|di|van|von)?\s*{CAP}){{0,3}})\s+(?:crime\s+|drug\s+)?(?P<head>{heads})\b"
    )
    for m in after.finditer(doc.text, sent.start, sent.end):
        name, start = _strip_leading(m.group("name"), m.start("name"), lex)
        head = m.group("head")
        if not name or lex.is_place_or_demonym(name) and fold(head) not in lex.strong_heads:
            continue
        if lex.is_place_or_demonym(name.split()[-1]) and fold(name.split()[-1]) in lex.demonyms:
            continue
        if head.endswith("s") and fold(head) not in {"brothers", "hermanos"}:
            continue
        if _INDEFINITE_BEFORE.search(doc.text, max(sent.start, start - 6), start):
            continue  # "a plot with a Merseyside gang", "an East London gang": a description
        if fold(head) != "cartel" and _HEAD_AS_MODIFIER.match(doc.text, m.end()):  # not "Sinaloa cartel leaders"
            continue  # "Senior gang leaders", "its Yuen Long faction leader": the noun modifies another
        if fold(head) in _SIBLING_HEADS and _only_given_names(name):
            continue  # "Both brothers", "Marco and Luca brothers": persons, not a family name
        name, start = _cut_description(name, start)  # "the Dubai-based Kinahan cartel"
        if _DESCRIPTOR.search(name) or "-" in name and all(lex.is_place_or_demonym(part) for part in name.split("-")):
            continue  # "Albanian-speaking group", "Bissau-based cartel": descriptions, not names
        if fold(name) in lex.stopwords or _is_excluded(name, start, doc, lex, fold(head) in lex.strong_heads):
            continue
        if fold(name) in {"del", "al", "de", "en", "con", "por", "para", "sin", "tras"}:
            continue  # "Del grupo queda poco": a sentence-initial preposition, not a name
        text = doc.text[start : m.end()]
        out.append(_Candidate(start, m.end(), text, sent.index, "lowercase_head"))
    before = re.compile(
        rf"\b(?i:el|la|los|las|the|del|al|un|una|a|de|y)\s+(?P<head>{heads})(?:\s+(?P<adj>[a-záéíóúñ]+))??\s+"
        rf"(?P<name>(?:(?:de|del|de los|de la)\s+)?{CAP}(?:\s+(?:de|del|la|los)?\s*{CAP}){{0,3}})"
    )
    for m in before.finditer(doc.text, sent.start, sent.end):
        if m.group("adj") and not (
            fold(m.group("adj")) in lex.demonyms
            and (re.match(r"(?:de|del|de los|de la)\s", m.group("name")) or fold(m.group("head")) in _NAMED_AFTER_ADJ)
            or fold(m.group("adj")) in {"rival", "rivales", "enemigo", "enemiga"}
        ):
            # only a demonym between the noun and its name ("el cartel colombiano del Norte del Valle",
            # "la coalición haitiana Viv Ansanm") or "rival" ("el bloque rival G-Pèp")
            continue
        if fold(m.group("head")) in _NAMED_AFTER_ADJ and re.match(r"(?:de|del)\s", m.group("name")):
            continue  # "el bloque de Bagdad", "una federación de 30 pandillas": whose it is, not its name
        if fold(m.group("head")) in {"hermanos", "brothers", "familia", "family"} and len(tokens(m.group("name"))) > 1:
            continue  # "los hermanos Juan Pérez ..." names persons, not a group
        if fold(m.group("head")) in _SIBLING_HEADS and _only_given_names(m.group("name")):
            continue  # "the brothers Francesco and Marco", "los hermanos Celso y Mario"
        name = m.group("name")
        bare = re.sub(r"^(?:de|del|de los|de la)\s+", "", name)
        if _is_excluded(bare, m.start("name"), doc, lex) and not bare.startswith(("Los ", "Las ")):
            if fold(m.group("head")) not in lex.strong_heads:
                continue
        if fold(bare) in lex.stopwords:
            continue
        start, end = m.start("head"), m.end()
        if m.group("adj"):
            start = end - len(bare)  # the name without the demonym: "Norte del Valle"
        if bare.startswith(("Los ", "Las ")):
            start = end - len(bare)  # "del grupo Los Leones": a plural name carries its own article (not "El Picure")
        pair = _SECOND_OF_PAIR.match(doc.text, end)
        if pair and len(tokens(bare)) == 1 and not any(lex.is_place_or_demonym(w) for w in (bare, pair.group(1))):
            end = pair.end()  # "el cártel Tito y Dino": a group named after two persons
        out.append(_Candidate(start, end, doc.text[start:end], sent.index, "lowercase_head"))
    return out


_NAMED_AFTER_ADJ = {"coalicion", "coalition", "federacion", "federation", "bloque", "bloc"}
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an|un|una)\s+$", re.IGNORECASE)
_HEAD_AS_MODIFIER = re.compile(
    r"\s+(?:leaders?|members?|bosses|boss|groups|system|figures?|families|wars?|feuds?|violence|territory|turf|"
    r"chiefs?|associates?|soldiers?|activity|activities)\b"
)


# the second name of a pair after a group noun: "(el cártel) Tito y Dino", not "Sinaloa y Los Zetas"
_SECOND_OF_PAIR = re.compile(
    r"\s+(?:y|e|and)\s+(?!(?:Los|Las|La|El|The)\b)([A-ZÁÉÍÓÚÑ][a-záéíóúñ]+)\b(?!\s+[A-ZÁÉÍÓÚÑ])"
)


def _drop_nested(cands: list[_Candidate]) -> list[_Candidate]:
    """Keep the longest of overlapping candidates."""
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[_Candidate] = []
    for c in cands:
        if kept and c.start < kept[-1].end:
            if c.end - c.start > kept[-1].end - kept[-1].start:
                kept[-1] = c
            continue
        kept.append(c)
    return kept


def _content_key(text: str, lex: EntityLexicon) -> frozenset[str]:
    # "Calor-Calor" is "Calor Calor", "Sumiyoshi-kai" is the Sumiyoshi with a head noun
    toks = [
        p
        for t in tokens(text)
        for p in (t.split("-") if re.fullmatch(r"[^\W\d_]+(?:-[^\W\d_]+)+", t) and not t.isupper() else [t])
    ]
    toks = [fold(t).strip("'") for t in toks]
    content = {
        t[:-1] if len(t) > 3 and t.endswith("s") and not t.endswith("ss") else t
        for t in toks
        if t not in lex.heads
        and t not in lex.connectors
        and t not in _ARTICLES
        and (t not in lex.generic or t in _SPLINTER_WORDS)  # "La Nueva Familia Michoacana" is another group
        and not (t in {"new", "nueva"} and ({"generation", "generacion"} & set(toks)))  # "Jalisco New Generation"
    }
    return frozenset(content) if content else frozenset(t for t in toks if t not in _ARTICLES)


def _initials(text: str, lex: EntityLexicon) -> str:
    return "".join(t[0] for t in tokens(text) if fold(t) not in lex.connectors).upper()


_ROMANCE_CONNECTORS = {"de", "del", "da", "do", "dos", "das", "di"}


def _translations_in_apposition(doc: Document, cands: list[_Candidate], lex: EntityLexicon) -> None:
    """English reporting translates a Spanish or Portuguese name in apposition: "Organización de
    Narcotraficantes Unidos, the Organization of United Drug Traffickers". The second name is the
    first's translation when the first has a Romance connector, the second an English "of", and
    they share no content word (a list of two groups shares its head noun or has no "of")."""
    by_start = {c.start: i for i, c in enumerate(cands)}
    for i, c in enumerate(list(cands)):
        gap = re.match(r",\s+(?:or\s+)?the\s+", doc.text[c.end : c.end + 12])
        j = by_start.get(c.end + gap.end()) if gap else None
        if j is None:
            continue
        first, second = [fold(t) for t in tokens(c.text)], [fold(t) for t in tokens(cands[j].text)]
        if (
            set(first) & _ROMANCE_CONNECTORS
            and "of" in second
            and len(second) >= 3
            and not _content_key(c.text, lex) & _content_key(cands[j].text, lex)
            and not set(first) & set(second) - lex.connectors
        ):
            cands[j].links.append(i)


# a family named by its surnames, then the group's name: "su familia, los González Valencia, mejor
# conocidos como «Los Cuinis»", "the brothers, the González Valencia, known as Los Cuinis"
_FAMILY_KNOWN_AS = re.compile(
    r"\b(?:los|las|the)\s+(?P<name>[A-ZÁÉÍÓÚÑ][\w\-]+(?:\s+[A-ZÁÉÍÓÚÑ][\w\-]+){0,2})\s*,\s*"
    r"(?:(?:mejor|también|más|better|also|commonly)\s+)?(?:conocid[oa]s|known)\s+(?:(?:simply|simplemente)\s+)?"
    r"(?:as|como)\s+[\"“«]?"
)


def _usable_alias(name: str, lex: EntityLexicon, quoted: bool = False) -> bool:
    """A name given after a group can be its alias: no place, at most five words, and capitalised
    unless it was quoted."""
    if not name or lex.is_place_or_demonym(name) or len(name.split()) > 5:
        return False
    return quoted or bool(re.match(CAP, name))


def _attach_aliases(doc: Document, cands: list[_Candidate], lex: EntityLexicon) -> None:
    """Parentheses, 'also known as', quoted translations and 'which police call Y' name a
    candidate again; an alias can carry its own parentheses ("también llamado X (CAF)")."""

    work = list(range(len(cands)))
    while work:
        i = work.pop()
        c = cands[i]
        tail = doc.text[c.end : c.end + 80]
        for regex, kind in (
            (_PAREN_QUOTED, "paren"),
            (_PAREN, "paren"),
            (_AKA, "aka"),
            (_QUOTED_TRANSLATION, "aka"),
            (_GLOSS, "gloss"),
            (_QUOTED_APPOSITION, "aka"),
            (_QUOTED_NEXT, "aka"),
        ):
            if regex is _QUOTED_NEXT and c.kind not in ("called", "aka"):
                continue  # a quoted list of names is a list of groups unless "known as" came before
            m = regex.match(tail)
            if not m:
                continue
            name = m.group("name").strip().rstrip(",.")
            if not _usable_alias(
                name,
                lex,
                quoted=regex in (_PAREN_QUOTED, _QUOTED_APPOSITION, _QUOTED_TRANSLATION, _QUOTED_NEXT, _GLOSS),
            ):
                continue
            start = c.end + m.start("name")
            if regex is _AKA and UNIT_OF_BEFORE.search(doc.text, max(0, c.start - 40), c.start):
                # "una célula de Los Zetas conocida como «Z 200»": the cell's name, a group of its own
                cands.append(_Candidate(start, start + len(name), name, c.sentence, "called"))
                continue
            cands.append(_Candidate(start, start + len(name), name, c.sentence, kind, links=[i]))
            work.append(len(cands) - 1)
            if kind == "aka":
                more = _AKA_MORE.match(doc.text, start + len(name), start + len(name) + 80)
                name2 = more.group("name").rstrip(",.") if more else ""
                if _usable_alias(name2, lex):
                    cands.append(
                        _Candidate(
                            more.start("name"), more.start("name") + len(name2), name2, c.sentence, kind, links=[i]
                        )
                    )
    for i, c in enumerate(list(cands)):
        # "ONU stands for Organización de Narcotraficantes Unidos", "unas siglas ...: ONU, Organización
        # de ...": the acronym is the name's even when it is also an institution's (the UN's ONU)
        m = _SPELLED_BEFORE.search(doc.text, max(0, c.start - 120), c.start)
        acr = m and (m.group("acr") or m.group("acr2"))
        if acr and len(tokens(c.text)) > 1 and _initials(c.text, lex) == acr:
            at = m.start("acr") if m.group("acr") else m.start("acr2")
            cands.append(_Candidate(at, at + len(acr), acr, c.sentence, "aka", links=[i]))
    for m in _FAMILY_KNOWN_AS.finditer(doc.text):
        named = [j for j, c in enumerate(cands) if c.start == m.end()]
        taken = any(c.start <= m.start("name") < c.end for c in cands)
        if named and not taken and not lex.is_place_or_demonym(m.group("name")):
            sent = _sentence_of(doc, m.start("name"))
            cands.append(_Candidate(m.start("name"), m.end("name"), m.group("name"), sent, "family", links=[named[0]]))
    if doc.lang == "en":
        _translations_in_apposition(doc, cands, lex)
    for sent in doc.sentences:
        for m in (
            *_NAMED_LATER.finditer(doc.text, sent.start, sent.end),
            *_CALLED_QUOTED.finditer(doc.text, sent.start, sent.end),
            *_NAMED_AFTER_NICKNAME.finditer(doc.text, sent.start, sent.end),
        ):
            name = m.group("name").strip().rstrip(",.")
            before = [j for j, c in enumerate(cands) if c.end <= m.start() and m.start() - c.end <= 150]
            if m.re is _NAMED_LATER and (
                m.group("pronoun") or _PRONOUN_SUBJECT.search(doc.text[sent.start : m.start()])
            ):
                # "gave them a nickname", "call it X", "la llaman X": the group this sentence or,
                # failing that, the text is about, not the last name of the sentence before
                before = [j for j in before if cands[j].sentence == sent.index] or _most_named_before(
                    cands, m.start(), lex
                )
            if m.re is _NAMED_LATER and re.match(r"(?i)(?:con|bajo) el nombre|under the name", m.group(0)):
                # "La banda Bagdad nació con el nombre de Niños del Silencio": a name the sentence's own
                # group had; "esas familias, unificadas bajo el nombre de X" name a new one
                before = [j for j in before if cands[j].sentence == sent.index]
            if m.re is _CALLED_QUOTED:
                # the group named as the object ("llamar a Los Zetas «los Sanguinarios»"), else one
                # named just before; "called them 'the Family'" three sentences on is left alone
                before = [j for j, c in enumerate(cands) if m.start() <= c.start and c.end <= m.start("name")] or before
            relative = _RELATIVE_BEFORE.search(doc.text, max(sent.start, m.start() - 14), m.start())
            if m.re is _NAMED_LATER and relative:
                # "Bagdad, que empezó como Niños del Silencio": the name before the relative pronoun,
                # or none if that name is no group found
                before = [j for j in before if 0 <= relative.start() - cands[j].end <= 2]
                if not before:
                    continue
            if not before and m.re is _NAMED_LATER and _UNIT_SUBJECT.search(doc.text, sent.start, m.start()):
                # "the leadership faction became known as Los Comba", no group named just before: the
                # unit's own name, not one of a group the last sentences spoke of
                if _usable_alias(name, lex):
                    cands.append(_Candidate(m.start("name"), m.start("name") + len(name), name, sent.index, "called"))
                continue
            if not before and _SUBJECTLESS_NAMING.match(m.group(0)):
                # "Al principio se hacían llamar La Empresa": the group the last sentences spoke of
                before = [j for j, c in enumerate(cands) if c.end <= m.start() and sent.index - c.sentence <= 3]
                if not before:  # "En la región se les conoció también como «Los Aretes»", after paragraphs
                    before = _most_named_before(cands, m.start(), lex)  # of "los hermanos": the text's group
            if m.re is _CALLED_QUOTED and not _CAPITALISED_NAME.match(name):
                continue  # 'called the deal "a disaster"'
            if not _usable_alias(name, lex, quoted=m.re in (_CALLED_QUOTED, _NAMED_AFTER_NICKNAME)) or not before:
                continue
            j = max(before, key=lambda k: cands[k].end)
            person = _PERSON_BEFORE.search(doc.text, max(sent.start, m.start() - 40), m.start())
            if person and fold(person.group("first")) in given_names():
                continue  # "mataron a Juan Pérez, al que llamaban El Gordo": a person's nickname
            if re.search(r"\ba quien(?:es)?\b[^.;]{0,40}$", doc.text[max(sent.start, m.start() - 50) : m.start()]):
                continue  # "Gilberto Malony Hernández, a quien en la costa llamaban «El Picurito»": a person
            cands.append(_Candidate(m.start("name"), m.start("name") + len(name), name, sent.index, "aka", links=[j]))
            end = m.start("name") + len(name)
            paren = _PAREN.match(doc.text[end : end + 80])
            if paren and _usable_alias(paren.group("name").strip(), lex):  # '"The Company" (La Compañía)'
                alias, at = paren.group("name").strip(), end + paren.start("name")
                cands.append(_Candidate(at, at + len(alias), alias, sent.index, "paren", links=[len(cands) - 1]))


def _most_named_before(cands: list[_Candidate], pos: int, lex: EntityLexicon) -> list[int]:
    """The last candidate, before ``pos``, of the name named most often before it."""
    counts: dict[frozenset[str], int] = {}
    for c in cands:
        if c.end <= pos:
            key = _content_key(c.text, lex)
            counts[key] = counts.get(key, 0) + 1
    if not counts:
        return []
    top = max(counts.values())
    keys = {k for k, n in counts.items() if n == top}
    return [
        max(
            (j for j, c in enumerate(cands) if c.end <= pos and _content_key(c.text, lex) in keys),
            key=lambda j: cands[j].end,
        )
    ]


def _synonym_key(name: str) -> str:
    return re.sub(r"^(?:the|el|la|los|las)\s+", "", fold(name).strip(" '\"“”«»"))


@lru_cache(maxsize=1)
def _synonym_sets() -> dict[str, int]:
    """Folded name -> index of its set in features/lexicons/group_synonyms.json: the names of
    one well-known group in several languages ("Sicilian Mafia", "Cosa Nostra")."""
    sets = load_lexicon("group_synonyms")["sets"]
    return {_synonym_key(name): k for k, names in enumerate(sets) for name in names}


def _union_find(cands: list[_Candidate], lex: EntityLexicon) -> list[list[int]]:
    parent = list(range(len(cands)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        parent[find(a)] = find(b)

    by_key: dict[frozenset[str], int] = {}
    for i, c in enumerate(cands):
        for j in c.links:
            union(i, j)
        key = _content_key(c.text, lex)
        if key in by_key:
            union(i, by_key[key])
        else:
            by_key[key] = i
    for i, c in enumerate(cands):
        if re.fullmatch(r"[A-Z0-9\-]{2,8}", c.text):
            # "MS-13": the initials of "Mara Salvatrucha" (not "MS503", a faction, nor "Z200", a cell)
            letters = re.sub(r"(?<=[A-Z]{2})-\d+$", "", c.text)
            for j, other in enumerate(cands):
                if j != i and len(tokens(other.text)) > 1 and _initials(other.text, lex) in (c.text, letters):
                    union(i, j)
    synonym_of: dict[int, int] = {}  # set index -> first candidate named by one of its forms
    for i, c in enumerate(cands):
        k = _synonym_sets().get(_synonym_key(c.text))
        if k is not None:
            if k in synonym_of:
                union(i, synonym_of[k])
            else:
                synonym_of[k] = i
    _merge_short_forms(cands, lex, find, union)
    clusters: dict[int, list[int]] = {}
    for i in range(len(cands)):
        clusters.setdefault(find(i), []).append(i)
    return sorted(clusters.values(), key=lambda idx: min(cands[i].start for i in idx))


# words that make a longer name a different group, not the full form of a shorter one
_SPLINTER_WORDS = {
    "nueva",
    "nuevo",
    "nuevos",
    "new",
    "old",
    "vieja",
    "viejo",
    "kobe",
    "autentica",
    "real",
    "true",
    "verdadera",
    "verdadero",
    "unidos",
    "unida",
    "occidentales",
    "orientales",
    "norte",
    "sur",
    "elite",
    "puro",
    "pura",
    "pure",
    "ninkyo",
    "jr",
    "junior",
    "segunda",
    "second",
    "otra",
}


def _merge_short_forms(cands: list[_Candidate], lex: EntityLexicon, find, union) -> None:
    """A name whose content words all occur in exactly one longer name of the text is its short
    form ("Los Templarios", "Los Caballeros Templarios"), unless the longer name adds a word that
    marks a splinter ("La Nueva Familia Michoacana", "Kobe Yamaguchi-gumi")."""
    keys: dict[int, set[str]] = {}
    for i, c in enumerate(cands):
        keys.setdefault(find(i), set()).update(_content_key(c.text, lex))
    for a, ka in list(keys.items()):
        if not ka or any(len(t) < 5 or lex.is_place_or_demonym(t) or t in given_names() for t in ka):
            continue
        supersets = [b for b, kb in keys.items() if b != a and ka < kb]
        if len(supersets) == 1 and not (keys[supersets[0]] - ka) & _SPLINTER_WORDS:
            union(a, supersets[0])


def _short_form_tokens(names: list[str], lex: EntityLexicon) -> set[str]:
    out = set()
    for name in names:
        # a family's short surname is its short form too: "the Bai family" ... "Bai"
        shortest = 3 if re.search(r"\b(?:family|families|familia|clan)\b", name, re.IGNORECASE) else 4
        for t in tokens(name):
            f = fold(t).strip("'")
            coded = t[0].isdigit() and any(c.isupper() for c in t)  # "the 14K" for the 14K triad
            if (
                (len(f) < shortest and not (coded and len(f) >= 3))
                or not (t[0].isupper() or coded)
                or f in lex.connectors
            ):
                continue
            # "Ejército Unido del Estado Wa": a bare "Ejército" is the army, not the group
            if not any(f in words for words in (lex.generic, lex.places, lex.demonyms, lex.institutions)):
                out.add(f)
    return out


def _bare_caps(doc: Document, lex: EntityLexicon, taken: SpanSet):
    """Standalone capitalised single words not inside any found name: short-form candidates."""
    for sent in doc.sentences:
        for m in lex.name_re.finditer(doc.text, sent.start, sent.end):
            text, start = _strip_leading(m.group(0), m.start(), lex)
            words = text.split()
            if words and fold(words[0]) in _ARTICLES:
                start += len(words[0]) + 1
                words = words[1:]
            if (
                len(words) >= 3
                and words[1] == "de"
                and not words[0].endswith("s")
                and re.search(r"\b(?:los|las)\s+$", doc.text[max(0, start - 5) : start])
            ):
                # "los Pelle de San Luca", "los Commisso de Siderno": a family named by its surname and
                # its town; the surname alone is the candidate (a plural noun, "los Caballeros de
                # Malta", ends in -s and stays out)
                words = words[:1]
            if len(words) != 1:
                continue
            word = words[0].rstrip("'’s") if words[0].endswith(("'s", "’s", "'", "’")) else words[0]
            end = start + len(word)
            if taken.holds(start):
                continue
            yield sent.index, start, end, word


def find_groups(doc: Document) -> tuple[Group, ...]:
    lex = entity_lexicon()
    cands = _name_candidates(doc, lex)
    _attach_aliases(doc, cands, lex)
    clusters = _union_find(cands, lex)
    mentions: list[list[Span]] = []
    names: list[list[str]] = []
    for idx in clusters:
        ordered = sorted(idx, key=lambda i: cands[i].start)
        spans = {(cands[i].start, cands[i].end): cands[i] for i in ordered}
        mentions.append([Span(c.start, c.end, c.text, c.sentence) for c in spans.values()])
        # a family's surnames given for a group ("los González Valencia, mejor conocidos como Los
        # Cuinis") are an alias, never the group's name
        # ... nor is a gloss of the name in another language ("literally the Sumiyoshi union")
        names.append(
            list(
                dict.fromkeys(
                    cands[i].text for i in sorted(ordered, key=lambda i: cands[i].kind in ("family", "gloss"))
                )
            )
        )
    taken = SpanSet((c.start, c.end) for c in cands)
    glosses = {c.text for c in cands if c.kind == "gloss"}  # a name's translation: never the group's name
    _add_short_forms(doc, lex, mentions, names, taken)
    _add_family_plurals(doc, lex, mentions, names)
    _add_article_prefixes(doc, mentions, names)
    _add_name_cores(doc, mentions, names)
    _add_called_quoted(doc, mentions, names)
    _add_repeated_names(doc, mentions, names)
    _add_listed_with_groups(doc, lex, mentions, names)
    _add_late_aliases(doc, lex, mentions, names)
    _add_anaphora(doc, lex, mentions)
    groups = []
    for n, (spans, forms) in enumerate(zip(mentions, names, strict=True)):
        if not spans:
            continue
        spans.sort(key=lambda s: s.start)
        name = _canonical_name([f for f in forms if f not in glosses] or forms, lex)
        aliases = tuple(f for f in forms if f != name)
        groups.append(Group(id=f"g{n + 1}", name=name, aliases=aliases, mentions=tuple(spans)))
    return tuple(groups)


def _canonical_name(forms: list[str], lex: EntityLexicon) -> str:
    """The first form that is a full name (has a head noun or several words)."""
    for f in forms:
        if len(tokens(f)) >= 2 and not re.fullmatch(r"[A-Z0-9\-]{2,8}", f):
            return re.sub(r"^(?:the|[Ee]l(?=\s+[A-ZÁÉÍÓÚ]))\s+", "", f)  # "the Gulf Cartel", "El Cártel del Golfo"
    return forms[0]


def _last_mention_before(mentions: list[list[Span]], pos: int, allowed: set[int] | None = None):
    best, best_pos = None, -1
    for gi, spans in enumerate(mentions):
        if allowed is not None and gi not in allowed:
            continue
        for s in spans:
            if best_pos < s.start < pos:
                best, best_pos = gi, s.start
    return best, best_pos


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 4 and word.endswith("s") else word


def _most_prominent(mentions: list[list[Span]], pos: int, owners: set[int]) -> int:
    """Of the groups a short form could name, the one mentioned most before ``pos``
    (ties: the most recent); the main actor of a report, not the last one named."""

    def score(gi: int) -> tuple[int, int]:
        before = [s.start for s in mentions[gi] if s.start < pos]
        return len(before), max(before, default=-1)

    return max(sorted(owners), key=score)


def _add_short_forms(doc, lex, mentions, names, taken) -> None:
    """Bare capitalised words that belong to one group's name ("the Kings", "Cuinis") are its
    mentions; an unowned surname after an article ("los Kinahan", "the Hamzys") is a group."""
    token_owner: dict[str, set[int]] = {}
    for gi, forms in enumerate(names):
        for t in _short_form_tokens(forms, lex):
            token_owner.setdefault(_singular(t), set()).add(gi)
    bound: dict[str, int] = {}
    for sent_i, start, end, word in sorted(_bare_caps(doc, lex, taken), key=lambda x: x[1]):
        f = _singular(fold(word).strip("'"))
        owners = token_owner.get(f)
        if not owners:
            if not _is_family_plural(doc, start, word, lex):
                continue
            mentions.append([])
            names.append([])
            owners = {len(mentions) - 1}
            token_owner[f] = owners
        if f in bound:
            gi = bound[f]
        elif len(owners) == 1:
            gi = next(iter(owners))
        else:
            gi = _most_prominent(mentions, start, owners)
        bound.setdefault(f, gi)
        mentions[gi].append(Span(start, end, word, sent_i))
        article = re.search(r"\b(the|los|las)\s+$", doc.text[max(0, start - 5) : start], re.IGNORECASE)
        form = f"{article.group(1)} {word}" if article else word
        known = {n.casefold() for n in names[gi]}
        if form.casefold() not in known and word.casefold() not in known:
            names[gi].append(form)


_FAMILY_PLURAL = re.compile(r"\b(?:los|las|the)\s+(?P<name>[A-ZÁÉÍÓÚÑ][\w\-]+(?:\s+[A-ZÁÉÍÓÚÑ][\w\-]+){1,2})\b")


def _add_family_plurals(doc: Document, lex: EntityLexicon, mentions: list[list[Span]], names: list[list[str]]) -> None:
    """ "los Beltrán Leyva", "the Arellano Félix": two surnames after a plural article name the
    one group whose name holds both ("Cártel de los Beltrán Leyva")."""
    keys = [set().union(*(_content_key(n, lex) for n in forms)) if forms else set() for forms in names]
    used = SpanSet((s.start, s.end) for spans in mentions for s in spans)
    for m in _FAMILY_PLURAL.finditer(doc.text):
        start, end = m.start("name"), m.end("name")
        if used.overlaps(start, end) or fold(m.group("name").split()[0]) in given_names():
            continue
        key = _content_key(m.group("name"), lex)
        owners = [gi for gi, k in enumerate(keys) if len(key) >= 2 and key <= k]
        if len(owners) != 1:
            continue
        gi = owners[0]
        mentions[gi].append(Span(m.start(), end, m.group(0), _sentence_of(doc, start)))
        if m.group(0) not in names[gi]:
            names[gi].append(m.group(0))
        used.append((m.start(), end))


def _add_called_quoted(doc: Document, mentions: list[list[Span]], names: list[list[str]]) -> None:
    """A quoted name given to a group found only after the candidates (a family named by its
    surname): "llegó a llamar a los Baybaşin simplemente «la Familia»"."""
    for m in _CALLED_QUOTED.finditer(doc.text):
        name = m.group("name").strip().rstrip(",.")
        if not _CAPITALISED_NAME.match(name) or any(name in forms for forms in names):
            continue
        owners = [
            gi
            for gi, spans in enumerate(mentions)
            if any(m.start() <= s.start and s.end <= m.start("name") for s in spans)
        ]
        if len(owners) != 1:
            continue
        gi = owners[0]
        names[gi].append(name)
        mentions[gi].append(Span(m.start("name"), m.start("name") + len(name), name, _sentence_of(doc, m.start())))


_PLURAL_ARTICLE = re.compile(r"(?:los|las|the)\s")


def _add_late_aliases(doc: Document, lex: EntityLexicon, mentions: list[list[Span]], names: list[list[str]]) -> None:
    """A name given right after a mention that the passes after the candidates found (a family
    named by its surname): 'los Adams —también llamados «A-Team»—', 'los Bombacilar («los
    bombarderos»)'. The candidates had theirs attached before (``_attach_aliases``)."""
    taken = SpanSet((m.start, m.end) for spans in mentions for m in spans)
    for gi, spans in enumerate(mentions):
        for span in list(spans):
            if not span.text[:1].isupper() and not _PLURAL_ARTICLE.match(span.text):
                continue  # an anaphor ("la organización") takes no name
            tail = doc.text[span.end : span.end + 80]
            for regex in (_PAREN_QUOTED, _AKA):
                m = regex.match(tail)
                if not m:
                    continue
                name = m.group("name").strip().rstrip(",.")
                start = span.end + m.start("name")
                if not _usable_alias(name, lex, quoted=regex is _PAREN_QUOTED):
                    continue
                if taken.overlaps(start, start + len(name)):
                    continue
                spans.append(Span(start, start + len(name), name, _sentence_of(doc, start)))
                taken.append((start, start + len(name)))
                if name not in names[gi]:
                    names[gi].append(name)
                break


def _whole_word(form: str) -> str:
    """A pattern for ``form`` as whole words, not inside a longer word or hyphenated name."""
    return rf"(?<![\w-]){re.escape(form)}(?![\w-])"


def _add_occurrences(doc: Document, regex: str, form: str, spans: list[Span], forms: list[str], taken: SpanSet) -> None:
    """Every occurrence of ``regex`` outside the mentions ``taken`` is a mention (``form``) of the
    group whose ``spans`` and ``forms`` these are."""
    for m in re.finditer(regex, doc.text):
        if taken.overlaps(m.start(), m.end()):
            continue
        spans.append(Span(m.start(), m.end(), form, _sentence_of(doc, m.start())))
        taken.append((m.start(), m.end()))
        if form not in forms:
            forms.append(form)


def _add_repeated_names(doc: Document, mentions: list[list[Span]], names: list[list[str]]) -> None:
    """A name of two words or more found once by its context ("miembros de Calor Calor") names
    the group wherever it is written again ("Calor Calor mantiene una disputa ..."), and so
    does the singular of a plural one ("Pink Panther robberies" for the Pink Panthers)."""
    taken = SpanSet((m.start, m.end) for spans in mentions for m in spans)
    for gi, forms in enumerate(names):
        for form in list(forms):
            if len(form.split()) < 2:
                continue
            _add_occurrences(doc, _whole_word(form), form, mentions[gi], forms, taken)
            last = form.split()[-1]
            if last.endswith("s") and not last.endswith("ss") and last[:-1].isalpha() and len(last) > 4:
                one = form[:-1]  # "a Pink Panther gang" for the Pink Panthers
                _add_occurrences(doc, _whole_word(one), one, mentions[gi], forms, taken)


# a name listed next to a group: "the Primeiro Comando da Capital, the Terceiro Comando Puro, Amigos
# dos Amigos and police militias", "Los Rojos, Los Mazatlecos, los Ruelas Torres, Los Granados"
_LIST_GAP = re.compile(r"(?:\s*,\s*(?:y|e|and)\s+|\s*,\s*|\s+(?:y|e|and|o|or)\s+)")
_LIST_GOES_ON = re.compile(r"\s*(?:,|y\b|e\b|and\b|or\b|o\b|[.;:)]|$)")
_LISTED_NAME = re.compile(
    r"(?P<art>(?i:the|los|las|el|la)\s+)?(?P<name>"
    + CAP
    + r"(?:\s+(?:de|del|dos|da|do|di|de la)?\s*"
    + CAP
    + r"){0,3})"
)


# a capitalised word joined to a lower-case one: "Calabrian-led", "Jalisco-based"
_HYPHEN_WORD = re.compile(r"-[a-záéíóúñ]+$")


def _is_surname_in(text: str, word: str) -> bool:
    """Whether the text names a person with ``word`` as surname ("Shaun Kent" for "Kent"): a
    given name right before it, a nickname in quotes allowed between."""
    pattern = rf"([A-ZÁÉÍÓÚÑ][\w'’\-]*)\s+(?:[\"“'‘][^\"”'’\n]{{1,30}}[\"”'’]\s+)?{re.escape(word)}\b"
    return any(fold(m.group(1)) in given_names() for m in re.finditer(pattern, text))


def _add_listed_with_groups(
    doc: Document, lex: EntityLexicon, mentions: list[list[Span]], names: list[list[str]]
) -> None:
    """A capitalised name listed right after a group's mention, with only a comma, "and"/"y" or
    both between, is a group too; each new one extends the list."""
    occupied = SpanSet(sorted((m.start, m.end) for ms in mentions for m in ms))
    surnames: dict[str, bool] = {}
    for _, end in occupied:  # in the order added: each name found is appended, so the list goes on from it
        g = _LIST_GAP.match(doc.text, end)
        if not g:
            continue
        m = _LISTED_NAME.match(doc.text, g.end())
        if not m or occupied.overlaps(m.start("name"), m.end()):
            continue
        name = m.group("name").rstrip(".")
        if not _LIST_GOES_ON.match(doc.text, m.end()):
            continue  # "A y Hernández dijo": not a list of names
        if "," not in g.group(0) and not m.group("art") and len(tokens(name)) == 1:
            continue  # "G9 Family and Allies": one bare word after "and" may end the group's own name
        first = fold(name.split()[0])
        if (
            any(fold(t) in given_names() for t in tokens(name))  # "..., Damion Patrick John Ryan": a person
            or _HYPHEN_WORD.search(name)  # "the Cotroni family, Calabrian-led and ...": a word, no name
            or first in lex.stopwords
            or lex.is_place_or_demonym(name)
            or any(fold(t) in lex.institutions for t in tokens(name))
            or len(name) < 3
        ):
            continue
        if " " not in name:  # "Byrne, Kent and others" where the text names "Shaun Kent"
            if name not in surnames:
                surnames[name] = _is_surname_in(doc.text, name)
            if surnames[name]:
                continue
        ns, ne = m.start("name"), m.start("name") + len(name)
        mentions.append([Span(ns, ne, name, _sentence_of(doc, ns))])
        names.append([name])
        occupied.append((ns, ne))


def _add_article_prefixes(doc: Document, mentions: list[list[Span]], names: list[list[str]]) -> None:
    """'La Familia' for 'La Familia Michoacana', 'Los Reyes' for 'Los Reyes de Puerto Shejo'."""
    taken = SpanSet((m.start, m.end) for spans in mentions for m in spans)
    for gi, forms in enumerate(names):
        for form in list(forms):
            words = form.split()
            if len(words) < 3 or fold(words[0]) not in {"la", "las", "los", "el"}:
                continue
            prefix = " ".join(words[:2])
            regex = rf"(?<!\w){re.escape(prefix)}(?![\w-]|\s+{re.escape(words[2])})"
            _add_occurrences(doc, regex, prefix, mentions[gi], forms, taken)


# a group noun written before a name, not part of it: "la pandilla Gran Grif" ... "Gran Grif"
_NOUN_BEFORE_NAME = re.compile(
    r"^(?:pandilla|banda|grupo|gang|group|coalici[oó]n|coalition|federaci[oó]n|federation|bloque|bloc)\s+(?=[A-ZÁÉÍÓÚÑ0-9])"
)


def _add_name_cores(doc: Document, mentions: list[list[Span]], names: list[list[str]]) -> None:
    """A name of two words or more found after a group noun ("la pandilla Gran Grif", "el grupo
    El Demonio") names the group on its own later ("Gran Grif, con base en el Artibonite")."""
    taken = SpanSet((m.start, m.end) for spans in mentions for m in spans)
    for gi, forms in enumerate(names):
        for form in list(forms):
            m0 = _NOUN_BEFORE_NAME.match(form)
            if not m0:
                continue
            core = form[m0.end() :]
            if len(core.split()) >= 2:
                _add_occurrences(doc, _whole_word(core), core, mentions[gi], forms, taken)


def _is_family_plural(doc: Document, start: int, word: str, lex: EntityLexicon) -> bool:
    """ "los Kinahan", "the Hamzys", "The Cuntreras, originally from Siculiana", "los Bao y los
    Wei": a surname after a plural article names the family."""
    article = re.search(r"\b(the|The|los|las)\s+$", doc.text[max(0, start - 5) : start])
    if not article:
        return False
    f = fold(word)
    if f in lex.stopwords or f in lex.heads or lex.is_place_or_demonym(word) or not word[1:].islower():
        return False
    if word.endswith("s") and (lex.is_place_or_demonym(word[:-1]) or fold(word[:-1]) in lex.demonyms):
        return False  # "the Americans", "los peruanos" are people of a country, not a family
    spanish = article.group(1) in ("los", "las")
    if len(word) < (3 if spanish else 4):
        return False
    if _PROCEEDING_AFTER.match(doc.text, start + len(word)):
        return False  # "the Spartacus trial": a case's name
    return word.endswith("s") or spanish


# a definite description ("the group", "la organización") refers to the most-named of the groups named
# in its sentence or the one before; a demonstrative ("this gang", "esa banda") to the group named last
DEFINITE_BACK = 1
_KIN_HEADS = {"family", "familia", "famiglia", "clan"}  # the nouns an anaphor agrees on with a group's name
AGREE_BACK = 6  # sentences back in which a group whose name has an anaphor's noun takes it ("the family")
_DEFINITE = {"the", "el", "la"}


_OWNED_BY_NAME = re.compile(r"\s+(?i:of|de|del)\s+[\"“«‘']?(?:(?i:el|la)\s+)?(?P<name>[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+)")


def _add_anaphora(doc: Document, lex: EntityLexicon, mentions: list[list[Span]]) -> None:
    dets = "|".join(lex.anaphora_determiners)
    heads = "|".join(lex.anaphora_heads)
    regex = re.compile(
        rf"\b(?i:{dets})\s+(?:(?!(?:the|la|el|los|las|this|that)\s)[a-záéíóúñ\-]+\s+)?(?:{heads})\b(?!\s+[A-ZÁÉÍÓÚÑ])(?!s\b)"
    )
    for sent in doc.sentences:
        for m in regex.finditer(doc.text, sent.start, sent.end):
            if not m.group(0)[0].islower() and m.start() != sent.start:
                continue
            owner = _OWNED_BY_NAME.match(doc.text, m.end())
            if owner and not lex.is_place_or_demonym(owner.group("name")):
                # "la organización del «Mencho»": a named person's group, not the one spoken of
                # ("la organización de Kotor" is the Kotor clan, still an anaphor)
                continue
            gi, pos = _last_mention_before(mentions, m.start())
            if gi is None:
                continue
            if _sentence_of(doc, pos) < sent.index - 3:
                continue
            appositive = [
                g
                for g, spans in enumerate(mentions)
                for s in spans
                if 0 < m.start() - s.end <= 3 and doc.text[s.end : m.start()].strip() == ","
            ]
            if appositive:
                # "Los Gallegos, una célula del Tren de Aragua, la organización venezolana ...": an
                # anaphor in apposition names the group right before it
                gi = appositive[0]
            elif m.group(0).split()[0].lower() in _DEFINITE:
                # "Los Zetas y el Cártel del Golfo ... el grupo": the most-named group close by, the
                # last named on a tie (measured on data/gold_train only; README "Figures")
                near = {
                    g
                    for g, spans in enumerate(mentions)
                    for s in spans
                    if s.start < m.start() and s.sentence >= sent.index - DEFINITE_BACK
                }
                gi = max(near, key=lambda g: (len(mentions[g]), g == gi)) if near else gi
            if any(s.start < m.end() and m.start() < s.end for spans in mentions for s in spans):
                continue  # "el cartel de Sinaloa": the head noun of a name, no anaphor
            head = fold(m.group(0).split()[-1])
            if head in _KIN_HEADS:
                # "the Hamzy family, ..., and Brothers 4 Life ... The family's matriarch": the group
                # whose own name has the anaphor's noun, the most named of them
                agree = _named_with_noun(mentions, head, m.start(), sent.index, regex)
                if agree and gi not in agree:
                    gi = max(agree, key=lambda g: (len(mentions[g]), -g))
            mentions[gi].append(Span(m.start(), m.end(), m.group(0), sent.index))


def _named_with_noun(mentions: list[list[Span]], noun: str, pos: int, sentence: int, anaphor: re.Pattern) -> list[int]:
    """The groups with a name before ``pos`` that has ``noun`` ("Hamzy family" for "the family";
    an anaphor taken before does not count) and a mention in the AGREE_BACK sentences before."""
    return [
        g
        for g, spans in enumerate(mentions)
        if any(
            s.start < pos and not anaphor.fullmatch(s.text) and noun in {fold(t) for t in tokens(s.text)} for s in spans
        )
        and any(s.start < pos and s.sentence >= sentence - AGREE_BACK for s in spans)
    ]


@lru_cache(maxsize=16)
def outer_mentions(groups: tuple[Group, ...]) -> Mapping[str, tuple[Span, ...]]:
    """Each group's mentions that do not sit inside another group's name: the AUC of "Bloque
    Centauros de las AUC" is named there but the sentence is about the bloc. Relations,
    operations, features and the graph all ask for it, so it is computed once per set of
    groups (read-only)."""
    spans = SpanSet((m.start, m.end) for g in groups for m in g.mentions)
    return MappingProxyType({g.id: tuple(m for m in g.mentions if not spans.encloses(m.start, m.end)) for g in groups})
