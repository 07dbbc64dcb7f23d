"""The review app's own tables, kept in the same database as Rasa's tracker store (one URL,
HCMC_DATABASE_URL): staff accounts, sessions, the audit log, review state, intent corrections,
booking-link clicks and the per-conversation index the inbox reads."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    inspect,
)
from sqlalchemy.engine import Engine

metadata = MetaData()

staff = Table(
    "review_staff",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("password_hash", String(255), nullable=False),
    Column("role", String(16), nullable=False),
    Column("created_at", DateTime, nullable=False),
)

sessions = Table(
    "review_sessions",
    metadata,
    # SHA-256 of the cookie's value: a stolen database does not give live sessions.
    Column("token_hash", String(64), primary_key=True),
    Column("username", String(64), nullable=False, index=True),
    Column("csrf_token", String(64), nullable=False),
    Column("expires_at", DateTime, nullable=False),
)

audit_log = Table(
    "review_audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime, nullable=False, index=True),
    Column("username", String(64), nullable=False),
    Column("action", String(32), nullable=False),
    # The conversation's sender id; "erased:<token>" once the conversation is erased
    # (bot/storage/erase.py), "*" for an action on every conversation.
    Column("sender_id", String(255), nullable=False),
)

# The conversations each login session has viewed: the audit log says "viewed" once per session.
# Rows go with their session (bot/apps/review/auth.py) or with the conversation when it is erased.
session_views = Table(
    "review_session_views",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("sender_id", String(255), primary_key=True),
)

# One row per conversation: what the inbox lists, filters and searches without reading events.
conversations = Table(
    "review_conversations",
    metadata,
    Column("sender_id", String(255), primary_key=True),
    Column("started_at", DateTime, nullable=False, index=True),
    Column("last_at", DateTime, nullable=False),
    Column("channel", String(32), nullable=False, index=True),
    Column("language", String(8), nullable=False, index=True),
    Column("consent", String(16), nullable=False),
    Column("regions", Text, nullable=False),  # ",knee,low_back," for exact matching with LIKE
    Column("red_flag_tier", String(32), nullable=True),
    Column("red_flag", Boolean, nullable=False, index=True),
    Column("centre", String(32), nullable=True, index=True),
    Column("booking_link_given", Boolean, nullable=False),
    # The link went through the Rasa server's redirect, which counts its clicks
    # (HCMC_PUBLIC_URL); a direct link's clicks are not counted.
    Column("booking_link_counted", Boolean, nullable=False, default=False),
    Column("needs_staff", Boolean, nullable=False, index=True),
    Column("person_requested", Boolean, nullable=False, default=False),
    Column("interview_complete", Boolean, nullable=False),
    # Each interview of the conversation, as the inbox row shows it: JSON, [{"regions": [...],
    # "side", "duration", "severity", "complete"}] (bot/storage/conversation_index.py).
    Column("episodes", Text, nullable=False, default="[]"),
    Column("user_turns", Integer, nullable=False),
    Column("fallback_turns", Integer, nullable=False),
    Column("user_text", Text, nullable=False),  # lower-cased, for the full-text search
    Column("token", String(32), nullable=False, index=True),
)

notes = Table(
    "review_annotations",
    metadata,
    Column("sender_id", String(255), primary_key=True),
    Column("reviewed", Boolean, nullable=False, default=False),
    Column("reviewed_by", String(64), nullable=True),
    Column("tags", Text, nullable=False, default=""),
    Column("note", Text, nullable=False, default=""),
    Column("updated_at", DateTime, nullable=False),
)

corrections = Table(
    "review_corrections",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("event_id", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("language", String(8), nullable=False),
    Column("predicted_intent", String(128), nullable=True),
    Column("confidence", Float, nullable=True),
    Column("intent", String(128), nullable=False),
    Column("corrected_by", String(64), nullable=False),
    Column("corrected_at", DateTime, nullable=False),
    UniqueConstraint("sender_id", "event_id"),
)

# Written by the Rasa server's booking redirect, which knows only the conversation's token.
booking_clicks = Table(
    "review_booking_clicks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token", String(32), nullable=False, index=True),
    Column("centre", String(32), nullable=False),
    Column("clicked_at", DateTime, nullable=False),
)

index_state = Table(
    "review_index_state",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("last_event_id", Integer, nullable=False),
    Column("last_click_id", Integer, nullable=False),
)

# Staff alerts (bot/alerts/dispatcher.py): one row per conversation, reason, alert channel and
# tier (a red flag that becomes more urgent is alerted again; "" for a request for a person); the
# unique key is what makes an alert go out at most once, whatever the patient keeps writing.
alerts = Table(
    "review_alerts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("reason", String(32), nullable=False),
    Column("channel", String(16), nullable=False),
    Column("tier", String(32), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("status", String(16), nullable=False, index=True),  # pending, sent, failed
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", DateTime, nullable=False),
    Column("sent_at", DateTime, nullable=True),
    Column("last_error", String(255), nullable=True),
    UniqueConstraint("sender_id", "reason", "channel", "tier"),
)

# The alert dispatcher's last round: the assistant promises that staff were told only while it
# runs (actions/follow_up.py).
heartbeats = Table(
    "review_heartbeats",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("at", DateTime, nullable=False),
)

# Follow-up of a conversation that needs staff: new (no row), in_progress (assigned), answered,
# closed.
follow_ups = Table(
    "review_follow_ups",
    metadata,
    Column("sender_id", String(255), primary_key=True),
    Column("status", String(16), nullable=False, index=True),
    Column("assignee", String(64), nullable=True),
    Column("updated_at", DateTime, nullable=False),
)

# Who has taken over a conversation from the assistant; the primary key lets only one person
# hold it at a time.
takeovers = Table(
    "review_takeovers",
    metadata,
    Column("sender_id", String(255), primary_key=True),
    Column("username", String(64), nullable=False),
    # The first name the patient sees, chosen when taking over.
    Column("display_name", String(64), nullable=False),
    Column("started_at", DateTime, nullable=False),
    # The last reply: a takeover idle for too long is handed back to the assistant.
    Column("last_active_at", DateTime, nullable=False),
)

# Rows that belong to one conversation, erased with it: (table, column holding the sender id).
PER_CONVERSATION: tuple[tuple[Table, str], ...] = (
    (conversations, "sender_id"),
    (notes, "sender_id"),
    (corrections, "sender_id"),
    (alerts, "sender_id"),
    (follow_ups, "sender_id"),
    (takeovers, "sender_id"),
    (session_views, "sender_id"),
)


def create_tables(engine: Engine) -> None:
    rebuild_outdated_index(engine)
    metadata.create_all(engine)


def rebuild_outdated_index(engine: Engine) -> None:
    """The conversation index is derived from the events: when a newer version of the app added
    a column, the old index is dropped and rebuilt from the events on the next refresh."""
    inspector = inspect(engine)
    if not inspector.has_table(conversations.name):
        return
    present = {column["name"] for column in inspector.get_columns(conversations.name)}
    if {column.name for column in conversations.columns} <= present:
        return
    conversations.drop(engine, checkfirst=True)
    index_state.drop(engine, checkfirst=True)
