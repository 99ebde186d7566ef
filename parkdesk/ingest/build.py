"""The import pipeline: read articles, apply rules and curation, verify every citation, write."""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from parkdesk import __version__
from parkdesk.core.db.store import check_replaceable, write_bundle
from parkdesk.core.errors import BuildError
from parkdesk.core.phones import normalise
from parkdesk.core.records import (
    Article,
    Bundle,
    Citation,
    Contact,
    Entity,
    Figure,
    Relation,
    Role,
)
from parkdesk.ingest.articles import (
    ARTICLE_SUFFIXES,
    ArticleError,
    ParsedArticle,
    page_url,
    parse_article,
    read_text,
)
from parkdesk.ingest.check import file_problems
from parkdesk.ingest.collector import Collector, MissingArticleError
from parkdesk.ingest.curation import Anchor, Curation, load_curation
from parkdesk.ingest.extract import Finding, extract, find_phones
from parkdesk.ingest.linking import NameIndex
from parkdesk.ingest.mentions import unclaimed_mentions
from parkdesk.ingest.report import ArticleReport, fold_curation_warnings
from parkdesk.ingest.text_dates import find_text_dates

# Display units for what the rules find; areas in symbols, amounts as written.
UNITS = {
    "㎡": "m²", "m2": "m²", "square meters": "m²", "square metres": "m²", "square meter": "m²",
    "square kilometers": "km²", "square-kilometer": "km²", "square kilometres": "km²",
    "square-kilometers": "km²", "km2": "km²", "hectares": "ha", "hectare": "ha",
    "percent": "%", "percentage points": "percentage points",
}
_LEADING_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|one hundred|one", re.I)


@dataclass
class BuildResult:
    bundle: Bundle
    reports: list[ArticleReport]
    warnings: list[str]


def read_sources(directory: Path, warnings: list[str]) -> dict[str, str]:
    """SOURCES.tsv, when present: file name -> URL."""
    path = directory / "SOURCES.tsv"
    if not path.exists():
        return {}
    urls: dict[str, str] = {}
    try:
        rows = list(csv.reader(read_text(path).splitlines(), delimiter="\t"))
    except ArticleError as exc:
        warnings.append(f"SOURCES.tsv ignored: {exc}")
        return {}
    for n, row in enumerate(rows, start=1):
        if n == 1 and row[:2] == ["file", "url"]:
            continue
        if len(row) >= 2 and row[0].strip() and row[1].strip().startswith(("http://", "https://")):
            urls[row[0].strip()] = row[1].strip()
        elif any(cell.strip() for cell in row):
            warnings.append(f"SOURCES.tsv line {n}: expected 'file<TAB>http(s) URL'; ignored.")
    return urls


def _entity_matches(collector: Collector, cur: Curation) -> dict[str, list[Citation]]:
    """Cite every entity wherever its name, an alias or a match word appears (longest first)."""
    patterns: list[tuple[str, str]] = []
    for e in cur.entities:
        for text in {e.name, *e.aliases, *e.match}:
            patterns.append((text, e.id))
    patterns.sort(key=lambda p: (-len(p[0]), p[0], p[1]))
    compiled = [(t, re.compile(r"(?<!\w)" + re.escape(t) + r"(?!\w)"), eid) for t, eid in patterns]
    found: dict[str, list[Citation]] = {}
    for art in collector.articles.values():
        report = collector.reports[art.id]
        for p in art.paragraphs:
            taken = bytearray(len(p.text))  # characters already cited: no pairwise scan
            cited: set[str] = set()
            for words, rx, eid in compiled:
                if words not in p.text:
                    continue  # a substring test is far cheaper than running the pattern
                for m in rx.finditer(p.text):
                    if 1 in taken[m.start() : m.end()]:
                        continue
                    taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
                    collector.claimed.setdefault((art.id, p.number), []).append((m.start(), m.end()))
                    if eid not in cited:
                        cited.add(eid)
                        found.setdefault(eid, []).append(
                            collector.cite(art, p.number, m.start(), m.end())
                        )
                        report.attached[eid] = report.attached.get(eid, 0) + 1
    return found


