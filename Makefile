# The two commands a newcomer needs: `make serve` (preview the site) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)/hooks

.DEFAULT_GOAL := help
.PHONY: help build serve test validate clean

help: ## List the commands
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(VENV)/.site-installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test-installed: $(VENV)/.site-installed requirements-test.txt
	$(PY) -m pip install --quiet -r requirements-test.txt
	touch $@

# The browser tests drive Debian's Chromium; install it when it is missing.
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	else sudo apt-get update -qq && sudo apt-get install -y -qq chromium; fi

validate: $(VENV)/.site-installed ## Check every data file; list every problem at once
	@$(PY) -m csn validate

build: $(VENV)/.site-installed ## Strict build of the site into site/
	$(VENV)/bin/mkdocs build --strict

serve: $(VENV)/.site-installed ## Live preview on http://127.0.0.1:8000/
	$(VENV)/bin/mkdocs serve --strict --dev-addr $(HOST):$(PORT)

test: $(VENV)/.test-installed $(CHROMIUM) ## Install what the tests need (browser included), then run every test
	$(PY) -m pytest

clean: ## Remove the built site and the virtualenv
	rm -rf site $(VENV)
