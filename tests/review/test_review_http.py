"""The review app over HTTP (Starlette's TestClient) against a tracker store the real assistant
filled: what staff see, what they can do, and what they cannot."""

from __future__ import annotations

import csv
import io
import json
import logging
import sqlite3

import pytest
import yaml
from starlette.routing import Mount, Route
from starlette.testclient import TestClient

from bot.config import Settings
from bot.conversations.tokens import conversation_token
from bot.review.app import create_app
from tests.review.conftest import count_rows, csrf_of, listing, log_in
from tests.review.fixtures import SECRET_PHRASES, Recording, event_count


def token(settings: Settings, recording: Recording, name: str) -> str:
    return conversation_token(settings, recording.senders[name])


def listed(client: TestClient, **params: str) -> str:
    response = client.get("/", params=params)
    assert response.status_code == 200
    return response.text


# --- the inbox -----------------------------------------------------------------------------------


def test_inbox_lists_every_conversation_newest_first(reviewer, recording, store):
    html = listed(reviewer)
    assert count_rows(html) == len(recording.senders)
    links = [html.index(f"/c/{token(store, recording, name)}") for name in ("declined", "booking")]
    assert links[0] < links[1]  # the last conversation held comes first


def test_inbox_shows_the_columns_staff_filter_on(reviewer, recording, store):
    html = listed(reviewer, booking="given", region="knee")
    assert count_rows(html) == 1
    assert "knee" in html and "boitsfort" in html and "followed" in html


def test_filters_find_red_flags_persons_languages_and_followed_links(reviewer, recording, store):
    flagged = listed(reviewer, red_flag="yes")
    assert f"/c/{token(store, recording, 'red_flag')}" in flagged
    assert f"/c/{token(store, recording, 'booking')}" not in flagged
    assert "red flag: call_112" in flagged or "red flag: emergency_department" in flagged

    person = listed(reviewer, staff="yes", language="fr")
    assert f"/c/{token(store, recording, 'person')}" in person
    assert f"/c/{token(store, recording, 'booking')}" not in person

    followed = listed(reviewer, booking="followed")
    assert count_rows(followed) == 1 and f"/c/{token(store, recording, 'booking')}" in followed


def test_search_finds_what_a_patient_wrote(reviewer, recording, store):
    html = listed(reviewer, q="Worse on STAIRS")
    assert count_rows(html) == 1 and f"/c/{token(store, recording, 'booking')}" in html
    assert count_rows(listed(reviewer, q="no patient ever wrote this")) == 0


@pytest.mark.parametrize(
    "hostile",
    [
        "%",
        "_",
        "\\",
        "' OR '1'='1",
        "'; DROP TABLE events; --",
        "<script>alert(1)</script>",
        '" onmouseover="x',
        "%' UNION SELECT sender_id FROM events --",
        "zq\x00zq",
        "é" * 500,
    ],
)
def test_hostile_search_changes_nothing_and_leaks_nothing(reviewer, store, recording, hostile):
    before = {name: event_count(store, sender) for name, sender in recording.senders.items()}
    html = listed(reviewer, q=hostile)
    assert count_rows(html) == 0  # e.g. "%" or "_" match literally, not everything
    html += listed(reviewer, channel=hostile, region=hostile, date_from=hostile, status=hostile)
    assert "<script>alert(1)" not in html and '" onmouseover="x' not in html
    for sender in recording.senders.values():
        assert sender not in html  # sender ids (e.g. Telegram chat ids) never shown in the inbox
    assert {
        name: event_count(store, sender) for name, sender in recording.senders.items()
    } == before


def test_inbox_pages_and_ignores_nonsense_filters(reviewer):
    assert "Page 1 of 1" in listed(reviewer, page="999", red_flag="maybe", booking="x")


# --- a conversation ------------------------------------------------------------------------------


def test_transcript_shows_bubbles_nlu_and_the_summary_card(reviewer, recording, store):
    html = reviewer.get(f"/c/{token(store, recording, 'booking')}").text
    assert 'class="bubble user' in html and 'class="bubble bot' in html
    assert "my knee has hurt for three weeks" in html
    assert "intent <code>" in html and "body_region=knee" in html
    card = html[html.index('aria-label="Interview summary"') :]
    assert "knee" in card and "6.0/10" in card and "boitsfort" in card and "uccle" in card.lower()


def test_red_flags_and_doubtful_turns_are_highlighted(reviewer, recording, store):
    red = reviewer.get(f"/c/{token(store, recording, 'red_flag')}").text
    assert 'class="event red"' in red and "bubble user red" in red
    doubtful = reviewer.get(f"/c/{token(store, recording, 'fallback')}").text
    assert "doubtful" in doubtful and "low confidence / fallback" in doubtful


def test_a_script_in_a_message_renders_inert(reviewer, recording, store):
    html = reviewer.get(f"/c/{token(store, recording, 'script')}").text
    assert "&lt;script&gt;alert(" in html
    assert "<script>alert(" not in html
    inbox = reviewer.get("/", params={"q": "script"}).text
    assert "<script>" not in inbox


