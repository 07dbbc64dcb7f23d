"""Live takeover and follow-up through the review app and the real Rasa server's staff channel:
a member of staff takes a conversation over, writes to the patient, the assistant stays silent
(yet still spots a red flag), another member of staff cannot step in, and handing back brings the
assistant back. Runs against the recording's live tracker store (tests.apps.review.fixtures)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select
from starlette.testclient import TestClient

from bot.apps.review.accounts import add_account
from bot.apps.review.app import create_app
from bot.apps.review.database import review_engine
from bot.config import Settings
from bot.ops.rest_client import RestClient, reply_texts
from bot.storage.conversation_index import conversation_events
from bot.storage.erase import erase_conversation
from bot.storage.history import conversation_history
from bot.storage.tables import audit_log, takeovers
from bot.storage.tokens import channel_key, conversation_token
from tests.apps.review.conftest import csrf_of, log_in
from tests.apps.review.fixtures import PASSWORD, Recording


@pytest.fixture(scope="module")
def live(recording: Recording) -> Settings:
    """The review app over the store the running assistant writes to, with two staff members."""
    engine = review_engine(recording.settings)
    for name, role in (("amelie", "admin"), ("bram", "reviewer")):
        add_account(engine, name, PASSWORD, role)
    engine.dispose()
    return recording.settings


def client_for(settings: Settings, username: str) -> TestClient:
    client = TestClient(create_app(settings, background=False), base_url="http://review.test")
    assert log_in(client, username).status_code == 303
    return client


@pytest.fixture
def amelie(live: Settings) -> Iterator[TestClient]:
    with client_for(live, "amelie") as client:
        yield client


@pytest.fixture
def bram(live: Settings) -> Iterator[TestClient]:
    with client_for(live, "bram") as client:
        yield client


class WidgetPatient(RestClient):
    """A patient of the website widget, played over the REST channel: the widget's kind of
    conversation id and channel metadata (a live channel, which staff can take over)."""

    def send(self, message: str, metadata: dict | None = None) -> list[dict]:
        return super().send(message, {"channel": "web", **(metadata or {})})


def patient(settings: Settings) -> RestClient:
    # A widget conversation's id: the REST channel wants the channel key for it.
    return WidgetPatient(
        settings.rest_webhook_url, sender=f"web:{uuid.uuid4().hex}", token=channel_key(settings)
    )


def post(client: TestClient, path: str, **data: str):
    page = client.get(path.rsplit("/", 1)[0])
    return client.post(
        path, data={"csrf_token": csrf_of(page.text), **data}, follow_redirects=False
    )


def events_of(settings: Settings, sender: str) -> list[dict]:
    engine = review_engine(settings)
    with engine.connect() as connection:
        found = [event for _, event in conversation_events(connection, sender)]
    engine.dispose()
    return found


def taken_over(settings: Settings, sender: str) -> bool:
    engine = review_engine(settings)
    with engine.connect() as connection:
        found = connection.execute(select(takeovers).where(takeovers.c.sender_id == sender)).first()
    engine.dispose()
    return found is not None


def test_staff_take_over_write_and_hand_back(live, amelie, bram):
    person = patient(live)
    person.send("hello")
    asked = reply_texts(person.send("I would like to talk to a person please"))
    assert asked, "the assistant answers before the takeover"
    token = conversation_token(live, person.sender)
    page = f"/c/{token}"

    # The conversation waits in the follow-up queue, newest request for a person.
    queue = amelie.get("/follow-up.json").json()["queue"]
    mine = next(item for item in queue if item["token"] == token)
    assert (mine["urgency"], mine["status"]) == ("Wants a person", "new")

    taken = post(amelie, f"{page}/takeover", display_name="Amélie")
    assert taken.status_code == 303 and "error" not in taken.headers["location"]
    assert "You have taken over" in amelie.get(page).text
    # A second member of staff cannot take it, nor write in it.
    assert "error=taken" in post(bram, f"{page}/takeover").headers["location"]
    assert "error=not_holder" in post(bram, f"{page}/reply", text="hi").headers["location"]
    assert "amelie has this conversation" in bram.get(page).text

    sent = post(amelie, f"{page}/reply", text="Hello, Amélie from the clinic here. How can I help?")
    assert "error" not in sent.headers["location"]

    # The assistant is silent while a person has the conversation...
    assert person.send("thank you! can you call me back tomorrow?") == []
    # ...but a red flag still gets the urgent advice at once (and nothing else), and raises the
    # conversation to the top of the queue.
    advice = reply_texts(person.send("now I suddenly have crushing chest pain"))
    assert any("112" in text for text in advice)
    assert not any("leave a phone number" in text or "staff" in text for text in advice)
    assert person.send("ok I am calling them") == []
    queue = amelie.get("/follow-up.json").json()["queue"]
    mine = next(item for item in queue if item["token"] == token)
    assert mine["red_flag"] and mine["taken_over_by"] == "amelie"
    assert mine["status"] == "in_progress" and mine["assignee"] == "amelie"

    # The page's script gets the patient's new messages.
    newest = amelie.get(f"{page}/live.json", params={"after": 0}).json()
    texts = [turn["text"] for turn in newest["turns"]]
    assert "now I suddenly have crushing chest pain" in texts
    staff_turn = next(turn for turn in newest["turns"] if turn["kind"] == "staff")
    assert staff_turn["staff_name"] == "Amélie"
    assert newest["taken_over_by"] == "amelie"

    back = post(amelie, f"{page}/handback")
    assert "error" not in back.headers["location"]
    assert reply_texts(person.send("hello again")), "the assistant answers after the hand back"

    kinds = [e["event"] for e in events_of(live, person.sender)]
    assert "pause" in kinds and "resume" in kinds and kinds.index("pause") < kinds.index("resume")
    seen = conversation_history(live.tracker_database_url, person.sender)
    froms = [message["from"] for message in seen]
    assert "staff" in froms and froms.count("notice") == 2
    assert next(m for m in seen if m["from"] == "staff")["name"] == "Amélie"

    engine = review_engine(live)
    with engine.connect() as connection:
        actions = [
            (row.username, row.action)
            for row in connection.execute(
                select(audit_log).where(audit_log.c.sender_id == person.sender)
            )
        ]
    engine.dispose()
    assert not taken_over(live, person.sender)
    for expected in ("took over", "replied", "handed back"):
        assert ("amelie", expected) in actions


def test_follow_up_status_filters_and_sorts(live, amelie):
    person = patient(live)
    person.send("hello")
    person.send("I want to talk to someone from the clinic")
    token = conversation_token(live, person.sender)
    changed = post(amelie, f"/c/{token}/follow-up", status="answered", assignee="amelie")
    assert changed.status_code == 303
    assert "called back / answered" in amelie.get(f"/c/{token}").text
    answered = amelie.get("/", params={"follow_up": "answered"}).text
    assert f"/c/{token}" in answered.split('class="inbox-title"', 1)[1]
    assert (
        f"/c/{token}"
        not in amelie.get("/", params={"follow_up": "new"}).text.split('class="inbox-title"', 1)[1]
    )
    post(amelie, f"/c/{token}/follow-up", status="closed", assignee="")
    queue = amelie.get("/follow-up.json").json()["queue"]
    assert token not in [item["token"] for item in queue]
    urgent_first = amelie.get("/", params={"sort": "urgency"}).text
    assert urgent_first.index("red flag:") < urgent_first.index("/c/" + token)


def test_a_patient_who_erases_during_a_takeover_leaves_nothing(live, amelie):
    person = patient(live)
    person.send("hello")
    person.send("I'd like a person to call me")
    token = conversation_token(live, person.sender)
    post(amelie, f"/c/{token}/takeover")
    erase_conversation(live.tracker_database_url, person.sender)  # the widget's "clear"
    assert amelie.get(f"/c/{token}/live.json").json() == {"erased": True}
    refused = post(amelie, f"/c/{token}/reply", text="are you there?")
    assert refused.status_code in (303, 404)
    assert events_of(live, person.sender) == []
    assert not taken_over(live, person.sender)


def staff_call(settings: Settings, action: str, body: dict, token: str) -> int:
    request = urllib.request.Request(
        f"{settings.rasa_url}/webhooks/staff/{action}",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def test_the_staff_channel_wants_the_installation_key(live):
    person = patient(live)
    person.send("hello")
    body = {"sender_id": person.sender, "staff_name": "mallory", "text": "pay here"}
    assert staff_call(live, "reply", body, "guess") == 403
    assert all(e.get("event") != "pause" for e in events_of(live, person.sender))
    from bot.storage.tokens import staff_api_token

    unknown = {**body, "sender_id": "nobody-" + uuid.uuid4().hex}
    assert staff_call(live, "takeover", unknown, staff_api_token(live)) == 404


def test_a_rest_conversation_cannot_be_taken_over(live, amelie):
    person = RestClient(live.rest_webhook_url, sender=f"rest-{uuid.uuid4().hex[:8]}")
    person.send("hello")
    person.send("I want to talk to a person")
    token = conversation_token(live, person.sender)
    assert "REST channel" in amelie.get(f"/c/{token}").text
    refused = post(amelie, f"/c/{token}/takeover")
    assert "error=no_live" in refused.headers["location"]
    assert not taken_over(live, person.sender)
    assert all(e.get("event") != "pause" for e in events_of(live, person.sender))


async def test_a_forgotten_takeover_goes_back_to_the_assistant(live, amelie):
    from bot.apps.review.takeover import hand_back_idle

    person = patient(live)
    person.send("hello")
    person.send("I want to talk to a person")
    token = conversation_token(live, person.sender)
    post(amelie, f"/c/{token}/takeover", display_name="Amélie")
    assert person.send("hello? anyone?") == []
    engine = review_engine(live)
    later = datetime.utcnow() + timedelta(minutes=live.takeover_idle_minutes + 1)
    assert await hand_back_idle(engine, live, later) >= 1
    engine.dispose()
    assert not taken_over(live, person.sender)
    assert reply_texts(person.send("what is dry needling?")), "the assistant answers again"
    seen = conversation_history(live.tracker_database_url, person.sender)
    assert any("has left" in m["text"] for m in seen if m["from"] == "notice")


def test_a_restart_by_the_patient_ends_the_takeover_on_the_staff_page(live, amelie):
    person = patient(live)
    person.send("hello")
    person.send("I want to talk to a person")
    token = conversation_token(live, person.sender)
    post(amelie, f"/c/{token}/takeover", display_name="Amélie")
    assert reply_texts(person.send("/restart")), "Rasa lets a restart through a pause"
    assert amelie.get(f"/c/{token}/live.json").json()["taken_over_by"] == ""
    assert "Take over" in amelie.get(f"/c/{token}").text
    assert not taken_over(live, person.sender)
