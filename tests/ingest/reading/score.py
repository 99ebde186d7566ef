"""Recall of an import on the evaluation articles: how much of what a reader lists it surfaces.

`python -m tests.ingest.reading.score DB` prints the figures for a database built from
`articles/` (works on databases of older parkdesk versions too: missing columns count as
not found). The test in test_reading_recall.py holds the floor.
"""

from __future__ import annotations

import sqlite3
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
EXPECTED = HERE / "expected.toml"
GROUPS = ("dates of publication", "outlets", "contacts", "figures", "names", "dated events",
          "links", "captions not cited")


@dataclass
class Score:
    found: dict[str, int] = field(default_factory=lambda: dict.fromkeys(GROUPS, 0))
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(GROUPS, 0))
    missed: list[str] = field(default_factory=list)

    def add(self, group: str, ok: bool, what: str) -> None:
        self.total[group] += 1
        self.found[group] += ok
        if not ok:
            self.missed.append(f"{group}: {what}")

    @property
    def recall(self) -> float:
        return sum(self.found.values()) / sum(self.total.values())

    def lines(self) -> list[str]:
        out = [f"  {g:22} {self.found[g]:3}/{self.total[g]:<3}" for g in GROUPS if self.total[g]]
        out.append(f"  {'all':22} {sum(self.found.values()):3}/{sum(self.total.values()):<3}"
                   f" = {self.recall:.0%}")
        return out


def _rows(con: sqlite3.Connection, article: str) -> list[dict]:
    cols = [r[1] for r in con.execute("PRAGMA table_info(mentions)")]
    rows = con.execute("SELECT * FROM mentions WHERE article_id = ?", (article,)).fetchall()
    return [dict.fromkeys(("label", "qualifier", "resolved", "link_id"))
            | dict(zip(cols, r, strict=True)) for r in rows]


def _cited(con: sqlite3.Connection, article: str) -> list[tuple[str, str, str]]:
    return con.execute(
        "SELECT record_type, record_id, quote FROM citations WHERE article_id = ?", (article,)
    ).fetchall()


def _kept_lines(path: Path) -> list[str]:
    from parkdesk.ingest.articles import parse_article

    return [p.text for p in parse_article(path).paragraphs]


NAME_KINDS = {"organisation", "person", "alias", "park", "place", "project", "enterprise"}


def score(db: Path, articles: Path = ARTICLES, expected: Path = EXPECTED) -> Score:
    """Compare the database built from `articles` with the hand-made list in `expected`."""
    items = tomllib.loads(expected.read_text(encoding="utf-8"))["article"]
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    s = Score()
    for item in items:
        aid = Path(item["file"]).stem
        row = con.execute("SELECT published, outlet FROM articles WHERE id = ?", (aid,)).fetchone()
        published, outlet = row if row else (None, None)
        s.add("dates of publication", published == item["published"], f"{aid} {published}")
        s.add("outlets", outlet == item["outlet"], f"{aid} {outlet}")
        mentions = _rows(con, aid)
        cited = _cited(con, aid)
        for kind, text, *rest in item.get("figures", []):
            value = rest[0] if rest else None
            qualifier = rest[1] if len(rest) > 1 else None
            ok = any(
                m["kind"] == kind and m["text"] == text
                and (value is None or (m["value"] is not None and abs(m["value"] - value) < 1e-9))
                and (qualifier is None or m["qualifier"] == qualifier)
                for m in mentions
            )
            s.add("figures", ok, f"{aid} {kind} {text!r}")
        for name, *title in item.get("names", []):
            ok = any(
                m["kind"] in NAME_KINDS and m["text"] == name
                and (not title or title[0].lower() in (m["label"] or "").lower())
                for m in mentions
            ) or any(t == "entity" and q == name for t, _, q in cited)
            s.add("names", ok, f"{aid} {name!r}")
        for text, resolved in item.get("dates", []):
            ok = any(m["kind"] in ("date", "event") and m["text"] == text
                     and m["resolved"] == resolved for m in mentions)
            s.add("dated events", ok, f"{aid} {text!r} -> {resolved}")
        for owner, value in item.get("contacts", []):
            ok = any(m["kind"] in ("phone", "address") and m["text"] == value
                     and m["label"] == owner for m in mentions)
            ok = ok or any(
                t == "contact" and q == value and con.execute(
                    "SELECT 1 FROM contacts c LEFT JOIN entities e ON e.id = c.owner_id "
                    "WHERE c.id = ? AND (c.label = ? OR e.name = ?)", (rid, owner, owner)
                ).fetchone() is not None
                for t, rid, q in cited
            )
            s.add("contacts", ok, f"{aid} {owner}: {value}")
        for text, target in item.get("links", []):
            ok = any(m["text"] == text and m["link_id"] == target for m in mentions)
            s.add("links", ok, f"{aid} {text!r} -> {target}")
        kept = _kept_lines(articles / item["file"])
        for caption in item.get("captions", []):
            s.add("captions not cited", not any(caption in line for line in kept),
                  f"{aid} {caption!r}")
    con.close()
    return s


if __name__ == "__main__":
    result = score(Path(sys.argv[1]))
    print("\n".join(result.lines()))
    if "-v" in sys.argv:
        print("\n".join("  missed " + m for m in result.missed))