def test_mark_reviewed_tags_and_note(reviewer, recording, store):
    path = f"/c/{token(store, recording, 'red_flag')}"
    csrf = csrf_of(reviewer.get(path).text)
    assert (
        reviewer.post(f"{path}/reviewed", data={"csrf_token": csrf, "reviewed": "yes"}).status_code
        == 200
    )
    reviewer.post(
        f"{path}/annotate",
        data={
            "csrf_token": csrf,
            "tags": "called back, urgent, urgent",
            "note": "Phoned <b>her</b>.",
        },
    )
    html = reviewer.get(path).text
    assert "reviewed by rex" in html and "called back, urgent" in html
    assert "Phoned &lt;b&gt;her&lt;/b&gt;." in html
    assert count_rows(listed(reviewer, status="reviewed")) == 1
    assert path not in listing(listed(reviewer, status="open"))


def test_correction_exports_as_rasa_nlu_training_data(admin, recording, store):
    path = f"/c/{token(store, recording, 'fallback')}"
    html = admin.get(path).text
    event_id = html.split('name="event_id" value="')[1].split('"')[0]
    response = admin.post(
        f"{path}/correct",
        data={"csrf_token": csrf_of(html), "event_id": event_id, "intent": "greet"},
    )
    assert "corrected: greet" in response.text
    exported = admin.get("/corrections/export.yml")
    assert exported.status_code == 200
    data = yaml.safe_load(exported.text)
    assert data["nlu"][0]["intent"] == "greet"
    assert "qwxz blorp fnord" in data["nlu"][0]["examples"]
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader

    training = RasaYAMLReader().reads(exported.text)
    assert [m.get("text") for m in training.training_examples] == ["qwxz blorp fnord"]
    assert "qwxz blorp fnord" in admin.get("/corrections").text


def test_a_correction_must_name_a_known_intent(reviewer, recording, store):
    path = f"/c/{token(store, recording, 'fallback')}"
    html = reviewer.get(path).text
    event_id = html.split('name="event_id" value="')[1].split('"')[0]
    response = reviewer.post(
        f"{path}/correct", data={"csrf_token": csrf_of(html), "event_id": event_id, "intent": "x"}
    )
    assert response.status_code == 400


def test_admin_exports_json_and_csv_and_the_audit_log_says_so(admin, recording, store):
    path = f"/c/{token(store, recording, 'booking')}"
    assert admin.get(path).status_code == 200
    exported = admin.get(f"{path}/export.json")
    assert exported.status_code == 200 and "attachment" in exported.headers["content-disposition"]
    data = json.loads(exported.text)
    assert data["conversation"]["sender_id"] == recording.senders["booking"]
    assert any(e.get("text") == "I live in Uccle" for e in data["events"])
    rows = list(csv.reader(io.StringIO(admin.get(f"{path}/export.csv").text)))
    assert rows[0][:3] == ["time", "speaker", "text"]
    assert ["patient", "I live in Uccle"] in [row[1:3] for row in rows]
    audit = admin.get("/audit").text
    for action in ("viewed", "exported json", "exported csv"):
        assert f"<td>ada</td><td>{action}</td><td><code>{recording.senders['booking']}" in audit


def test_staff_erasure_removes_every_event_and_the_review_rows(admin, recording, store):
    sender = recording.senders["red_flag"]
    path = f"/c/{conversation_token(store, sender)}"
    csrf = csrf_of(admin.get(path).text)
    admin.post(f"{path}/annotate", data={"csrf_token": csrf, "tags": "x", "note": "y"})
    assert admin.post(f"{path}/erase", data={"csrf_token": csrf}).status_code == 400  # unconfirmed
    assert event_count(store, sender) > 0
    response = admin.post(f"{path}/erase", data={"csrf_token": csrf, "confirm": "erase"})
    assert response.status_code == 200 and "was erased" in response.text
    assert event_count(store, sender) == 0
    assert admin.get(path).status_code == 404
    database = store.tracker_database_url.removeprefix("sqlite:///")
    with sqlite3.connect(database) as connection:
        for table in ("review_conversations", "review_annotations", "review_corrections"):
            rows = connection.execute(
                f"SELECT COUNT(*) FROM {table} WHERE sender_id = ?", (sender,)
            )
            assert rows.fetchone()[0] == 0, table
    # Who viewed and erased it stays accountable; who the patient was does not stay.
    audit = admin.get("/audit").text
    reference = f"erased:{conversation_token(store, sender)}"
    assert f"<td>erased</td><td><code>{reference}</code>" in audit
    assert f"<td>viewed</td><td><code>{reference}</code>" in audit
    assert sender not in audit


