# recoupe — the two commands: `make demo` (set up + run on examples/) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The browser tests (tests/web/test_browser.py) drive Debian's Chromium: installed only where it is missing.
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test lint bench clean

demo: $(STAMP)
	$(BIN)/recoupe brief examples/

test: $(STAMP) $(CHROMIUM)
	$(BIN)/ruff check recoupe tests bench
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check recoupe tests bench

bench: $(STAMP)
	$(BIN)/python bench/extraction.py

# The venv is rebuilt whenever the dependency list changes.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

$(CHROMIUM):
	$(SUDO) apt-get update
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
