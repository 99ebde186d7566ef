"""Names without curation: organisations, parks and projects by their head word (Park, Zone,
Bureau, Station, Company, Phase II...), people by the title beside them, and names written in
Han characters. Names never span a sentence boundary ("Station. Shishan" is two)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Head words and the kind of record a name ending in one would become.
HEADS = {
    "project": "Park Parks Zone Valley Base Community City Hub Center Centre Platform Incubator "
               "Accelerator Project Cluster Island Town Square Plaza Building Tower Mall",
    "enterprise": "Company Group Co Ltd Corporation Corp Inc Bank Factory Plant Holdings",
    "institution": "Institute University Academy Laboratory Lab Hospital School College Museum",
    "organisation": "Committee Bureau Office Administration Department Commission Government "
                    "Association Alliance Federation Council Chamber Agency Authority Service",
    "place": "Station Reservoir Expressway Port Airport Railway Bridge District Lake Road Avenue "
             "Street Wetland Highway Metro Line Area",
}
HEAD_KIND = {w: kind for kind, words in HEADS.items() for w in words.split()}
HEAD_KIND["District"] = "place"
HEAD_KIND["Town"] = "place"
# Places whose name at the start marks an enterprise or body without a head word.
_PLACES = ("Foshan|Guangdong|Guangzhou|Shenzhen|Nanhai|Shunde|Chancheng|Gaoming|Sanshui|"
           "Zhaoqing|Zhuhai|Dongguan|Jiangmen|Hong Kong|Macao")
_TITLE = (
    r"(?:(?:[Dd]eputy|[Aa]ssistant|[Vv]ice|[Ee]xecutive|[Cc]hief|[Pp]arty|[Ss]enior|[Ff]irst|[Gg]eneral)\s+)*"
    r"(?:[Gg]eneral [Mm]anager|[Dd]irector(?:-[Gg]eneral)?|[Mm]anager|[Ff]ounder|[Ss]ecretary|"
    r"[Cc]hairman|[Cc]hairwoman|[Cc]hairperson|[Pp]resident|[Dd]ean|[Hh]ead|CEO|CTO|[Mm]ayor|"
    r"[Mm]ember|[Pp]rofessor|[Rr]esearcher|[Ee]ngineer|[Pp]artner|[Ll]eader|[Cc]ommissioner|"
    r"[Gg]overnor|[Oo]fficial|[Ss]pokes(?:man|woman|person))"
)
_TITLE_RX = re.compile(rf"^{_TITLE}$")
_NAME = r"[A-Z][a-z]+(?:\s[A-Z][a-z]+){1,2}"
_PERSON_AFTER = re.compile(
    rf"(?<![\w-])(?P<name>{_NAME}),\s+(?:the\s+|a\s+|an\s+)?(?P<title>{_TITLE}\b(?:Co\.,\s*Ltd\.|[^;:\"“”,.])*)"
)
_PERSON_BEFORE = re.compile(rf"\b(?P<title>{_TITLE})\s+(?P<name>{_NAME})\b")
_PERSON_SAID = re.compile(rf"\bsaid\s+(?P<name>{_NAME})(?=[,.])")
_HAN = re.compile(r"[\u3400-\u9fff]{2,}")
_SENTENCE = re.compile(r"(?<!\bCo)(?<!\bNo)(?<!\bSt)(?<!\bDr)(?<!\bMr)(?<!\bMs)[.!?;](?=\s+|$)")
_TOKEN = re.compile(
    r"(?<![\w&'’-])(?:\([A-Z][\w ]*\)|Co\.,\s*Ltd\.?|Ltd\.|Co\.|[A-Z][\w&'’-]*|&|of\b|and\b|for\b|"
    r"de\b|\d+[A-Z]\w*)"
)
_CONNECT = {"of", "and", "for", "&", "de"}
_LEAD_WORDS = (
    "The A An On In At By As Since From With For To Its This These Those That Their Our Led Currently "
    "Meanwhile Moreover Furthermore Recently According Besides Also And But If When While After "
    "Before During Inside Outside Under Over Among Between Last Next Each Every Some Many Most "
    "Both Such Other New Located Built Founded Run Here There It He She They We One Two Three Four "
    "Five Six Seven Eight Nine Ten"
)
# Sentence openers and other capitalised words that do not start a name.
_LEAD_STOP = frozenset(_LEAD_WORDS.split())
_ROMAN = re.compile(r"^(?:I|II|III|IV|V|VI)$")


@dataclass(frozen=True)
class Name:
    """A name found in text: span, kind (organisation or person), and words beside it."""

    kind: str  # organisation, person, alias
    start: int
    end: int
    label: str | None = None  # a person's title; the kind of record an organisation would be
    about: str | None = None  # the organisation in a person's title; the name a Han alias glosses


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of `text` (abbreviations such as "Co." do not end one)."""
    spans, start = [], 0
    for m in _SENTENCE.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _runs(text: str, start: int, end: int) -> list[list[re.Match[str]]]:
    """Runs of capitalised words (with connectors between them) inside one sentence."""
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    pos = start
    for m in _TOKEN.finditer(text, start, end):
        gap = text[pos : m.start()]
        if current and (gap.strip() or "\n" in gap):
            runs.append(current)
            current = []
        if current or m[0] not in _CONNECT:
            current.append(m)
        pos = m.end()
    if current:
        runs.append(current)
    return runs


