"""Errors the core raises with a plain sentence for the user: what went wrong, what to do."""

from __future__ import annotations


class ParkdeskError(Exception):
    """Base of every error whose message is meant for the user as it is."""


class DatabaseError(ParkdeskError):
    """The directory database is missing, damaged or not a parkdesk database.

    `problem` says what is wrong, `hint` what to do about it (for this file); the message is
    both, so a command line prints one line and a dialog can show them apart.
    """

    def __init__(self, problem: str, hint: str = "") -> None:
        super().__init__(f"{problem} {hint}".strip())
        self.problem = problem
        self.hint = hint


class DatabaseLockedError(DatabaseError):
    """Another program holds a lock on the database; trying again later can work."""


class BuildError(ParkdeskError):
    """An import could not build a database; the previous one is untouched."""


def os_error_reason(exc: OSError) -> str:
    """What an OSError means, in lower case words ("permission denied", "no space left...")."""
    return (exc.strerror or str(exc) or "input/output error").lower()
