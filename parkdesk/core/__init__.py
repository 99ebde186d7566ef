"""The Qt-free core: records, database access, search and fact-sheet content."""
