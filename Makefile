# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TESTSTAMP := $(VENV)/.installed-test

.PHONY: run test lint bench bench-exports db dist clean translations

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TESTSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP)

# The compiled translations the app loads (also made by the package build: setup.py).
QM := $(patsubst translations/%.ts,resources/translations/%.qm,$(wildcard translations/*.ts))
resources/translations/%.qm: translations/%.ts | $(STAMP)
	$(BIN)/python packaging/translations.py release

run: $(STAMP) $(QM)
	$(BIN)/parkdesk

test: $(TESTSTAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest
	$(MAKE) --no-print-directory lint

# Static checks: style, types, and the import contracts (layers; core and ingest Qt-free).
lint: $(TESTSTAMP)
	$(BIN)/ruff check parkdesk tests $(wildcard benchmarks)
	$(BIN)/mypy
	$(BIN)/lint-imports

# Benchmarks (not tests): `make bench`, or `make bench SIZE=1M` (the synthetic file is cached in
# the user cache folder; at 1M it takes minutes to make the first time). Run it niced.
SIZE ?= 100k
bench: $(TESTSTAMP)
	nice -n 10 $(BIN)/python -m benchmarks --size $(SIZE) $(BENCHFLAGS)

# After adding or changing UI strings: re-read them into translations/*.ts (new ones come in
# unfinished, for a translator; vanished ones go) and compile the .qm files the app loads.
translations: $(STAMP)
	$(BIN)/python packaging/translations.py update release
# Exports against their sqlite3 floor (issue 13): 100k here; 1M with --enterprises 1000000.
bench-exports: $(TESTSTAMP)
	nice -n 10 $(BIN)/python -m benchmarks.exports

db: $(STAMP)
	$(BIN)/parkdesk import ../shared/articles -o data/parks.db

# A one-folder app for machines without Python (dist/parkdesk/parkdesk), built with PyInstaller
# from a non-editable install in a venv of its own (build/dist-venv). Not part of `make test`.
DISTVENV := build/dist-venv
dist:
	rm -rf $(DISTVENV) build/pyinstaller dist/parkdesk
	$(PYTHON) -m venv $(DISTVENV)
	$(DISTVENV)/bin/python -m pip install --quiet --upgrade pip
	$(DISTVENV)/bin/python -m pip install --quiet 'pyinstaller>=6.6' .
	$(DISTVENV)/bin/pyinstaller --noconfirm --log-level WARN --name parkdesk --onedir \
	  --collect-data parkdesk --collect-submodules parkdesk.commands --exclude-module tkinter \
	  --distpath dist --workpath build/pyinstaller --specpath build packaging/bundle_entry.py
	dist/parkdesk/parkdesk --version
	du -sh dist/parkdesk

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
