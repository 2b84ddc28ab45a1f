# Developer tasks. The Python is .venv's (make setup creates it); override with PYTHON=...
PYTHON ?= .venv/bin/python
SOURCES = src tests benchmarks scripts

.PHONY: setup test test-slow lint format schema bench devscore

setup:  ## a virtual environment with factcheck, its tests' and benchmarks' dependencies
	python3 -m venv .venv
	.venv/bin/python -m pip install -e '.[dev,bench]'

test:  ## the README's test command (slow tests left out)
	$(PYTHON) -m pytest

test-slow:  ## timing ratios and the 100 MB file
	$(PYTHON) -m pytest -m slow

lint:  ## ruff, ruff format, strict mypy, and the committed schemas
	$(PYTHON) -m ruff check $(SOURCES)
	$(PYTHON) -m ruff format --check $(SOURCES)
	$(PYTHON) -m mypy
	$(PYTHON) scripts/gen_schema.py --check

format:
	$(PYTHON) -m ruff check --fix $(SOURCES)
	$(PYTHON) -m ruff format $(SOURCES)

schema:  ## rewrite docs/schema/*.json from the models
	$(PYTHON) scripts/gen_schema.py

bench:  ## the figures of the README's "Measured" (needs .[bench]; minutes)
	$(PYTHON) benchmarks/bench_split.py
	$(PYTHON) benchmarks/bench_extract_speed.py
	$(PYTHON) benchmarks/bench_external.py
	$(PYTHON) benchmarks/bench_group.py --sizes 10000,100000

devscore:  ## the team's scorer; needs ../shared (not part of a user's clone)
	python3 ../shared/tools/devscore.py
