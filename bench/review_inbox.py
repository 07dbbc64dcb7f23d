"""`make bench-review`: the review app's inbox over 10,000 synthetic conversations.

Fills a fresh SQLite tracker store (Rasa's `events` table layout) with 10,000 conversations of
about a dozen events each, builds the index once, then times the list page, with filters and a
full-text search, through the ASGI app (p50 and p95 of 30 requests each), and an update of the
index after 20 new conversations. Goal: list page under 300 ms.
Writes bench/results/review-inbox.md.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, create_engine, insert
from starlette.testclient import TestClient

from bot.apps.review.accounts import add_account
from bot.apps.review.app import create_app
from bot.apps.review.database import review_engine
from bot.config import PROJECT_ROOT, load_settings
from bot.triage.language import LANGUAGES

CONVERSATIONS = 10_000
REPEAT = 30
GOAL_MS = 300
RESULTS = PROJECT_ROOT / "bench" / "results" / "review-inbox.md"
REGIONS = ("knee", "low_back", "neck", "shoulder", "hip", "head", "calf", "elbow")
WORDS = [
    "pain",
    "stairs",
    "morning",
    "sitting",
    "running",
    "office",
    "sleep",
    "stiff",
    "sharp",
    "dull",
    "burning",
    "walking",
]
CASES = {
    "inbox, no filter": {},
    "red flags": {"red_flag": "yes"},
    "channel + language": {"channel": "telegram", "language": "fr"},
    "region knee, to review": {"region": "knee", "status": "open"},
    "booking link followed": {"booking": "followed"},
    "search 'stairs'": {"q": "stairs"},
    "search, no match": {"q": "zzzz nothing"},
    "page 100": {"page": "100"},
}

events_table = Table(
    "events",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("type_name", String(255), nullable=False),
    Column("timestamp", Float),
    Column("intent_name", String(255)),
    Column("action_name", String(255)),
    Column("data", Text),
)


def conversation(rng: random.Random, sender: str, start: float) -> list[dict]:
    channel = rng.choice(("rest", "telegram", "web"))
    t = start

    def at() -> float:
        nonlocal t
        t += rng.uniform(2, 40)
        return t

    def user(text: str, intent: str, confidence: float) -> dict:
        parse_data = {"intent": {"name": intent, "confidence": confidence}, "entities": []}
        metadata = {"channel": channel}
        return {"event": "user", "timestamp": at(), "text": text, "metadata": metadata,
                "parse_data": parse_data}  # fmt: skip

    def slot(name: str, value: object) -> dict:
        return {"event": "slot", "timestamp": at(), "name": name, "value": value}

    events = [
        {"event": "action", "timestamp": at(), "name": "action_session_start"},
        slot("language", rng.choice(LANGUAGES)),
        user("hello", "greet", 0.99),
        {"event": "bot", "timestamp": at(), "text": "Hello, I'm the automated assistant."},
    ]
    if rng.random() < 0.8:
        events += [slot("consent", "given"), user("/give_consent", "give_consent", 1.0)]
        regions = rng.sample(REGIONS, rng.randint(1, 2))
        text = " ".join(rng.sample(WORDS, 5))
        events += [
            user(f"my {regions[0]} hurts {text}", "describe_pain", rng.uniform(0.3, 1.0)),
            slot("pain_regions", regions),
            slot("pain_severity", float(rng.randint(2, 9))),
        ]
        if rng.random() < 0.08:
            events += [slot("red_flag_tier", "doctor_today"), slot("needs_staff_followup", True)]
        elif rng.random() < 0.7:
            events += [
                {"event": "action", "timestamp": at(), "name": "action_explain_pain"},
                slot("nearest_centre", rng.choice(("kraainem", "boitsfort"))),
                slot("booking_link_given", True),
            ]
    return [{**event, "timestamp": event["timestamp"]} for event in events]


def fill(database_url: str, count: int, first: int = 0) -> None:
    rng = random.Random(first + 1)
    engine = create_engine(database_url)
    events_table.metadata.create_all(engine)
    now = time.time()
    rows = []
    for n in range(first, first + count):
        sender = f"bench-{n:06d}"
        for event in conversation(rng, sender, now - rng.uniform(0, 80 * 86400)):
            rows.append(
                {
                    "sender_id": sender,
                    "type_name": event["event"],
                    "timestamp": event["timestamp"],
                    "intent_name": None,
                    "action_name": event.get("name"),
                    "data": json.dumps(event),
                }
            )
    with engine.begin() as connection:
        connection.execute(insert(events_table), rows)
    engine.dispose()


def timed(client: TestClient, params: dict[str, str]) -> list[float]:
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        response = client.get("/", params=params)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    return times


def main() -> int:
    with tempfile.TemporaryDirectory() as var_dir:
        settings = load_settings({"HCMC_VAR_DIR": var_dir, "HCMC_SECRET_KEY": "bench"})
        start = time.perf_counter()
        fill(settings.tracker_database_url, CONVERSATIONS)
        fill_s = time.perf_counter() - start
        engine = review_engine(settings)
        add_account(engine, "bench", "bench password 123", "admin")
        with TestClient(create_app(settings, engine)) as client:
            page = client.get("/login").text
            csrf = page.split('name="csrf_token" value="')[1].split('"')[0]
            form = {"username": "bench", "password": "bench password 123", "csrf_token": csrf}
            assert client.post("/login", data=form, follow_redirects=False).status_code == 303
            start = time.perf_counter()
            client.get("/")
            index_s = time.perf_counter() - start
            lines = [
                f"# Review inbox over {CONVERSATIONS:,} conversations",
                "",
                f"Filling the tracker store: {fill_s:.1f} s; first index build: {index_s:.1f} s.",
                "",
                "| list page | p50 ms | p95 ms |",
                "|---|---|---|",
            ]
            worst = 0.0
            for name, params in CASES.items():
                times = sorted(timed(client, params))
                p50, p95 = statistics.median(times), times[int(0.95 * (len(times) - 1))]
                worst = max(worst, p95)
                lines.append(f"| {name} | {p50:.0f} | {p95:.0f} |")
            fill(settings.tracker_database_url, 20, first=CONVERSATIONS)
            start = time.perf_counter()
            client.get("/")
            lines.append(f"| after 20 new conversations (incremental index) | "
                         f"{(time.perf_counter() - start) * 1000:.0f} | |")  # fmt: skip
            start = time.perf_counter()
            client.get("/dashboard")
            lines.append(f"| dashboard | {(time.perf_counter() - start) * 1000:.0f} | |")
        engine.dispose()
    verdict = "met" if worst < GOAL_MS else "NOT met"
    lines += [
        "",
        f"Goal: list page under {GOAL_MS} ms at p95: {verdict} (worst p95 {worst:.0f} ms).",
    ]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
