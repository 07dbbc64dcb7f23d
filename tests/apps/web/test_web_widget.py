"""The website widget's server side: history shown again, the channel's checks, the web server's
pages and headers, and the widget's texts."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from bot.apps.web.config import WebSettings
from bot.apps.web.server import create_app
from bot.config import PROJECT_ROOT
from bot.rasa_plugins.channels.widget import (
    MAX_MESSAGE_CHARS,
    message_metadata,
    sender_for,
    valid_session_id,
)
from bot.storage.erase import erase_conversation
from bot.storage.history import conversation_history, visible_messages

CONSENT_BUTTONS = [
    {"title": "Yes, I agree", "payload": "/give_consent"},
    {"title": "No, thanks", "payload": "/decline_consent"},
]


def bot(text: str, buttons: list[dict] | None = None) -> dict:
    return {"event": "bot", "text": text, "data": {"buttons": buttons}}


def user(text: str) -> dict:
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": "x"}}}


def test_history_shows_what_the_patient_saw_with_button_titles():
    events = [
        {"event": "action", "name": "action_session_start"},
        user("/greet"),  # the widget's opening greeting: never shown
        bot("Hello.\n\nI'm not a doctor."),
        bot("May I ask about your pain?", CONSENT_BUTTONS),
        user("/give_consent"),
        {"event": "slot", "name": "consent", "value": True},
        bot("Where does it hurt?"),
        user("<b>my knee</b>"),
        user('/share_location{"latitude": 50.8, "longitude": 4.33}'),
    ]
    assert visible_messages(events) == [
        {"from": "bot", "text": "Hello.", "buttons": []},
        {"from": "bot", "text": "I'm not a doctor.", "buttons": []},
        {"from": "bot", "text": "May I ask about your pain?", "buttons": CONSENT_BUTTONS},
        {"from": "user", "text": "Yes, I agree"},
        {"from": "bot", "text": "Where does it hurt?", "buttons": []},
        {"from": "user", "text": "<b>my knee</b>"},  # text, shown as text by the widget
        {"from": "user", "text": "", "location": True},
    ]


WHERE_BUTTONS = [{"title": "Knee", "payload": '/describe_pain{"body_region":"knee_front"}'}]


def test_history_keeps_the_body_map_offer_and_shows_its_answer_in_words():
    where = {
        "event": "bot",
        "text": "Où avez-vous mal ?",
        "data": {"buttons": WHERE_BUTTONS, "custom": {"body_map": True}},
    }
    events = [
        {"event": "slot", "name": "language", "value": "fr"},
        where,
        user('/describe_pain{"body_region":["knee_front","low_back"],"pain_side":"left"}'),
        where,
        user('/describe_pain{"body_region":"nowhere"}'),  # not the body map's: not shown
    ]
    offer = {
        "from": "bot",
        "text": "Où avez-vous mal ?",
        "buttons": WHERE_BUTTONS,
        "custom": {"body_map": True},
    }
    assert visible_messages(events) == [
        offer,
        {"from": "user", "text": "L'avant du genou, côté gauche ; le bas du dos, côté gauche"},
        offer,
    ]


def test_history_shows_each_body_map_place_with_its_own_side():
    answer = user(
        '/describe_pain{"body_region":["knee_front","hip_groin"],"pain_side":"both",'
        '"body_map_place":["knee_front:left","hip_groin:right"]}'
    )
    assert visible_messages([answer]) == [
        {
            "from": "user",
            "text": "The front of the knee, left side; the hip or the groin, right side",
        }
    ]


def test_history_reads_only_that_conversation_and_none_after_erasure(tmp_path: Path):
    database = tmp_path / "conversations.db"
    url = f"sqlite:///{database}"
    assert conversation_history(url, "web:abc") == []  # no table yet
    with sqlite3.connect(database) as connection:
        connection.execute(
            "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, data TEXT)"
        )
        for sender, event in [
            ("web:abc", bot("Hello A")),
            ("web:other", bot("Hello B")),
            ("web:abc", user("knee")),
        ]:
            connection.execute(
                "INSERT INTO events (sender_id, data) VALUES (?, ?)", (sender, json.dumps(event))
            )
    assert [m["text"] for m in conversation_history(url, "web:abc")] == ["Hello A", "knee"]
    assert erase_conversation(url, "web:abc") == 2
    assert conversation_history(url, "web:abc") == []
    assert [m["text"] for m in conversation_history(url, "web:other")] == ["Hello B"]


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("0123456789abcdef0123456789abcdef", True),
        ("telegram:12345", False),  # another channel's conversation is out of reach
        ("0123456789ABCDEF0123456789ABCDEF", False),
        ("../../etc", False),
        (None, False),
        (12, False),
    ],
)
def test_only_server_made_session_ids_are_accepted(value, valid):
    assert (valid_session_id(value) is not None) is valid


def test_conversations_are_stored_apart_from_other_channels():
    assert sender_for("0123456789abcdef0123456789abcdef").startswith("web:")


def test_metadata_passes_only_the_language_and_names_the_channel():
    assert message_metadata({"language": "fr-BE", "channel": "telegram", "x": "y"}) == {
        "channel": "web",
        "language": "fr-BE",
    }
    assert message_metadata({"language": "<script>"}) == {"channel": "web"}
    assert message_metadata("nonsense") == {"channel": "web"}


@pytest.fixture
def web_client(tmp_path: Path) -> TestClient:
    widget_dir = tmp_path / "widget"
    widget_dir.mkdir()
    (widget_dir / "hcmc-widget.js").write_text("/* built */")
    web = WebSettings(assistant_url='http://127.0.0.1:5005"><script>', widget_dir=widget_dir)
    return TestClient(create_app(web))


def test_demo_page_embeds_the_widget_with_one_script_tag_and_strict_headers(web_client):
    page = web_client.get("/")
    assert page.status_code == 200
    assert page.text.count("<script") == 1
    assert 'src="/widget/hcmc-widget.js"' in page.text
    # The assistant's address is an attribute value, never markup.
    assert 'data-server="http://127.0.0.1:5005&quot;&gt;&lt;script&gt;"' in page.text
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert "connect-src 'self' http://127.0.0.1:5005" in policy
    assert page.headers["referrer-policy"] == "no-referrer"
    assert web_client.get("/widget/hcmc-widget.js").text == "/* built */"
    assert web_client.get("/fr/").text.count('lang="fr-BE"') == 1
    assert web_client.get("/nl/").text.count('<html lang="nl">') == 1
    assert web_client.get("/health").json() == {"status": "ok"}


def test_widget_texts_exist_in_every_language():
    messages = json.loads((PROJECT_ROOT / "web/widget/src/messages.json").read_text("utf-8"))
    assert {
        "clear",
        "use_location",
        "location_refused",
        "no_answer",
        "title",
        "clear_question",
        "clear_confirm",
        "cancel",
        "counter",
        "too_long",
        "retry",
        "typing",
    } <= set(messages)
    for key, texts in messages.items():
        assert set(texts) == {"en", "fr", "nl"}, key
        assert all(text.strip() for text in texts.values()), key
        # The same placeholders in every language (the widget fills them in).
        assert len({tuple(sorted(re.findall(r"{\w+}", text))) for text in texts.values()}) == 1, key


def test_demo_pages_take_the_widget_title_from_its_texts():
    demo = PROJECT_ROOT / "web" / "demo"
    for page in sorted(demo.glob("*.html")):
        assert "data-title" not in page.read_text("utf-8"), page.name


def test_the_widget_never_sends_more_than_the_server_keeps():
    source = (PROJECT_ROOT / "web/widget/src/widget.js").read_text("utf-8")
    limit = re.search(r"var MAX_MESSAGE_CHARS = (\d+);", source)
    assert limit is not None
    assert int(limit.group(1)) <= MAX_MESSAGE_CHARS
