# Two commands: `make build` builds the site, `make test` runs every check. `make serve` previews.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: build serve test check bench lint clean fuzz

build: $(VENV)/.site
	$(BIN)/mkdocs build --strict

serve: $(VENV)/.site
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# make bench BENCH_ARGS="--sizes 100,1000 --runs 3"; results in bench-results/results.json.
bench: $(VENV)/.site
	$(BIN)/python -m bench.run $(BENCH_ARGS)

check: $(VENV)/.site
	$(BIN)/cop check

test: $(VENV)/.test
	bash tests/ensure-chromium
	$(BIN)/ruff check coplimburg hooks tests bench
	$(BIN)/ruff format --check coplimburg hooks tests bench
	$(BIN)/mypy
	$(BIN)/pytest

# 10,000 mutated content files through the loader (`make test` runs 200); see tests/test_fuzz.py.
fuzz: $(VENV)/.test
	HYPOTHESIS_PROFILE=long $(BIN)/pytest -q -p no:cacheprovider tests/test_fuzz.py

lint: $(VENV)/.test
	$(BIN)/ruff check --fix coplimburg hooks tests bench
	$(BIN)/ruff format coplimburg hooks tests bench

$(VENV)/.site: requirements/site.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==25.3
	$(BIN)/pip install --quiet --require-virtualenv -r requirements/site.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.test: $(VENV)/.site requirements/test.txt
	$(BIN)/pip install --quiet --require-virtualenv -r requirements/test.txt
	touch $@

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache .hypothesis
