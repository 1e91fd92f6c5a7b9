# tdkt — `make run` serves the demo province; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PG_URL ?= postgres://postgres@127.0.0.1:5432/tdkt
PYTEST_ARGS ?= -n 2

.PHONY: install run serve test test-postgres lint format bench bench-documents bench-eligibility bench-certificates messages system-deps

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e ".[dev]"
	touch $@

install: $(VENV)/.installed

system-deps:
	scripts/system-deps

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo --if-empty
	$(MAKE) serve

serve:
	@trap 'kill 0' INT TERM EXIT; \
	$(PY) manage.py reminders --schedule; \
	$(PY) manage.py db_worker --queue-name default & \
	$(PY) manage.py runserver 127.0.0.1:8000

test: install system-deps
	$(VENV)/bin/pytest $(PYTEST_ARGS)

test-postgres: install system-deps
	scripts/ensure-postgres
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(VENV)/bin/pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: install
	cd tdkt && ../$(PY) ../manage.py makemessages -l vi --no-obsolete
	$(PY) manage.py compilemessages

bench: install system-deps
	scripts/ensure-postgres
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(PY) bench/run.py

bench-documents: install system-deps
	$(PY) bench/documents_bench.py

bench-certificates: install system-deps
	$(PY) bench/certificates_bench.py

bench-eligibility: install system-deps
	scripts/ensure-postgres
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(PY) bench/eligibility_bench.py