def test_dashboard_draws_its_own_charts(reviewer):
    html = reviewer.get("/dashboard").text
    assert html.count("<svg") == 5
    for label in (
        "started",
        "consented",
        "interview complete",
        "centre suggested",
        "booking link followed",
    ):
        assert label in html
    assert "knee" in html  # top pain regions
    external = [part for part in html.split('"') if part.startswith(("http://", "https://", "//"))]
    assert external == ["http://www.w3.org/2000/svg"] * 5  # the SVG namespace; no third-party host


# --- security ------------------------------------------------------------------------------------


def every_route(app) -> list[tuple[str, str]]:
    found = []
    for route in app.routes:
        if isinstance(route, Mount) or route.path == "/login":
            continue
        assert isinstance(route, Route)
        path = route.path.replace("{token}", "abc").replace("{kind:str}", "json")
        for method in route.methods or []:
            if method != "HEAD":
                found.append((method, path))
    return found


def test_every_route_refuses_an_unauthenticated_request(anonymous, store):
    routes = every_route(anonymous.app)
    assert len(routes) >= 12
    for method, path in routes:
        response = anonymous.request(method, path, follow_redirects=False)
        assert response.status_code in (303, 401), (method, path)
        if response.status_code == 303:
            assert response.headers["location"] == "/login"
        assert "qwxz" not in response.text
    assert anonymous.get("/static/style.css").status_code == 200  # the login page's style


def test_a_reviewer_cannot_export_erase_or_read_the_audit_log(reviewer, recording, store):
    sender = recording.senders["booking"]
    path = f"/c/{conversation_token(store, sender)}"
    html = reviewer.get(path).text
    assert "Export JSON" not in html and "Erase conversation" not in html
    for url in (f"{path}/export.json", f"{path}/export.csv", "/corrections/export.yml", "/audit"):
        assert reviewer.get(url).status_code == 403, url
    response = reviewer.post(
        f"{path}/erase", data={"csrf_token": csrf_of(html), "confirm": "erase"}
    )
    assert response.status_code == 403
    assert event_count(store, sender) > 0


def test_a_form_without_its_csrf_token_is_refused(reviewer, admin, recording, store):
    path = f"/c/{token(store, recording, 'booking')}"
    for client in (reviewer, admin):
        for action, data in (
            ("reviewed", {"reviewed": "yes"}),
            ("annotate", {"note": "x"}),
            ("erase", {"confirm": "erase"}),
        ):
            assert client.post(f"{path}/{action}", data=data).status_code == 403
            assert (
                client.post(f"{path}/{action}", data={**data, "csrf_token": "forged"}).status_code
                == 403
            )
    assert event_count(store, recording.senders["booking"]) > 0
    assert "to review" in reviewer.get(path).text


def test_login_needs_its_csrf_token(anonymous):
    response = anonymous.post("/login", data={"username": "ada", "password": "x"})
    assert response.status_code == 403


def test_session_cookie_is_httponly_and_samesite(anonymous):
    response = log_in(anonymous, "ada")
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "secure" not in cookie
    assert response.headers["content-security-policy"].startswith("default-src 'self'")


def test_session_cookie_is_secure_behind_https(store):
    with TestClient(create_app(store), base_url="https://review.test") as client:
        assert "secure" in log_in(client, "ada").headers["set-cookie"].lower()


def test_login_attempts_are_throttled(anonymous):
    for _ in range(5):
        assert log_in(anonymous, "ada", "wrong password!").status_code == 401
    response = log_in(anonymous, "ada")  # even the right password, for a while
    assert response.status_code == 429 and "Too many attempts" in response.text


def test_wrong_or_unknown_accounts_do_not_log_in(anonymous):
    assert log_in(anonymous, "nobody").status_code == 401
    assert anonymous.get("/", follow_redirects=False).status_code == 303


def test_logout_ends_the_session(reviewer):
    csrf = csrf_of(reviewer.get("/").text)
    reviewer.post("/logout", data={"csrf_token": csrf})
    assert reviewer.get("/", follow_redirects=False).status_code == 303


def test_the_app_logs_no_search_text(reviewer, caplog):
    with caplog.at_level(logging.DEBUG):
        reviewer.get("/", params={"q": "worse on stairs"})
    # The test client's own request log (httpx) is not the app's.
    logged = [r.getMessage() for r in caplog.records if not r.name.startswith("httpx")]
    assert logged and not any("stairs" in line for line in logged)


def test_the_assistant_logged_no_message_text(recording):
    logs = "".join(
        p.read_text(errors="replace") for p in (recording.var_dir / "logs").glob("*.log")
    )
    assert logs  # the servers did log
    for phrase in SECRET_PHRASES:
        assert phrase not in logs


def test_page_titles_are_plain_text(reviewer, recording, store):
    for path in ("/", f"/c/{token(store, recording, 'red_flag')}"):
        title = reviewer.get(path).text.split("<title>", 1)[1].split("</title>", 1)[0]
        assert title.endswith("HCMC review") and "<" not in title
