"""Who holds a post now: a title at a body is a post; of its reports the latest says
"current (as of …)", earlier ones "as of …" (the articles name no end date).

A post is the title's head ("Director" of "Director of the Management Committee") at one
body, so the Management and the Administrative Committee's director, one body with two names,
are one post.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from parkdesk.core.dates import display_date
from parkdesk.core.i18n import translate
from parkdesk.core.records import Role

_OF = re.compile(r"\s+(?:of|at)\s+(?:the\s+)?", re.I)


def post_key(role: Role) -> tuple[str | None, str]:
    """(body, title head): "Director of the Administrative Committee" -> ("committee", "director")."""
    head = _OF.split(role.title, maxsplit=1)[0]
    return role.org_id, " ".join(head.casefold().split())


def latest_reports(roles: Iterable[Role]) -> dict[tuple[str | None, str], str]:
    """The date of the latest report of each post among `roles`."""
    latest: dict[tuple[str | None, str], str] = {}
    for role in roles:
        key = post_key(role)
        if role.reported and role.reported > latest.get(key, ""):
            latest[key] = role.reported
    return latest


def standing(role: Role, roles_of_body: Iterable[Role]) -> str:
    """"current (as of 29 Feb 2024)" for the latest report of its post among `roles_of_body`
    (every role at its body), "as of 30 Apr 2021" for an earlier one, "date not stated"."""
    if not role.reported:
        return translate("Posts", "date not stated")
    when = display_date(role.reported)
    latest = latest_reports(roles_of_body).get(post_key(role), role.reported)
    if role.reported >= latest:
        return translate("Posts", "current (as of {date})").format(date=when)
    return translate("Posts", "as of {date}").format(date=when)
