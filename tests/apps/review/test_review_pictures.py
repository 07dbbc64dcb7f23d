"""The referral map for staff: the transcript shows the picture where the assistant's message
carried it (as the patient saw it), the summary card shows the map of each region, and the app
serves the pictures itself, behind the login.

Most tests run over a small tracker store written here (Rasa's `events` table); the last one
reads the conversation the real assistant recorded (tests.apps.review.fixtures)."""

from __future__ import annotations

import html
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape
from starlette.testclient import TestClient

from bot.apps.review.accounts import add_account
from bot.apps.review.app import create_app
from bot.apps.review.database import review_engine
from bot.config import Settings, load_settings
from bot.pictures import referral_map_svg
from bot.storage.tokens import conversation_token
from tests.apps.review.conftest import log_in
from tests.apps.review.fixtures import PASSWORD, Recording

SENDER = "web:pictures-1"
KNEE_TEXT = (
    "Une douleur à cet endroit (l'avant du genou) vient souvent de zones tendues.\n"
    "• le muscle de la cuisse côté intérieur (vaste médial)"
)
CHEST_TEXT = "Une douleur dans la poitrine peut venir du cœur ou des poumons."
KNEE_SRC = "/referral-map/knee_front/left/fr.svg"


def as_html(text: str) -> str:
    """Text as the pages' templates write it."""
    return str(escape(text))


def slot(name: str, value: Any, at: float) -> dict[str, Any]:
    return {"event": "slot", "timestamp": at, "name": name, "value": value}


def bot(text: str, at: float, custom: dict[str, Any] | None = None) -> dict[str, Any]:
    data = {"elements": None, "quick_replies": None, "buttons": None, "attachment": None,
            "image": None, "custom": custom}  # fmt: skip
    return {"event": "bot", "timestamp": at, "text": text, "data": data}


def referral(region: str, side: str | None, language: str) -> dict[str, Any]:
    return {"referral_map": {"region": region, "side": side, "language": language}}


def knee_and_chest() -> list[dict[str, Any]]:
    """A French conversation whose interview named the left knee and the chest: what Rasa
    stores once action_explain_pain has run."""
    return [
        {"event": "user", "timestamp": 1, "text": "/give_consent",
         "metadata": {"channel": "web"},
         "parse_data": {"intent": {"name": "give_consent", "confidence": 1.0}}},
        slot("language", "fr", 1),
        slot("consent", "given", 1),
        {"event": "action", "timestamp": 2, "name": "action_start_interview"},
        slot("pain_regions", ["knee_front", "chest"], 3),
        slot("pain_side", "left", 3),
        {"event": "action", "timestamp": 4, "name": "action_explain_pain"},
        bot("Merci, j'ai tout ce qu'il me faut.", 4),
        bot(KNEE_TEXT, 4, referral("knee_front", "left", "fr")),
        bot(CHEST_TEXT, 4),
        # Custom data no picture may come from: a doctor-first region, an unknown one.
        bot("Encore la poitrine.", 4, referral("chest", None, "fr")),
        bot("Ailleurs.", 4, referral("../../etc/passwd", "left", "fr")),
        slot("interview_complete", True, 4),
    ]  # fmt: skip


def write_store(var_dir: Path, events: list[dict[str, Any]]) -> Settings:
    """A tracker store as Rasa's SQL tracker store writes it."""
    var_dir.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(var_dir / "conversations.db") as db:
        db.execute(
            "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255) NOT NULL, "
            "type_name VARCHAR(255) NOT NULL, timestamp FLOAT, intent_name VARCHAR(255), "
            "action_name VARCHAR(255), data TEXT)"
        )
        for event in events:
            db.execute(
                "INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (?, ?, ?, ?)",
                (SENDER, event["event"], event["timestamp"], json.dumps(event)),
            )
    settings = load_settings({"HCMC_VAR_DIR": str(var_dir)})
    engine = review_engine(settings)
    add_account(engine, "rex", PASSWORD, "reviewer")
    engine.dispose()
    return settings


@pytest.fixture
def small_store(tmp_path: Path) -> Settings:
    return write_store(tmp_path / "var", knee_and_chest())


