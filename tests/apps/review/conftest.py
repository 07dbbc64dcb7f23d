"""Clients for the review app over a copy of the recorded tracker store
(tests.apps.review.fixtures)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from bot.apps.review.app import create_app
from bot.config import Settings
from tests.apps.review.fixtures import PASSWORD

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found, "no CSRF token in the page"
    return found.group(1)


def listing(html: str) -> str:
    """The inbox's list of conversations, without the follow-up queue above it."""
    marker = 'class="inbox-title"'
    assert marker in html, "not the inbox page"
    return html.split(marker, 1)[1]


def count_rows(html: str) -> int:
    """How many conversations the inbox lists (the follow-up queue is not counted)."""
    return listing(html).count('<a href="/c/')


def log_in(client: TestClient, username: str, password: str = PASSWORD) -> object:
    page = client.get("/login")
    return client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": csrf_of(page.text)},
        follow_redirects=False,
    )


@pytest.fixture
def anonymous(store: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(store), base_url="http://review.test") as client:
        yield client


@pytest.fixture
def admin(store: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(store), base_url="http://review.test") as client:
        assert log_in(client, "ada").status_code == 303
        yield client


@pytest.fixture
def reviewer(store: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(store), base_url="http://review.test") as client:
        assert log_in(client, "rex").status_code == 303
        yield client
