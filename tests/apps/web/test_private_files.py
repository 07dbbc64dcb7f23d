"""What the running assistant leaves on disk: no patient text in any log, and logs and the
conversation database readable by their owner only."""

from __future__ import annotations

import stat
import time
import uuid

from bot.config import Settings
from bot.ops.rest_client import RestClient
from tests.assistant.test_conversations import post_rest


def test_patient_text_never_reaches_the_logs(running_stack: Settings):
    marker = f"zebrafinch{uuid.uuid4().hex[:8]}"
    client = RestClient(running_stack.rest_webhook_url, sender=f"e2e-logs-{marker}")
    client.send("hello")
    client.send("/give_consent")
    client.send(f"my lower back hurts since {marker} and I feel numb between my legs")
    client.send(f"{marker} book an appointment")
    # Refused messages are not logged either.
    assert post_rest(running_stack, {"sender": "rest-x", "message": marker * 2_000})[0] == 413
    assert post_rest(running_stack, {"sender": "telegram:1", "message": marker})[0] == 403
    time.sleep(1)  # the log copier writes asynchronously
    logs = list((running_stack.var_dir / "logs").glob("*.log*"))
    assert logs, "the stack wrote no log at all"
    leaked = [path.name for path in logs if marker in path.read_text(errors="replace")]
    assert leaked == []


def test_logs_and_the_conversations_are_readable_by_their_owner_only(running_stack: Settings):
    RestClient(running_stack.rest_webhook_url, sender=f"e2e-{uuid.uuid4().hex[:8]}").send("hi")
    logs = running_stack.var_dir / "logs"
    files = [
        *logs.glob("*.log"),
        *running_stack.var_dir.glob("conversations.db*"),
        running_stack.var_dir / "endpoints.yml",  # can hold the database's password
    ]
    assert any(path.name == "conversations.db" for path in files)
    modes = {path.name: oct(stat.S_IMODE(path.stat().st_mode)) for path in files}
    assert set(modes.values()) == {"0o600"}, modes
    assert stat.S_IMODE(logs.stat().st_mode) == 0o700
    assert stat.S_IMODE(running_stack.var_dir.stat().st_mode) == 0o700


def test_a_patient_who_declined_consent_leaves_only_the_advice_given(running_stack: Settings):
    import json
    import sqlite3

    from bot.triage.red_flags.advice import load_advice

    client = RestClient(running_stack.rest_webhook_url, sender=f"e2e-{uuid.uuid4().hex[:8]}")
    client.send("hello")
    replies = client.send("/decline_consent")
    # Told before anything is kept: the advice, never their words.
    assert "never your words" in " ".join(r.get("text", "") for r in replies)
    replies = client.send("my back hurts and I have numbness between my legs since this morning")
    urgent = [r["custom"]["urgent"] for r in replies if "urgent" in (r.get("custom") or {})]
    assert urgent and urgent[0]["tier"] == "emergency_department"
    # Booking stays closed for the rest of the conversation.
    replies = client.send("/request_booking")
    assert not any("https://" in r.get("text", "") for r in replies)
    assert any("can't offer a booking yet" in r.get("text", "") for r in replies)

    database = running_stack.tracker_database_url.removeprefix("sqlite:///")
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT data FROM events WHERE sender_id = ?", (client.sender,)
        ).fetchall()
    stored = "\n".join(row[0] for row in rows)
    for detail in ("numbness", "cauda_equina", load_advice().reason("cauda_equina", "en")):
        assert detail not in stored
    tiers = [
        json.loads(row[0])["value"]
        for row in rows
        if '"name": "red_flag_tier"' in row[0] and json.loads(row[0])["event"] == "slot"
    ]
    assert tiers[-1] == "emergency_department"
