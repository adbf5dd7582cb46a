"""The maintained glossary in a database, on SQLite and on PostgreSQL (a
throwaway cluster, see tests/postgres.py): seed, propose, review, publish,
history, rollback, import and export, accounts, and migrations that match the
models."""

from __future__ import annotations

import threading

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from letter_simplifier import GLOSSARY_DIR
from letter_simplifier.analyse import matcher_for
from letter_simplifier.glossary.database import GlossaryError, GlossaryStore
from letter_simplifier.glossary.files import render_files, write_files
from letter_simplifier.glossary.models import VERSION_TABLE, Base
from letter_simplifier.glossary.store import Glossary, entry_to_dict, load_files
from letter_simplifier.nlp import parse

from .postgres import postgres_server, postgres_url  # noqa: F401 (fixtures)

PASSWORD = "een-lang-wachtwoord"

NEW_TERM = {
    "term": "huurpiek", "variants": ["huurpieken"],
    "plain": "Een tijd waarin je huur ineens veel hoger is.", "alternative": "",
    "example": "De huurpiek komt in juli.", "category": "wonen", "related": [],
    "source": "test",
}


@pytest.fixture(scope="module")
def files_glossary() -> Glossary:
    return Glossary(load_files(GLOSSARY_DIR))


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path) -> GlossaryStore:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'glossary.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    store = GlossaryStore(url)
    yield store
    store.engine.dispose()


@pytest.fixture()
def people(database):
    return (database.add_user("eva", PASSWORD, "editor"),
            database.add_user("rik", PASSWORD, "reviewer"),
            database.add_user("sam", PASSWORD, "reviewer"))


def dicts(glossary: Glossary) -> dict[str, dict]:
    return {e.term: entry_to_dict(e) for e in glossary.entries}


def test_seeded_from_the_files_and_migrations_match_the_models(database, files_glossary):
    published = database.published()
    assert dicts(published) == dicts(files_glossary)
    assert database.version() == 1
    assert len(database.history()) == 200  # the default page of the history
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
        assert compare_metadata(context, Base.metadata) == []
    # Starting again (a second worker, a restart) neither migrates nor seeds twice.
    again = GlossaryStore(database.url)
    assert again.version() == 1 and len(again.published()) == len(files_glossary)
    again.engine.dispose()


def test_propose_review_publish_and_reload(database, people):
    eva, rik, _sam = people
    before = database.published()
    assert database.published() is before  # cached until a publication
    assert matcher_for(database.published()) is matcher_for(before)  # no rebuild per letter
    change = database.propose(eva, NEW_TERM)
    assert change.kind == "add" and change.status == "pending"
    assert database.published().get("huurpiek") is None  # not before review
    with pytest.raises(GlossaryError, match="controleur"):
        database.approve(change.id, eva)
    revision = database.approve(change.id, rik, "Goed zo.")
    assert revision.version == 2 and database.version() == 2
    after = database.published()
    assert after is not before and after.get("huurpiek").plain == NEW_TERM["plain"]
    assert [m.entry.term for m in matcher_for(after).find(parse("De huurpiek komt."))] == [
        "huurpiek"]
    [latest] = database.history("huurpiek")
    assert (latest.author, latest.reviewer, latest.before, latest.after) == (
        "eva", "rik", None, NEW_TERM)
    stored = database.change(change.id)
    assert stored.status == "published" and stored.reviewer.name == "rik"


def test_nobody_reviews_their_own_proposal(database, people):
    _eva, rik, sam = people
    change = database.propose(rik, NEW_TERM)
    with pytest.raises(GlossaryError, match="eigen voorstel"):
        database.approve(change.id, rik)
    with pytest.raises(GlossaryError, match="waarom"):
        database.reject(change.id, sam, "  ")
    database.reject(change.id, sam, "Dit woord komt niet in brieven voor.")
    assert database.change(change.id).status == "rejected"
    assert database.published().get("huurpiek") is None
    with pytest.raises(GlossaryError, match="al beoordeeld"):
        database.approve(change.id, sam)


def test_a_proposal_that_breaks_the_rules_is_refused(database, people):
    eva = people[0]
    with pytest.raises(GlossaryError) as refused:
        database.propose(eva, {**NEW_TERM, "plain": "U dient de verschuldigde huur te voldoen "
                                                    "conform de huurovereenkomst en alle "
                                                    "bijbehorende voorwaarden van de verhuurder."})
    assert {"formal", "long_sentence"} <= {p.code for p in refused.value.problems}
    with pytest.raises(GlossaryError) as duplicate:
        database.propose(eva, {**NEW_TERM, "term": "Aanmaning"})
    assert "duplicate" in {p.code for p in duplicate.value.problems}
    with pytest.raises(GlossaryError) as still_used:
        database.propose(eva, None, "aanslag")
    assert "still_related" in {p.code for p in still_used.value.problems}


