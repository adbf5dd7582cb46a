"""/beheer through Flask's test client (CSRF on, as in production), the
`glossary` command line, and, in a real browser, the whole way: an editor adds a
term, a reviewer approves it, and the next letter explained shows it."""

from __future__ import annotations

import io
import re

import pytest

from letter_simplifier import GLOSSARY_DIR
from letter_simplifier.cli import main
from letter_simplifier.glossary.live import store_for
from letter_simplifier.glossary.store import Glossary, load_files
from letter_simplifier.web import create_app

from .browser import LiveServer, screenshot
from .test_accessibility import violations

pytestmark = pytest.mark.slow  # the maintainers' pages end to end

PASSWORD = "een-lang-wachtwoord"
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')

NEW_TERM = {
    "term": "huurpiek", "variants": "huurpieken",
    "plain": "Een tijd waarin je huur ineens veel hoger is.", "alternative": "",
    "example": "De huurpiek komt in juli.", "category": "wonen", "related": "",
    "source": "test",
}

LETTER = """Woonstad Voorbeeld
Postbus 1234
3000 AB Rotterdam

Datum: 2 maart 2026
Kenmerk: WV-2026-0042
Betreft: uw huur

Geachte heer Jansen,

In de zomer van 2026 verwachten wij een huurpiek in uw complex. Wij informeren u daarom
over de gevolgen voor uw maandelijkse betaling. Heeft u vragen over deze brief? Neem dan
contact met ons op via ons klantcentrum. Wij helpen u graag verder.

Met vriendelijke groet,

Woonstad Voorbeeld
"""


@pytest.fixture()
def database_url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'glossary.db'}"
    store = store_for(url)
    store.add_user("eva", PASSWORD, "editor")
    store.add_user("rik", PASSWORD, "reviewer")
    return url


@pytest.fixture()
def app(database_url):
    return create_app({"TESTING": True, "GLOSSARY_DATABASE_URL": database_url})


def token(client, path: str) -> str:
    return TOKEN.search(client.get(path).get_data(as_text=True)).group(1)


def sign_in(client, name: str):
    return client.post("/beheer/inloggen", data={
        "name": name, "password": PASSWORD, "csrf_token": token(client, "/beheer/inloggen")})


def propose(client, **changes):
    data = {**NEW_TERM, **changes, "csrf_token": token(client, "/beheer/nieuw")}
    return client.post("/beheer/nieuw", data=data)


def explained_terms(client) -> dict[str, str]:
    response = client.post("/api/explain", data={
        "brief": (io.BytesIO(LETTER.encode()), "brief.txt")})
    assert response.status_code == 200, response.get_data(as_text=True)
    return {t["term"]: t["plain"] for t in response.get_json()["terms"]}


def test_pages_need_a_signed_in_maintainer(app):
    client = app.test_client()
    assert client.get("/beheer/").headers["Location"].startswith("/beheer/inloggen")
    assert client.get("/beheer/nieuw").status_code == 302
    wrong = client.post("/beheer/inloggen", data={
        "name": "eva", "password": "fout", "csrf_token": token(client, "/beheer/inloggen")})
    assert wrong.status_code == 401 and "klopt niet" in wrong.get_data(as_text=True)
    # Every form needs the CSRF token.
    assert client.post("/beheer/inloggen", data={"name": "eva", "password": PASSWORD}
                       ).status_code == 400
    response = sign_in(client, "eva")
    assert response.status_code == 302 and response.headers["Location"] == "/beheer/"
    assert "Woordenlijst" in client.get("/beheer/").get_data(as_text=True)


def test_login_never_redirects_to_another_site_and_stops_guessing(app):
    client = app.test_client()
    response = client.post("/beheer/inloggen?next=//evil.example/x", data={
        "name": "eva", "password": PASSWORD, "csrf_token": token(client, "/beheer/inloggen")})
    assert response.headers["Location"] == "/beheer/"
    other = app.test_client()
    for _ in range(5):
        other.post("/beheer/inloggen", data={"name": "rik", "password": "fout",
                                             "csrf_token": token(other, "/beheer/inloggen")})
    blocked = other.post("/beheer/inloggen", data={
        "name": "rik", "password": PASSWORD, "csrf_token": token(other, "/beheer/inloggen")})
    assert "Te vaak" in blocked.get_data(as_text=True)
    from letter_simplifier.web.auth import throttle

    throttle.clear("rik")


