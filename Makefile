# The two commands of the README:
#   make demo   installs sitrep into .venv and runs `sitrep demo`
#   make test   installs sitrep with its test tools, starts a throwaway PostgreSQL, runs the tests
# Python 3.12 comes from pyenv through .python-version (spaCy is ~1.5x faster than on 3.11).

PYTHON ?= python3.12
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test lint install install-dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-dev: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'

demo: install
	$(BIN)/sitrep demo

lint: install-dev
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src tests scripts benchmarks

test: install-dev lint
	scripts/browser-for-tests.sh
	eval "$$(scripts/postgres-for-tests.sh start)" && \
	  $(BIN)/pytest -q; status=$$?; scripts/postgres-for-tests.sh stop; exit $$status

clean:
	rm -rf $(VENV) sitrep-demo.db*