def _build_entities(cur: Curation, cites: dict[str, list[Citation]], warnings: list[str]) -> list[Entity]:
    kept = {e.id for e in cur.entities if cites.get(e.id)}
    parents = {e.id: e.parent for e in cur.entities}
    entities = []
    for e in cur.entities:
        if e.id not in kept:
            warnings.append(f"curation: {e.name!r} is not mentioned in any article; left out.")
            continue
        parent = e.parent
        while parent and parent not in kept:
            parent = parents.get(parent)
        entities.append(
            Entity(
                id=e.id, kind=e.kind, name=e.name, parent_id=parent, subkind=e.subkind,
                district=e.district, status=e.status, description=e.description,
                aliases=tuple(sorted({*e.aliases, *e.curator_aliases})), reviewed=True,
                sources=sorted(cites[e.id], key=_cite_key),
            )
        )
    return entities


def _cite_key(c: Citation) -> tuple:
    return (c.article_id, c.paragraph, c.start)


def _contacts(col: Collector, entities: dict[str, Entity], warnings: list[str]) -> list[Contact]:
    by_label = {**{e.name: e.id for e in entities.values()}, **col.cur.contact_owners}
    contacts: dict[str, Contact] = {}
    for art in col.articles.values():
        if art.id not in col.cur.reviewed_articles:
            continue  # a new article's numbers wait, as unreviewed mentions, for a reader
        report = col.reports[art.id]
        for p in art.paragraphs:
            if not p.contact:
                continue
            for f in extract(p, art.published):
                if f.kind not in ("phone", "address"):
                    continue
                owner = by_label.get(f.label or "")
                if owner not in entities:
                    continue  # stays an unattached mention
                citation = col.cite(art, p.number, f.start, f.end)
                if f.kind == "address":
                    cid = f"{owner}/address"
                    contact = contacts.setdefault(
                        cid, Contact(cid, owner, "address", "Address", f.text)
                    )
                else:
                    phone = normalise(f.text)
                    key = phone.e164 or re.sub(r"\D", "", f.text)
                    cid = f"{owner}/tel/{key.lstrip('+')}"
                    if not phone.valid:
                        warnings.append(f"{art.file}: phone {f.text!r} kept, but {phone.warning}.")
                    contact = contacts.setdefault(
                        cid,
                        Contact(
                            cid, owner, "phone", entities[owner].name, f.text, phone.e164,
                            phone.national, phone.international, phone.valid, phone.warning,
                        ),
                    )
                contact.sources.append(citation)
                report.contacts += 1
    _same_numbers(col, contacts)
    return list(contacts.values())


def _phone_key(text: str) -> str:
    phone = normalise(text)
    return phone.e164 or re.sub(r"\D", "", text)


def _same_numbers(col: Collector, contacts: dict[str, Contact]) -> None:
    """A known number in a new article is the same contact: it gains that citation (the
    finding stays a mention too, linked to the contact, so a reader sees the owner written)."""
    by_number = {_phone_key(c.raw): c for c in contacts.values() if c.kind == "phone"}
    if not by_number:
        return
    for art in col.articles.values():
        if art.id in col.cur.reviewed_articles:
            continue
        for p in art.paragraphs:
            for f in find_phones(p):
                if contact := by_number.get(_phone_key(f.text)):
                    contact.sources.append(Citation(art.id, p.number, f.start, f.end, f.text))
                    col.reports[art.id].contacts += 1
                    col.known_numbers[(art.id, p.number, f.start)] = contact.id