def test_sessions_end_after_eight_hours_or_a_new_password(app, database_url):
    client = app.test_client()
    sign_in(client, "eva")
    assert client.get("/beheer/").status_code == 200
    with client.session_transaction() as session:
        session["beheer_since"] -= 8 * 3600
    assert client.get("/beheer/").status_code == 302
    sign_in(client, "eva")
    store_for(database_url).set_password("eva", "een-nieuw-wachtwoord")
    assert client.get("/beheer/").status_code == 302


def test_the_live_check_shows_lookalikes_and_plainness(app):
    client = app.test_client()
    sign_in(client, "eva")
    headers = {"X-CSRFToken": token(client, "/beheer/nieuw")}
    answer = client.post("/beheer/controle", headers=headers, json={
        "term": "betalingsregelingen", "plain": "U betaalt o.a. de huur."}).get_json()
    assert answer["lookalikes"][0]["term"] == "betalingsregeling"
    assert {p["code"] for p in answer["plain"]} == {"formal", "abbreviation"}
    plain = client.post("/beheer/controle", headers=headers, json={
        "term": "huurpiek", "plain": NEW_TERM["plain"]}).get_json()
    assert plain["lookalikes"] == [] and plain["plain"] == []
    assert client.post("/beheer/controle", json={"term": "x"}).status_code == 400  # no token


def test_propose_approve_and_letters_use_it_without_a_restart(app):
    editor, reviewer = app.test_client(), app.test_client()
    sign_in(editor, "eva")
    sign_in(reviewer, "rik")
    assert "huurpiek" not in explained_terms(editor)
    refused = propose(editor, plain="U dient de huur te voldoen.")
    assert refused.status_code == 422 and "Spreek de lezer aan met je" in refused.get_data(
        as_text=True)
    response = propose(editor)
    assert response.status_code == 302
    page = response.headers["Location"]
    # The author cannot review; a reviewer can.
    assert "Goedkeuren" not in editor.get(page).get_data(as_text=True)
    assert editor.post(page + "/beoordelen", data={
        "besluit": "goedkeuren", "csrf_token": token(editor, page)}).status_code == 403
    assert "huurpiek" not in explained_terms(editor)
    reviewed = reviewer.post(page + "/beoordelen", data={
        "besluit": "goedkeuren", "comment": "Duidelijk.", "csrf_token": token(reviewer, page)},
        follow_redirects=True)
    assert "Goedgekeurd" in reviewed.get_data(as_text=True)
    assert explained_terms(editor)["huurpiek"] == NEW_TERM["plain"]
    history = reviewer.get("/beheer/woord/huurpiek").get_data(as_text=True)
    assert "eva, goedgekeurd door rik" in history and "toegevoegd" in history


def test_change_reject_and_rollback_in_the_pages(app, database_url):
    editor, reviewer = app.test_client(), app.test_client()
    sign_in(editor, "eva")
    sign_in(reviewer, "rik")
    page = "/beheer/woord/huurachterstand/wijzigen"
    form = editor.get(page).get_data(as_text=True)
    assert "huurachterstanden" in form  # filled in with the published entry
    entry = store_for(database_url).entry("huurachterstand")
    data = {"term": entry.term, "variants": ", ".join(entry.variants), "plain": entry.plain,
            "alternative": "achterstand met de huur", "example": entry.example,
            "category": entry.category, "related": ", ".join(entry.related),
            "source": entry.source, "csrf_token": token(editor, page)}
    change_page = editor.post(page, data=data).headers["Location"]
    assert "achterstand met de huur" in reviewer.get(change_page).get_data(as_text=True)
    rejected = reviewer.post(change_page + "/beoordelen", data={
        "besluit": "afwijzen", "comment": "", "csrf_token": token(reviewer, change_page)},
        follow_redirects=True)
    assert "waarom" in rejected.get_data(as_text=True)
    data["csrf_token"] = token(editor, page)
    reviewer.post(change_page + "/beoordelen", data={
        "besluit": "goedkeuren", "csrf_token": token(reviewer, change_page)})
    assert store_for(database_url).entry("huurachterstand").alternative == (
        "achterstand met de huur")
    newest = store_for(database_url).history("huurachterstand")[0]
    assert editor.post(f"/beheer/versie/{newest.id}/terugdraaien", data={
        "csrf_token": token(editor, "/beheer/geschiedenis")}).status_code == 403
    # Rolling back asks first: a POST without the confirmation changes nothing.
    confirm = f"/beheer/versie/{newest.id}/terugdraaien"
    unconfirmed = reviewer.post(confirm, data={"csrf_token": token(reviewer, confirm)})
    assert unconfirmed.status_code == 302 and unconfirmed.headers["Location"] == confirm
    assert store_for(database_url).entry("huurachterstand").alternative == (
        "achterstand met de huur")
    page_text = reviewer.get(confirm).get_data(as_text=True)
    assert "terugdraaien?" in page_text and "Ja, terugdraaien" in page_text
    assert "Gewoon woord" in page_text and "achterstand met de huur" in page_text
    assert f'href="{confirm}"' in reviewer.get("/beheer/geschiedenis").get_data(as_text=True)
    reviewer.post(confirm, data={"csrf_token": token(reviewer, confirm), "bevestigd": "ja"})
    assert store_for(database_url).entry("huurachterstand").alternative == entry.alternative


