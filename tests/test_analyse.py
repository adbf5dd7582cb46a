"""Analyse and extract: sentences, lemmas, glossary matching, dates, amounts,
deadlines, actions, references, sender and kind."""

from __future__ import annotations

from datetime import date

import pytest

from letter_simplifier.analyse import analyse
from letter_simplifier.analyse.amounts import MONEY, parse_number
from letter_simplifier.analyse.dates import find_dates
from letter_simplifier.analyse.references import mask_bsns
from letter_simplifier.glossary import Glossary, GlossaryEntry, GlossaryMatcher
from letter_simplifier.ingest import ingest
from letter_simplifier.nlp import parse


def entry(term, *variants):
    return GlossaryEntry(term=term, plain=f"uitleg {term}", category="test", variants=variants)


GLOSSARY = Glossary([
    entry("huurtoeslag"), entry("toeslag", "toeslagen"), entry("beschikking", "beschikkingen"),
    entry("terugvordering", "terugvorderen", "teruggevorderd"), entry("invorderingsrente"),
    entry("eigen bijdrage", "eigen bijdragen"), entry("CJIB"), entry("dagtekening"),
    entry("derhalve"), entry("verhoging"), entry("beslag"),
])


def sentences(text):
    return [s.text.strip() for s in parse(text).sents if s.text.strip()]


def test_sentences_survive_abbreviations():
    text = ("Wij verwijzen naar onze brief d.d. 12 maart 2026 t.a.v. de afdeling Werk. "
            "Dit is o.a. i.v.m. art. 17 nr. 3 van de wet, bijv. uw loon. Betaal z.s.m. "
            "het bedrag m.b.t. de maand mei. Neem contact op.")
    assert sentences(text) == [
        "Wij verwijzen naar onze brief d.d. 12 maart 2026 t.a.v. de afdeling Werk.",
        "Dit is o.a. i.v.m. art. 17 nr. 3 van de wet, bijv. uw loon.",
        "Betaal z.s.m. het bedrag m.b.t. de maand mei.",
        "Neem contact op.",
    ]


def test_sentences_follow_letter_layout(letter_text):
    found = sentences(letter_text)
    assert "Postbus 1024" in found
    assert "Ons kenmerk: SZW-2026/004512" in found
    assert "Betreft: terugvordering bijstand" in found
    assert "Geachte mevrouw De Vries," in found
    # A sentence wrapped over several lines stays one sentence.
    wrapped = "Wij verzoeken u het formulier\nin te vullen en vóór 1 mei\nterug te sturen. Dank u."
    wide = "x" * 10 + "\n" + wrapped
    assert "Wij verzoeken u het formulier\nin te vullen en vóór 1 mei\nterug te sturen." in \
        sentences(wide)
    table = "Maand\tBedrag\noktober 2025\t€ 412,18\nnovember 2025\t€ 389,50\n"
    assert sentences(table) == ["Maand\tBedrag", "oktober 2025\t€ 412,18",
                                "november 2025\t€ 389,50"]


