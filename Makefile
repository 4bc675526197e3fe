# All set-up lives here: `make ask` and `make test` create or refresh .venv first.
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.bcqa-installed
PYTHON ?= python3
Q      ?= Which microRNAs are linked to radioresistance?

.PHONY: setup ask serve test browser screenshot lint index bench bench-scale clean

setup: $(STAMP)

# torch first and pinned: an unpinned torch pulls a multi-GB CUDA build.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev,ui]'
	@if $(BIN)/pip list 2>/dev/null | grep -i nvidia; then echo "CUDA packages found in $(VENV); torch must be the CPU build" >&2; exit 1; fi
	touch $@

ask: setup
	$(BIN)/bcqa ask "$(Q)"

serve: setup
	$(BIN)/bcqa serve

# The browser test drives Debian's Chromium (Playwright's own download cannot work offline)
# and audits the page with axe-core from the npm registry (kept in the ignored .cache/).
AXE := .cache/axe/node_modules/axe-core/axe.min.js
browser: $(AXE)
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium; }

$(AXE):
	npm install --silent --no-audit --no-fund --prefix .cache/axe axe-core@4.14.1

# Refresh the README picture on purpose (tests never write tracked files).
screenshot: setup browser
	$(BIN)/python scripts/screenshot.py docs/ui.png

test: setup browser
	$(BIN)/ruff check .
	$(BIN)/pytest

index: setup
	$(BIN)/bcqa index

bench: setup
	$(BIN)/python scripts/bench.py

# The scale table (docs/scaling.md): 10k and 100k statements embedded for real (about half an
# hour on two cores), the 1M row on generated vectors.
bench-scale: setup
	$(BIN)/python scripts/bench_scale.py --sizes 10000 100000 --million

clean:
	rm -rf $(VENV) index .pytest_cache .ruff_cache
