"""The review app over HTTP (Starlette's TestClient) against a tracker store the real assistant
filled: what staff see, what they can do, and what they cannot."""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import sqlite3
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import yaml
from starlette.routing import Mount, Route
from starlette.testclient import TestClient

from bot.apps.review.app import create_app
from bot.apps.review.throttle import LoginThrottle
from bot.config import Settings
from bot.storage.tokens import conversation_token
from bot.triage.knowledge import load_knowledge_base
from bot.triage.red_flags.advice import load_advice
from tests.apps.review.conftest import count_rows, csrf_of, listing, log_in
from tests.apps.review.fixtures import PUBLIC_URL, SECRET_PHRASES, Recording, event_count


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
    titles = [load_advice().title(tier, "en") for tier in ("call_112", "emergency_department")]
    assert any(f"red flag: {title}" in flagged for title in titles)

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
    card = html[html.index('id="interview"') :].lower()
    assert "knee" in card and "6/10" in card and "boitsfort" in card and "uccle" in card


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
    assert rows[0][0].startswith("time") and rows[0][1:3] == ["speaker", "text"]
    assert ["patient", "I live in Uccle"] in [row[1:3] for row in rows]
    audit = admin.get("/audit").text
    link = f'<a href="{path}"><code>{recording.senders["booking"]}</code></a>'
    for action in ("viewed", "exported json", "exported csv"):
        assert f"<td>ada</td><td>{action}</td><td>{link}" in audit


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
        # The login page and the language switch are for everyone (the switch only sets a
        # cookie and goes back to a page of the app).
        if isinstance(route, Mount) or route.path in ("/login", "/language/{code}"):
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


def clients_at(store: Settings, *addresses: str) -> list[TestClient]:
    """Browsers at different addresses, all talking to one review app (one login throttle)."""
    app = create_app(store, background=False)
    return [
        TestClient(app, base_url="http://review.test", client=(address, 50000))
        for address in addresses
    ]


def test_a_colleagues_wrong_passwords_do_not_lock_out_the_others(store):
    # Two browsers at the clinic's shared address, one at home.
    rex_at_clinic, ada_at_clinic, rex_at_home = clients_at(
        store, "198.51.100.10", "198.51.100.10", "203.0.113.20"
    )
    for _ in range(5):
        assert log_in(rex_at_clinic, "rex", "wrong password!").status_code == 401
    # Everyone else at the clinic's shared address still logs in...
    assert log_in(ada_at_clinic, "ada").status_code == 303
    # ...while rex's account is paused, from any address, even with the right password.
    assert log_in(rex_at_clinic, "rex").status_code == 429
    response = log_in(rex_at_home, "rex")
    assert response.status_code == 429 and "Too many attempts" in response.text


def test_an_address_trying_many_usernames_is_paused(store):
    sprayer, sprayers_own, colleague = clients_at(
        store, "198.51.100.66", "198.51.100.66", "198.51.100.10"
    )
    for number in range(29):
        assert log_in(sprayer, f"user{number}", "Winter2026!").status_code == 401
    assert log_in(sprayers_own, "ada").status_code == 303  # below the address's limit
    assert log_in(sprayer, "user29", "Winter2026!").status_code == 401
    # A real account's login did not wipe the spray: the 30th failure pauses the address...
    response = log_in(sprayer, "rex")
    assert response.status_code == 429 and "Too many attempts" in response.text
    # ...and only that address.
    assert log_in(colleague, "rex").status_code == 303


ERROR = re.compile(r'<p class="error" role="alert">(.*?)</p>', re.S)


def test_a_paused_login_says_the_same_for_known_and_unknown_usernames(store):
    app = create_app(store, background=False)
    now = [1000.0]
    app.state.throttle = LoginThrottle(clock=lambda: now[0])
    clients = {
        name: TestClient(app, base_url="http://review.test", client=(address, 50000))
        for name, address in (("ada", "198.51.100.10"), ("nobody", "203.0.113.20"))
    }
    for name, client in clients.items():
        for _ in range(5):
            assert log_in(client, name, "wrong password!").status_code == 401
    now[0] += 10 * 60
    pages = {name: log_in(client, name) for name, client in clients.items()}
    assert {page.status_code for page in pages.values()} == {429}
    errors = {ERROR.search(page.text).group(1) for page in pages.values()}
    assert errors == {
        "Too many attempts to log in with this username or from this network, so logging in "
        "is paused for safety. Try again in 5 minutes."
    }
    assert {page.headers["retry-after"] for page in pages.values()} == {"300"}


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


