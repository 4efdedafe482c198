# Everyday commands. `make run` and `make test` set everything up on a fresh clone.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-db bench install install-test lint format messages audit clean opensearch

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 est requis ($(PYTHON) introuvable)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"

## Run the portal with its demo content on http://$(HOST):$(PORT)/
run: install
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py demo_accounts
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

## Run the whole test suite (SQLite by default, PostgreSQL when DATABASE_URL says so); the search
## tests run again against OpenSearch (OPENSEARCH_URL, or a node started for the run). The suite
## runs on TEST_WORKERS processes (pytest-xdist; `auto`: one per core)
TEST_WORKERS ?= auto
export TEST_WORKERS
test: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run
	scripts/check-translations.sh
	$(MAKE) test-db
	scripts/browser-deps.sh
	OPENSEARCH_URL= $(BIN)/pytest tests/browser -p no:cacheprovider --override-ini="addopts=-ra"

## The tests whose outcome depends on the database: the main suite, then the search tests
## against OpenSearch (CI runs `make test` on SQLite, then this again on PostgreSQL)
test-db: install-test
	OPENSEARCH_URL= $(BIN)/pytest -n $(TEST_WORKERS)
	scripts/test-opensearch.sh

## Start a local OpenSearch node (for OPENSEARCH_URL); `scripts/opensearch.sh stop` stops it
opensearch:
	scripts/opensearch.sh start

## Benchmark at a national scale: bench/report.md (needs wrk; BENCH_ARGS=--small for a quick run;
## bench/README.md says how to produce each report)
bench: install
	$(BIN)/python -m bench $(BENCH_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## Update the French catalogue after adding or changing displayed strings
messages: install
	$(BIN)/python manage.py makemessages -l fr --ignore=.venv --ignore=node_modules --ignore=tests \
		--no-location --no-obsolete

## Report known vulnerabilities of the installed dependencies (needs the advisory service)
audit: install-test
	$(BIN)/pip-audit --vulnerability-service pypi --skip-editable --progress-spinner off

format: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles cache bench/bench.sqlite3 bench/.static bench/.cache bench/.runs
