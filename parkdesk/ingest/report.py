"""What an import says per article (`parkdesk import` prints it): what is new first, then what
was attached, kept and stripped; and the curation's "left out" warnings folded into one line."""

from __future__ import annotations

from dataclasses import dataclass, field

from parkdesk.ingest.extract import Finding

_PROPOSED = {"organisation": "names", "person": "people", "alias": "Han-character aliases"}
_FIGURES = ("money", "area", "length", "percent", "rank", "count")


@dataclass
class ArticleReport:
    """What the import did with one article, for the summary it prints."""

    file: str
    title: str = ""
    published: str | None = None
    inferred: bool = False
    date_source: str | None = None
    reviewed: bool = True
    paragraphs: int = 0
    noise: int = 0
    attached: dict[str, int] = field(default_factory=dict)  # record name -> citations
    figures: int = 0
    contacts: int = 0
    unattached: list[Finding] = field(default_factory=list)
    links: list[tuple[str, str, float]] = field(default_factory=list)  # text, record, score
    skipped: str | None = None

    def lines(self) -> list[str]:
        """New records proposed, links, figures and contacts first; then the rest."""
        if self.skipped:
            return [f"{self.file}: SKIPPED: {self.skipped}"]
        date = (self.published or "no date") + (
            " (inferred)" if self.inferred else " (from the URL)" if self.date_source == "URL" else ""
        )
        review = "" if self.reviewed else " [new article: findings stored as unreviewed]"
        out = [f"{self.file}: {self.title!r}, {date}{review}"]
        kinds: dict[str, list[Finding]] = {}
        for f in self.unattached:
            kinds.setdefault(f.kind, []).append(f)
        for kind, what in _PROPOSED.items():
            if kinds.get(kind):
                out.append(f"  new {what} proposed: {_shown([f.text for f in kinds[kind]])}")
        if self.links:
            shown = [f"{t} -> {r} ({s:.2f})" for t, r, s in self.links]
            out.append(f"  links proposed: {_shown(shown)}")
        figures = [f for k in _FIGURES for f in kinds.get(k, [])]
        if figures:
            out.append(f"  figures found: {_shown([_figure_text(f) for f in figures])}")
        dates = kinds.get("date", [])
        if dates:
            shown = [f"{f.text} = {f.resolved or '?'}" for f in dates]
            out.append(f"  dates: {_shown(shown)}")
        phones = kinds.get("phone", []) + kinds.get("address", [])
        if phones:
            shown = [f"{f.label or '?'}: {f.text}" for f in phones]
            out.append(f"  contacts found: {_shown(shown)}")
        out.append(
            f"  attached: {len(self.attached)} records, {self.figures} figures, "
            f"{self.contacts} contacts; {self.paragraphs} paragraphs kept, "
            f"{self.noise} noise lines stripped"
        )
        if self.attached:
            out.append(f"    records: {', '.join(sorted(self.attached))}")
        return out


def _shown(texts: list[str], limit: int = 8) -> str:
    return f"{len(texts)}: " + "; ".join(texts[:limit]) + ("; …" if len(texts) > limit else "")


def _figure_text(f: Finding) -> str:
    text = " ".join(x for x in (f.qualifier, f.text) if x)
    return f"{text} [{f.converted}]" if f.converted else text


def fold_curation_warnings(warnings: list[str]) -> list[str]:
    """The curation's "not mentioned" and "not imported" warnings as one line, others as they are."""
    folded = [w for w in warnings if w.startswith("curation:") and w.endswith("; left out.")]
    if len(folded) <= 1:
        return warnings
    left_out = set(folded)
    first = "; ".join(w.removeprefix("curation: ").removesuffix("; left out.") for w in folded[:2])
    return [
        *(w for w in warnings if w not in left_out),
        f"curation: {len(folded)} entries left out because their record or article is not in "
        f"this import (e.g. {first}; …).",
    ]
