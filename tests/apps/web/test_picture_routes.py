"""The web server's picture routes, which the widget uses: the body map's data and the referral
maps, as SVG and PNG, with the server's security headers."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.testclient import TestClient

from bot.apps.web.config import WebSettings
from bot.apps.web.server import create_app
from bot.pictures import body_map, referral_map_svg


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    widget_dir = tmp_path / "widget"
    widget_dir.mkdir()
    (widget_dir / "hcmc-widget.js").write_text("/* built */")
    return TestClient(create_app(WebSettings(widget_dir=widget_dir)))


def test_the_body_map_is_served_per_language(client):
    response = client.get("/widget/body-map/nl.json")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == body_map("nl")
    # Public data the widget may fetch from the clinic's other sites.
    assert response.headers["access-control-allow-origin"] == "*"
    assert client.get("/widget/body-map/de.json").status_code == 404


def test_referral_maps_are_served_as_svg_and_png(client):
    svg = client.get("/widget/referral-map/knee_front/left/fr.svg")
    assert svg.status_code == 200
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert svg.text == referral_map_svg("knee_front", "left", "fr")
    png = client.get("/widget/referral-map/low_back/both/en.png")
    assert png.status_code == 200 and png.headers["content-type"] == "image/png"
    assert png.content.startswith(b"\x89PNG\r\n\x1a\n")
    # The widget asks with "none" when the patient was not asked the side.
    unsided = client.get("/widget/referral-map/low_back/none/en.svg")
    assert unsided.text == referral_map_svg("low_back", None, "en")


@pytest.mark.parametrize(
    "path",
    [
        "/widget/referral-map/chest/left/en.svg",  # doctor-first: no muscle picture, ever
        "/widget/referral-map/abdomen/none/fr.png",
        "/widget/referral-map/elbow_middle/left/en.svg",
        "/widget/referral-map/knee_front/up/en.svg",
        "/widget/referral-map/knee_front/left/de.png",
        "/widget/referral-map/knee_front/left/en.gif",
    ],
)
def test_anything_else_is_not_found(client, path):
    assert client.get(path).status_code == 404


def test_pictures_keep_the_security_headers_and_may_be_cached(client):
    response = client.get("/widget/referral-map/calf/right/en.svg")
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers.get_list("cache-control") == ["public, max-age=3600"]
    # Everything else is still never cached.
    assert client.get("/widget/hcmc-widget.js").headers.get_list("cache-control") == ["no-cache"]
