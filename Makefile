# The steps of .ci/run, one at a time. Uses the active virtual environment, else ./.venv
# (`make install` creates it).
#   make install      the locked versions (requirements-dev.lock), then README's `pip install -e ".[dev]"`
#   make lint         ruff check, format check, import rules
#   make type         mypy                make test           the whole suite
#   make test-fast    without the tests marked slow
#   make ci           bash .ci/run: all of it in a fresh venv (.ci-venv), as CI does
#   make demo         python -m bot demo
#   make wheel-check  build the wheel, install it in a throwaway venv, run the demo from it
#   make lock         rewrite requirements-dev.lock after a change to pyproject.toml's
#                     dependencies (keeps the other pins; LOCK_ARGS=--upgrade for newer ones,
#                     LOCK_ARGS="--upgrade-package NAME" for one)

VENV ?= .venv
ifdef VIRTUAL_ENV
PY ?= python
else
PY ?= $(VENV)/bin/python
endif
LOCK_ARGS ?=

.PHONY: install lint format-check type test test-fast ci demo lock wheel-check

install:
	@test -n "$$VIRTUAL_ENV" || test -x $(VENV)/bin/python || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --require-hashes -r requirements-dev.lock
	$(PY) -m pip install -e ".[dev]"

lint:
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -c 'import sys; from importlinter.cli import lint_imports_command as c; sys.exit(c())'

format-check:
	$(PY) -m ruff format --check .

type:
	$(PY) -m mypy

test:
	$(PY) -m pytest

test-fast:
	$(PY) -m pytest -m "not slow"

ci:
	bash .ci/run

demo:
	$(PY) -m bot demo

wheel-check:
	CI_PYTHON=$(PY) bash .ci/run wheel-check

# pip-compile's options: hashes for --require-hashes; no index or find-links lines (they
# would name this machine's own package folders); --allow-unsafe pins pip/setuptools too
# should anything come to need them; extras stripped (pip's constraint files refuse them).
lock:
	$(PY) -m pip install --quiet "pip-tools>=7.4"
	CUSTOM_COMPILE_COMMAND="make lock" $(PY) -m piptools compile --quiet --extra dev \
	    --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	    --no-emit-find-links $(LOCK_ARGS) --output-file requirements-dev.lock pyproject.toml
