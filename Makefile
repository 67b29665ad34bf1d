# The two commands of the set-up contract: `make report` and `make test`.
# Each creates .venv when missing and installs what it needs, once.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
STAMP := $(VENV)/.newsbrief-installed
SYSTEM_STAMP := $(VENV)/.newsbrief-system
ARTICLE ?= data/articles/japan-sdf-nato-ukraine.txt
OUT ?= reports

.PHONY: help install system report test eval train lint format lab lab-check bench regen-fixtures clean

help:
	@echo "make report [ARTICLE=path]  build the HTML and PDF briefing into reports/"
	@echo "make test                   run ruff, import-linter, mypy, pytest and nbval"
	@echo "make lab                    open JupyterLab on notebooks/"
	@echo "make lab-check              use the notebooks' widgets in headless Chromium (screenshots)"
	@echo "make eval                   leave-one-article-out evaluation and annotator agreement"
	@echo "make bench                  run the benchmark (benchmarks/results.json)"

install: $(STAMP) $(SYSTEM_STAMP)

# Debian tools the briefing needs: Chromium prints the PDF, poppler checks it.
$(SYSTEM_STAMP):
	@if ! command -v chromium >/dev/null || ! command -v pdftotext >/dev/null; then \
	  echo "newsbrief: installing Debian packages (chromium, poppler-utils)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    --no-install-recommends chromium poppler-utils fonts-dejavu-core >/dev/null; \
	fi
	@mkdir -p $(VENV) && touch $@

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@test -x $(BIN)/uv || $(BIN)/python -m pip install -q "uv==$(UV_VERSION)"
	$(BIN)/uv pip install -q --python $(BIN)/python --require-hashes -r requirements.lock
	$(BIN)/uv pip install -q --python $(BIN)/python --no-deps -e .
	@# Bytecode once at install: where PYTHONDONTWRITEBYTECODE is set (CI images
	@# often do) every import would compile from source again, several seconds
	@# per notebook kernel. Python still reads .pyc files under that setting.
	@# The package's own sources (an editable install) likewise: 60 ms a start.
	$(BIN)/python -m compileall -qq -j 0 $(VENV)/lib src
	$(BIN)/python -m ipykernel install --sys-prefix --name newsbrief --display-name "newsbrief" >/dev/null
	@touch $@

report: install
	$(BIN)/newsbrief report $(ARTICLE) --out $(OUT)

test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy src/newsbrief
	$(BIN)/python -m pytest --nbval --nbval-sanitize-with notebooks/nbval_sanitize.cfg -p no:cacheprovider

# Leave-one-article-out cross-validation over every gold file, with the
# baselines, then Cohen's kappa between the two annotators of the twin files.
eval: install
	$(BIN)/newsbrief evaluate --cv data/gold
	$(BIN)/newsbrief agreement data/gold data/gold/second

# Refit the shipped claim models on every gold file.
train: install
	$(BIN)/newsbrief train data/gold

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

lab: install
	$(BIN)/jupyter lab notebooks/

# JupyterLab on 127.0.0.1 driven by headless Chromium: run the notebooks, use
# the widgets, screenshot each step into $(OUT)/labcheck, stop the server.
lab-check: install
	$(BIN)/python scripts/labcheck.py --out $(OUT)/labcheck

# Bytecode of the sources first, as an installed package has it (see install).
bench: install
	$(BIN)/python -m compileall -qq src
	$(BIN)/python benchmarks/bench.py

# After a deliberate change in extraction: rewrite the regression fixture of the
# default article and the sample corpus output that 04_corpus reads, then
# re-execute the committed notebooks (nbval compares them).
regen-fixtures: install
	$(BIN)/newsbrief analyze --out tests/fixtures/regression_default_analysis.json
	$(BIN)/newsbrief analyze @data/corpus-sample/articles.list --out data/corpus-sample/analysis
	$(BIN)/python -c "from newsbrief.report import NOTEBOOKS, refresh_notebooks; refresh_notebooks((*NOTEBOOKS, '04_corpus.ipynb'))"

clean:
	rm -rf $(VENV) reports .pytest_cache
