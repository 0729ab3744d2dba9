# Archivist: `make run` opens the app, `make test` runs the whole suite. Both set up .venv first.
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench bundle clean venv

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Archivist needs Python 3.11 or newer (python3.11 not found)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	@sh scripts/qt-system-libs.sh $(BIN)/python
	@sh scripts/system-packages.sh
	$(BIN)/archivist-gui

test: $(STAMP)
	@sh scripts/system-packages.sh --test
	@sh scripts/qt-system-libs.sh $(BIN)/python || echo "the window's tests under Xvfb will skip"
	$(BIN)/ruff check desktop tests benchmarks
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

# dist/archivist/: a one-folder build that runs without Python (packaging/archivist.spec says what is in it)
bundle: $(STAMP)
	@$(BIN)/python -c 'import PyInstaller' 2>/dev/null || $(BIN)/python -m pip install --quiet -e '.[test,bundle]'
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/archivist.spec

clean:
	rm -rf $(VENV) build dist .pytest_cache
