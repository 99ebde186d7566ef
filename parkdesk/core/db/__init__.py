"""The database layer: opening, validating, querying and writing a parkdesk database.

All SQL lives in this package."""
