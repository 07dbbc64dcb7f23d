"""The inbox: every conversation, newest first, filtered and searched from the index alone."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, timedelta
from types import SimpleNamespace
from typing import Any

from sqlalchemy import and_, func, not_, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select
from sqlalchemy.sql.elements import ColumnElement

from bot.apps.review.clock import day_start
from bot.apps.review.follow_up import STATUSES, status_column, status_rank, urgency_rank
from bot.apps.review.wording import region_ids_matching
from bot.storage.tables import booking_clicks, conversations, follow_ups, notes

PAGE_SIZE = 50
YES_NO = ("", "yes", "no")
BOOKING_STATES = ("", "given", "followed", "not_given")
REVIEW_STATES = ("", "reviewed", "open")
FOLLOW_UP_STATES = ("", *STATUSES)
SORTS = ("", "urgency", "follow_up")


def _choice(value: str, allowed: tuple[str, ...]) -> str:
    return value if value in allowed else ""


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def like_pattern(text: str) -> str:
    """A LIKE pattern matching `text` literally: %, _ and the escape character lose their power."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True)
class InboxFilters:
    date_from: str = ""
    date_to: str = ""
    channel: str = ""
    language: str = ""
    region: str = ""
    red_flag: str = ""
    centre: str = ""
    booking: str = ""
    staff: str = ""
    status: str = ""
    follow_up: str = ""
    sort: str = ""
    q: str = ""
    page: int = 1

    @classmethod
    def from_query(cls, params: Any) -> InboxFilters:
        """Anything unexpected is ignored: a filter either matches a known value or is off."""
        try:
            page = max(1, min(int(params.get("page", "1") or 1), 100_000))
        except ValueError:
            page = 1
        # NUL and other control characters cannot be in what a patient wrote (and PostgreSQL
        # refuses NUL in text): they are dropped.
        text = {
            name: "".join(ch for ch in str(params.get(name, "") or "") if ch >= " ")[:200].strip()
            for name in ("date_from", "date_to", "channel", "language", "region", "centre", "q")
        }
        return cls(
            date_from=text["date_from"] if _day(text["date_from"]) else "",
            date_to=text["date_to"] if _day(text["date_to"]) else "",
            channel=text["channel"][:32],
            language=text["language"][:8],
            region=text["region"].replace(",", "")[:64],
            red_flag=_choice(params.get("red_flag", ""), YES_NO),
            centre=text["centre"][:32],
            booking=_choice(params.get("booking", ""), BOOKING_STATES),
            staff=_choice(params.get("staff", ""), YES_NO),
            status=_choice(params.get("status", ""), REVIEW_STATES),
            follow_up=_choice(params.get("follow_up", ""), FOLLOW_UP_STATES),
            sort=_choice(params.get("sort", ""), SORTS),
            q=text["q"],
            page=page,
        )

    def more_active(self) -> int:
        """How many of the filters under "More filters" are on (the inbox opens them then)."""
        more = ("date_from", "date_to", "channel", "language", "region", "centre", "booking")
        return sum(bool(getattr(self, name)) for name in (*more, "staff", "follow_up", "sort"))

    def query_string(self, **changes: Any) -> str:
        from urllib.parse import urlencode

        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        return urlencode(
            {k: v for k, v in values.items() if v not in ("", None, 1) or k == "page" and v != 1}
        )


def followed() -> ColumnElement[bool]:
    # Uncorrelated: the database reads the (few) clicks once, not once per conversation.
    return conversations.c.token.in_(select(booking_clicks.c.token))


