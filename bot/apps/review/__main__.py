"""`python -m bot.apps.review`: serves the staff review app (HCMC_REVIEW_HOST:HCMC_REVIEW_PORT)."""

from __future__ import annotations

import logging

import uvicorn

from bot.apps.review.app import create_app
from bot.config import load_settings


def main() -> None:
    settings = load_settings()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    # uvicorn's access log would record query strings, and searches hold what patients wrote:
    # the app logs method, path and status itself.
    uvicorn.run(
        create_app(settings),
        host=settings.review_host,
        port=settings.review_port,
        access_log=False,
        # No websockets here; and Rasa pins a websockets older than uvicorn's auto-detection wants.
        ws="none",
        proxy_headers=settings.review_https,
        log_level="info",
    )


if __name__ == "__main__":
    main()
