"""Pieces of the review app and of data protection, without a server: summaries, throttling,
search patterns, accounts, the booking link, erasure and the retention purge."""

from __future__ import annotations

import io
import json
import sqlite3
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import create_engine
from zxcvbn import zxcvbn

from actions.booking import tracked_booking_link
from bot.apps.review import accounts
from bot.apps.review.app import audit
from bot.apps.review.charts import horizontal_bars
from bot.apps.review.database import review_engine
from bot.apps.review.inbox import like_pattern
from bot.apps.review.pressed import pressed_text
from bot.apps.review.throttle import LoginThrottle
from bot.config import load_settings
from bot.ops.cli.purge import DAY, purge
from bot.storage.conversation_summary import summarise
from bot.storage.declined import NOT_STORED
from bot.storage.erase import erase_conversation
from bot.storage.tokens import conversation_token
from tests.apps.review.fixtures import Recording, copy_store, event_count


def test_summary_reads_the_interview_and_red_flags_from_events():
    events = [
        {"event": "user", "timestamp": 10, "text": "hi", "input_channel": "rest",
         "metadata": {"channel": "telegram"},
         "parse_data": {"intent": {"name": "greet", "confidence": 0.99}}},
        {"event": "slot", "timestamp": 11, "name": "consent", "value": "given"},
        {"event": "slot", "timestamp": 11, "name": "pain_regions", "value": ["knee"]},
        {"event": "user", "timestamp": 12, "text": "blorp",
         "parse_data": {"intent": {"name": "nlu_fallback", "confidence": 0.3}}},
        {"event": "slot", "timestamp": 13, "name": "red_flag_tier", "value": "doctor_today"},
        {"event": "slot", "timestamp": 13, "name": "red_flag_tier", "value": "call_112"},
        {"event": "slot", "timestamp": 13, "name": "red_flag_tier", "value": "gp_soon"},
        {"event": "action", "timestamp": 14, "name": "action_explain_pain"},
    ]  # fmt: skip
    summary = summarise("telegram:42", events)
    assert summary.channel == "telegram" and summary.consent == "given"
    assert summary.regions == ["knee"] and summary.interview_complete
    assert summary.red_flag_tier == "call_112"  # the most urgent tier seen stays
    assert (summary.user_turns, summary.fallback_turns) == (2, 1)


def test_a_restart_clears_the_answers_keeps_the_centre_and_the_episode():
    events = [
        {"event": "slot", "timestamp": 1, "name": "pain_regions", "value": ["neck"]},
        {"event": "slot", "timestamp": 1, "name": "nearest_centre", "value": "kraainem"},
        {"event": "restart", "timestamp": 2},
    ]
    summary = summarise("x", events)
    # The centre the booking link went to stays on the card, in the inbox and in the funnel.
    assert summary.slots == {"nearest_centre": "kraainem"} and summary.centre == "kraainem"
    (episode,) = summary.episodes
    assert episode.regions == ["neck"] and not episode.complete


def test_search_patterns_match_literally():
    assert like_pattern("50%_off\\") == "%50\\%\\_off\\\\%"


def test_throttle_blocks_a_username_from_anywhere_but_not_its_colleagues():
    now = [0.0]
    throttle = LoginThrottle(clock=lambda: now[0])
    for _ in range(5):
        assert not throttle.blocked("ada", "10.0.0.1")
        throttle.failed("ada", "10.0.0.1")
    assert throttle.blocked("ada", "10.0.0.1") and throttle.blocked("Ada ", "192.0.2.7")
    assert throttle.retry_after("ada", "192.0.2.7") == 15 * 60
    assert not throttle.blocked("bob", "10.0.0.1")  # the same (shared) address
    now[0] = 10 * 60
    assert throttle.retry_after("ada", "10.0.0.1") == 5 * 60
    now[0] = 15 * 60 + 1
    assert not throttle.blocked("ada", "10.0.0.1")
    assert throttle._by_user == {} and throttle._by_address == {}  # nothing kept for ever


def test_throttle_blocks_an_address_trying_many_usernames():
    now = [0.0]
    throttle = LoginThrottle(clock=lambda: now[0])
    for number in range(29):
        throttle.failed(f"name{number}", "10.0.0.1")
    assert not throttle.blocked("bob", "10.0.0.1")  # colleagues' typos add up slowly
    throttle.failed("name29", "10.0.0.1")
    assert throttle.blocked("bob", "10.0.0.1")
    assert not throttle.blocked("bob", "192.0.2.7")


