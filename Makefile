# The commands the README names. The virtual environment lives in .venv/.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: demo test lint format bench bench-import clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall whenever the pinned requirements change.
$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.txt
	touch $@

demo: export DEBUG ?= 1
demo: export SITE_URL ?= http://127.0.0.1:$(PORT)
demo: $(VENV)/.installed
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo --admin-url http://127.0.0.1:$(PORT)/admin/
	@echo "Serving the demo site on http://127.0.0.1:$(PORT)/ (Ctrl-C stops it)"
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# axe-core and the Nu HTML checker for the browser and HTML tests. Without npm (or Chromium,
# or Java) those tests are skipped with the reason; in CI they must run.
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund; \
	else echo "npm not found: the browser and HTML tests will be skipped"; fi

test: $(VENV)/.installed node_modules/.package-lock.json
	$(BIN)/pytest

lint: $(VENV)/.installed
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/lint-imports

format: $(VENV)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Needs PostgreSQL: a database of its own (created when missing), which it fills with
# 20,000 generated publications on the first run; wrk, the HTTP load tool, and Varnish (with
# varnish-modules, for the VCL's xkey), installed here when missing if we are root on Debian or
# Ubuntu. Search timings first, then the load benchmark, which checks them against their target
# too. Results go to benchmarks/results/.
bench: export DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/redcell_bench
bench: $(VENV)/.installed
	@missing=""; \
	command -v wrk >/dev/null 2>&1 || missing="$$missing wrk"; \
	{ command -v varnishd >/dev/null 2>&1 || [ -x /usr/sbin/varnishd ]; } || missing="$$missing varnish varnish-modules"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "make bench needs$$missing: apt-get install$$missing (Debian, Ubuntu)"; exit 1; \
	  fi; \
	fi
	@mkdir -p benchmarks/results
	$(BIN)/python benchmarks/search.py --json benchmarks/results/search-latest.json
	$(BIN)/python benchmarks/load.py --search-json benchmarks/results/search-latest.json

# Needs PostgreSQL: a database of its own, dropped and made again each time. Imports a generated
# 10,000-post WordPress export, then imports it again; prints the time and peak memory of each.
bench-import: export DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/redcell_wpbench
bench-import: $(VENV)/.installed
	@mkdir -p benchmarks/results
	$(BIN)/python benchmarks/wordpress.py --fresh

clean:
	rm -rf $(VENV) staticfiles
