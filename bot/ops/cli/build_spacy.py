"""`python -m bot.ops.cli.build_spacy`: builds the spaCy pipeline that config.yml loads by path."""

from __future__ import annotations

from bot.config import load_settings
from bot.triage.nlp.pipeline import save_pipeline


def main() -> None:
    target = save_pipeline(load_settings().spacy_pipeline_dir)
    print(f"spaCy pipeline written to {target}")


if __name__ == "__main__":
    main()