@pytest.fixture
def staff(small_store: Settings) -> Iterator[TestClient]:
    app = create_app(small_store, background=False)
    with TestClient(app, base_url="http://review.test") as client:
        assert log_in(client, "rex").status_code == 303
        yield client


def page(client: TestClient, settings: Settings) -> str:
    response = client.get(f"/c/{conversation_token(settings, SENDER)}")
    assert response.status_code == 200
    return response.text


def transcript_of(page_html: str) -> str:
    return page_html.split('id="transcript"', 1)[1].split("</section>", 1)[0]


def bubbles(transcript: str) -> list[str]:
    return transcript.split('<div class="bubble ')[1:]


def card_of(page_html: str) -> str:
    return page_html.split('id="interview"', 1)[1].split("</section>", 1)[0]


def test_the_transcript_shows_the_picture_the_explanation_carried(staff, small_store):
    transcript = transcript_of(page(staff, small_store))
    # Beside its own text, with that text (in the patient's language) as its alternative.
    expected = (
        f'<img class="referral-map" src="{as_html(KNEE_SRC)}" alt="{as_html(KNEE_TEXT)}" lang="fr">'
    )
    (knee,) = [bubble for bubble in bubbles(transcript) if as_html(KNEE_TEXT) in bubble]
    assert expected in knee
    # Only that one: nothing for the chest, nor for a region no picture exists of.
    assert transcript.count("<img") == 1


def test_the_summary_card_shows_the_map_of_each_region_that_has_one(staff, small_store):
    card = card_of(page(staff, small_store))
    # In the staff member's language (English here), for the side the patient gave.
    assert card.count("<img") == 1
    assert (
        '<img class="referral-map" src="/referral-map/knee_front/left/en.svg" '
        'alt="Referral map: the front of the knee">'
    ) in card


def test_the_live_transcript_carries_the_picture_too(staff, small_store):
    token = conversation_token(small_store, SENDER)
    turns = staff.get(f"/c/{token}/live.json").json()["turns"]
    pictures = {turn["text"]: turn["picture"] for turn in turns if turn["picture"]}
    assert pictures == {KNEE_TEXT: KNEE_SRC}


def test_the_picture_is_the_drawing_served_as_svg_with_the_apps_headers(staff):
    response = staff.get(KNEE_SRC)
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/svg+xml"
    assert response.text == referral_map_svg("knee_front", "left", "fr")
    assert "img-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    both = staff.get("/referral-map/low_back/none/nl.svg")
    assert both.status_code == 200 and both.text == referral_map_svg("low_back", None, "nl")


@pytest.mark.parametrize(
    "path",
    [
        "/referral-map/chest/none/en.svg",  # doctor first: no muscle picture
        "/referral-map/abdomen/middle/fr.svg",
        "/referral-map/nowhere/left/en.svg",
        "/referral-map/knee_front/sideways/en.svg",
        "/referral-map/knee_front/left/de.svg",
        "/referral-map/knee_front/None/en.svg",
    ],
)
def test_no_picture_for_a_region_without_one_or_unknown_values(staff, path):
    response = staff.get(path)
    assert response.status_code == 404
    assert "No such picture." in response.text


def test_the_pictures_need_a_staff_login(small_store):
    with TestClient(create_app(small_store, background=False)) as anonymous:
        response = anonymous.get(KNEE_SRC, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login"
    assert "<svg" not in response.text


def test_the_recorded_knee_explanation_shows_its_picture(reviewer, recording: Recording, store):
    """The real assistant's explanation, as the real Rasa server stored it."""
    token = conversation_token(store, recording.senders["booking"])
    page_html = reviewer.get(f"/c/{token}").text
    src = "/referral-map/knee_front/left/en.svg"
    (knee,) = [bubble for bubble in bubbles(transcript_of(page_html)) if "<img" in bubble]
    text = knee.split('<div class="text" lang="en">', 1)[1].split("</div>", 1)[0]
    assert html.unescape(text).startswith("Pain felt in the front of the knee often comes from")
    assert f'<img class="referral-map" src="{as_html(src)}" alt="{text}" lang="en">' in knee
    assert reviewer.get(src).headers["content-type"] == "image/svg+xml"
    assert f'src="{as_html(src)}"' in card_of(page_html)
