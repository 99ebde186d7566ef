"""Errors the core raises with a plain sentence for the user: what went wrong, what to do."""


class ParkdeskError(Exception):
    """Base of every error whose message is meant for the user as it is."""


class DatabaseError(ParkdeskError):
    """The directory database is missing, damaged or not a parkdesk database."""


class BuildError(ParkdeskError):
    """An import could not build a database; the previous one is untouched."""
