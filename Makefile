# The commands the README names. The virtual environment lives in .venv/.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: demo test lint format bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall whenever the pinned requirements change.
$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.txt
	touch $@

demo: export DEBUG ?= 1
demo: $(VENV)/.installed
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo --admin-url http://127.0.0.1:$(PORT)/admin/
	@echo "Serving the demo site on http://127.0.0.1:$(PORT)/ (Ctrl-C stops it)"
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: $(VENV)/.installed
	$(BIN)/pytest

lint: $(VENV)/.installed
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

format: $(VENV)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Needs PostgreSQL: a database of its own (created when missing), which it fills with
# 20,000 generated publications on the first run.
bench: export DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/redcell_bench
bench: $(VENV)/.installed
	$(BIN)/python benchmarks/search.py

clean:
	rm -rf $(VENV) staticfiles
