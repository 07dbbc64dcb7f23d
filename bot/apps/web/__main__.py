"""`python -m bot.apps.web`: serves the widget and the demo page (started by `make run`)."""

from __future__ import annotations

import uvicorn

from bot.apps.web.config import load_web_settings
from bot.apps.web.server import create_app
from bot.config import load_settings


def main() -> None:
    web = load_web_settings(load_settings())
    # ws="none": the site needs no websockets of its own (the widget's socket is Rasa's), and
    # the websockets version Rasa's Sanic pins is older than uvicorn's websocket support.
    uvicorn.run(create_app(web), host=web.host, port=web.port, log_level="warning", ws="none")


if __name__ == "__main__":
    main()
