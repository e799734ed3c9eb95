# The two commands: `make run` (install, migrate, seed, serve) and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell pyenv which python 2>/dev/null || command -v python3.13)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
SEED ?= 2026

.PHONY: run install test test-postgres browser lint check-deploy clean

run: install
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_postcodes --if-empty
	$(BIN)/python manage.py seed_demo --seed $(SEED)
	@echo "Serving on http://$(HOST):$(PORT)/ (staff admin at /admin/). Ctrl-C stops it."
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

install: $(VENV)/.installed static/dist/main.css

$(VENV)/.installed: requirements.lock .python-version
	@test -n "$(PYTHON)" || { echo "Python 3.13 not found: install it (pyenv install 3.13)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	mkdir -p var/static var/media
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p var/static var/media
	touch $@

static/dist/main.css: node_modules/.installed static/build.mjs $(wildcard static/scss/*.scss)
	npm run --silent build

test: install
	$(BIN)/pytest -q $(PYTEST_ARGS)

# The same suite on PostgreSQL (pytest-django creates and drops a fresh test database).
test-postgres: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/care_directory} $(BIN)/pytest -q $(PYTEST_ARGS)

# Real-Chromium checks (axe-core, W3C HTML checker) against a served demo site.
browser: install
	bash .ci/browser

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check-deploy: install
	DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=check-deploy-$$RANDOM$$RANDOM$$RANDOM-not-secret-xxxxxxxxxxxxxxxxxxxxxxx \
		ALLOWED_HOSTS=example.org BASE_URL=https://example.org REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/0} \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) node_modules static/dist var db.sqlite3
