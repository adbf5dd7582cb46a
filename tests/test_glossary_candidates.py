"""`glossary candidates`: the words a maintainer should add next (issue 13)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from letter_simplifier.analyse import matcher_for
from letter_simplifier.evaluate.corpus import find_letters
from letter_simplifier.glossary import load_glossary
from letter_simplifier.glossary.candidates import Names, find_candidates
from letter_simplifier.nlp import parse

from .conftest import ROOT, SAMPLES

# Invented words: no glossary has them, wordfreq does not know them.
LETTER_A = """Gemeente Zandstad
Kerkstraat 12
3011 AB Zandstad

Geachte heer Brouwersma,

Wij hebben uw aanvraag ter blorpering ontvangen. De heer Brouwersma moet de
blorpering zelf betalen. Het vlixtarief is 12 euro per maand.
Bel ons op 010-1234567 of mail naar info@zandstad.nl.
"""
LETTER_B = """Gemeente Zandstad

Beste mevrouw Dijkwater,

De aanvraag ter blorpering is binnen. Wij sturen de papieren ter blorpering
naar Dijkwater in Zandstad. Het vlixtarief gaat omhoog.
"""


@pytest.fixture(scope="module")
def matcher():
    return matcher_for(load_glossary())


def test_a_rare_word_is_listed_with_counts_an_example_and_its_phrase(matcher):
    found = {c.text: c for c in find_candidates([LETTER_A, LETTER_B], matcher)}
    # "ter" stands before "blorpering" in 3 of its 4 places: a fixed phrase
    assert "ter blorpering" in found
    phrase = found["ter blorpering"]
    assert (phrase.count, phrase.letters, phrase.zipf) == (4, 2, 0.0)
    assert "blorpering" in phrase.example and len(phrase.example.split()) >= 5
    assert found["vlixtarief"].count == 2
    ranked = list(found)
    assert ranked.index("ter blorpering") < ranked.index("vlixtarief")  # more often


def test_names_addresses_and_numbers_are_never_listed(matcher):
    found = find_candidates([LETTER_A, LETTER_B], matcher)
    listed = " ".join(c.text for c in found)
    examples = " ".join(c.example for c in found)
    for private in ("Brouwersma", "Dijkwater", "Kerkstraat", "Zandstad", "AB", "zandstad"):
        assert private not in listed
    for private in ("Brouwersma", "Dijkwater", "1234567", "info@", "12 euro"):
        assert private not in examples
    assert not re.search(r"\d", listed + examples)


def test_a_capitalised_word_counts_when_the_letters_also_write_it_small(matcher):
    names = Names({"vlixtarief"})
    assert names.is_institution("Vlixautoriteit")
    assert not names.is_institution("Zandstad")
    assert names.is_acronym("ZKVB") and not names.is_acronym("HEEFT")
    texts = ["Vlixtarief is het woord. Het vlixtarief is hoog. Zo is het vlixtarief.",
             "Dat staat in de Vlixautoriteit en in de Vlixautoriteit staat meer."]
    found = {c.text for c in find_candidates(texts, matcher)}
    assert {"vlixtarief", "Vlixautoriteit"} <= found


def test_words_the_glossary_explains_are_never_candidates(matcher):
    text = ("Wij leggen beslag op uw loon. De dwangbevelen zijn betekend. "
            "U blijft in gebreke. De huurtoeslagbeschikking komt later.")
    assert find_candidates([text], matcher) == []


def test_top_20_on_the_blind_split_hold_no_glossary_word(matcher):
    """The issue's check: run on letters nobody tuned on, nothing the glossary
    already has comes up. Only the glossary is consulted; no rule is changed."""
    texts = [letter.path.read_text(encoding="utf-8")
             for letter in find_letters(SAMPLES / "corpus", "blind")
             if letter.path.suffix == ".txt"]
    top = find_candidates(texts, matcher, limit=20)
    assert len(top) == 20
    for candidate in top:
        assert matcher.find(parse(candidate.text)) == [], candidate.text
        assert all(matcher.lookup(word) is None for word in candidate.text.split()
                   if word not in ("ter", "van", "in", "op"))
        assert not re.search(r"\d", candidate.text)


@pytest.mark.slow  # two runs of the command in a process of its own
def test_the_command_lists_candidates_of_a_folder(tmp_path):
    (tmp_path / "a.txt").write_text(LETTER_A, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(LETTER_B, encoding="utf-8")
    (tmp_path / "notes.md").write_text("blorpering blorpering", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "letter_simplifier", "glossary", "candidates",
                          str(tmp_path), "--json"], capture_output=True, text=True,
                         cwd=ROOT, check=True).stdout
    data = json.loads(out)
    assert data["letters"] == 2 and data["unread"] == []
    assert data["candidates"][0]["text"] == "ter blorpering"
    text = subprocess.run([sys.executable, "-m", "letter_simplifier", "glossary", "candidates",
                           str(tmp_path), "--top", "1"], capture_output=True, text=True,
                          cwd=ROOT, check=True).stdout
    assert "1. ter blorpering  (4x in 2 brieven" in text
    assert "vlixtarief" not in text
