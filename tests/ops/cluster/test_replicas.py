"""One conversation served by two Rasa replicas: alternating turns, concurrent messages, and a
replica killed mid-conversation. The transcript in PostgreSQL must stay complete and in order."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.ops.cluster.replicas import Cluster
from bot.ops.rest_client import RestClient, reply_texts
from bot.storage.erase import erase_conversation

pytestmark = [pytest.mark.e2e, pytest.mark.postgres, pytest.mark.redis]

Transcript = Callable[[str], list[tuple[str, str]]]

# FAQ buttons and a phrase only their own answer contains.
FAQ_ANSWERS = {
    "/faq/trigger_points": "small, tight and painful knot",
    "/faq/after_effects": "sore for 1 or 2 days",
    "/faq/manual_therapy": "hands-on techniques",
    "/faq/dry_needling": "single-use needle",
}
SWITCH_TO_FRENCH = '/switch_language{"language":"fr"}'
GRADUAL = '/describe_pain{"pain_onset":"gradual"}'


def said(replies: list[dict]) -> str:
    return "\n".join(reply_texts(replies))


def client(url: str, sender: str) -> RestClient:
    return RestClient(f"{url}/webhooks/rest/webhook", sender=sender, timeout=90)


def turns(events: list[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    """(user text, texts the bot said before the next user message), from stored events."""
    result: list[tuple[str, list[str]]] = []
    for type_name, data in events:
        event = json.loads(data)
        if type_name == "user":
            result.append((event["text"], []))
        elif type_name == "bot" and result and event.get("text"):
            result[-1][1].append(event["text"])
    return result


def test_turns_alternating_between_replicas_continue_one_conversation(
    cluster: Cluster, transcript: Transcript
):
    sender = f"scale-{uuid.uuid4().hex[:8]}"
    first, second = client(cluster.replica_url(1), sender), client(cluster.replica_url(2), sender)

    assert "not a doctor" in said(first.send("hello"))
    assert "Where do you feel the pain" in said(second.send("/give_consent"))
    assert "left, on the right" in said(first.send("my knee has hurt for three weeks"))
    assert "How did it start" in said(second.send('/describe_pain{"pain_side":"left"}'))
    # The language chosen on one replica holds on the other.
    assert "continuons en français" in said(first.send(SWITCH_TO_FRENCH))
    assert "la plus forte" in said(second.send(GRADUAL))

    stored = turns(transcript(sender))
    assert [text for text, _ in stored] == [
        "hello",
        "/give_consent",
        "my knee has hurt for three weeks",
        '/describe_pain{"pain_side":"left"}',
        SWITCH_TO_FRENCH,
        GRADUAL,
    ]
    assert all(replies for _, replies in stored), "a stored turn has no answer"


def test_concurrent_messages_to_one_conversation_are_each_answered_once(
    cluster: Cluster, transcript: Transcript
):
    sender = f"scale-{uuid.uuid4().hex[:8]}"
    replicas = [client(cluster.replica_url(1), sender), client(cluster.replica_url(2), sender)]
    replicas[0].send("hello")
    questions = list(FAQ_ANSWERS)
    with ThreadPoolExecutor(max_workers=len(questions)) as pool:
        answers = list(
            pool.map(lambda item: replicas[item[0] % 2].send(item[1]), enumerate(questions))
        )
    for question, replies in zip(questions, answers, strict=True):
        assert FAQ_ANSWERS[question] in said(replies), f"wrong or no answer to {question}"
        others = [phrase for q, phrase in FAQ_ANSWERS.items() if q != question]
        assert not any(phrase in said(replies) for phrase in others), "another turn's answer"

    stored = turns(transcript(sender))
    assert sorted(text for text, _ in stored[1:]) == sorted(questions)
    for text, replies in stored[1:]:
        # Each message handled once, on its own: exactly its own answer follows it.
        assert sum(FAQ_ANSWERS[text] in reply for reply in replies) == 1
        assert sum(phrase in " ".join(replies) for phrase in FAQ_ANSWERS.values()) == 1


def test_erasing_a_conversation_in_postgresql_makes_every_replica_start_afresh(
    cluster: Cluster, transcript: Transcript
):
    sender = f"scale-{uuid.uuid4().hex[:8]}"
    replica = client(cluster.replica_url(2), sender)
    replica.send("hello")
    assert "Where do you feel the pain" in said(replica.send("/give_consent"))

    assert erase_conversation(cluster.settings.tracker_database_url, sender) > 0

    assert transcript(sender) == []
    # The other replica has nothing of it either: consent is asked again.
    assert "permission" in said(client(cluster.replica_url(1), sender).send("hello"))


# Last: it leaves one replica.
async def test_a_staff_reply_through_one_replica_reaches_a_widget_on_the_other(cluster: Cluster):
    """Live takeover behind the balancer: the widget's socket is on replica 1, the review app's
    call lands on replica 2; the join notice and the reply still reach the widget (Redis)."""
    import asyncio

    import httpx
    import socketio

    from bot.storage.tokens import staff_api_token

    received: asyncio.Queue[dict] = asyncio.Queue()
    confirmed: asyncio.Future[dict] = asyncio.get_running_loop().create_future()
    widget = socketio.AsyncClient()
    widget.on("bot_uttered", lambda message: received.put_nowait(message))
    widget.on("session_confirm", lambda session: confirmed.done() or confirmed.set_result(session))
    # Long polling: the websocket transport of this client wants a newer aiohttp than Rasa pins.
    await widget.connect(cluster.replica_url(1), transports=["polling"])
    try:
        await widget.emit("session_request", {"session_id": None})
        session = (await asyncio.wait_for(confirmed, 30))["session_id"]  # with session_token
        await widget.emit("user_uttered", {"message": "hello"})  # this socket's session

        async def next_one(wanted: Callable[[dict], bool], timeout: float) -> dict:
            """The next message `wanted` accepts; the assistant's own answers are passed over."""
            while True:
                message = await asyncio.wait_for(received.get(), timeout)
                if wanted(message):
                    return message

        await next_one(lambda message: bool(message.get("quick_replies")), 60)  # consent asked

        headers = {"Authorization": f"Bearer {staff_api_token(cluster.settings)}"}
        body = {"sender_id": f"web:{session}", "staff_name": "amelie", "text": "Hello from Amelie"}
        async with httpx.AsyncClient(base_url=cluster.replica_url(2), timeout=30) as other:
            taken = await other.post("/webhooks/staff/takeover", json=body, headers=headers)
            assert taken.status_code == 200, taken.text
            assert taken.json()["delivered"] is True
            notice = await next_one(lambda message: "notice" in message, 15)
            assert notice.get("notice") is True and "Amelie" in notice["text"]
            await other.post("/webhooks/staff/reply", json=body, headers=headers)
            reply = await next_one(lambda message: "staff" in message, 15)
            assert reply == {"text": "Hello from Amelie", "staff": {"name": "Amelie"}}
            await other.post("/webhooks/staff/handback", json=body, headers=headers)
    finally:
        await widget.disconnect()


def test_a_replica_killed_mid_conversation_loses_nothing(cluster: Cluster, transcript: Transcript):
    sender = f"scale-{uuid.uuid4().hex[:8]}"
    balanced = client(cluster.balancer_url, sender)
    sent = ["hello", "/give_consent", "my knee has hurt for three weeks, worse on stairs"]
    for message in sent:
        assert reply_texts(balanced.send(message))

    cluster.kill("rasa1")

    replies = balanced.send('/describe_pain{"pain_side":"left"}')
    assert "How did it start" in said(replies)  # the interview goes on, not from the start
    replies = balanced.send("it came on gradually")
    assert "scale from 0" in said(replies)
    replies = balanced.send("6")
    assert "therapist" in said(replies)
    sent += ['/describe_pain{"pain_side":"left"}', "it came on gradually", "6"]

    stored = turns(transcript(sender))
    assert [text for text, _ in stored] == sent
    assert all(replies for _, replies in stored), "a stored turn has no answer"
