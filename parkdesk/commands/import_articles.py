"""`parkdesk import FILES…`: add articles to your directory for review (the user store), or,
with `-o FILE`, build a directory database from a folder of articles (`make db`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from parkdesk.commands import add_db_option, user_store_of
from parkdesk.core.errors import ParkdeskError
from parkdesk.paths import CURATION_FILE, DEFAULT_DB

NAME = "import"
HELP = "add articles to your directory for review, or build a database (-o)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`import FILES… [--user-store PATH]` or `import DIR -o FILE [--curation FILE] [-q]`."""
    parser.add_argument("articles", type=Path, nargs="+", metavar="FILES",
                        help="article files (*.txt, saved *.html pages) or folders of them")
    parser.add_argument("-o", "--output", type=Path, default=None, metavar="FILE",
                        help=f"build this database from one folder of articles (the bundled one: "
                             f"{DEFAULT_DB}) instead of adding them to your directory")
    parser.add_argument("--curation", type=Path, default=None, metavar="FILE",
                        help="curation file for -o (default: data/curation.toml)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no per-article summary")
    add_db_option(parser)


def run(args: argparse.Namespace) -> int:
    """Import from the parsed arguments."""
    if args.output is not None:
        if len(args.articles) != 1:
            raise ParkdeskError("With -o, give one folder of articles to build the database from.")
        return import_articles(args.articles[0], args.output, args.curation or CURATION_FILE,
                               args.quiet)
    store = user_store_of(args)
    if store is None:
        raise ParkdeskError("--without-user-data leaves nowhere to import to; "
                            "give -o FILE to build a database instead.")
    return import_for_review(args.db, store, args.articles, args.quiet)


def import_for_review(db: Path, store: Path, files: list[Path], quiet: bool = False) -> int:
    """Read `files` with the import's rules and add them to the user store's review queue;
    the same text twice is a no-op that says so. 1 when nothing could be imported."""
    from parkdesk.core.userstore.session import open_user_data
    from parkdesk.ingest.review_import import Proposer, read_files

    data = open_user_data(db, store)
    try:
        for message in data.messages:
            print(f"parkdesk: {message}", file=sys.stderr)
        result = read_files(files, Proposer.of(data.directory))
        for message in result.skipped:
            print(f"parkdesk: {message}", file=sys.stderr)
        imported = 0
        for article, text in result.read:
            title = data.already_imported(article.sha256)
            if title is not None:
                print(f"{article.file}: already in your directory as “{title}”; nothing changed.")
                continue
            change = data.import_article(article, text)
            imported += 1
            if not quiet and change is not None:
                proposed = sum(1 for f in article.findings if f.get("link_id"))
                print(f"{article.file}: imported “{article.title}” as {article.article_id}: "
                      f"{len(article.findings)} findings to review, {proposed} with a proposed "
                      f"record (change {change.seq}).")
    finally:
        data.close()
    if imported:
        print(f"Imported {imported} article{'s' if imported != 1 else ''}; review them in the "
              "app (To review) or with `parkdesk review list`.")
    return 0 if imported or not result.skipped else 1


def import_articles(articles: Path, output: Path, curation: Path = CURATION_FILE,
                    quiet: bool = False) -> int:
    """Build the database `output` from a folder; BuildError propagates as a one-line message."""
    from parkdesk.ingest.build import build_database

    result = build_database(articles, output, curation)
    if not quiet:
        for report in result.reports:
            print("\n".join(report.lines()))
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    b = result.bundle
    print(
        f"wrote {output}: {len(b.articles)} articles, {len(b.entities)} records, "
        f"{len(b.contacts)} contacts, {len(b.figures)} figures, {len(b.roles)} roles, "
        f"{len(b.relations)} relations, {len(b.mentions)} unreviewed mentions"
    )
    return 0