def test_lemmas_come_from_simplemma():
    doc = parse("Het bedrag is teruggevorderd en u heeft de beschikkingen ontvangen.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["teruggevorderd"] == "terugvorderen"
    assert lemmas["heeft"] == "hebben"
    assert lemmas["beschikkingen"] == "beschikking"


def matched(text):
    return [m.entry.term for m in GlossaryMatcher(GLOSSARY).find(parse(text))]


def test_glossary_matches_forms_lemmas_phrases_and_compounds():
    assert matched("Uw huurtoeslagbeschikking is herzien.") == ["huurtoeslag", "beschikking"]
    assert matched("Het bedrag wordt teruggevorderd.") == ["terugvordering"]
    assert matched("De beschikkingen zijn verstuurd.") == ["beschikking"]
    assert matched("Uw eigen bijdragen stijgen.") == ["eigen bijdrage"]
    assert matched("Het CJIB stuurt een brief.") == ["CJIB"]
    assert "toeslag" in matched("De zorgtoeslagen worden verrekend.")
    assert matched("De invorderingsrente loopt op.") == ["invorderingsrente"]
    assert matched("Er komt een beslaglegging.") == ["beslag"]
    # No glossary word: nothing found, even inside other long words.
    assert matched("Wij wensen u een fijne dag en veel succes met de verhuizing.") == []


def test_dates_in_dutch_notations():
    found = find_dates("Datum: 12 maart 2026; uiterlijk 03-04-2026, op dinsdag 14 april, "
                       "2026-05-01 en 31-02-2026.", reference=date(2026, 3, 12))
    assert [d.value for d in found] == [date(2026, 3, 12), date(2026, 4, 3), date(2026, 4, 14),
                                        date(2026, 5, 1)]


@pytest.mark.parametrize("text,value", [
    ("€ 1.234,56", 1234.56), ("€ 95,-", 95.0), ("EUR 1.050,00", 1050.0),
    ("1.234 euro", 1234.0), ("€1234.56", 1234.56), ("€ 40,00", 40.0), ("€ 0,50", 0.5),
])
def test_amount_notations(text, value):
    m = MONEY.search(f"Het bedrag van {text} staat open.")
    assert m and parse_number(m["n1"] or m["n2"]) == value


def explain_text(text):
    return analyse(ingest(text.encode(), "brief.txt"), GLOSSARY)


def test_letter_fields(letter_text):
    analysis = explain_text(letter_text)
    assert analysis.letter_date == date(2026, 3, 24)
    assert (analysis.sender.name, analysis.sender.kind) == ("Gemeente Rotterdam", "gemeente")
    assert analysis.letter_kind == "terugvordering"
    deadlines = {(d.verb, d.date, d.last_day) for d in analysis.deadlines}
    assert deadlines == {
        ("betalen", date(2026, 5, 1), date(2026, 4, 30)),  # "vóór 1 mei": 30 April
        ("gegevens_sturen", date(2026, 4, 7), date(2026, 4, 7)),  # 2 weeks, no extension
        ("bezwaar_maken", date(2026, 5, 6), date(2026, 5, 6)),  # 5 May is an Atw holiday
        ("wijziging_doorgeven", None, None),  # "onverwijld": no date, the sheet says "meteen"
    }
    assert [(a.value, a.role) for a in analysis.amounts] == [(1234.56, "to_pay")]
    assert {a.verb for a in analysis.actions} == {
        "betalen", "wijziging_doorgeven", "gegevens_sturen", "bezwaar_maken"}
    change = next(a for a in analysis.actions if a.verb == "wijziging_doorgeven")
    assert change.immediate and change.deadline is None
    refs = {(r.kind, r.text, r.valid) for r in analysis.references}
    assert refs == {("kenmerk", "SZW-2026/004512", None), ("bsn", "*****2333", True),
                    ("iban", "NL91ABNA0417164300", True),
                    ("betalingskenmerk", "1234567890123456", None)}
    assert analysis.objection.possible and analysis.objection.deadline == date(2026, 5, 6)
    assert {t.term for t in analysis.terms} >= {"terugvordering", "derhalve", "dagtekening"}
    # The period "van 1 januari 2025 t/m 31 mei 2025" is no deadline.
    assert all(d.last_day.year == 2026 for d in analysis.deadlines if d.last_day)


HEAD = ("Gemeente Utrecht\nPostbus 1\n\nDatum: 3 april 2026\nBetreft: uw aanvraag\n\n"
        "Geachte heer,\n\n")
TAIL = "\n\nMet vriendelijke groet,\n\nAfdeling Werk en Inkomen\n"


@pytest.mark.parametrize("sentence,purpose,last_day,receipt", [
    ("U moet binnen 14 dagen de formulieren invullen.", "formulier_invullen",
     date(2026, 4, 17), False),
    ("Stuur binnen drie weken na de datum van deze brief uw loonstroken op.",
     "gegevens_sturen", date(2026, 4, 24), False),
    ("Betaal het bedrag uiterlijk 12-05-2026 op onze rekening.", "betalen",
     date(2026, 5, 12), False),
    ("Stuur de papieren tot en met 15 mei 2026 naar ons op.", "gegevens_sturen",
     date(2026, 5, 15), False),
    # Counted from receipt: no date until the reader says when the letter came.
    ("U moet het bedrag binnen veertien dagen na ontvangst van deze brief betalen.",
     "betalen", None, True),
    ("Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken na de dagtekening "
     "van deze brief bezwaar maken.", "bezwaar_maken", date(2026, 5, 18), False),
])
def test_deadline_wordings(sentence, purpose, last_day, receipt):
    body = ("Wij hebben uw aanvraag ontvangen en bekeken. Hieronder leest u wat u moet doen. "
            + sentence)
    analysis = explain_text(HEAD + body + TAIL)
    assert [(d.verb, d.last_day, d.depends_on_receipt) for d in analysis.deadlines] == [
        (purpose, last_day, receipt)]
    if receipt:
        assert any(w.code == "depends_on_receipt" for w in analysis.warnings)


@pytest.mark.parametrize("sentence,role", [
    ("U moet € 250,00 terugbetalen.", "to_pay"),
    ("Wij verhogen de boete met een verhoging van € 47,50.", "surcharge"),
    ("De boete bedraagt € 95,-.", "fine"),
    ("Het totaal openstaande bedrag is € 1.050,00.", "debt_total"),
    ("U ontvangt een bedrag van € 120,00 op uw rekening.", "to_receive"),
    ("Uw uitkering bedraagt € 1.326,17 per maand.", "benefit"),
    ("Incassokosten\t€ 40,00", "surcharge"),
])
def test_amount_roles(sentence, role):
    analysis = explain_text(HEAD + "Wij schrijven u over uw zaak bij ons kantoor. " + sentence
                            + TAIL)
    assert [a.role for a in analysis.amounts] == [role]


@pytest.mark.parametrize("sentence,verb", [
    ("U moet het bedrag van € 10,00 betalen.", "betalen"),
    ("Wij verzoeken u uw bankafschriften op te sturen.", "gegevens_sturen"),
    ("Stuur de loonstroken op naar ons adres.", "gegevens_sturen"),
    ("Vul het formulier in en stuur het terug.", "formulier_invullen"),
    ("Neem contact op als u niet kunt betalen.", "contact_opnemen"),
    ("Wij nodigen u uit voor een gesprek op het Jongerenloket.", "afspraak"),
    ("Wijzigingen moet u direct doorgeven.", "wijziging_doorgeven"),
])
def test_action_signal_phrases(sentence, verb):
    analysis = explain_text(HEAD + "Wij schrijven u over uw zaak bij ons kantoor. " + sentence
                            + TAIL)
    assert [a.verb for a in analysis.actions] == [verb]


def test_invalid_iban_is_marked_and_bsn_is_masked_everywhere():
    text = HEAD + ("Betaal op rekening NL91 ABNA 0417 1643 01. Uw BSN is 123456782. "
                   "Wij verzoeken u te betalen.") + TAIL
    analysis = explain_text(text)
    ibans = [r for r in analysis.references if r.kind == "iban"]
    assert ibans and ibans[0].valid is False
    assert [r.text for r in analysis.references if r.kind == "bsn"] == ["*****6782"]
    assert "123456782" not in mask_bsns(text)
    assert all("123456782" not in a.text for a in analysis.actions)


# -- the grammar of time expressions: anchors, laws, schedules ------------------------

def deadlines_of(body: str, head: str = HEAD, **kwargs):
    analysis = analyse(ingest((head + body + TAIL).encode(), "brief.txt"), GLOSSARY, **kwargs)
    return analysis.deadlines


def test_receipt_term_gets_its_date_from_the_arrival_day():
    body = ("Wij verzoeken u het bedrag van € 120,00 binnen 14 dagen na ontvangst van deze "
            "brief te betalen. Doet u dat niet, dan brengen wij incassokosten in rekening.")
    head = ("Incasso B.V.\nPostbus 9\n\nDatum: 24 februari 2026\nBetreft: herinnering\n\n"
            "Geachte heer,\n\n")
    [term] = [d for d in deadlines_of(body, head) if d.verb == "betalen"]
    assert term.date is None and term.depends_on == "ontvangst" and term.term == "14 dagen"
    [term] = [d for d in deadlines_of(body, head, received=date(2026, 3, 2))
              if d.verb == "betalen"]
    assert term.last_day == date(2026, 3, 16) and "BW 6:96 lid 6" in term.rule


def test_event_dated_elsewhere_in_the_letter():
    body = ("Wij hebben uw aanvraag van 9 maart 2026 ontvangen. Wij beslissen binnen acht weken "
            "na de datum waarop u uw aanvraag heeft ingediend.")
    [term] = [d for d in deadlines_of(body) if d.term]
    assert term.last_day == date(2026, 5, 4)  # 9 March + 56 days, not the letter date


def test_event_without_a_date_gives_no_date():
    body = "Verandert er iets in uw inkomen? Geef de wijziging dan binnen 4 weken aan ons door."
    [term] = [d for d in deadlines_of(body) if d.term]
    assert term.date is None and term.depends_on == "wijziging"


def test_backwards_over_working_days_from_an_appointment():
    body = ("De hoorzitting is op woensdag 19 mei 2027 om 10.00 uur. Stuur uw stukken uiterlijk "
            "drie werkdagen vóór de hoorzitting op.")
    head = HEAD.replace("3 april 2026", "3 mei 2027")
    found = {(d.verb, d.last_day) for d in deadlines_of(body, head)}
    # Back over Whit Monday (17 May) and the weekend: Thursday 13 May 2027.
    assert ("gegevens_sturen", date(2027, 5, 13)) in found
    assert ("afspraak", date(2027, 5, 19)) in found


def test_wahv_term_is_moved_by_the_atw():
    head = "CJIB\nPostbus 1794\n\nDatum: 16 april 2026\nBetreft: aanmaning\n\nGeachte heer,\n\n"
    body = "Betaal het bedrag binnen vier weken na de dagtekening van deze aanmaning."
    [term] = deadlines_of(body, head)
    # 14 May 2026 is Ascension Day, 15 May an equated day: Monday 18 May.
    assert term.last_day == date(2026, 5, 18) and "Wahv" in term.rule


def test_invorderingswet_term_is_not_moved():
    head = ("Belastingdienst\nPostbus 100\n\nDatum: 10 december 2026\nBetreft: aanmaning\n\n"
            "Geachte heer,\n\n")
    body = "Betaal het bedrag binnen 16 dagen na de dagtekening van deze aanmaning."
    [term] = deadlines_of(body, head)
    assert term.last_day == date(2026, 12, 26)  # Tweede Kerstdag, and not moved
    assert "Invorderingswet" in term.rule and term.on_non_working_day


def test_dates_that_start_something_months_and_schedules():
    body = ("Met ingang van 1 juni 2026 krijgt u meer bijstand. Wij betalen omstreeks "
            "25 juni 2026. U betaalt in 3 termijnen. De eerste termijn moet uiterlijk 30 april "
            "2026 betaald zijn, de andere termijnen telkens uiterlijk op de laatste dag van de "
            "daaropvolgende maand. Wij beslissen eind augustus 2026.")
    days = {d.last_day for d in deadlines_of(body)}
    assert {date(2026, 6, 1), date(2026, 6, 25), date(2026, 4, 30), date(2026, 5, 31),
            date(2026, 6, 30), date(2026, 8, 31)} <= days


def test_letter_date_in_words_and_immediate():
    head = ("Deurwaarderskantoor Noord\nPostbus 5\n\nHeden, donderdag tien september "
            "tweeduizendzesentwintig,\nheb ik, gerechtsdeurwaarder, betekend aan de heer.\n\n")
    body = ("Ik beveel u binnen twee dagen na heden het bedrag te betalen. Neem direct "
            "contact op met ons kantoor.")
    analysis = analyse(ingest((head + body + TAIL).encode(), "brief.txt"), GLOSSARY)
    assert analysis.letter_date == date(2026, 9, 10)
    found = {(d.verb, d.last_day, d.immediate) for d in analysis.deadlines}
    assert ("betalen", date(2026, 9, 12), False) in found
    assert ("contact_opnemen", None, True) in found


def test_a_start_or_an_about_date_is_no_last_day_to_act_by():
    body = ("Wij betalen het bedrag omstreeks 25 juni 2026 aan u uit. Met ingang van 1 juni 2026 "
            "betaalt u elke maand minder.")
    analysis = analyse(ingest((HEAD + body + TAIL).encode(), "brief.txt"), GLOSSARY)
    found = {d.last_day: d.limit for d in analysis.deadlines}
    assert found[date(2026, 6, 25)] is False and found[date(2026, 6, 1)] is False
    # Both are on the contract's list of dates, but no to-do says "uiterlijk" for them.
    assert all(a.deadline not in (date(2026, 6, 25), date(2026, 6, 1))
               for a in analysis.actions)


# -- the sender (issue 12) ------------------------------------------------------------

PAGE_ONE = """Gemeente Zandstad
Postbus 100
1000 AA Zandstad

Datum: 3 maart 2026
Ons kenmerk: ZS-2026-0001
Betreft: uw bijstand

Geachte heer Visser,

U krijgt een WW-uitkering van UWV. Die uitkering trekken wij af van uw bijstand.
Het UWV betaalt u elke maand. Wij betalen u het verschil. Heeft u vragen over uw
WW-uitkering? Bel dan het UWV. Over uw bijstand belt u ons.
"""
PAGE_TWO = """Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken bezwaar maken.
Stuur uw bezwaarschrift naar het college. Zet uw naam en het kenmerk erbij.

Met vriendelijke groet,

burgemeester en wethouders van Zandstad,
namens deze,

J. de Wit
"""


@pytest.mark.parametrize("pages", [(PAGE_ONE, PAGE_TWO), (PAGE_TWO, PAGE_ONE)])
def test_the_sender_is_the_letter_head_whatever_the_order_of_the_pages(pages):
    analysis = analyse(ingest("\f".join(pages).encode(), "brief.txt"))
    assert (analysis.sender.name, analysis.sender.kind) == ("Gemeente Zandstad", "gemeente")


def test_the_signature_names_the_sender_and_the_body_never_does():
    no_head = PAGE_ONE.replace("Gemeente Zandstad\n", "").replace("Zandstad", "Duinwijk", 1)
    analysis = analyse(ingest((no_head + "\n" + PAGE_TWO).encode(), "brief.txt"))
    assert analysis.sender.name == "Gemeente Zandstad"  # not UWV, named in the body


def test_an_email_sender_is_its_from_name_and_a_reader_is_never_the_sender():
    mail = ("Van: Stroomvezel <noreply@example.nl>\nAan: j.visser@example.nl\n"
            "Onderwerp: uw factuur\n\n" + PAGE_ONE.split("Geachte", 1)[1]
            + "\nMet vriendelijke groet,\nKlantenservice\n")
    assert analyse(ingest(mail.encode(), "mail.txt")).sender.name == "Stroomvezel"
    reader_first = ("De heer J. Visser\nDuinstraat 1\n1000 AA Duinwijk\n\nDatum: 3 maart 2026\n"
                    "Betreft: uw aanvraag\n\nGeachte heer Visser,\n\n" + " ".join(
                        PAGE_ONE.split("\n")[9:]) + "\n\nMet vriendelijke groet,\n\nJ. de Wit\n")
    analysis = analyse(ingest(reader_first.encode(), "brief.txt"))
    assert analysis.sender.name == ""  # the sheet then says "de afzender"
    from letter_simplifier.explain import explain
    assert explain(analysis).title == "Uitleg bij je brief van de afzender"
