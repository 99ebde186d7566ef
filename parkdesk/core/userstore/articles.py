"""Articles the user imported: their text and what the reading rules found in it, as plain
data kept in the user store (content, keyed by the text's sha256; the import itself is a
change in the journal that points at it)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

Finding = dict[str, Any]
#: Keys of a stored finding (the reading rules' Finding, with its proposed link).
FINDING_KEYS = ("id", "kind", "text", "paragraph", "start", "end", "value", "unit", "label",
                "qualifier", "resolved", "converted", "about", "link_id", "link_type",
                "link_score", "link_reason")
NAME_KINDS = ("organisation", "person", "alias")
FIGURE_KINDS = ("money", "area", "length", "percent", "rank", "count", "date")
CONTACT_KINDS = ("phone", "address")


@dataclass(frozen=True)
class StoredArticle:
    """One imported article: where it came from, its kept paragraphs, and its findings."""

    sha256: str
    article_id: str
    file: str
    title: str
    published: str | None
    date_inferred: bool
    outlet: str | None
    url: str | None
    date_source: str | None
    paragraphs: tuple[str, ...]
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    def finding(self, finding_id: str) -> Finding | None:
        """One finding by id."""
        return next((f for f in self.findings if f["id"] == finding_id), None)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["paragraphs"] = list(self.paragraphs)
        data["findings"] = [dict(f) for f in self.findings]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StoredArticle:
        return cls(
            sha256=str(data["sha256"]), article_id=str(data["article_id"]), file=str(data["file"]),
            title=str(data["title"]), published=data.get("published"),
            date_inferred=bool(data.get("date_inferred")), outlet=data.get("outlet"),
            url=data.get("url"), date_source=data.get("date_source"),
            paragraphs=tuple(data.get("paragraphs") or ()),
            findings=tuple(data.get("findings") or ()),
        )
