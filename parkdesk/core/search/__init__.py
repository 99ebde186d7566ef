"""Search planning, free of SQL: what a user's text asks for, and how the answers are ranked.

`text` reads words and digit runs, `intent` finds trailing words such as "phone", `typos`
proposes corrections from the directory's own words, `hits` holds the results. The SQL that
answers a plan is in parkdesk.core.db.search.
"""

from parkdesk.core.search.hits import SearchHit, SearchResult

__all__ = ["SearchHit", "SearchResult"]
