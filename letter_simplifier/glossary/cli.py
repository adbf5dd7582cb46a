"""`letter-simplifier glossary ...`: check the term files, add a term, move the
glossary between the files and the database, manage maintainers' accounts.

The files in glossary/ are what git reviews; the database is what the web
app edits and publishes. `import` copies files into the database, `export`
writes the database back to files in canonical form (see files.py), so a
diff shows exactly what the maintainers changed.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections import Counter
from pathlib import Path

from .. import GLOSSARY_DIR

PASSWORD_ENV = "LETTER_SIMPLIFIER_PASSWORD"
FIELDS_HELP = {
    "term": "Het woord (basisvorm)",
    "plain": "De uitleg (hooguit 2 zinnen van hooguit 12 woorden)",
    "category": "Het onderwerp (bestandsnaam zonder .toml)",
    "example": "Een voorbeeldzin met het woord erin",
    "source": "Bron (wetsartikel of officiële site)",
}


def add_parser(sub) -> None:
    glossary = sub.add_parser("glossary", help="check and maintain the glossary")
    commands = glossary.add_subparsers(dest="glossary_command", required=True)

    def with_database(parser):
        parser.add_argument("--database", metavar="URL",
                            help="database URL (default: LETTER_SIMPLIFIER_DATABASE_URL or "
                                 "instance/glossary.db)")
        return parser

    def with_folder(parser):
        parser.add_argument("--folder", type=Path, default=GLOSSARY_DIR,
                            help="folder with the term files (default: glossary/)")
        return parser

    lint = with_folder(commands.add_parser("lint", help="run every check on the term files"))
    lint.add_argument("--stats", action="store_true", help="also print the count by category")

    add = with_folder(commands.add_parser("add", help="add a term to the term files"))
    for name in ("term", "plain", "category", "example", "source", "alternative"):
        add.add_argument(f"--{name}")
    add.add_argument("--variants", help="comma-separated")
    add.add_argument("--related", help="comma-separated")

    imp = with_database(with_folder(commands.add_parser(
        "import", help="copy the term files into the database (one new version)")))
    imp.add_argument("--by", default="import", help="name recorded as the author")
    imp.add_argument("--delete-missing", action="store_true",
                     help="also remove terms that are not in the files")
    imp.add_argument("--dry-run", action="store_true", help="only show what would change")

    with_database(with_folder(commands.add_parser(
        "export", help="write the published glossary to the term files")))
    with_database(commands.add_parser("migrate", help="create or upgrade the database tables"))

    candidates = with_folder(commands.add_parser(
        "candidates", help="rare words and phrases in letters that the glossary lacks"))
    candidates.add_argument("letters", type=Path, metavar="DIR",
                            help="folder of letters (.txt, .pdf, .docx, photos), searched deeply")
    candidates.add_argument("--split", choices=("all", "dev", "blind"), default="all",
                            help="with a corpus (letters with .expected.json): only this split")
    candidates.add_argument("--top", type=int, default=30, help="how many to list (0: all)")
    candidates.add_argument("--json", action="store_true", help="print JSON")

    user = commands.add_parser("user", help="maintainers' accounts")
    user_commands = user.add_subparsers(dest="user_command", required=True)
    user_add = with_database(user_commands.add_parser("add", help="create an account"))
    user_add.add_argument("name")
    user_add.add_argument("--role", choices=("editor", "reviewer"), required=True)
    user_password = with_database(user_commands.add_parser("password",
                                                            help="set a new password"))
    user_password.add_argument("name")
    with_database(user_commands.add_parser("list", help="list the accounts"))


def run(args: argparse.Namespace) -> int:
    # `candidates` reads letters, a later stage than the glossary: letter_simplifier/cli.py
    # runs it.
    if args.glossary_command == "user":
        return USER_COMMANDS[args.user_command](args)
    return COMMANDS[args.glossary_command](args)


def store(args: argparse.Namespace, seed: bool = True):
    from .database import GlossaryStore

    return GlossaryStore(args.database, seed_folder=GLOSSARY_DIR if seed else None)


def print_problems(problems) -> None:
    for problem in problems:
        print(f"- {problem}")


def run_lint(args: argparse.Namespace) -> int:
    from .lint import file_problems

    problems, glossary = file_problems(args.folder)
    if args.stats:
        print(category_table(glossary))
    if problems:
        print(f"{len(problems)} problemen in {len(glossary)} woorden:")
        print_problems(problems)
        return 1
    print(f"Alles in orde: {len(glossary)} woorden, geen problemen.")
    return 0


def category_table(glossary) -> str:
    counts = Counter(entry.category for entry in glossary.entries)
    lines = ["| category | terms |", "| --- | ---: |"]
    lines += [f"| {name} | {count} |" for name, count in sorted(counts.items())]
    lines.append(f"| **total** | **{len(glossary)}** |")
    return "\n".join(lines)


def split_list(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def ask(label: str, value: str | None, required: bool = True) -> str:
    while value is None or (required and not value.strip()):
        if not sys.stdin.isatty():
            raise SystemExit(f"{label}: dit veld is nodig (gebruik de optie op de opdrachtregel).")
        value = input(f"{label}: ")
    return value.strip()


def run_add(args: argparse.Namespace) -> int:
    from .files import write_files
    from .lint import proposal_problems
    from .store import Glossary, entry_from_dict, load_files

    glossary = Glossary(load_files(args.folder))
    interactive = sys.stdin.isatty()
    after = {
        "term": ask(FIELDS_HELP["term"], args.term),
        "variants": split_list(args.variants if args.variants is not None or not interactive
                               else input("Andere vormen, met komma's (mag leeg): ")),
        "plain": ask(FIELDS_HELP["plain"], args.plain),
        "alternative": (args.alternative if args.alternative is not None or not interactive
                        else input("Gewoon woord ervoor (mag leeg): ")).strip(),
        "example": ask(FIELDS_HELP["example"], args.example),
        "category": ask(FIELDS_HELP["category"], args.category),
        "related": split_list(args.related if args.related is not None or not interactive
                              else input("Hoort bij, met komma's (mag leeg): ")),
        "source": ask(FIELDS_HELP["source"], args.source),
    }
    problems = proposal_problems(after, None, glossary)
    if problems:
        print("Het woord is niet toegevoegd. Los eerst dit op:")
        print_problems(problems)
        return 1
    changed = write_files(Glossary([*glossary.entries, entry_from_dict(after)]), args.folder)
    print(f"{after['term']} staat nu in {', '.join(changed)}. Laat iemand anders het nakijken "
          f"voordat het in git komt.")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from .lint import file_problems

    problems, glossary = file_problems(args.folder)
    if problems:
        print("De bestanden hebben nog problemen; er is niets ingelezen:")
        print_problems(problems)
        return 1
    summary = store(args, seed=False).import_glossary(
        glossary, author=args.by, delete_missing=args.delete_missing, dry_run=args.dry_run)
    what = "Zou veranderen" if args.dry_run else "Ingelezen"
    print(f"{what}: {len(summary.added)} nieuw, {len(summary.changed)} gewijzigd, "
          f"{len(summary.removed)} weggehaald. Versie {summary.version}.")
    for label, terms in (("nieuw", summary.added), ("gewijzigd", summary.changed),
                         ("weggehaald", summary.removed)):
        for term in terms:
            print(f"  {label}: {term}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from .files import write_files

    database = store(args)
    changed = write_files(database.published(), args.folder)
    if changed:
        print(f"Versie {database.version()} geschreven. Veranderd: {', '.join(changed)}.")
    else:
        print(f"Versie {database.version()}: de bestanden waren al gelijk.")
    return 0


def run_migrate(args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url

    database = store(args)
    database.ensure_ready()
    where = make_url(database.url).render_as_string(hide_password=True)
    print(f"De database is bijgewerkt ({where}), versie {database.version()} van de "
          f"woordenlijst.")
    return 0


def read_password() -> str:
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if not sys.stdin.isatty():
        raise SystemExit(f"Geef het wachtwoord in {PASSWORD_ENV}, of start dit in een terminal.")
    first = getpass.getpass("Wachtwoord: ")
    if getpass.getpass("Nog een keer: ") != first:
        raise SystemExit("De wachtwoorden zijn niet gelijk.")
    return first


def run_user_add(args: argparse.Namespace) -> int:
    from .database import GlossaryError

    try:
        store(args).add_user(args.name, read_password(), args.role)
    except GlossaryError as error:
        print(error.message, file=sys.stderr)
        return 1
    role = {"editor": "schrijver", "reviewer": "controleur"}[args.role]
    print(f"Account {args.name} gemaakt ({role}).")
    return 0


def run_user_password(args: argparse.Namespace) -> int:
    from .database import GlossaryError

    try:
        store(args).set_password(args.name, read_password())
    except GlossaryError as error:
        print(error.message, file=sys.stderr)
        return 1
    print(f"Nieuw wachtwoord voor {args.name}. Wie nog ingelogd was, moet opnieuw inloggen.")
    return 0


def run_user_list(args: argparse.Namespace) -> int:
    for user in store(args).users():
        print(f"{user.name}\t{user.role}\t{user.created_at:%Y-%m-%d}")
    return 0


COMMANDS = {"lint": run_lint, "add": run_add, "import": run_import, "export": run_export,
            "migrate": run_migrate}
USER_COMMANDS = {"add": run_user_add, "password": run_user_password, "list": run_user_list}
