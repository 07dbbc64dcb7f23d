"""The project's web server for the website widget: the built widget (script, stylesheet) and a
demo page of the clinic's site with the widget embedded, served with strict security headers.

The page and the widget load nothing from any other host: the socket.io client is part of the
widget's script, built from the npm package (web/widget/), and the only other address the page may
reach is the assistant's own socket.io channel (Content-Security-Policy, connect-src).
"""

from __future__ import annotations

import html
from collections.abc import Awaitable, Callable
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.apps.web.config import WebSettings
from bot.pictures import (
    body_map,
    check_pictures,
    picture_arguments,
    referral_map_png,
    referral_map_svg,
)

# Demo pages of the mock clinic site: path -> file in web/demo/. Two English pages to show that
# the conversation follows the visitor, and a French and a Dutch one for the language metadata.
DEMO_PAGES = {
    "/": "index.html",
    "/treatments.html": "treatments.html",
    "/fr/": "fr.html",
    "/nl/": "nl.html",
}


def content_security_policy(assistant_url: str) -> str:
    socket_url = assistant_url.replace("https://", "wss://", 1).replace("http://", "ws://", 1)
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            f"connect-src 'self' {assistant_url} {socket_url}",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


class SecurityHeaders:
    """Adds the same security headers to every response, except a header the response sets
    itself (the pictures' Cache-Control)."""

    def __init__(self, app: ASGIApp, headers: dict[str, str]) -> None:
        self.app = app
        self.headers = {k.lower().encode(): v.encode() for k, v in headers.items()}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                own = list(message.get("headers", []))
                named = {name.lower() for name, _ in own}
                own += [(k, v) for k, v in self.headers.items() if k not in named]
                message["headers"] = own
            await send(message)

        await self.app(scope, receive, with_headers)


# The pictures are pure functions of the shipped data: browsers may keep them for an hour (a new
# release is picked up within the hour, and a picture an hour old harms no one).
PICTURE_HEADERS = {"Cache-Control": "public, max-age=3600"}
# The body map is public data the widget fetches, also from the clinic's other sites.
BODY_MAP_HEADERS = {**PICTURE_HEADERS, "Access-Control-Allow-Origin": "*"}


def picture_routes() -> list[BaseRoute]:
    """The widget's body map (JSON) and the referral maps (SVG, PNG); 404 for anything unknown,
    and for chest and abdomen, which never get a muscle picture."""

    async def body_map_json(request: Request) -> Response:
        try:
            data = body_map(request.path_params["language"])
        except ValueError:
            return Response(status_code=404)
        return JSONResponse(data, headers=BODY_MAP_HEADERS)

    def referral_map(kind: str) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            parts = request.path_params
            picture = picture_arguments(parts["region"], parts["side"], parts["language"])
            if picture is None:
                return Response(status_code=404)
            if kind == "svg":
                svg = referral_map_svg(*picture)
                return Response(svg, media_type="image/svg+xml", headers=PICTURE_HEADERS)
            # Rendering takes a moment the first time: kept off the event loop.
            png = await run_in_threadpool(referral_map_png, *picture)
            return Response(png, media_type="image/png", headers=PICTURE_HEADERS)

        return endpoint

    base = "/widget/referral-map/{region}/{side}/{language}"
    return [
        Route("/widget/body-map/{language}.json", body_map_json),
        Route(f"{base}.svg", referral_map("svg")),
        Route(f"{base}.png", referral_map("png")),
    ]


def render_page(path: Path, web: WebSettings) -> str:
    """A demo page with the widget's script tag pointing at this server and the assistant."""
    page = path.read_text(encoding="utf-8")
    return page.replace("{{assistant_url}}", html.escape(web.assistant_url, quote=True))


def create_app(web: WebSettings) -> Starlette:
    check_pictures()  # a broken drawing stops the server at start, not at a patient's question

    def page(file_name: str) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            return HTMLResponse(render_page(web.demo_dir / file_name, web))

        return endpoint

    async def health(request: Request) -> Response:
        built = (web.widget_dir / "hcmc-widget.js").is_file()
        return JSONResponse(
            {"status": "ok" if built else "widget not built"}, 200 if built else 503
        )

    routes: list[BaseRoute] = [Route(path, page(name)) for path, name in DEMO_PAGES.items()]
    routes += picture_routes()  # before the /widget mount, which would answer them otherwise
    routes += [
        Route("/health", health),
        Mount("/widget", StaticFiles(directory=web.widget_dir, check_dir=False), name="widget"),
        Mount("/demo", StaticFiles(directory=web.demo_dir / "assets", check_dir=False)),
    ]
    app = Starlette(routes=routes)
    headers = {
        "Content-Security-Policy": content_security_policy(web.assistant_url),
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
        "Permissions-Policy": "geolocation=(self), camera=(), microphone=()",
        # Other sites of the clinic may load the widget's script and stylesheet.
        "Cross-Origin-Resource-Policy": "cross-origin",
        "Cache-Control": "no-cache",
    }
    return SecurityHeaders(app, headers)  # type: ignore[return-value]