def _locate(
    col: Collector, anchor: Anchor, what: str, warnings: list[str]
) -> tuple[ParsedArticle, Citation] | None:
    """The citation of a curated fact, or None (with a warning) if its article is not here."""
    try:
        return col.locate(anchor, what)
    except MissingArticleError as exc:
        warnings.append(f"curation: {what} cites article {exc.args[0]}, not imported; left out.")
        return None


def _value_of(quote: str, findings: list[Finding], offset: int) -> Finding | None:
    for f in findings:
        if f.kind in ("money", "area", "percent", "count") and offset <= f.start < offset + len(quote):
            return f
    return None


def _figures(col: Collector, kept: set[str], warnings: list[str]) -> list[Figure]:
    figures: list[Figure] = []
    counters: dict[str, int] = {}
    for cf in col.cur.figures:
        if cf.entity not in kept:
            continue
        what = f"figure {cf.metric!r} of {cf.entity!r}"
        found = _locate(col, cf.anchor, what, warnings)
        if found is None:
            continue
        art, c = found
        value_text, unit, value = cf.value, cf.unit, None
        if value_text is None:
            finding = _value_of(c.quote, extract(art.paragraphs[c.paragraph - 1]), c.start)
            if finding is None:
                raise BuildError(f"unverifiable citation: {what}: no number in {c.quote!r}.")
            m = _LEADING_NUMBER.match(finding.text)
            value_text = m[0] if m else finding.text
            unit = unit or UNITS.get((finding.unit or "").lower(), finding.unit)
            value = finding.value
        if value_text not in c.quote:
            raise BuildError(
                f"unverifiable citation: {what}: {value_text!r} is not in the cited words "
                f"{c.quote!r} ({art.file})."
            )
        if value is None:
            value = _number(value_text)
        refers_to = cf.refers_to or _date_in(art, value_text)
        n = counters[cf.entity + cf.metric] = counters.get(cf.entity + cf.metric, 0) + 1
        fid = f"{cf.entity}/{_slug(cf.metric)}/{n}"
        figures.append(
            Figure(
                id=fid, entity_id=cf.entity, metric=cf.metric, value_text=value_text, unit=unit,
                value=value, qualifier=cf.qualifier, refers_to=refers_to,
                reported=(art.published or "")[:10] or None, sources=[c],
            )
        )
        col.reports[art.id].figures += 1
    return figures


def _date_in(art: ParsedArticle, value_text: str) -> str | None:
    """The resolved date when a curated value is a date as written ("Feb 18" -> 2022-02-18)."""
    dates = find_text_dates(value_text, art.published)
    if len(dates) == 1 and dates[0].text == value_text.strip():
        return dates[0].resolved
    return None


_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


def _number(text: str) -> float | None:
    """The number in a curated value such as "2,000" or "30 million"; None for words."""
    m = re.fullmatch(r"([\d,]+(?:\.\d+)?)(?:\s+(thousand|million|billion))?", text.strip())
    if not m:
        return None
    return float(m[1].replace(",", "")) * _SCALES.get(m[2] or "", 1.0)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _roles_relations(
    col: Collector, kept: set[str], warnings: list[str]
) -> tuple[list[Role], list[Relation]]:
    roles: list[Role] = []
    relations: list[Relation] = []
    for n, r in enumerate(col.cur.roles, start=1):
        if r.person not in kept or (r.org and r.org not in kept):
            continue
        what = f"role {r.title!r} of {r.person!r}"
        found = _locate(col, r.anchor, what, warnings)
        if found is None:
            continue
        art, c = found
        if r.title.lower() not in c.quote.lower():
            raise BuildError(f"unverifiable citation: {what}: not in the cited words {c.quote!r}.")
        roles.append(Role(f"{r.person}/role/{n}", r.person, r.title, r.org,
                          (art.published or "")[:10] or None, [c]))
        if r.org:
            relations.append(Relation(f"{r.person}/works-at/{n}", r.person, "works at", r.org, [c]))
    for n, rel in enumerate(col.cur.relations, start=1):
        if rel.subject not in kept or rel.object not in kept:
            continue
        what = f"relation {rel.subject!r} {rel.predicate} {rel.object!r}"
        found = _locate(col, rel.anchor, what, warnings)
        if found is None:
            continue
        _, c = found
        relations.append(Relation(f"{rel.subject}/{_slug(rel.predicate)}/{n}", rel.subject,
                                  rel.predicate, rel.object, [c]))
    return roles, relations