# --- what staff read: words, not codes ----------------------------------------------------------

USER_TEXT = re.compile(
    r'<div class="bubble user[^"]*" id="e\d+">\s*<div class="text"[^>]*>(.*?)</div>', re.S
)
IDS = re.compile(r"\b[a-z]+_[a-z_]+\b")
BRUSSELS = ZoneInfo("Europe/Brussels")


def visible(html: str) -> str:
    """The page's text as a person reads it: no tags, no NLU line (intents and entities are the
    model's own codes, which corrections need), no form values."""
    html = re.sub(r'<div class="nlu">.*?</div>', "", html, flags=re.S)
    html = re.sub(r"<(form|select|script)\b.*?</\1>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_button_presses_show_what_the_patient_pressed(admin, recording, store):
    path = f"/c/{token(store, recording, 'booking')}"
    html = admin.get(path).text
    said = [re.sub(r"<[^>]+>", "", text).strip() for text in USER_TEXT.findall(html)]
    pressed = [text.removeprefix("button").strip() for text in said if text.startswith("button")]
    assert pressed == recording.pressed  # the titles, in order ("Yes, I agree", "Left"...)
    assert not any(text.startswith("/") for text in said)
    # Live, too: the button was offered before the turns the page asks for.
    last = int(re.findall(r'<div class="bubble user[^"]*" id="e(\d+)">', html)[-2])
    live = admin.get(f"{path}/live.json", params={"after": last - 1}).json()["turns"]
    assert (live[0]["text"], live[0]["pressed"]) == (recording.pressed[-1], True)
    rows = list(csv.DictReader(io.StringIO(admin.get(f"{path}/export.csv").text)))
    patient = [row for row in rows if row["speaker"] == "patient"]
    assert [row["text"] for row in patient if row["input"] == "button"] == recording.pressed
    assert not any(row["text"].startswith(("/", "'/")) for row in patient)


def test_a_press_without_its_button_is_shown_in_words(reviewer, recording, store):
    # The "script" patient sent /give_consent without being offered the button.
    html = reviewer.get(f"/c/{token(store, recording, 'script')}").text
    said = [re.sub(r"<[^>]+>", "", text).strip() for text in USER_TEXT.findall(html)]
    assert said[0] == "button pressed: Yes, I agree"


def test_regions_tiers_and_flags_are_words_from_the_data_files(reviewer, recording, store):
    booking = reviewer.get(f"/c/{token(store, recording, 'booking')}").text
    card = visible(booking[booking.index('id="interview"') :])
    assert IDS.findall(card) == []
    assert load_knowledge_base().region("knee_front").label("en") in card or (
        load_knowledge_base().region("knee_back").label("en") in card
    )
    assert "HCMC Boitsfort" in card
    red = reviewer.get(f"/c/{token(store, recording, 'red_flag')}").text
    assert IDS.findall(visible(red)) == []
    advice = load_advice()
    assert any(f"red flag: {advice.title(tier, 'en')}" in red for tier in advice.tier_titles)
    assert any(reason["en"] in red for reason in advice.reasons.values())
    inbox = listing(listed(reviewer))
    assert IDS.findall(visible(inbox)) == []
    assert "the lower back" in inbox  # the "script" patient's region


def test_times_are_brussels_time_with_the_zone(admin, recording, store):
    path = f"/c/{token(store, recording, 'booking')}"
    html = admin.get(path).text
    zone = datetime.now(BRUSSELS).tzname()  # the recording is minutes old: CET or CEST
    assert re.search(rf"<h1>Conversation of \d{{4}}-\d\d-\d\d \d\d:\d\d {zone}</h1>", html)
    assert "UTC" not in html
    stamps = re.findall(r'<time datetime="([^"]+)">(\d\d:\d\d:\d\d)</time>', html)
    assert stamps
    for stamp, shown in stamps:
        at = datetime.fromisoformat(stamp)
        assert at.utcoffset() == at.astimezone(BRUSSELS).utcoffset() and shown in stamp
    assert "Started (Brussels time)" in listed(admin)
    rows = list(csv.reader(io.StringIO(admin.get(f"{path}/export.csv").text)))
    assert rows[0][0] == "time (Europe/Brussels)"
    first = datetime.fromisoformat(rows[1][0])
    assert first.utcoffset() == first.astimezone(BRUSSELS).utcoffset()


# --- forms that say what went wrong, and keep the staff member's place ---------------------------


def test_erase_without_typing_erase_shows_the_form_with_the_error(admin, recording, store):
    sender = recording.senders["booking"]
    path = f"/c/{conversation_token(store, sender)}"
    csrf = csrf_of(admin.get(path).text)
    response = admin.post(f"{path}/erase", data={"csrf_token": csrf, "confirm": "yes"})
    assert response.status_code == 400
    html = response.text
    assert '<p class="error" role="alert" id="erase-error">Nothing was erased' in html
    assert f'action="{path}/erase"' in html and 'aria-describedby="erase-error"' in html
    assert "my knee has hurt" in html  # the whole page, not a bare error
    assert event_count(store, sender) > 0


def _typed(html: str) -> list[tuple[str, str]]:
    """The correctable messages: their event ids and the intents the assistant predicted."""
    found = []
    for event_id in re.findall(r'name="event_id" value="(\d+)"', html):
        bubble = html[html.index(f'id="e{event_id}"') :]
        found.append((event_id, bubble.split("intent <code>", 1)[1].split("</code>", 1)[0]))
    return found


def _first_typed(html: str) -> tuple[str, str]:
    return _typed(html)[0]


def test_a_correction_equal_to_the_prediction_is_refused(admin, recording, store):
    path = f"/c/{token(store, recording, 'booking')}"
    html = admin.get(path).text
    event_id, predicted = next((i, p) for i, p in _typed(html) if p != "nlu_fallback")
    response = admin.post(
        f"{path}/correct",
        data={"csrf_token": csrf_of(html), "event_id": event_id, "intent": predicted},
    )
    assert response.status_code == 400
    error = f'<p class="error" role="alert" id="correct-error-{event_id}">{predicted} is what'
    assert error in response.text
    assert response.text.index(error) > response.text.index(f'id="e{event_id}"')
    database = store.tracker_database_url.removeprefix("sqlite:///")
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT COUNT(*) FROM review_corrections").fetchone()[0] == 0
        # One stored before the app refused them is not exported either.
        connection.execute(
            "INSERT INTO review_corrections (sender_id, event_id, text, language,"
            " predicted_intent, confidence, intent, corrected_by, corrected_at)"
            " VALUES (?, ?, 'qwxz', 'en', ?, 0.3, ?, 'ada', '2024-01-01 00:00:00')",
            (recording.senders["booking"], int(event_id), predicted, predicted),
        )
    assert yaml.safe_load(admin.get("/corrections/export.yml").text)["nlu"] == []
    assert "qwxz" not in admin.get("/corrections").text


def test_each_action_returns_to_the_card_or_message_acted_on(admin, recording, store):
    path = f"/c/{token(store, recording, 'red_flag')}"
    html = admin.get(path).text
    csrf = csrf_of(html)
    event_id, _ = _first_typed(html)
    posts = {
        "reviewed": ({"reviewed": "yes"}, "review"),
        "annotate": ({"tags": "x", "note": "y"}, "note"),
        "correct": ({"event_id": event_id, "intent": "greet"}, f"e{event_id}"),
        "follow-up": ({"status": "in_progress", "assignee": ""}, "follow-up"),
    }
    for action, (data, anchor) in posts.items():
        response = admin.post(
            f"{path}/{action}", data={"csrf_token": csrf, **data}, follow_redirects=False
        )
        assert response.status_code == 303, action
        assert response.headers["location"] == f"{path}#{anchor}", action
        assert f'id="{anchor}"' in admin.get(path).text, anchor


# --- the audit log -------------------------------------------------------------------------------


def audit_entries(client: TestClient) -> list[tuple[str, str, str]]:
    html = client.get("/audit").text
    cells = re.findall(
        r"<tr><td>[^<]*</td><td>([^<]*)</td><td>([^<]*)</td><td>(.*?)</td></tr>", html
    )
    return [(who, did, re.sub(r"<[^>]+>", "", what)) for who, did, what in cells]


def test_the_audit_log_names_each_action_and_viewed_once_per_session(store, recording):
    sender = recording.senders["fallback"]
    path = f"/c/{conversation_token(store, sender)}"
    app = create_app(store, background=False)
    with TestClient(app, base_url="http://review.test") as ada:
        assert log_in(ada, "ada").status_code == 303
        html = ada.get(path).text
        ada.get(path)
        ada.get(f"{path}/live.json")
        csrf = csrf_of(html)
        event_id, _ = _first_typed(html)
        for action, data in (
            ("reviewed", {"reviewed": "yes"}),
            ("annotate", {"tags": "later", "note": ""}),
            ("annotate", {"tags": "later", "note": "Called."}),
            ("correct", {"event_id": event_id, "intent": "greet"}),
        ):
            ada.post(f"{path}/{action}", data={"csrf_token": csrf, **data})
        with TestClient(app, base_url="http://review.test") as again:  # a second login
            assert log_in(again, "ada").status_code == 303
            again.get(path)
            again.get(path)
        entries = audit_entries(ada)
        page = ada.get("/audit").text
    mine = [did for who, did, what in reversed(entries) if what == sender]
    assert mine == [
        "viewed",
        "marked reviewed",
        "changed tags",
        "changed note",
        "corrected intent",
        "viewed",  # the second session
    ]
    assert [did for who, did, what in entries].count("logged in") == 2
    # The conversation is a link while it exists.
    assert f'<a href="{path}"><code>{sender}</code></a>' in page


# --- the inbox as CSV ----------------------------------------------------------------------------


def test_admins_export_the_filtered_inbox_as_csv_in_words(admin, reviewer, recording, store):
    flagged = token(store, recording, "red_flag")
    csrf = csrf_of(admin.get(f"/c/{flagged}").text)
    admin.post(
        f"/c/{flagged}/annotate", data={"csrf_token": csrf, "tags": "=HYPERLINK(1), +x", "note": ""}
    )
    response = admin.get("/export.csv", params={"red_flag": "yes"})
    assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [row["conversation"] for row in rows] == [f"/c/{flagged}"]
    row = rows[0]
    advice = load_advice()
    assert row["urgency"] in {advice.title(tier, "en") for tier in advice.tier_titles}
    assert row["red flags"] != "-" and IDS.findall(row["red flags"]) == []
    assert row["tags"].startswith("'=HYPERLINK")  # never a formula in a spreadsheet
    everything = list(csv.DictReader(io.StringIO(admin.get("/export.csv").text)))
    assert len(everything) == len(recording.senders)  # every page, not the first 50
    booking = next(
        r for r in everything if r["conversation"].endswith(token(store, recording, "booking"))
    )
    assert booking["centre"] == "HCMC Boitsfort" and booking["booking link"] == "given, followed"
    assert booking["severity"] == "6/10" and booking["side"] == "left side"
    assert "knee" in booking["pain regions"] and IDS.findall(booking["pain regions"]) == []
    for cells in everything:
        assert recording.senders["booking"] not in ",".join(cells.values())  # no sender ids
    assert reviewer.get("/export.csv").status_code == 403
    assert "exported inbox csv" in admin.get("/audit").text


# --- interviews as episodes, and booking-link clicks counted or not ----------------------------


def _card(html: str) -> str:
    card = html[html.index('id="interview"') :]
    return card[: card.index("</section>")]


def test_each_finished_interview_stays_an_episode_on_the_card_and_in_the_inbox(
    reviewer, recording, store
):
    # The patient finished an interview about the lower back, started over, then began one about
    # the hip: the first one's onset, duration and severity are still there.
    html = reviewer.get(f"/c/{token(store, recording, 'episodes')}").text
    episodes = [visible(part) for part in _card(html).split('<div class="episode">')[1:]]
    assert len(episodes) == 2
    low_back, hip = episodes
    assert "Interview 1" in low_back and "complete" in low_back
    assert "the lower back (both sides)" in low_back
    for answer in ("after an injury or strain", "6 weeks to 3 months", "7/10", "in the morning"):
        assert answer in low_back
    assert "Interview 2" in hip and "not finished" in hip
    assert "the hip or the groin (right side)" in hip
    page = listed(reviewer, q="lower back has hurt for two months")
    assert count_rows(page) == 1
    row = listing(page)
    shown = " ".join(visible(row).split())
    assert "the lower back (both sides) 7/10 · 6 weeks to 3 months" in shown
    assert "the hip or the groin (right side)" in shown and "not finished" in shown
    # Both regions are the conversation's: the region filter finds it by either.
    episodes = f"/c/{token(store, recording, 'episodes')}"
    for region in ("low_back", "hip", "heup", "hanche"):
        assert episodes in listing(listed(reviewer, region=region))


def test_a_single_interview_shows_without_episode_numbers(reviewer, recording, store):
    card = visible(_card(reviewer.get(f"/c/{token(store, recording, 'booking')}").text))
    assert "Interview 1" not in card and "6/10" in card


def funnel_followed(html: str) -> str:
    """What the dashboard's funnel says after "booking link followed"."""
    svg = html[html.index("booking link followed") :]
    return re.findall(r">([^<]+)</text>", svg)[0]


def test_the_inbox_and_the_dashboard_agree_on_followed_booking_links(reviewer, recording, store):
    booking = token(store, recording, "booking")
    row = listing(listed(reviewer, booking="given"))
    assert f"/c/{booking}" in row and "given, followed" in row
    assert funnel_followed(reviewer.get("/dashboard").text) == "1"
    assert "given, followed" in visible(_card(reviewer.get(f"/c/{booking}").text))


def test_when_clicks_are_not_counted_the_inbox_and_the_dashboard_both_say_so(recording, store):
    # As if the assistant had run without HCMC_PUBLIC_URL: the booking link it gave went
    # straight to the booking page, so no click could be counted.
    database = store.tracker_database_url.removeprefix("sqlite:///")
    with sqlite3.connect(database) as connection:
        connection.execute(
            "UPDATE events SET data = replace(data, ?, ?)",
            (f"{PUBLIC_URL}/webhooks/booking/go/", "https://booking.example.org/hcmc/"),
        )
        connection.execute("DELETE FROM review_booking_clicks")
    with TestClient(create_app(store), base_url="http://review.test") as client:
        assert log_in(client, "rex").status_code == 303
        row = listing(listed(client, booking="given"))
        dashboard = client.get("/dashboard").text
        card = visible(_card(client.get(f"/c/{token(store, recording, 'booking')}").text))
    assert "given (clicks not counted)" in row and "not followed" not in row
    assert "given (clicks not counted)" in card
    assert funnel_followed(dashboard) == "not counted"
    assert "Clicks on booking links are not counted" in dashboard.replace("&#39;", "'")


def test_the_follow_up_list_says_why_in_a_few_words_of_its_own(reviewer, recording, store):
    waiting = {item["token"]: item for item in reviewer.get("/follow-up.json").json()["queue"]}
    flagged = waiting[token(store, recording, "red_flag")]
    person = waiting[token(store, recording, "person")]
    assert flagged["urgency"] in ("Emergency: 112", "Emergency department")
    assert person["urgency"] == "Wants a person"
    queue = reviewer.get("/").text.split('id="queue-rows"', 1)[1].split("</tbody>", 1)[0]
    assert f">{flagged['urgency']}</span>" in queue and ">Wants a person</span>" in queue
    # Not the alerts' sentences, written for Telegram and e-mail.
    assert "told to" not in queue and "the patient was" not in queue


def test_the_patients_words_carry_the_conversations_language(reviewer, recording, store):
    # Staff may read in English a conversation held in French: screen readers need its lang.
    html = reviewer.get(f"/c/{token(store, recording, 'script')}").text
    assert re.search(
        r'<div class="bubble user[^"]*" id="e\d+">\s*<div class="text" lang="en">', html
    )
    assert 'data-lang="en"' in html