def test_the_form_refuses_a_pronoun_as_alternative_and_names_fields_as_it_does(app):
    client = app.test_client()
    sign_in(client, "eva")
    for alternative in ("u", "jij", "X"):
        response = propose(client, alternative=alternative)
        body = response.get_data(as_text=True)
        assert response.status_code == 422
        assert "Gewoon woord: Gewoon woord mag geen los voornaamwoord" in body
    for changes, says in (({"plain": "x" * 170}, "Uitleg: Uitleg is te lang: 170 tekens"),
                          ({"variants": "huurpiek"}, "Zet het woord zelf niet nog eens bij "
                                                     "Andere vormen"),
                          ({"related": "huurpiek"}, "niet bij Hoort bij")):
        items = problem_items(propose(client, **changes).get_data(as_text=True))
        assert any(says in item for item in items), items
        # the form's labels, never the file's keys
        assert not any(re.search(r"\b(plain|variants|related|alternative)\b", item)
                       for item in items), items


def problem_items(body: str) -> list[str]:
    listed = re.search(r"<ul>(.*?)</ul>", body, re.DOTALL)
    return re.findall(r"<li>(.*?)</li>", listed.group(1), re.DOTALL) if listed else []


def test_the_page_of_missing_words_lists_them_and_keeps_nothing(app, database_url, tmp_path):
    client = app.test_client()
    sign_in(client, "eva")
    page = "/beheer/ontbrekend"
    letters = [LETTER.replace("huurpiek", "huurpiekbrief ter vlixering"),
               LETTER.replace("huurpiek", "vlixering")]
    before = sorted(p.name for p in tmp_path.rglob("*"))
    revisions = len(store_for(database_url).history("huurachterstand"))
    response = client.post(page, data={
        "csrf_token": token(client, page),
        "brieven": [(io.BytesIO(text.encode()), f"brief{i}.txt")
                    for i, text in enumerate(letters)]},
        content_type="multipart/form-data")
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "2 brieven gelezen" in body
    assert "<td>vlixering</td>" in body
    assert "/beheer/nieuw?term=vlixering" in body
    for private in ("Jansen", "WV-2026-0042", "3000 AB", "1234"):
        assert private not in body
    # Nothing written: no file, no database row.
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
    assert len(store_for(database_url).history("huurachterstand")) == revisions
    assert 'value="vlixering"' in client.get("/beheer/nieuw?term=vlixering").get_data(
        as_text=True)
    empty = client.post(page, data={"csrf_token": token(client, page)})
    assert empty.status_code == 422 and "Kies eerst" in empty.get_data(as_text=True)
    assert app.test_client().get(page).status_code == 302  # maintainers only


# -- the command line -----------------------------------------------------------------


