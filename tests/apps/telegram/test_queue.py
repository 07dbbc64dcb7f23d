"""The bridge's durable queue (bot/apps/telegram/queue.py) and the tracker-store look-up that tells
whether the assistant already has a message (bot/apps/telegram/turns.py)."""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from pathlib import Path

from bot.apps.telegram import queue as queue_module
from bot.apps.telegram.payloads import PayloadStore
from bot.apps.telegram.queue import UpdateQueue
from bot.apps.telegram.turns import replies_to


def update(update_id: int, text: str = "my back hurts") -> dict:
    return {"update_id": update_id, "message": {"message_id": 1, "date": 0, "text": text}}


def test_an_update_is_kept_until_handled_and_then_never_handled_again(tmp_path: Path):
    path = tmp_path / "telegram-queue.sqlite3"
    queue = UpdateQueue(path)
    first = queue.admit(1, update(1))
    assert first is not None and not first.resumed
    assert queue.admit(1, update(1)) is None  # under way
    second = queue.admit(2, update(2, "since Monday"))
    assert second is not None
    queue.done(1)
    assert queue.admit(1, update(1)) is None  # handled
    queue.release(2)  # stopped before the end
    queue.close()

    again = UpdateQueue(path)  # after a restart
    assert again.admit(1, update(1)) is None
    ((body, admission),) = again.recover()
    assert body == update(2, "since Monday")
    assert admission.resumed and admission.delivery_id == second.delivery_id
    # Telegram's copy of the update waiting on disk is a duplicate; the recovered one is let in.
    assert again.keep(update(2, "since Monday")) is False
    assert again.admit(2, body) == admission
    assert again.admit(2, body) is None
    again.done(2)
    assert again.pending_count() == 0
    again.close()


def test_the_webhook_writes_an_update_down_once(tmp_path: Path):
    queue = UpdateQueue(tmp_path / "q.sqlite3")
    assert queue.keep(update(5)) is True
    assert queue.keep(update(5)) is False
    assert queue.admit(5, update(5)) is not None
    queue.done(5)
    assert queue.keep(update(5)) is False
    queue.close()


def test_handled_ids_are_remembered_for_a_bounded_time(tmp_path: Path, monkeypatch):
    path = tmp_path / "q.sqlite3"
    queue = UpdateQueue(path)
    queue.admit(1, update(1))
    queue.done(1)
    queue.close()
    later = time.time() + queue_module.HANDLED_KEEP_SECONDS + 60
    monkeypatch.setattr(queue_module.time, "time", lambda: later)
    again = UpdateQueue(path)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT COUNT(*) FROM handled").fetchone() == (0,)
    assert again.admit(1, update(1)) is not None  # Telegram may reuse an id after a long while
    again.close()


def test_the_files_are_for_their_owner_only_and_deleted_text_is_overwritten(tmp_path: Path):
    path = tmp_path / "var" / "telegram-queue.sqlite3"
    queue = UpdateQueue(path)
    queue.admit(1, update(1, "a very private symptom"))
    log = path.with_name(path.name + "-wal")
    assert log.stat().st_mode & 0o777 == 0o600
    queue.done(1)
    queue.close()
    assert path.stat().st_mode & 0o777 == 0o600
    for file in path.parent.iterdir():
        assert b"a very private symptom" not in file.read_bytes()

    payloads = tmp_path / "telegram-payloads.sqlite3"
    PayloadStore(payloads).close()
    assert payloads.stat().st_mode & 0o777 == 0o600


def test_a_stored_turn_is_read_back_as_the_rest_channel_answered_it():
    sender = "telegram:1"
    events = [
        {"event": "user", "text": "hello", "metadata": {"delivery_id": "a"}},
        {"event": "bot", "text": "Hi", "data": {}},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "chest pain", "metadata": {"delivery_id": "b"}},
        {"event": "bot", "text": "Call 112", "data": {"custom": {"urgent": True}}},
        {"event": "bot", "text": "Anyone?", "data": {"buttons": [{"title": "Yes"}]}},
        {"event": "bot", "text": "Staff here", "metadata": {"staff_name": "Ann"}},
        {"event": "user", "text": "ok thanks", "metadata": {"delivery_id": "c"}},
    ]
    assert replies_to(events, sender, "b") == [
        {"recipient_id": sender, "text": "Call 112"},
        {"recipient_id": sender, "custom": {"urgent": True}},
        {"recipient_id": sender, "text": "Anyone?", "buttons": [{"title": "Yes"}]},
    ]
    assert replies_to(events, sender, "c") == []  # taken, nothing to say
    assert replies_to(events, sender, "d") is None  # never taken


def test_a_reply_not_kept_for_a_declined_consent_is_not_shown_as_its_placeholder():
    from bot.storage.declined import NOT_STORED

    sender = "telegram:2"
    events = [
        {"event": "user", "text": NOT_STORED, "metadata": {"delivery_id": "a"}},
        {"event": "bot", "text": NOT_STORED, "data": {}},
        {"event": "bot", "text": "Go to an emergency department now.", "data": {}},
    ]
    assert replies_to(events, sender, "a") == [
        {"recipient_id": sender, "text": "Go to an emergency department now."}
    ]


def test_the_queue_file_writes_through_a_log_without_waiting_for_the_disk(tmp_path: Path):
    path = tmp_path / "telegram-queue.sqlite3"
    queue = UpdateQueue(path)
    assert queue._db.execute("PRAGMA synchronous").fetchone() == (1,)  # NORMAL
    queue.admit(1, update(1))
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    queue.close()


def private_update(update_id: int, chat_id: int, language: str | None = None) -> dict:
    sender = {"id": chat_id, "is_bot": False, "first_name": "P"}
    if language:
        sender["language_code"] = language
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id, "date": 0, "text": "my back hurts", "from": sender,
            "chat": {"id": chat_id, "type": "private"},
        },
    }  # fmt: skip


def test_updates_kept_past_the_retry_period_are_not_resumed(tmp_path: Path):
    path = tmp_path / "telegram-queue.sqlite3"
    queue = UpdateQueue(path)
    for update_id, body in [
        (1, private_update(1, 5, "fr")),
        (2, private_update(2, 5)),
        (3, {**private_update(3, -7), "message": {"chat": {"id": -7, "type": "group"}}}),
        (4, private_update(4, 6)),
    ]:
        queue.admit(update_id, body)
        queue.release(update_id)
    queue.close()
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("UPDATE pending SET received_at = ? WHERE update_id < 4", (time.time() - 1000,))

    again = UpdateQueue(path, max_age=900)
    assert [admission.update_id for _, admission in again.recover()] == [4]
    ((chat,),) = [again.expired()]  # the group's is dropped silently
    assert (chat.chat_id, chat.language, chat.update_ids) == (5, "fr", (1, 2))
    assert again.pending_count() == 3
    again.discard((1, 2))
    assert again.pending_count() == 1
    assert again.admit(1, private_update(1, 5)) is None  # remembered as handled
    again.close()


def test_an_erased_chats_waiting_updates_are_dropped(tmp_path: Path):
    path = tmp_path / "telegram-queue.sqlite3"
    queue = UpdateQueue(path)
    for update_id, chat_id in [(1, 5), (2, 6), (3, 5), (4, 5)]:
        assert queue.keep(private_update(update_id, chat_id))
    assert queue.drop_chat(5, before=4) == 2
    assert queue.pending_count() == 2
    assert queue.admit(1, private_update(1, 5)) is None  # skipped when it comes up
    assert queue.admit(4, private_update(4, 5)) is not None  # sent after the erasure
    queue.close()
