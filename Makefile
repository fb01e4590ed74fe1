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

# Compiles resources/translations/*.ts to .qm beside them, once that script exists.
TRANSLATE = if [ -f packaging/compile_translations.py ]; then \
	$(BIN)/python packaging/compile_translations.py; fi

.PHONY: run test lint format bench clean setup translations wheel bundle bundle-check

setup: $(STAMP)

$(STAMP): pyproject.toml packaging/system-deps.sh
	bash packaging/system-deps.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(TRANSLATE)
	touch $(STAMP)

translations: $(STAMP)
	$(TRANSLATE)

run: translations
	$(BIN)/press-reader --demo

test: lint translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

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

# The wheel, into dist/; built offline with the setuptools the test extra installs.
wheel: translations
	rm -rf build/lib build/bdist.*
	$(BIN)/python -m pip wheel --quiet --no-deps --no-build-isolation --wheel-dir dist .

# A one-folder desktop bundle in dist/press-reader/ (PyInstaller; see packaging/README.md).
bundle: $(BUNDLE)

$(BUNDLE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bundle]'
	touch $(BUNDLE_STAMP)

$(BUNDLE): $(BUNDLE_STAMP) $(BUNDLE_SOURCES)
	$(TRANSLATE)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/press-reader.spec
	touch $(BUNDLE)

# Runs the bundle with a clean environment (no .venv), offscreen: --version, --self-check,
# a refresh and exports of the demo library.
bundle-check: $(BUNDLE)
	bash packaging/bundle-check.sh dist/press-reader

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
