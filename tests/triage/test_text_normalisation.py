"""The one text normalisation (bot/triage/language/text.py): what it folds, and what it keeps."""

from __future__ import annotations

import pytest

from bot.triage.language.text import APOSTROPHES, fold, normalise, straighten_apostrophes


@pytest.mark.parametrize(
    "text, folded",
    [
        ("Œdème", "oedeme"),
        ("cœur", "coeur"),
        ("l’épaule", "l'epaule"),
        ("Ärger", "arger"),
        ("naïve", "naive"),
        ("straße", "strasse"),
        ("STRAẞE", "strasse"),
        ("Æther, Øre, łokieć", "aether, ore, lokiec"),
        ("ﬁèvre", "fievre"),  # compatibility ligatures become their letters
        ("İstanbul", "istanbul"),  # casefolding's own dot goes with the accents
        ("fie\u0301vre", "fievre"),  # an accent typed as a separate character
        ("½ ²", "1⁄2 2"),
        ("a\u00a0b\u202fc", "a b c"),  # non-breaking spaces become spaces
        ("  Rug\tpijn ", "  rug\tpijn "),  # whitespace is kept: positions stay put
        ("‘quoted’", "'quoted'"),
        ("“double” «guillemets»", "“double” «guillemets»"),  # only apostrophes are quotes folded
        ("´s avonds, d`accord, jʼai, can′t", "'s avonds, d'accord, j'ai, can't"),
        ("rendez‑vous", "rendez\u2010vous"),  # hyphens are not unified
        ("x\u200by", "x\u200by"),  # zero-width characters stay (see `normalise`)
        ("", ""),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_capital_l_with_stroke_stays_a_letter_of_its_own() -> None:
    # The red-flag detector has always read "Ł" as "ł" (and "ł" as "l"); changing that changes
    # which of its patterns match.
    assert fold("Ł") == "ł"
    assert fold("ł") == "l"


def test_ascii_text_folds_as_any_other_text() -> None:
    assert fold("I Can`t") == "i can't"
    assert fold("I Can`t é")[:-1] == fold("I Can`t ")


def test_without_spelling_out_ligatures_the_folded_text_keeps_the_positions() -> None:
    text = "Mon cœur et ma sœur: LE SOIR, Æther; l’œil"
    kept = fold(text, spell_out_ligatures=False)
    assert kept == "mon cœur et ma sœur: le soir, æther; l'œil"
    assert len(kept) == len(text)


@pytest.mark.parametrize("apostrophe", APOSTROPHES)
def test_every_apostrophe_becomes_straight(apostrophe: str) -> None:
    assert straighten_apostrophes(f"J{apostrophe}ai MAL à l{apostrophe}Épaule") == (
        "J'ai MAL à l'Épaule"
    )
    assert fold(f"j{apostrophe}ai") == "j'ai"


@pytest.mark.parametrize(
    "text, normalised",
    [
        ("  FIÈVRE\tœdème\x00ça  ", "fievre oedeme ca"),
        ("  Rug\tpijn ", "rug pijn"),
        ("can\u2019t 😀 breathe", "can't breathe"),
        ("38.5°C", "38.5°c"),  # the degree sign stays for temperatures
        ("x\u200by", "xy"),  # zero-width characters would split words invisibly
        ("a\u00a0\u00a0b\n\nc", "a b c"),
        ("😀😀😀", ""),
        ("", ""),
    ],
)
def test_normalise(text: str, normalised: str) -> None:
    assert normalise(text) == normalised


def test_normalise_is_fold_with_spaces_unified() -> None:
    text = "L’ŒDÈME   de la Jambe"
    assert normalise(text) == " ".join(fold(text).split())
