# Newsroom: the commands the README names.

VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Django 6.1 needs Python 3.12 or newer: take the newest one found.
PYTHON ?= $(shell for v in 3.14 3.13 3.12; do \
	  for p in "python$$v" "$$(command -v pyenv >/dev/null 2>&1 && PYENV_VERSION=$$(pyenv versions --bare 2>/dev/null | grep -E "^$$v(\.|$$)" | tail -1) pyenv which python 2>/dev/null)"; do \
	    [ -n "$$p" ] && "$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && { echo "$$p"; exit 0; }; \
	  done; \
	done)

# Tests run the production settings (debug off) over plain HTTP.
TEST_ENV := DJANGO_SECRET_KEY=test-only-secret-key-not-for-production-use-0123456789 DJANGO_HTTPS=0 DJANGO_DEBUG=0 DJANGO_SERVE_MEDIA=1

# The Nu HTML Checker for the validity tests: npm's vnu-jar, run with the machine's Java.
VNU_VERSION := 26.9.27
NODE_PREFIX := .cache/node
VNU_STAMP := $(NODE_PREFIX)/.vnu-$(VNU_VERSION)

.PHONY: run test e2e lint format install chromium vnu bench clean

$(BIN)/python:
	@if [ -z "$(PYTHON)" ]; then \
	  echo "Newsroom needs Python 3.12 or newer (Django 6.1). Install it, or run: make PYTHON=/path/to/python3.12 run"; \
	  exit 1; \
	fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --editable . --group dev
	@touch $(STAMP)

install: $(STAMP)

run: export DJANGO_DEBUG = 1
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	@echo "Newsroom runs at http://127.0.0.1:8000/ (admin: http://127.0.0.1:8000/admin/)"
	@echo "A task worker runs beside it; Ctrl-C stops both."
	@$(BIN)/python manage.py worker -- --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:8000

chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then \
	    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "The browser tests need Debian's chromium at /usr/bin/chromium: run 'sudo apt-get install chromium' and try again."; \
	    exit 1; \
	  fi; \
	fi

$(VNU_STAMP):
	@command -v java >/dev/null || { echo "The HTML validity tests need Java 17 or newer: run 'sudo apt-get install openjdk-17-jre-headless' and try again."; exit 1; }
	@command -v npm >/dev/null || { echo "The HTML validity tests install vnu-jar with npm: run 'sudo apt-get install npm' and try again."; exit 1; }
	npm install --prefix $(NODE_PREFIX) --no-save --ignore-scripts --no-audit --no-fund --loglevel=error vnu-jar@$(VNU_VERSION)
	@touch $(VNU_STAMP)

vnu: $(VNU_STAMP)

test: install chromium vnu
	$(TEST_ENV) $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) .cache db.sqlite3 media staticfiles test-artifacts

# HTTP cache ---------------------------------------------------------------------------------
# Debian's Varnish with the xkey vmod (varnish-modules), in front of the site on 127.0.0.1:8000
# (`make run`, or gunicorn bound there): http://127.0.0.1:$(VARNISH_PORT)/. Purges reach it
# when the site runs with NEWSROOM_PURGE_URL=http://127.0.0.1:$(VARNISH_PORT).
VARNISH_PORT ?= 6081
VARNISH_DIR ?= $(or $(TMPDIR),/tmp)/newsroom-varnish
VARNISH_VCL := $(CURDIR)/deploy/varnish/default.vcl

.PHONY: varnish varnish-install

varnish: varnish-install
	@echo "Varnish serves http://127.0.0.1:$(VARNISH_PORT)/ from http://127.0.0.1:8000/ (Ctrl-C stops it)"
	varnishd -F -n $(VARNISH_DIR) -a 127.0.0.1:$(VARNISH_PORT) -f $(VARNISH_VCL) -s malloc,256m

# The tests run a real varnishd (tests/edge): install it as `chromium` is installed.
varnish-install:
	@if ! command -v varnishd >/dev/null || ! varnishd -C -n $(VARNISH_DIR) -f $(VARNISH_VCL) >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's varnish and varnish-modules for the HTTP cache tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish varnish-modules >/dev/null; \
	  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then \
	    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish varnish-modules >/dev/null; \
	  else \
	    echo "The HTTP cache tests need Varnish with its xkey module: run 'sudo apt-get install varnish varnish-modules' and try again."; \
	    exit 1; \
	  fi; \
	fi

test: varnish-install

# Side by side with the WordPress peer, in one run (bench/README.md): the peer's folder in
# NEWSROOM_WP_PEER (without it Newsroom is measured alone); options in BENCH_ARGS.
.PHONY: bench-peer

bench-peer: install varnish-install
	$(BIN)/python -m bench.peer $(BENCH_ARGS)
