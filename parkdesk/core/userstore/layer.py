"""What the user's layer adds to each record, for panes and exports: user values beside the
articles' ones, records the user entered, notes, figures marked outdated, hidden records."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Entered:
    """When (ISO date-time, UTC) and by which change the user entered or changed something."""

    at: str
    seq: int

    @property
    def date(self) -> str:
        """The day alone, as an ISO date."""
        return self.at[:10]


@dataclass(frozen=True)
class UserValue:
    """The user's value of one field, beside the articles' value (None: the record is the
    user's own, or the articles left the field empty)."""

    field: str
    value: object
    article_value: object
    entered: Entered


@dataclass(frozen=True)
class Note:
    """The user's free-text note on a record."""

    text: str
    entered: Entered


@dataclass(frozen=True)
class Decision:
    """What the user decided about a finding of an imported article, and when."""

    decision: str  # accepted, attached, set, rejected
    record_id: str | None
    record_type: str | None
    entered: Entered


@dataclass(frozen=True)
class ImportedArticle:
    """An article the user imported (its import is in effect)."""

    article_id: str
    sha256: str
    entered: Entered


@dataclass
class Layer:
    """The user's layer as applied to one directory; empty for the articles alone."""

    # (record type, id) -> field -> the user's value
    values: dict[tuple[str, str], dict[str, UserValue]] = field(default_factory=dict)
    # (record type, id) of records the user added
    added: dict[tuple[str, str], Entered] = field(default_factory=dict)
    notes: dict[tuple[str, str], Note] = field(default_factory=dict)
    outdated: dict[str, Entered] = field(default_factory=dict)  # figure id -> when marked
    # (record type, id) -> (name shown before hiding, when hidden)
    hidden: dict[tuple[str, str], tuple[str, Entered]] = field(default_factory=dict)
    active_changes: int = 0
    # Issue 19: articles the user imported, by article id; decisions by finding id; records
    # the user reviewed from an imported article ((record type, id) -> when).
    articles: dict[str, ImportedArticle] = field(default_factory=dict)
    decisions: dict[str, Decision] = field(default_factory=dict)
    reviewed: dict[tuple[str, str], Entered] = field(default_factory=dict)
    pending: dict[str, int] = field(default_factory=dict)  # article id -> findings to review

    def user_values(self, record_type: str, record_id: str) -> dict[str, UserValue]:
        """The fields of a record the user changed."""
        return self.values.get((record_type, record_id), {})

    def entered(self, record_type: str, record_id: str) -> Entered | None:
        """When the user added this record, or None for the articles' records."""
        return self.added.get((record_type, record_id))

    def note(self, record_type: str, record_id: str) -> Note | None:
        """The user's note on a record, if any."""
        return self.notes.get((record_type, record_id))

    def is_user_data(self, record_type: str, record_id: str) -> bool:
        """Whether anything of this record comes from the user."""
        key = (record_type, record_id)
        return key in self.added or key in self.values or key in self.notes

    def last_entered(self, record_type: str, record_id: str) -> Entered | None:
        """The latest date the user added, changed or annotated this record."""
        key = (record_type, record_id)
        dates = [v.entered for v in self.values.get(key, {}).values()]
        for extra in (self.added.get(key), self.notes[key].entered if key in self.notes else None):
            if extra is not None:
                dates.append(extra)
        return max(dates, key=lambda e: e.at) if dates else None

    def reviewed_on(self, record_type: str, record_id: str) -> Entered | None:
        """When the user last reviewed this record from an imported article, or None."""
        return self.reviewed.get((record_type, record_id))

    @property
    def empty(self) -> bool:
        return not self.active_changes

    def copy(self) -> Layer:
        """A copy whose dicts can change without changing this one (their values are frozen)."""
        return Layer(
            values={k: dict(v) for k, v in self.values.items()}, added=dict(self.added),
            notes=dict(self.notes), outdated=dict(self.outdated), hidden=dict(self.hidden),
            active_changes=self.active_changes, articles=dict(self.articles),
            decisions=dict(self.decisions), reviewed=dict(self.reviewed), pending=dict(self.pending))


EMPTY_LAYER = Layer()
