# The two commands a newcomer needs: `make demo` and `make test`. Both create .venv if missing.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check -q
DEMO_DB ?= demo.db

.PHONY: demo test test-sqlite test-postgresql bench lint wheel-check clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "claimtrack needs Python 3.11 or newer; run: make PYTHON=python3.11 ..."; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[test]'
	@touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/claimtrack --db $(DEMO_DB) import fixtures/seed.json
	$(BIN)/claimtrack --db $(DEMO_DB) report contested
	@echo
	@echo "claimtrack is installed in $(VENV)/. To use it in this shell (or any new one), run:"
	@echo "    . $(VENV)/bin/activate"
	@echo "then follow the tour in README.md (claimtrack --help lists every command)."

# SQLite always; PostgreSQL too when CLAIMTRACK_TEST_DATABASE_URL is set (then it must be reachable).
test: test-sqlite test-postgresql

# Tests run on as many workers as the machine has cores (pytest-xdist); the packaging tests
# share one worker so the wheel is built once.
PYTEST := $(BIN)/python -m pytest -q -n auto --dist loadgroup

test-sqlite: $(VENV)/.installed-test
	env -u CLAIMTRACK_TEST_DATABASE_URL $(PYTEST)

test-postgresql: $(VENV)/.installed-test
	@if [ -n "$$CLAIMTRACK_TEST_DATABASE_URL" ]; then \
	  echo "== PostgreSQL: the database tests again =="; \
	  $(PYTEST) -m db; \
	else echo "CLAIMTRACK_TEST_DATABASE_URL is not set: PostgreSQL tests not run."; fi

bench: $(VENV)/.installed-test
	$(BIN)/python -m bench $(BENCH)

lint: $(VENV)/.installed-test
	$(PIP) install -e '.[test,dev]'
	$(BIN)/ruff check claimtrack tests bench alembic
	$(BIN)/mypy

wheel-check: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q tests/packaging

clean:
	rm -rf $(VENV) build dist *.egg-info $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