def test_throttle_forgives_a_login_only_its_own_failures_at_the_address():
    throttle = LoginThrottle(clock=lambda: 0.0)
    for number in range(26):
        throttle.failed(f"name{number}", "10.0.0.1")
    for _ in range(4):
        throttle.failed("mallory", "10.0.0.1")
    # Logging in to one's own account (a real one, even the sprayer's) does not reset the spray:
    throttle.succeeded("mallory", "10.0.0.1")
    assert not throttle.blocked("bob", "10.0.0.1")
    for number in range(26, 30):
        throttle.failed(f"name{number}", "10.0.0.1")
    assert throttle.blocked("bob", "10.0.0.1")
    # ...while a colleague's own typos, once they log in, no longer count against the address.
    other = LoginThrottle(clock=lambda: 0.0)
    for number in range(6):
        for _ in range(4):
            other.failed(f"colleague{number}", "10.0.0.1")
        other.succeeded(f"colleague{number}", "10.0.0.1")
    assert not other.blocked("bob", "10.0.0.1") and other._by_address == {}


def test_chart_labels_are_escaped():
    svg = str(horizontal_bars("t", [("<script>", 1.0)]))
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_accounts_from_the_command_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HCMC_VAR_DIR", str(tmp_path))
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough password\n"))
    assert accounts.main(["add", "ada", "--role", "admin"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert accounts.main(["add", "bob"]) == 1
    assert accounts.main(["list"]) == 0
    assert "ada\tadmin" in capsys.readouterr().out
    with sqlite3.connect(tmp_path / "conversations.db") as connection:
        stored = connection.execute("SELECT password_hash FROM review_staff").fetchone()[0]
    assert stored.startswith("$argon2id$") and "long enough" not in stored
    assert accounts.main(["remove", "ada"]) == 0
    assert accounts.main(["remove", "ada"]) == 1


STRONG_PASSPHRASE = "lantern quietly orbits marmalade"


@pytest.mark.parametrize(
    "username, password",
    [
        ("bob", "password1234"),
        ("bob", "hcmc-kraainem-2026"),
        ("bob", "Boitsfort2026!"),
        ("amelie", "amelieamelie"),
        ("amelie.dupont", "dupont.amelie1"),
        ("bob", "qwertyuiop123"),
    ],
)
def test_the_accounts_command_refuses_guessable_passwords(
    tmp_path, monkeypatch, capsys, username, password
):
    monkeypatch.setenv("HCMC_VAR_DIR", str(tmp_path))
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    assert accounts.main(["add", username]) == 1
    error = capsys.readouterr().err
    assert "too easy to guess" in error
    assert accounts.main(["list"]) == 0
    assert username not in capsys.readouterr().out


def test_a_refused_password_says_why_and_what_to_do_instead():
    from bot.apps.review.passwords import hash_password, password_problem

    problem = password_problem("password1234", ["bob"])
    feedback = zxcvbn("password1234")["feedback"]
    assert problem and feedback["warning"] and feedback["suggestions"]
    for advice in (feedback["warning"], *feedback["suggestions"]):  # the library's own words
        assert advice in problem
    problem = password_problem("hcmc-kraainem-2026", ["bob"])
    assert problem and "the clinic's name, a centre's name or the username" in problem
    assert password_problem("short", []) == "A password needs at least 12 characters."
    assert password_problem(STRONG_PASSPHRASE, ["bob"]) is None
    with pytest.raises(ValueError, match="too easy to guess"):
        hash_password("amelieamelie", ["amelie"])


def test_the_accounts_command_accepts_a_strong_passphrase(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HCMC_VAR_DIR", str(tmp_path))
    monkeypatch.setattr("sys.stdin", io.StringIO(STRONG_PASSPHRASE + "\n"))
    assert accounts.main(["add", "amelie.dupont", "--role", "admin"]) == 0
    assert accounts.main(["list"]) == 0
    assert "amelie.dupont\tadmin" in capsys.readouterr().out


def test_booking_link_names_the_conversation_by_an_opaque_token():
    settings = load_settings(
        {"HCMC_PUBLIC_URL": "https://bot.example.org/", "HCMC_SECRET_KEY": "k"}
    )
    link = tracked_booking_link(settings, "kraainem", "knee", "telegram:123456789")
    assert link.startswith("https://bot.example.org/webhooks/booking/go/kraainem?")
    assert "123456789" not in link
    query = parse_qs(urlsplit(link).query)
    assert query["c"] == [conversation_token(settings, "telegram:123456789")]
    assert query["reason"] == ["knee"]
    direct = tracked_booking_link(load_settings({}), "kraainem", "knee", "telegram:1")
    assert direct.startswith("https://booking.example.org/hcmc/kraainem?centre=kraainem")


def test_tokens_differ_per_conversation_and_per_installation():
    one, two = load_settings({"HCMC_SECRET_KEY": "a"}), load_settings({"HCMC_SECRET_KEY": "b"})
    assert conversation_token(one, "x") != conversation_token(one, "y")
    assert conversation_token(one, "x") != conversation_token(two, "x")


def test_the_booking_redirect_records_the_click_and_forwards(recording: Recording):
    assert recording.redirect_status == 302
    assert recording.redirect_location.startswith(
        "https://booking.example.org/hcmc/boitsfort?centre=boitsfort&reason="
    )
    with sqlite3.connect(recording.var_dir / "conversations.db") as connection:
        tokens = [row[0] for row in connection.execute("SELECT token FROM review_booking_clicks")]
    assert tokens == [conversation_token(recording.settings, recording.senders["booking"])]


def test_patient_erasure_uses_the_same_path_and_leaves_other_conversations(recording, tmp_path):
    settings = copy_store(recording, tmp_path / "var")
    sender, other = recording.senders["booking"], recording.senders["person"]
    assert erase_conversation(settings.tracker_database_url, sender) > 0
    assert event_count(settings, sender) == 0 and event_count(settings, other) > 0
    with sqlite3.connect(settings.tracker_database_url.removeprefix("sqlite:///")) as connection:
        assert connection.execute("SELECT COUNT(*) FROM review_booking_clicks").fetchone()[0] == 0
    assert erase_conversation(settings.tracker_database_url, sender) == 0


def test_a_patients_erasure_leaves_the_audit_log_without_their_sender_id(recording, store):
    sender, other = recording.senders["booking"], recording.senders["person"]
    engine = review_engine(store)
    for who in (sender, other):
        audit(engine, "ada", "viewed", who)
    engine.dispose()
    database = store.tracker_database_url.removeprefix("sqlite:///")
    erase_conversation(store.tracker_database_url, sender)  # e.g. Telegram's /forget
    with sqlite3.connect(database) as connection:
        audited = [row[0] for row in connection.execute("SELECT sender_id FROM review_audit_log")]
    # The token is the review app's (its index), or the same function's when never indexed.
    erased, kept = audited
    assert erased.startswith("erased:") and len(erased) > len("erased:") and sender not in erased
    assert kept == other


def test_erasing_from_an_empty_database_erases_nothing(tmp_path: Path):
    assert erase_conversation(f"sqlite:///{tmp_path / 'empty.db'}", "nobody") == 0


def test_purge_erases_only_conversations_past_the_retention_period(recording, tmp_path):
    settings = copy_store(recording, tmp_path / "var")
    assert purge(settings) == 0
    assert purge(settings, now=time.time() + (settings.retention_days - 1) * DAY) == 0
    assert purge(settings, now=time.time() + (settings.retention_days + 1) * DAY) == len(
        recording.senders
    )
    for sender in recording.senders.values():
        assert event_count(settings, sender) == 0


def test_review_tables_are_created_beside_rasas(recording, tmp_path):
    settings = copy_store(recording, tmp_path / "var")
    from bot.apps.review.database import review_engine

    review_engine(settings).dispose()
    engine = create_engine(settings.tracker_database_url)
    with engine.connect() as connection:
        names = {row[0] for row in connection.exec_driver_sql("SELECT name FROM sqlite_master")}
    engine.dispose()
    assert {"events", "review_staff", "review_audit_log", "review_conversations"} <= names


@pytest.mark.parametrize("days", ["0", "-3"])
def test_retention_must_be_positive(days):
    with pytest.raises(ValueError):
        load_settings({"HCMC_RETENTION_DAYS": days})


def stored_user_texts(recording: Recording, name: str) -> list[str]:
    with sqlite3.connect(recording.var_dir / "conversations.db") as connection:
        rows = connection.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id",
            (recording.senders[name],),
        ).fetchall()
    return [json.loads(row[0]).get("text") for row in rows]


def test_once_consent_is_declined_no_message_text_is_kept(recording):
    declined = stored_user_texts(recording, "declined")
    # What the patient wrote is gone; the button press (no values in it) stays, shown by its title.
    assert declined == [NOT_STORED, "/decline_consent", NOT_STORED]
    with sqlite3.connect(recording.var_dir / "conversations.db") as connection:
        data = connection.execute(
            "SELECT group_concat(data) FROM events WHERE sender_id = ?",
            (recording.senders["declined"],),
        ).fetchone()[0]
    assert "stiff" not in data and "two weeks" not in data
    assert "my knee has hurt for three weeks, worse on stairs" in stored_user_texts(
        recording, "booking"
    )


def test_a_body_map_answer_reads_as_the_places_chosen():
    payload = '/describe_pain{"body_region":["knee_front","low_back"],"pain_side":"left"}'
    shown = pressed_text(payload, [], language="fr", staff_language="en")
    assert "The front of the knee, left side; the lower back, left side" in shown
    assert "knee_front" not in shown