def _is_head(token: str) -> bool:
    return token.rstrip(".,") in HEAD_KIND or token.startswith("Co.") or bool(_ROMAN.match(token))


def _segments(run: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """A run cut at titles ("Director of"), and at "and" between two complete names."""
    segments: list[list[re.Match[str]]] = [[]]
    for i, m in enumerate(run):
        word = m[0]
        if _TITLE_RX.match(word) or word in ("Deputy", "Vice", "Assistant"):
            segments.append([])
            continue
        seg = segments[-1]
        if word in _CONNECT and not seg:
            continue
        if word == "and" and seg and _is_head(seg[-1][0]) and any(
            _is_head(n[0]) for n in run[i + 1 :]
        ):
            segments.append([])
            continue
        seg.append(m)
    return [s for s in segments if s]


def _organisation(seg: list[re.Match[str]], sentence_start: int) -> tuple[int, int, str] | None:
    while seg and (seg[0][0] in _CONNECT or (seg[0][0] in _LEAD_STOP)):
        seg = seg[1:]
    while seg and seg[-1][0] in _CONNECT:
        seg = seg[:-1]
    if len(seg) < 2:
        return None
    heads = [i for i, m in enumerate(seg) if _is_head(m[0])]
    if not heads:
        if re.match(_PLACES, seg[0][0]) and len(seg) >= 3 and all(m[0] not in _CONNECT for m in seg):
            return seg[0].start(), seg[-1].end(), "enterprise"
        return None
    last = heads[-1]
    # "Bureau of Water Affairs", "Bank of China": an "of" tail of capitalised words belongs.
    tail = seg[last + 1 :]
    if tail and tail[0][0] == "of" and len(tail) > 1 and all(m[0] not in _CONNECT for m in tail[1:]):
        end = tail[-1].end()
    else:
        end = seg[last].end()
    head = seg[last][0].rstrip(".,")
    kind = "project" if _ROMAN.match(head) else HEAD_KIND.get(head, "enterprise")
    if last == 0 or (_ROMAN.match(head) and last < 2):
        return None
    return seg[0].start(), end, kind


def find_names(text: str) -> list[Name]:
    """Organisations and people in `text`, each inside one sentence, in reading order."""
    found: list[Name] = []
    for s, e in sentences(text):
        for run in _runs(text, s, e):
            for seg in _segments(run):
                if org := _organisation(seg, s):
                    start, end, kind = org
                    found.append(Name("organisation", start, end, label=kind))
        sentence = text[s:e]
        for rx in (_PERSON_AFTER, _PERSON_BEFORE, _PERSON_SAID):
            for m in rx.finditer(sentence):
                title = m.groupdict().get("title")
                about = _title_org(text, found, s + m.start(), s + m.end()) if title else None
                found.append(Name("person", s + m.start("name"), s + m.end("name"),
                                  label=title.strip() if title else None, about=about))
    for m in _HAN.finditer(text):
        before = [n for n in found if n.kind == "organisation" and 0 <= m.start() - n.end <= 3]
        found.append(Name("alias", m.start(), m.end(), label="Han characters",
                          about=text[before[-1].start : before[-1].end] if before else None))
    people = [(n.start, n.end) for n in found if n.kind == "person"]
    kept: dict[tuple[str, int, int], Name] = {}
    for n in found:
        if n.kind == "organisation":
            # "Li Ming of Acme Co., Ltd.": the person is not part of the company's name.
            for s, e in people:
                if s <= n.start < e and text.startswith(" of ", e) and e + 4 < n.end:
                    n = Name(n.kind, e + 4, n.end, n.label, n.about)
            if any(s <= n.start and n.end <= e for s, e in people):
                continue
        kept.setdefault((n.kind, n.start, n.end), n)  # the first rule (with the title) wins
    return sorted(kept.values(), key=lambda n: (n.start, n.end, n.kind))


def _title_org(text: str, found: list[Name], start: int, end: int) -> str | None:
    """The organisation a title names (the last one found inside the person's phrase)."""
    inside = [n for n in found if n.kind == "organisation" and start <= n.start and n.end <= end]
    return text[inside[-1].start : inside[-1].end] if inside else None
