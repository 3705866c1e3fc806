# Two entry points, both safe on a fresh machine: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test build lint lock browser-deps benchmark serve serve-deps

# The whole dependency tree, pinned with hashes in requirements.lock (compiled by `make lock`).
$(VENV)/.installed: requirements.lock
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	touch $@

# After editing requirements.txt: re-resolve every package and its hashes.
lock: $(VENV)/.installed
	$(PY) -m uv pip compile --quiet --generate-hashes --python-version 3.11 requirements.txt -o requirements.lock

build: $(VENV)/.installed
	$(PY) -m bureau build

run: build
	$(PY) -m ui.serve app.py

# An office: one Streamlit worker per core behind nginx on port 8080 (deploy/serve.py).
WORKERS ?= $(shell nproc)
LISTEN ?= 0.0.0.0:8080
serve: build serve-deps
	$(PY) -m deploy.serve --workers $(WORKERS) --listen $(LISTEN)

serve-deps:
	@PATH="$$PATH:/usr/sbin" command -v nginx >/dev/null \
		|| { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nginx; }

# Debian's Chromium and Korean fonts for the browser tests (never `playwright install`),
# nginx for `make serve` and the proxy test, and LibreOffice Impress + poppler for
# scripts/render_deck.py (the deck as PNGs, to look at).
browser-deps:
	@if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK" \
		|| ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null \
		|| ! PATH="$$PATH:/usr/sbin" command -v nginx >/dev/null; then \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq \
			chromium fonts-noto-cjk libreoffice-impress poppler-utils nginx; \
	fi

lint: $(VENV)/.installed
	$(PY) -m ruff check .

test: $(VENV)/.installed browser-deps lint
	$(PY) -m pytest

benchmark: $(VENV)/.installed browser-deps
	$(PY) benchmarks/run.py
