# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TESTSTAMP := $(VENV)/.installed-test

.PHONY: run test lint bench db clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TESTSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP)

run: $(STAMP)
	$(BIN)/parkdesk

test: $(TESTSTAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest
	$(MAKE) --no-print-directory lint

# Static checks: style, types, and the import contracts (layers; core and ingest Qt-free).
lint: $(TESTSTAMP)
	$(BIN)/ruff check parkdesk tests $(wildcard benchmarks)
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(TESTSTAMP)
	$(BIN)/python -m benchmarks

db: $(STAMP)
	$(BIN)/parkdesk import ../shared/articles -o data/parks.db

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
