"""`parkdesk review list|accept|reject|attach`: the queue of findings from imported articles,
and decisions on them from the command line (each one change, undoable in the app)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from parkdesk.commands import add_db_option, user_store_of
from parkdesk.core.errors import ParkdeskError

NAME = "review"
HELP = "list and decide the findings of the articles you imported"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`review list`, `review accept ID…`, `review reject ID…`, `review attach ID RECORD`."""
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="pending findings per article, with their ids")
    listing.add_argument("--all", action="store_true", help="decided findings too")
    add_db_option(listing)
    accept = sub.add_parser("accept", help="accept findings: to their proposed record, or as "
                            "new records (names), figures or contacts")
    accept.add_argument("ids", nargs="+", metavar="ID")
    accept.add_argument("--park", default=None, metavar="ID",
                        help="park (or zone) of new records (default: the zone)")
    add_db_option(accept)
    reject = sub.add_parser("reject", help="reject findings")
    reject.add_argument("ids", nargs="+", metavar="ID")
    add_db_option(reject)
    attach = sub.add_parser("attach", help="attach a finding to an existing record (or contact)")
    attach.add_argument("id", metavar="ID")
    attach.add_argument("record", metavar="RECORD")
    attach.add_argument("--metric", default=None, help="the metric of a figure")
    add_db_option(attach)


def run(args: argparse.Namespace) -> int:
    store = user_store_of(args)
    if store is None:
        raise ParkdeskError("--without-user-data leaves no imported articles to review.")
    if args.action == "list":
        return review_list(args.db, store, args.all)
    if args.action == "attach":
        return review_decide(args.db, store, "attach", [args.id], args.record, args.metric)
    return review_decide(args.db, store, args.action, args.ids, getattr(args, "park", None))


def review_list(db: Path, store: Path, show_all: bool = False) -> int:
    """Print each imported article's pending findings: id, kind, text, proposed record."""
    from parkdesk.core.userstore import review
    from parkdesk.core.userstore.session import open_user_data

    if not store.exists():
        print("No imported articles: import some with `parkdesk import FILES…`.")
        return 0
    data = open_user_data(db, store, read_only=True, backup=False)
    try:
        items = data.queue()
        if not items:
            print("No imported articles: import some with `parkdesk import FILES…`.")
        for item in items:
            shown = item.article.findings if show_all else item.pending
            print(f"{item.article_id}: “{item.article.title}” — {len(item.pending)} of "
                  f"{len(item.article.findings)} findings to review")
            for f in shown:
                decided = data.directory.layer.decisions.get(f["id"])
                link = f.get("link_id")
                named = review.proposal_text(data.directory, f)
                proposal = f" -> {named} ({link})" if link and named else ""
                state = f" [{decided.decision}]" if decided else ""
                print(f"  {f['id']}  {f['kind']}: {f['text']}{proposal}{state}")
    finally:
        data.close()
    return 0


def review_decide(db: Path, store: Path, action: str, ids: list[str],
                  target: str | None = None, metric: str | None = None) -> int:
    """Accept, reject or attach findings; each finding's decision is one change."""
    from parkdesk.core.userstore import review
    from parkdesk.core.userstore.articles import CONTACT_KINDS, FIGURE_KINDS
    from parkdesk.core.userstore.session import open_user_data

    data = open_user_data(db, store)
    try:
        for message in data.messages:
            print(f"parkdesk: {message}", file=sys.stderr)
        d = data.directory
        for finding_id in ids:
            lookup = data.article
            article_id, _article, f = review.find(d.layer, lookup, finding_id)
            if f["id"] in d.layer.decisions:
                print(f"{finding_id}: already {d.layer.decisions[f['id']].decision}; nothing changed.")
                continue
            if action == "reject":
                decided = review.reject(article_id, f)
            elif action == "attach":
                decided = review.attach(d, article_id, f, target or "", metric)
            elif review.can_attach_to_proposal(d, f):
                decided = review.attach(d, article_id, f, f["link_id"])
            elif f["kind"] in FIGURE_KINDS or f["kind"] in CONTACT_KINDS:
                raise ParkdeskError(f"{finding_id}: no proposed record; give one with "
                                    f"`parkdesk review attach {finding_id} RECORD`.")
            else:
                park = target or d.zone().id
                if d.entity(park) is None:
                    raise ParkdeskError(f"There is no park {park!r}; `parkdesk search` finds its id.")
                decided = review.accept_new(article_id, f, review.guess_kind(f), f["text"], park)
            change = data.record(decided.summary, decided.ops)
            print(f"{finding_id}: {decided.summary} (change {change.seq}).")
    finally:
        data.close()
    return 0
