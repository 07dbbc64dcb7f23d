# The two commands a person needs: `make run` and `make test`. Everything else is a step of those.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
INSTALLED := $(VENV)/.installed
SPACY_PIPELINE := build/spacy/hcmc/meta.json
MODEL := models/hcmc.tar.gz

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

TRAINING_INPUTS := config.yml $(wildcard domain/*.yml) $(wildcard data/*/*.yml) $(wildcard data/nlu/*/*.yml) \
	$(SPACY_PIPELINE)
PATTERNS := $(wildcard bot/nlp/patterns/*.jsonl) bot/nlp/pipeline.py

.PHONY: run chat test lint types unit validate train test-stories e2e review chromium bench \
	bench-review nlu-eval install spacy clean

run: $(MODEL)
	$(PY) -m bot.cli.run

chat: $(MODEL)
	$(PY) -m bot.cli.chat

install: $(INSTALLED)

$(INSTALLED): pyproject.toml requirements/constraints.txt
	@test -x $(PY) || "$$(scripts/find-python310.sh)" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip<25"
	$(PY) -m pip install --quiet -c requirements/constraints.txt -e ".[dev]"
	@touch $@

spacy: $(SPACY_PIPELINE)

$(SPACY_PIPELINE): $(INSTALLED) $(PATTERNS)
	$(PY) -m bot.cli.build_spacy

train: $(MODEL)

# Trains only when the training data, domain, config or spaCy pipeline changed.
$(MODEL): $(INSTALLED) $(TRAINING_INPUTS)
	$(RASA) train --domain domain --data data --config config.yml --out models \
		--fixed-model-name hcmc --quiet 2>&1 | grep -v "it/s\]" | tail -n 5
	@test -f $@

test: lint types unit validate train test-stories e2e review

lint: $(INSTALLED)
	$(VENV)/bin/ruff check bot actions tests bench
	$(VENV)/bin/ruff format --check bot actions tests bench

types: $(INSTALLED)
	$(VENV)/bin/mypy

unit: $(INSTALLED) $(SPACY_PIPELINE)
	$(PY) -m pytest tests/unit -q

validate: $(INSTALLED)
	$(PY) -m bot.cli.validate_data

test-stories: $(MODEL)
	$(RASA) test core --model $(MODEL) --stories tests/stories --out var/results/core \
		--fail-on-prediction-errors 2>&1 | grep -v "it/s\]" | tail -n 15

e2e: $(MODEL)
	$(PY) -m pytest tests/e2e tests/telegram -q

bench: $(MODEL)
	$(PY) -m bench.run

# The review app's inbox over 10,000 synthetic conversations (bench/results/review-inbox.md).
bench-review: $(INSTALLED)
	$(PY) -m bench.review_inbox

# The staff review app: unit and HTTP tests against a tracker store filled by the real assistant
# (ports 5505/5555), PostgreSQL when reachable, and the browser test in Debian's chromium.
review: $(MODEL) chromium
	$(PY) -m pytest -p tests.review.fixtures tests/review tests/browser/test_review_app.py -q -rs

# Debian's chromium for the browser tests (never a downloaded browser); skipped with a reason
# by the tests when it cannot be installed (not root, no apt-get).
chromium:
	@test -x /usr/bin/chromium || { if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else echo "chromium not installed and cannot install it: browser tests will be skipped"; fi; }

# NLU cross-validation per language (a few minutes; not part of `make test`).
nlu-eval: $(INSTALLED) $(SPACY_PIPELINE)
	$(PY) -m bot.cli.nlu_eval --multilingual

clean:
	rm -rf build models var .pytest_cache .mypy_cache .ruff_cache