def conditions(filters: InboxFilters) -> list[ColumnElement[bool]]:
    c = conversations.c
    found: list[ColumnElement[bool]] = []
    # Days in Brussels, as the inbox shows its times.
    if filters.date_from:
        found.append(c.started_at >= day_start(date.fromisoformat(filters.date_from)))
    if filters.date_to:
        found.append(
            c.started_at < day_start(date.fromisoformat(filters.date_to) + timedelta(days=1))
        )
    if filters.channel:
        found.append(c.channel == filters.channel)
    if filters.language:
        found.append(c.language == filters.language)
    if filters.region:
        # Part of a region id ("knee" finds knee_front and knee_back), or of a region's name in
        # any of the three languages ("genou", "knie").
        found.append(
            or_(
                c.regions.like(like_pattern(filters.region), escape="\\"),
                *[
                    c.regions.like("%," + region.replace("_", "\\_") + ",%", escape="\\")
                    for region in region_ids_matching(filters.region)
                ],
            )
        )
    if filters.red_flag:
        found.append(c.red_flag.is_(filters.red_flag == "yes"))
    if filters.centre:
        found.append(c.centre == filters.centre)
    if filters.booking == "given":
        found.append(c.booking_link_given.is_(True))
    elif filters.booking == "followed":
        found.append(followed())
    elif filters.booking == "not_given":
        found.append(c.booking_link_given.is_(False))
    if filters.staff:
        found.append(c.needs_staff.is_(filters.staff == "yes"))
    reviewed = func.coalesce(notes.c.reviewed, False)
    if filters.status == "reviewed":
        found.append(reviewed.is_(True))
    elif filters.status == "open":
        found.append(or_(notes.c.reviewed.is_(None), not_(notes.c.reviewed)))
    if filters.follow_up:
        # Only conversations that need staff have a follow-up.
        found.append((c.red_flag | c.needs_staff) & (status_column() == filters.follow_up))
    if filters.q:
        found.append(c.user_text.like(like_pattern(filters.q), escape="\\"))
    return found


def order(filters: InboxFilters) -> list[Any]:
    """Newest first by default; on request most urgent first, or open follow-ups first."""
    if filters.sort == "urgency":
        return [urgency_rank()]
    if filters.sort == "follow_up":
        return [status_rank()]
    return []


@dataclass
class InboxPage:
    rows: list[Any]
    total: int
    page: int
    pages: int


LISTED = [column for column in conversations.c if column.name != "user_text"]


def _joined() -> Any:
    return conversations.outerjoin(notes, notes.c.sender_id == conversations.c.sender_id).outerjoin(
        follow_ups, follow_ups.c.sender_id == conversations.c.sender_id
    )


def listing(filters: InboxFilters) -> Select[Any]:
    """The conversations matching the filters, in the inbox's order, with their review state."""
    query = (
        select(
            *LISTED,
            notes.c.reviewed,
            notes.c.reviewed_by,
            notes.c.tags,
            status_column().label("follow_up"),
            follow_ups.c.assignee,
        )
        .select_from(_joined())
        .order_by(*order(filters), conversations.c.started_at.desc(), conversations.c.sender_id)
    )
    found = conditions(filters)
    return query.where(and_(*found)) if found else query


def clicked(connection: Connection, tokens: list[str]) -> set[str]:
    """Which of these conversations' booking links were followed."""
    return set(
        connection.execute(
            select(booking_clicks.c.token).where(booking_clicks.c.token.in_(tokens))
        ).scalars()
    )


def inbox_page(connection: Connection, filters: InboxFilters) -> InboxPage:
    where = and_(*conditions(filters)) if conditions(filters) else None
    # The review notes matter to the count only when filtering on the review status.
    needs_join = filters.status or filters.follow_up
    count = select(func.count()).select_from(_joined() if needs_join else conversations)
    if where is not None:
        count = count.where(where)
    total = int(connection.execute(count).scalar() or 0)
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(filters.page, pages)
    found = connection.execute(
        listing(filters).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)
    ).all()
    followed_links = clicked(connection, [row.token for row in found])
    rows = [SimpleNamespace(**row._mapping, followed=row.token in followed_links) for row in found]
    return InboxPage(rows, total, page, pages)


def distinct_values(connection: Connection, column: str) -> list[str]:
    col = conversations.c[column]
    return [str(v) for v in connection.execute(select(col).distinct().order_by(col)).scalars() if v]
