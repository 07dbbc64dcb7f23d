# The two commands a person needs: `make run` and `make test`. Everything else is a step of those.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
# The runtime install (`pip install -e .`, no extras) is all that the model and the servers need;
# the dev tools (the `dev` extra: pytest, ruff, mypy, playwright) come on top for the test targets.
INSTALLED := $(VENV)/.installed
DEV_INSTALLED := $(VENV)/.installed-dev
SPACY_PIPELINE := build/spacy/hcmc/meta.json
MODEL := models/hcmc.tar.gz
WIDGET := build/web/widget/hcmc-widget.js
WIDGET_SOURCES := $(wildcard web/widget/src/*) web/widget/build.mjs web/widget/package.json \
	web/widget/package-lock.json

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# Playwright drives Debian's chromium; it must never fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

TRAINING_INPUTS := config.yml $(wildcard domain/*.yml) $(wildcard data/*/*.yml) $(wildcard data/nlu/*/*.yml) \
	$(wildcard bot/rasa_plugins/nlu/*.py) $(SPACY_PIPELINE)
PATTERNS := $(wildcard bot/triage/nlp/patterns/*.jsonl) bot/triage/nlp/pipeline.py

.PHONY: run chat cluster test lint types unit validate train test-stories e2e browser review scale \
	chromium haproxy widget bench bench-review deploy-check nlu-eval triage-eval conversation-eval install \
	install-dev spacy clean

run: $(MODEL) $(WIDGET)
	$(PY) -m bot.ops.cli.run

chat: $(MODEL)
	$(PY) -m bot.ops.cli.chat

# Several Rasa replicas and action servers behind HAProxy; needs HCMC_DATABASE_URL (PostgreSQL)
# and HCMC_LOCK_STORE_URL (Redis). See README, "Running several replicas".
REPLICAS ?= 2
ACTION_SERVERS ?= 2
cluster: $(MODEL) haproxy
	$(PY) -m bot.ops.cli.cluster --replicas $(REPLICAS) --action-servers $(ACTION_SERVERS)

install: $(INSTALLED)

install-dev: $(DEV_INSTALLED)

# The website widget: the socket.io client from the npm registry (package-lock.json) and the
# widget's own script, stylesheet and texts, built into build/web/widget/.
widget: $(WIDGET)

$(WIDGET): $(WIDGET_SOURCES)
	@command -v npm >/dev/null || { echo "npm not found: the widget needs Node.js 18 or newer \
	(e.g. apt-get install -y nodejs npm)"; exit 1; }
	cd web/widget && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build

# Debian's chromium for the browser tests (root: apt-get); otherwise the tests say why they skip.
chromium:
	@scripts/ensure-chromium.sh

$(INSTALLED): pyproject.toml requirements/constraints.txt
	@test -x $(PY) || "$$(scripts/find-python310.sh)" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip<25"
	$(PY) -m pip install --quiet -c requirements/constraints.txt -e .
	@touch $@

$(DEV_INSTALLED): $(INSTALLED)
	$(PY) -m pip install --quiet -c requirements/constraints.txt -e ".[dev]"
	@touch $@

spacy: $(SPACY_PIPELINE)

$(SPACY_PIPELINE): $(INSTALLED) $(PATTERNS)
	$(PY) -m bot.ops.cli.build_spacy

train: $(MODEL)

# Trains only when the training data, domain, config or spaCy pipeline changed.
$(MODEL): $(INSTALLED) $(TRAINING_INPUTS)
	$(RASA) train --domain domain --data data --config config.yml --out models \
		--fixed-model-name hcmc --quiet 2>&1 | grep -v "it/s\]" | tail -n 5
	@test -f $@

# The fast tests need no model: they run while the model trains, each on one of the two cores
# (--output-sync keeps each one's output together).
test: lint types validate
	$(MAKE) --no-print-directory -j2 --output-sync=target unit train
	$(MAKE) --no-print-directory test-stories e2e browser review scale

lint: $(DEV_INSTALLED)
	$(VENV)/bin/ruff check bot actions tests bench
	$(VENV)/bin/ruff format --check bot actions tests bench

types: $(DEV_INSTALLED)
	$(VENV)/bin/mypy

# Every fast test, wherever it lives: no trained model, no browser (markers in pyproject.toml).
unit: $(DEV_INSTALLED) $(SPACY_PIPELINE)
	$(PY) -m pytest -q -m "not e2e and not browser"

validate: $(INSTALLED)
	$(PY) -m bot.ops.cli.validate_data

test-stories: $(MODEL)
	$(RASA) test core --model $(MODEL) --stories tests/stories --out var/results/core \
		--fail-on-prediction-errors 2>&1 | grep -v "it/s\]" | tail -n 15

e2e: $(DEV_INSTALLED) $(MODEL)
	$(PY) -m pytest tests/assistant tests/apps/web tests/apps/telegram -q -m "e2e and not browser"

# The widget in headless Chromium against the real servers (tests/apps/web, screenshots in
# var/results/screenshots/).
browser: $(DEV_INSTALLED) $(MODEL) $(WIDGET) chromium
	$(PY) -m pytest tests/apps/web -q -p no:cacheprovider -m browser

# The review app's inbox over 10,000 synthetic conversations (bench/results/review-inbox.md).
bench-review: $(INSTALLED)
	$(PY) -m bench.review_inbox

# The staff review app: unit and HTTP tests against a tracker store filled by the real assistant
# (ports 5505/5555), PostgreSQL when reachable, and the browser test in Debian's chromium.
review: $(DEV_INSTALLED) $(MODEL) $(WIDGET) chromium
	$(PY) -m pytest tests/apps/review -q -rs -m "e2e or browser"

# Two replicas, alternating and concurrent turns, a replica killed; skipped (with the reason)
# when PostgreSQL or Redis is not reachable on 127.0.0.1.
scale: $(DEV_INSTALLED) $(MODEL) haproxy
	$(PY) -m pytest tests/ops/cluster -q -rs -m e2e

bench: $(MODEL) haproxy
	$(PY) -m bench.run

# HAProxy from the distribution, when missing and we may install it; otherwise the scale test
# and the benchmark's replica part say why they are skipped.
haproxy:
	@scripts/ensure-haproxy.sh

# Checks the deployment files that can be checked without pulling images.
deploy-check: $(DEV_INSTALLED) haproxy
	$(PY) -m pytest tests/ops/test_deploy.py -q

# NLU cross-validation per language, the held-out intents and FAQ questions, then the
# interview's length: patients who answer only what is asked, played through REST (median
# messages to the booking link). Several minutes; not part of `make test`.
nlu-eval: $(INSTALLED) $(SPACY_PIPELINE) $(MODEL)
	$(PY) -m bot.ops.cli.nlu_eval --multilingual --model $(MODEL)
	$(PY) -m bot.ops.cli.conversation_eval --scripts tests/conversations/one_answer_patients.yml \
		--out var/results/interview-length.json

# The red-flag detector on held-out vignettes (tests/triage/): exact tier, under- and
# over-triage per language (var/results/triage-eval.json). Deterministic, a few seconds.
triage-eval: $(INSTALLED)
	$(PY) -m bot.ops.cli.triage_eval $(ARGS)

# Realistic patients (tests/conversations/patient_scripts.yml) played through the REST channel by
# a simulated patient: right end, false alarms, under-triage, summary fields, messages to booking
# (var/results/conversation-eval.json). Starts its own servers; a few minutes.
conversation-eval: $(MODEL)
	$(PY) -m bot.ops.cli.conversation_eval $(ARGS)

clean:
	rm -rf build models var .pytest_cache .mypy_cache .ruff_cache web/widget/node_modules
