# Press Reader: every target sets itself up from nothing (system libraries, .venv, the package).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BUNDLE_STAMP := $(VENV)/.installed-bundle
BUNDLE := dist/press-reader/press-reader
# What the bundle is made of: rebuilt when one of these changes.
BUNDLE_SOURCES := pyproject.toml $(shell find reader resources packaging -type f \
	-not -path '*/__pycache__/*' 2>/dev/null)

# The suite runs a second time with the system clock this far ahead: a test or a feature that
# depends on today's date fails the day it is written, not months later. faketime shifts the
# monotonic clock too, and a timed wait on a lock (Event.wait(5)) then sleeps against it for
# the whole shift: tests pace themselves with time.sleep, and `timeout` ends a run that hangs.
CLOCK_AHEAD ?= +365d

.PHONY: run test lint format bench clean setup translations wheel bundle bundle-check

setup: $(STAMP)

$(STAMP): pyproject.toml packaging/system-deps.sh
	bash packaging/system-deps.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# After editing a .ts: compiles every resources/translations/*.ts into the .qm beside it (both
# are committed, so that a plain `pip wheel .` carries the translations).
translations: $(STAMP)
	$(BIN)/python packaging/compile_translations.py

run: $(STAMP)
	$(BIN)/press-reader --demo

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)
	@echo "Again, with the system clock $(CLOCK_AHEAD) ahead:"
	QT_QPA_PLATFORM=offscreen timeout 1800 \
		faketime -f '$(CLOCK_AHEAD)' $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check reader tests benchmarks
	$(BIN)/ruff format --check reader tests benchmarks
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff check --fix reader tests benchmarks
	$(BIN)/ruff format reader tests benchmarks

bench: $(STAMP)
	$(BIN)/python benchmarks/refresh.py
	$(BIN)/python benchmarks/ui.py
	$(BIN)/python benchmarks/highlights.py
	$(BIN)/python benchmarks/export.py
	$(BIN)/python benchmarks/hostile.py

# The wheel, into dist/; built offline with the setuptools the test extra installs.
wheel: $(STAMP)
	rm -rf build/lib build/bdist.*
	$(BIN)/python -m pip wheel --quiet --no-deps --no-build-isolation --wheel-dir dist .

# A one-folder desktop bundle in dist/press-reader/ (PyInstaller; see packaging/README.md).
bundle: $(BUNDLE)

$(BUNDLE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bundle]'
	touch $(BUNDLE_STAMP)

$(BUNDLE): $(BUNDLE_STAMP) $(BUNDLE_SOURCES)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/press-reader.spec
	touch $(BUNDLE)

# Runs the bundle with a clean environment (no .venv), offscreen: --version, --self-check,
# a refresh and exports of the demo library.
bundle-check: $(BUNDLE)
	bash packaging/bundle-check.sh dist/press-reader

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