def test_edit_conflict_rollback_and_history(database, people):
    eva, rik, sam = people
    old = entry_to_dict(database.entry("huurachterstand"))
    first = database.propose(eva, {**old, "alternative": "achterstand met de huur"},
                             "huurachterstand")
    second = database.propose(sam, {**old, "example": "Je hebt een huurachterstand van 2 maanden."},
                              "huurachterstand")
    edited = database.approve(first.id, rik)
    with pytest.raises(GlossaryError, match="intussen veranderd"):
        database.approve(second.id, rik)
    assert database.entry("huurachterstand").alternative == "achterstand met de huur"
    # Only the newest change of an entry can be undone.
    with pytest.raises(GlossaryError, match="nieuwere"):
        database.rollback(database.history("huurachterstand")[-1].id, rik)
    with pytest.raises(GlossaryError, match="controleur"):
        database.rollback(edited.id, eva)
    undone = database.rollback(edited.id, sam)
    assert entry_to_dict(database.entry("huurachterstand")) == old
    assert undone.author == "sam" and "teruggedraaid" in undone.note
    # An undo is a version like any other, and can itself be undone.
    database.rollback(undone.id, rik)
    assert database.entry("huurachterstand").alternative == "achterstand met de huur"
    assert [r.version for r in database.history("huurachterstand")][:3] == [4, 3, 2]


def test_added_term_rolled_back_is_gone_and_removal_works(database, people):
    eva, rik, _sam = people
    added = database.approve(database.propose(eva, NEW_TERM).id, rik)
    database.rollback(added.id, rik)
    assert database.entry("huurpiek") is None
    database.approve(database.propose(eva, NEW_TERM).id, rik)
    removal = database.propose(eva, None, "huurpiek")
    assert removal.kind == "delete"
    database.approve(removal.id, rik)
    assert database.entry("huurpiek") is None
    assert [r.after is None for r in database.history("huurpiek")] == [True, False, True, False]


def test_concurrent_publications_each_get_their_own_version(database, people):
    eva, rik, _sam = people
    changes = [database.propose(eva, {**NEW_TERM, "term": term, "variants": [],
                                      "example": f"De {term} komt in juli."})
               for term in ("huurpiek", "energiepiek", "wachtpiek")]
    versions, errors = [], []

    def approve(change):
        try:
            versions.append(database.approve(change.id, rik).version)
        except Exception as error:  # collected: a failure must show in the assert
            errors.append(error)

    threads = [threading.Thread(target=approve, args=(c,)) for c in changes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and sorted(versions) == [2, 3, 4] and database.version() == 4


def test_export_reproduces_the_files_and_import_records_changes(database, tmp_path, people):
    eva, rik, _sam = people
    folder = tmp_path / "files"
    write_files(database.published(), folder)
    for name, text in render_files(Glossary(load_files(GLOSSARY_DIR))).items():
        assert (folder / name).read_text(encoding="utf-8") == text
        assert (GLOSSARY_DIR / name).read_text(encoding="utf-8") == text
    database.approve(database.propose(eva, NEW_TERM).id, rik)
    assert write_files(database.published(), folder) == ["wonen.toml"]
    # Files edited by hand go back in: one version, one revision per entry.
    entries = [e for e in load_files(folder) if e.term not in ("huurpiek", "peildatum")]
    summary = database.import_glossary(Glossary(entries), author="lead", delete_missing=True,
                                       dry_run=True)
    assert sorted(summary.removed) == ["huurpiek", "peildatum"] and database.version() == 2
    summary = database.import_glossary(Glossary(entries), author="lead", delete_missing=True)
    assert summary.version == 3 and database.entry("peildatum") is None
    assert database.history("peildatum")[0].author == "lead"


def test_accounts_store_only_a_password_hash(database):
    user = database.add_user("lotte", PASSWORD, "editor")
    assert PASSWORD not in user.password_hash and user.password_hash.startswith("scrypt:")
    assert database.authenticate("lotte", PASSWORD).id == user.id
    assert database.authenticate("lotte", "verkeerd-wachtwoord") is None
    assert database.authenticate("niemand", PASSWORD) is None
    with pytest.raises(GlossaryError, match="al een account"):
        database.add_user("lotte", PASSWORD, "reviewer")
    with pytest.raises(GlossaryError, match="minstens"):
        database.add_user("kim", "kort", "editor")
    with pytest.raises(GlossaryError, match="rol"):
        database.add_user("kim", PASSWORD, "admin")
    database.set_password("lotte", "een-ander-wachtwoord")
    assert database.authenticate("lotte", PASSWORD) is None