def collect(articles_dir: Path, curation_path: Path) -> BuildResult:
    """Read every article in the folder and turn them, with the curation, into a Bundle."""
    articles_dir = Path(articles_dir)
    try:
        os.listdir(articles_dir)
    except FileNotFoundError:
        raise BuildError(f"{articles_dir}: no such folder.") from None
    except NotADirectoryError:
        raise BuildError(f"{articles_dir}: is not a folder of articles.") from None
    except PermissionError:
        raise BuildError(f"{articles_dir}: you do not have permission to read this folder.") from None
    files = sorted(p for p in articles_dir.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES)
    if not files:
        raise BuildError(
            f"{articles_dir}: no articles (*.txt, *.html) in this folder; nothing to build."
        )
    cur = load_curation(curation_path)
    warnings: list[str] = []
    urls = read_sources(articles_dir, warnings)
    col = Collector(cur)
    reports: list[ArticleReport] = []
    for path in files:
        report = ArticleReport(path.name)
        reports.append(report)
        try:
            if path.name not in urls and (canonical := page_url(path)):
                urls[path.name] = canonical  # a saved page names its own address
            art = parse_article(path, extra_noise=cur.noise.get(path.stem, frozenset()),
                                url=urls.get(path.name))
        except ArticleError as exc:
            report.skipped = str(exc)
            warnings.append(str(exc))
            continue
        warnings.extend(art.warnings)
        col.articles[art.id] = art
        col.reports[art.id] = report
        report.title, report.published, report.inferred = art.title, art.published, art.date_inferred
        report.date_source = art.date_source
        report.reviewed = art.id in cur.reviewed_articles
        report.paragraphs, report.noise = len(art.paragraphs), len(art.noise)
    if not col.articles:
        raise BuildError(f"{articles_dir}: none of the {len(files)} articles could be read.")

    cites = _entity_matches(col, cur)
    entities = _build_entities(cur, cites, warnings)
    by_id = {e.id: e for e in entities}
    bundle = Bundle()
    bundle.articles = [
        Article(a.id, a.file, a.title, a.published, a.date_inferred, a.outlet, urls.get(a.file),
                a.sha256, len(a.paragraphs), a.id in cur.reviewed_articles, a.date_source)
        for a in col.articles.values()
    ]
    bundle.entities = entities
    bundle.contacts = _contacts(col, by_id, warnings)
    bundle.figures = _figures(col, set(by_id), warnings)
    bundle.roles, bundle.relations = _roles_relations(col, set(by_id), warnings)
    index = NameIndex((e.id, n) for e in entities for n in (e.name, *e.aliases))
    bundle.mentions = unclaimed_mentions(col, index)
    for report in reports:
        report.attached = {by_id[k].name: v for k, v in report.attached.items() if k in by_id}
    return BuildResult(bundle, reports, fold_curation_warnings(warnings))


def build_database(articles_dir: Path, output: Path, curation_path: Path) -> BuildResult:
    """Build and atomically write the database; the old file stays if anything fails."""
    check_replaceable(Path(output))
    result = collect(articles_dir, curation_path)
    meta = {
        "built_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "parkdesk_version": __version__,
        "article_count": str(len(result.bundle.articles)),
    }
    # The same checks as `parkdesk check`, on the finished file before it replaces the old one.
    write_bundle(result.bundle, Path(output), meta,
                 check=lambda new_file: file_problems(new_file, Path(articles_dir), curation_path))
    return result
