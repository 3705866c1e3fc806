# Two entry points, both safe on a fresh machine: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test build lint browser-deps benchmark serve serve-deps

$(VENV)/.installed: requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

build: $(VENV)/.installed
	$(PY) -m bureau build

run: build
	$(PY) -m streamlit run app.py

# An office: one Streamlit worker per core behind nginx on port 8080 (deploy/serve.py).
WORKERS ?= $(shell nproc)
LISTEN ?= 0.0.0.0:8080
serve: build serve-deps
	$(PY) -m deploy.serve --workers $(WORKERS) --listen $(LISTEN)

serve-deps:
	@PATH="$$PATH:/usr/sbin" command -v nginx >/dev/null \
		|| { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nginx; }

# Debian's Chromium and Korean fonts for the browser tests (never `playwright install`),
# and nginx for `make serve` and the proxy test.
browser-deps:
	@if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK" \
		|| ! PATH="$$PATH:/usr/sbin" command -v nginx >/dev/null; then \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium fonts-noto-cjk nginx; \
	fi

lint: $(VENV)/.installed
	$(PY) -m ruff check .

test: $(VENV)/.installed browser-deps lint
	$(PY) -m pytest

benchmark: $(VENV)/.installed browser-deps
	$(PY) benchmarks/run.py
