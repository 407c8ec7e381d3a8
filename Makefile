# Veerkracht — the two commands a newcomer needs are `make run` and `make test`.
# Everything else (install, lint, bench, messages) is a building block of those two.

PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
RUNTIME_STAMP := $(VENV)/.runtime-installed
DEV_STAMP := $(VENV)/.dev-installed
# Development defaults for `make run`; production reads the real environment (see README).
RUN_ENV := DJANGO_DEBUG=$${DJANGO_DEBUG:-1}
MANAGE := $(RUN_ENV) $(BIN)/python manage.py
PYTEST_ARGS ?=

.PHONY: run test install lint format bench messages makemessages debian-runtime-packages debian-test-packages vendor css test-postgres clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUNTIME_STAMP): requirements.txt | $(VENV)/bin/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(RUNTIME_STAMP) $@

## install: create .venv with runtime and development dependencies
install: $(DEV_STAMP) messages

# WeasyPrint (PDF of a spider web) needs Pango from Debian.
debian-runtime-packages:
	@scripts/ensure-debian-packages.sh libpango-1.0-0: libpangoft2-1.0-0: fonts-dejavu-core:

## messages: compile translations (locale/*.po -> .mo)
messages: $(RUNTIME_STAMP)
	@scripts/ensure-debian-packages.sh gettext:msgfmt
	@$(MANAGE) compilemessages --ignore '.venv/*' --ignore 'frontend/*' -v 0

## makemessages: refresh locale/en/LC_MESSAGES/django.po from the code
makemessages: $(RUNTIME_STAMP)
	$(MANAGE) makemessages -l en --no-wrap --no-obsolete --ignore '.venv/*' --ignore 'frontend/*' --ignore 'e2e/*' --ignore 'bench/*'

## run: install, prepare the SQLite database with Limburg demo data, serve on PORT (default 8000)
## together with a job worker (e-mail, scheduled jobs); Ctrl-C stops both
run: $(RUNTIME_STAMP) messages debian-runtime-packages
	@$(MANAGE) migrate --noinput -v 0
	@$(MANAGE) setup_demo --port $(PORT)
	@$(MANAGE) serve 127.0.0.1:$(PORT)

debian-test-packages:
	@scripts/ensure-debian-packages.sh chromium:chromium fonts-dejavu-core: postgresql-client:pg_dump nginx:nginx

## lint: ruff format check + ruff lint
lint: $(DEV_STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

format: $(DEV_STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## test: install, lint, and run the whole suite (unit, view, browser + accessibility)
# Tests close database connections after each request (no CONN_MAX_AGE): a connection a live-server
# thread keeps open would stop pytest-django from dropping its PostgreSQL test database at the end.
test: $(DEV_STAMP) messages debian-runtime-packages debian-test-packages lint
	DATABASE_CONN_MAX_AGE=0 $(BIN)/pytest $(PYTEST_ARGS)

## test-postgres: the suite against PostgreSQL (DATABASE_URL must point at a server)
test-postgres: $(DEV_STAMP) messages debian-runtime-packages debian-test-packages
	DATABASE_CONN_MAX_AGE=0 $(BIN)/pytest $(PYTEST_ARGS)

## bench: benchmarks (BENCH=<app> for one app); writes bench/results.json
bench: $(DEV_STAMP) messages debian-runtime-packages debian-test-packages
	$(BIN)/python -m bench $(if $(BENCH),--only $(BENCH),)

## vendor: refresh the vendored NL Design System CSS, htmx and axe-core (needs Node/npm)
vendor: $(RUNTIME_STAMP)
	scripts/vendor-frontend.sh

## css: keep only the NL Design System CSS the templates and code use (Python only; part of `make vendor`)
css: $(RUNTIME_STAMP)
	$(BIN)/python scripts/purge_css.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
