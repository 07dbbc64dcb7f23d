"""A tracker store filled by the real assistant, recorded once per test session, and the review
app over copies of it. Loaded as a pytest plugin (tests/conftest.py) so that the HTTP
tests and the browser test share one recording."""

from __future__ import annotations

import os
import sqlite3
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from bot.apps.review.accounts import add_account
from bot.apps.review.app import create_app
from bot.apps.review.database import review_engine
from bot.config import Settings, load_settings
from bot.ops.rest_client import RestClient, reply_buttons, reply_texts
from bot.ops.supervisor import Stack
from tests.support.servers import require_trained_model, running

# The review helper's ports (never the defaults, which `make run` and other suites use).
PORTS = {"HCMC_RASA_PORT": "5505", "HCMC_ACTION_PORT": "5555", "HCMC_REVIEW_PORT": "8501"}
PUBLIC_URL = "http://127.0.0.1:5505"
PASSWORD = "correct horse battery staple"

MANY_REGIONS = (
    "it hurts in my neck, my jaw, my shoulder, my upper arm, my elbow, my forearm, my upper back, "
    "my lower back, my buttock, my hip, my thigh, my knee, my calf, my shin and my heel "
    + "pleasehelp"
    * 20
)

# What the patients say: phrases that must never appear in a log.
SECRET_PHRASES = ("worse on stairs", "crushing pain", "alert('owned')", "dizzy")


@dataclass
class Recording:
    var_dir: Path
    settings: Settings
    senders: dict[str, str] = field(default_factory=dict)
    booking_link: str = ""
    redirect_status: int = 0
    redirect_location: str = ""
    # The titles of the buttons the booking patient pressed, in order.
    pressed: list[str] = field(default_factory=list)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


def _press(
    client: RestClient, replies: list[dict], title_part: str, pressed: list[str]
) -> list[dict]:
    button = next(b for b in reply_buttons(replies) if title_part.lower() in b["title"].lower())
    pressed.append(button["title"])
    return client.send(button["payload"])


# The low-back interview's answers, by what the question's buttons set: whatever order the
# assistant asks them in, the same answers.
INTERVIEW_ANSWERS = {
    '"pain_side"': "Both sides",
    '"pain_onset"': "After an injury or strain",
    '"time_pattern"': "Stiff in the morning",
    '"precaution"': "None of these",
    '"red_flag_id"': "None of these",
}


def _answer_interview(client: RestClient, replies: list[dict]) -> list[dict]:
    """Answers every question of the interview until the assistant asks for the commune."""
    for _ in range(20):
        payloads = " ".join(b["payload"] for b in reply_buttons(replies))
        if "/share_location" in payloads or "/choose_centre" in payloads:
            return replies
        if '"severity"' in payloads:
            replies = client.send("7")
            continue
        title = next((t for key, t in INTERVIEW_ANSWERS.items() if key in payloads), None)
        if title is not None:
            replies = _press(client, replies, title, [])
        else:  # what makes it worse or better: no buttons
            replies = client.send("worse when I sit for long")
    raise AssertionError("the interview did not end")


def _talk(settings: Settings, recording: Recording) -> None:
    def client(name: str) -> RestClient:
        sender = f"{name}-{uuid.uuid4().hex[:8]}"
        recording.senders[name] = sender
        return RestClient(settings.rest_webhook_url, sender=sender)

    booking = client("booking")
    replies = booking.send("hello")
    replies = _press(booking, replies, "Yes, I agree", recording.pressed)
    replies = booking.send("my knee has hurt for three weeks, worse on stairs")
    replies = _press(booking, replies, "Left", recording.pressed)
    replies = booking.send("it came on gradually")
    replies = booking.send("6")
    replies = _press(booking, replies, "None of these", recording.pressed)
    replies = _press(booking, replies, "None of these", recording.pressed)
    replies = booking.send("I live in Uccle")
    text = "\n".join(reply_texts(replies))
    recording.booking_link = next(w for w in text.split() if w.startswith(PUBLIC_URL))

    red_flag = client("red_flag")
    red_flag.send("I have crushing pain in my chest and I feel dizzy")

    script = client("script")
    script.send("/give_consent")
    script.send("<script>alert('owned')</script> my lower back hurts")

    person = client("person")
    person.send("bonjour")
    person.send("je voudrais parler à une personne")

    fallback = client("fallback")
    for nonsense in ("qwxz blorp fnord", "?", "purple monkey dishwasher"):
        fallback.send(nonsense)

    # Many entities in one message, and a long unbroken word: the page must wrap them.
    many = client("many_regions")
    many.send("/give_consent")
    many.send(MANY_REGIONS)

    # A finished interview about the lower back, then, after starting over, one about the hip:
    # two episodes, each kept on the summary card and in the inbox row.
    episodes = client("episodes")
    episodes.send("/give_consent")
    replies = episodes.send("my lower back has hurt for two months")
    _answer_interview(episodes, replies)
    episodes.send("/restart_conversation")
    episodes.send("/give_consent")
    replies = episodes.send("my hip hurts since yesterday")
    _press(episodes, replies, "Right", [])

    declined = client("declined")
    declined.send("my neck has been stiff for two weeks")
    declined.send("/decline_consent")
    declined.send("what is dry needling?")


@pytest.fixture(scope="session")
def recording(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Recording]:
    """Starts the real action and Rasa servers, holds a few conversations, follows the booking
    link through the Rasa server's redirect, and keeps the servers up for the session."""
    var_dir = tmp_path_factory.mktemp("review-var")
    env = {
        **PORTS,
        "HCMC_VAR_DIR": str(var_dir),
        "HCMC_PUBLIC_URL": PUBLIC_URL,
        "HCMC_SECRET_KEY": "review-tests-" + uuid.uuid4().hex,
    }
    saved = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    settings = load_settings()
    require_trained_model(settings, "review")
    try:
        with running(Stack(settings, var_dir / "logs"), timeout=300):
            recording = Recording(var_dir, settings)
            _talk(settings, recording)
            opener = urllib.request.build_opener(NoRedirect)
            try:
                opener.open(recording.booking_link, timeout=10)
            except urllib.error.HTTPError as redirect:
                recording.redirect_status = redirect.code
                recording.redirect_location = redirect.headers.get("Location", "")
            yield recording
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def copy_store(recording: Recording, target: Path) -> Settings:
    """A copy of the recorded tracker store that a test may change."""
    target.mkdir(parents=True, exist_ok=True)
    # SQLite's backup copies what is committed, including what the running Rasa server's open
    # connections still hold in the write-ahead log (a plain file copy would miss it).
    source = sqlite3.connect(recording.var_dir / "conversations.db")
    copy = sqlite3.connect(target / "conversations.db")
    with closing(source), closing(copy):
        source.backup(copy)
    return load_settings({**os.environ, "HCMC_VAR_DIR": str(target)})


@pytest.fixture
def store(recording: Recording, tmp_path: Path) -> Settings:
    settings = copy_store(recording, tmp_path / "var")
    engine = review_engine(settings)
    add_account(engine, "ada", PASSWORD, "admin")
    add_account(engine, "rex", PASSWORD, "reviewer")
    engine.dispose()
    return settings


def event_count(settings: Settings, sender: str) -> int:
    database = settings.tracker_database_url.removeprefix("sqlite:///")
    with sqlite3.connect(database) as connection:
        return int(
            connection.execute(
                "SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)
            ).fetchone()[0]
        )


__all__ = ["PASSWORD", "Recording", "copy_store", "create_app", "create_engine", "event_count"]
