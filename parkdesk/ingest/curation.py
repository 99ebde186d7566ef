"""The curation file: what rules cannot decide (entities, aliases, park assignment, which
figure belongs to what, relations), in diff-friendly TOML, each fact anchored by a quote."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from parkdesk.core.errors import BuildError
from parkdesk.core.records import KINDS


@dataclass(frozen=True)
class CuratedEntity:
    id: str
    kind: str
    name: str
    parent: str | None
    aliases: tuple[str, ...]
    match: tuple[str, ...]  # extra words that refer to it in text, not shown as aliases
    subkind: str | None
    district: str | None
    status: str | None
    description: str | None
    # Names the curator supplies that no article gives (the zone's official Chinese names):
    # aliases without a citation, never matched in the articles' text.
    curator_aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Anchor:
    """A quote in an article that a curated fact rests on."""

    article: str
    quote: str


@dataclass(frozen=True)
class CuratedFigure:
    entity: str
    metric: str
    anchor: Anchor
    value: str | None
    unit: str | None
    qualifier: str | None
    refers_to: str | None


@dataclass(frozen=True)
class CuratedRole:
    person: str
    title: str
    org: str | None
    anchor: Anchor


@dataclass(frozen=True)
class CuratedRelation:
    subject: str
    predicate: str
    object: str
    anchor: Anchor


@dataclass
class Curation:
    reviewed_articles: frozenset[str] = frozenset()
    noise: dict[str, frozenset[str]] = field(default_factory=dict)
    contact_owners: dict[str, str] = field(default_factory=dict)
    entities: list[CuratedEntity] = field(default_factory=list)
    figures: list[CuratedFigure] = field(default_factory=list)
    roles: list[CuratedRole] = field(default_factory=list)
    relations: list[CuratedRelation] = field(default_factory=list)


def _anchor(item: dict, where: str) -> Anchor:
    try:
        return Anchor(item["article"], item["quote"])
    except KeyError as exc:
        raise BuildError(f"{where}: missing {exc.args[0]!r}.") from exc


def load_curation(path: Path) -> Curation:
    """Read and check the curation file; BuildError names the entry that is wrong."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise BuildError(f"{path}: curation file not found.") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise BuildError(f"{path}: not valid TOML ({exc}).") from exc
    at = [f"{path.name}"]  # the entry being read, for messages
    try:
        cur = _read(path, data, at)
    except KeyError as exc:
        raise BuildError(f"{at[0]}: missing {exc.args[0]!r}.") from exc
    except (TypeError, AttributeError, ValueError) as exc:
        raise BuildError(f"{at[0]}: a value has the wrong type ({exc}).") from exc
    if not any(e.kind == "zone" for e in cur.entities):
        raise BuildError(f"{path.name}: no entity of kind 'zone'; the directory needs its zone.")
    return cur


def _read(path: Path, data: dict, at: list[str]) -> Curation:
    cur = Curation()
    cur.reviewed_articles = frozenset(data.get("articles", {}).get("reviewed", []))
    noise: dict[str, set[str]] = {}
    for i, item in enumerate(data.get("noise", []), start=1):
        at[0] = f"{path.name}: noise #{i}"
        noise.setdefault(item["article"], set()).add(item["text"])
    cur.noise = {k: frozenset(v) for k, v in noise.items()}
    at[0] = f"{path.name}: contact"
    cur.contact_owners = {c["label"]: c["owner"] for c in data.get("contact", [])}
    ids: set[str] = set()
    for i, e in enumerate(data.get("entity", []), start=1):
        where = at[0] = f"{path.name}: entity #{i} ({e.get('id', '?')})"
        if e.get("kind") not in KINDS:
            raise BuildError(f"{where}: kind must be one of {', '.join(KINDS)}.")
        if e.get("id") in ids:
            raise BuildError(f"{where}: the id is used twice.")
        ids.add(e["id"])
        cur.entities.append(
            CuratedEntity(
                id=e["id"], kind=e["kind"], name=e["name"], parent=e.get("parent"),
                aliases=tuple(e.get("aliases", ())), match=tuple(e.get("match", ())),
                subkind=e.get("subkind"), district=e.get("district"), status=e.get("status"),
                description=e.get("description"),
                curator_aliases=tuple(e.get("curator_aliases", ())),
            )
        )
    for i, f in enumerate(data.get("figure", []), start=1):
        where = at[0] = f"{path.name}: figure #{i} ({f.get('metric', '?')})"
        cur.figures.append(
            CuratedFigure(
                entity=f["entity"], metric=f["metric"], anchor=_anchor(f, where),
                value=f.get("value"), unit=f.get("unit"), qualifier=f.get("qualifier"),
                refers_to=str(f["refers_to"]) if "refers_to" in f else None,
            )
        )
    for i, r in enumerate(data.get("role", []), start=1):
        where = at[0] = f"{path.name}: role #{i}"
        cur.roles.append(CuratedRole(r["person"], r["title"], r.get("org"), _anchor(r, where)))
    for i, r in enumerate(data.get("relation", []), start=1):
        where = at[0] = f"{path.name}: relation #{i}"
        cur.relations.append(
            CuratedRelation(r["subject"], r["predicate"], r["object"], _anchor(r, where))
        )
    for ref, where in (
        *((f.entity, f"figure {f.metric!r}") for f in cur.figures),
        *((r.person, f"role {r.title!r}") for r in cur.roles),
        *((r.org, f"role {r.title!r}") for r in cur.roles if r.org),
        *((r.subject, f"relation {r.predicate!r}") for r in cur.relations),
        *((r.object, f"relation {r.predicate!r}") for r in cur.relations),
        *((e.parent, f"entity {e.id!r} parent") for e in cur.entities if e.parent),
        *((o, f"contact owner of {label!r}") for label, o in cur.contact_owners.items()),
    ):
        if ref not in ids:
            raise BuildError(f"{path.name}: {where} refers to unknown entity {ref!r}.")
    return cur
