# make run: set up, migrate, load the sample articles and serve on 127.0.0.1:$(PORT), with the
# task worker and feed scheduler beside it (scripts/run; their logs in var/).
# make test: the whole test suite on SQLite, then again on PostgreSQL when scripts/postgres can
# start one.  make bench: benchmarks, then the load and fault run (bench/load.py;
# CORPUS=path/to/fa-news.jsonl.gz).
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
CORPUS ?= ../shared/corpus/fa-news.jsonl.gz
export HF_HUB_OFFLINE := 1

.PHONY: install run test lint bench clean

$(BIN)/.installed: pyproject.toml
	@PY=$$(scripts/find-python) || exit 1; \
	  [ -x $(BIN)/python ] || "$$PY" -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

install: $(BIN)/.installed

run: install
	PORT=$(PORT) scripts/run

# The second run uses the PostgreSQL search backend too (the search tests run both backends
# there); the browser tests exercise pages, not the database, and run on SQLite only.
test: install
	env -u DATABASE_URL FACTCHECK_SEARCH_BACKEND=whoosh $(BIN)/python -m pytest -p no:cacheprovider
	@if url=$$(scripts/postgres start); then \
	  echo "== the suite again on PostgreSQL ($$url), browser tests excepted =="; \
	  DATABASE_URL=$$url FACTCHECK_SEARCH_BACKEND=postgres \
	    $(BIN)/python -m pytest -p no:cacheprovider -m "not browser"; \
	else \
	  echo "== SKIPPED: the PostgreSQL run (scripts/postgres start failed; see above) =="; \
	fi

lint: install
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run

bench: install
	$(BIN)/python bench/ingest.py $(CORPUS)
	$(BIN)/python bench/api.py $(CORPUS)
	$(BIN)/python bench/search.py $(CORPUS)
	$(BIN)/python bench/load.py $(CORPUS)

clean:
	@[ ! -d var/postgres ] || scripts/postgres stop
	rm -rf $(VENV) var