def test_cli_lint_users_import_and_export(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("LETTER_SIMPLIFIER_DATABASE_URL", url)
    assert main(["glossary", "lint", "--stats"]) == 0
    out = capsys.readouterr().out
    assert "Alles in orde" in out and "| **total** |" in out
    monkeypatch.setenv("LETTER_SIMPLIFIER_PASSWORD", PASSWORD)
    assert main(["glossary", "user", "add", "lotte", "--role", "reviewer"]) == 0
    assert main(["glossary", "user", "add", "lotte", "--role", "editor"]) == 1
    assert store_for(url).authenticate("lotte", PASSWORD).role == "reviewer"
    folder = tmp_path / "files"
    assert main(["glossary", "export", "--folder", str(folder)]) == 0
    assert {p.name for p in folder.glob("*.toml")} == {p.name for p in GLOSSARY_DIR.glob("*.toml")}
    for path in folder.glob("*.toml"):
        assert path.read_text(encoding="utf-8") == (GLOSSARY_DIR / path.name).read_text(
            encoding="utf-8")
    capsys.readouterr()
    assert main(["glossary", "add", "--folder", str(folder), "--term", "huurpiek",
                 "--plain", NEW_TERM["plain"], "--category", "wonen", "--example",
                 NEW_TERM["example"], "--source", "test", "--variants", "", "--related", "",
                 "--alternative", ""]) == 0
    assert "huurpiek" in (folder / "wonen.toml").read_text(encoding="utf-8")
    assert main(["glossary", "add", "--folder", str(folder), "--term", "Huurpiek",
                 "--plain", "Iets anders.", "--category", "wonen", "--example",
                 "De Huurpiek.", "--source", "test", "--variants", "", "--related", "",
                 "--alternative", ""]) == 1
    assert "staat al bij huurpiek" in capsys.readouterr().out
    assert main(["glossary", "import", "--folder", str(folder), "--by", "lotte"]) == 0
    assert "1 nieuw, 0 gewijzigd" in capsys.readouterr().out
    assert store_for(url).history("huurpiek")[0].author == "lotte"
    assert len(Glossary(load_files(folder))) == len(store_for(url).published())


# -- in a real browser ----------------------------------------------------------------


def test_editor_adds_reviewer_approves_and_the_sheet_explains_it(page, tmp_path, database_url):
    letter = tmp_path / "brief.txt"
    letter.write_text(LETTER, encoding="utf-8")
    with LiveServer({"GLOSSARY_DATABASE_URL": database_url}) as server:
        def sign_in_as(name: str) -> None:
            page.goto(server.url + "/beheer/inloggen")
            assert violations(page) == []
            page.fill("#name", name)
            page.fill("#password", PASSWORD)
            page.get_by_role("button", name="Inloggen").click()
            page.wait_for_selector("h1:has-text('Woordenlijst')")
            assert violations(page) == []

        sign_in_as("eva")
        page.get_by_role("link", name="Nieuw woord voorstellen").click()
        page.fill("#term", "betalingsregelingen")
        page.wait_for_selector("#lookalikes a:has-text('betalingsregeling')")
        page.fill("#term", NEW_TERM["term"])
        page.wait_for_selector("#lookalikes .ok:has-text('staat nog niet in de lijst')")
        page.fill("#plain", "U betaalt dan o.a. meer.")
        page.wait_for_selector("#plain-check .attention:has-text('niet gewoon genoeg')")
        assert "Spreek de lezer aan met je" in page.inner_text("#plain-check")
        page.fill("#plain", NEW_TERM["plain"])
        page.wait_for_selector("#plain-check .ok:has-text('De uitleg is gewoon genoeg')")
        page.fill("#variants", NEW_TERM["variants"])
        page.fill("#example", NEW_TERM["example"])
        page.select_option("#category", "wonen")
        page.fill("#source", "test")
        screenshot(page, "beheer-nieuw-woord")
        assert violations(page) == []
        page.get_by_role("button", name="Voorstel opslaan").click()
        page.wait_for_selector("text=Wacht op controle")
        page.get_by_role("button", name=re.compile("Uitloggen")).click()

        sign_in_as("rik")
        page.get_by_role("link", name="huurpiek").first.click()
        page.fill("#comment", "Duidelijke uitleg.")
        screenshot(page, "beheer-voorstel")
        assert violations(page) == []
        page.get_by_role("button", name="Goedkeuren en publiceren").click()
        page.wait_for_selector("text=Goedgekeurd en gepubliceerd")

        page.get_by_role("link", name="Geschiedenis").click()
        page.get_by_role("link", name=re.compile("terugdraaien")).first.click()
        page.wait_for_selector("button:has-text('Ja, terugdraaien')")
        assert violations(page) == []
        page.get_by_role("link", name="Nee, terug naar het woord").click()  # keep it

        page.get_by_role("link", name="Wat ontbreekt").click()
        page.set_input_files("#brieven", str(letter))
        page.get_by_role("button", name="Zoek ontbrekende woorden").click()
        page.wait_for_selector("h2:has-text('Resultaat')")
        screenshot(page, "beheer-ontbrekend")
        assert violations(page) == []

        page.goto(server.url + "/")
        page.set_input_files("#brief", str(letter))
        page.get_by_role("button", name="Leg mijn brief uit").click()
        page.wait_for_selector("#sheet", timeout=60_000)
        term = page.locator("details.term", has_text="huurpiek")
        term.locator("summary").click()
        assert NEW_TERM["plain"] in term.inner_text()
        screenshot(page, "beheer-sheet-met-nieuw-woord")
