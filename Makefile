# Two commands: `make build` builds the site, `make test` runs every check. `make serve` previews.
PYTHON ?= python3
VENV := .venv
# ProperDocs, the MkDocs 1.x continuation we can move to: tests build the sample site with it too.
ENGINE_VENV := .venv-properdocs
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: build serve cms test check bench lighthouse lint clean golden fuzz

# The browser editor at /admin/ (Decap CMS, and decap-server for `make cms`) from package-lock.json: the production
# packages only, no install scripts. The stamp keeps make from installing again until the lockfile changes.
NODE := node_modules/.cop-installed

# Our modules' bytecode, written ahead: where PYTHONDONTWRITEBYTECODE is set (as on our VMs) every build
# would otherwise compile them again, 0.3 s. compileall only compiles what changed.
BYTECODE = $(BIN)/python -m compileall -q coplimburg hooks bench > /dev/null

build: $(VENV)/.site $(NODE)
	$(BYTECODE)
	$(BIN)/mkdocs build --strict

# The preview also shows items scheduled for later (marked "nog niet gepubliceerd"); builds never do.
serve: $(VENV)/.site $(NODE)
	$(BYTECODE)
	COP_PREVIEW_SCHEDULED=1 $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# The browser editor on this computer (docs-redactie/in-de-browser.md): the preview on 127.0.0.1:8000 serves /admin/,
# decap-server commits every save of it in git (content/ and docs/ only). Refuses to start while content/ or docs/
# holds uncommitted changes. Ctrl-C stops both.
cms: $(VENV)/.site $(NODE)
	$(BYTECODE)
	$(BIN)/cop cms --start

# make bench BENCH_ARGS="--sizes 100,1000 --runs 3"; results in bench-results/results.json.
bench: $(VENV)/.site
	$(BYTECODE)
	$(BIN)/python -m bench.run $(BENCH_ARGS)

# Lighthouse (package.json) on every page type of site/, served with gzip; results in lighthouse-results/.
lighthouse: build
	test -x node_modules/.bin/lighthouse || (npm ci && touch $(NODE))
	$(BIN)/python -m bench.lighthouse $(LIGHTHOUSE_ARGS)

check: $(VENV)/.site
	$(BIN)/cop check

test: $(VENV)/.test $(ENGINE_VENV)/.site $(NODE)
	bash tests/ensure-chromium
	$(BYTECODE)
	$(BIN)/ruff check coplimburg hooks tests bench
	$(BIN)/ruff format --check coplimburg hooks tests bench
	$(BIN)/mypy
	$(BIN)/pytest

# Rewrite tests/golden/ (calendars, feeds, one e-mail edition, a page of every template and the editor's config of the
# sample site) from the current build; review the diff.
golden: $(VENV)/.test
	COP_UPDATE_GOLDEN=1 $(BIN)/pytest -q tests/test_golden.py

# 10,000 mutated content files through the loader (`make test` runs 200); see tests/test_fuzz.py.
fuzz: $(VENV)/.test
	HYPOTHESIS_PROFILE=long $(BIN)/pytest -q -p no:cacheprovider tests/test_fuzz.py

lint: $(VENV)/.test
	$(BIN)/ruff check --fix coplimburg hooks tests bench
	$(BIN)/ruff format coplimburg hooks tests bench

$(VENV)/.site: requirements/site.txt pyproject.toml
	bash requirements/ensure-debian
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==25.3
	$(BIN)/pip install --quiet --require-virtualenv -r requirements/site.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(NODE): package-lock.json
	bash requirements/ensure-debian
	npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

$(VENV)/.test: $(VENV)/.site requirements/test.txt
	$(BIN)/pip install --quiet --require-virtualenv -r requirements/test.txt
	touch $@

# The same pins with ProperDocs in place of MkDocs: ProperDocs answers `import mkdocs`, so Material,
# mkdocs-macros and our hooks run on it unchanged.
$(ENGINE_VENV)/.site: requirements/site.txt requirements/properdocs.txt pyproject.toml
	test -x $(ENGINE_VENV)/bin/python || $(PYTHON) -m venv $(ENGINE_VENV)
	$(ENGINE_VENV)/bin/python -m pip install --quiet --upgrade pip==25.3
	grep -v -e '^mkdocs==' -e '^mkdocs-get-deps==' requirements/site.txt > $(ENGINE_VENV)/site-without-mkdocs.txt
	$(ENGINE_VENV)/bin/pip install --quiet --require-virtualenv --no-deps \
		-r requirements/properdocs.txt -r $(ENGINE_VENV)/site-without-mkdocs.txt
	$(ENGINE_VENV)/bin/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

clean:
	rm -rf site .site.staging .site.previous .site.build-lock .pytest_cache .mypy_cache .ruff_cache .hypothesis
