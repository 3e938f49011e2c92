# relaydocs: `make test` installs what the tests need and runs the whole suite.

SWIFT ?= swift
VENV := .venv
PYTHON_SDKS := openai anthropic google-genai

.PHONY: site preview test build deps venv verify clean

## Build the default docs site (content/ + templates/site/) into site/.
site: deps
	$(SWIFT) build -c release --product relaydocs
	.build/release/relaydocs build --content content --out site
	@echo "Open it through a web server: make preview, then http://127.0.0.1:8000/"

## Serve site/ on http://127.0.0.1:8000/ (the site uses absolute URLs, so file:// does not load its assets).
preview:
	python3 -m http.server 8000 --bind 127.0.0.1 --directory site

## Build the relaydocs binary (debug).
build: deps
	$(SWIFT) build

## Install the system packages the build and tests need when one is missing:
## libcmark-dev (found through pkg-config), python3 with venv, bash, curl.
deps:
	@missing=""; \
	for tool in python3 bash curl pkg-config; do command -v $$tool >/dev/null 2>&1 || missing="$$missing $$tool"; done; \
	pkg-config --exists libcmark 2>/dev/null || missing="$$missing libcmark-dev"; \
	python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || missing="$$missing python3-venv"; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			libcmark-dev pkg-config python3 python3-venv bash curl; \
	fi

## A virtual environment with the current releases of the official Python SDKs (from PyPI).
venv: $(VENV)/.sdks

$(VENV)/.sdks: | deps
	python3 -m venv $(VENV)
	$(VENV)/bin/python -m pip install -q --upgrade pip
	$(VENV)/bin/python -m pip install -q --upgrade $(PYTHON_SDKS)
	$(VENV)/bin/python -m pip list 2>/dev/null | grep -E '^(openai|anthropic|google-genai) '
	touch $@

## Run every test, the verification of every snippet included.
test: deps venv
	$(SWIFT) build --build-tests
	RELAYDOCS_PYTHON=$(abspath $(VENV))/bin/python $(SWIFT) test --skip-build

## Run every snippet of the built-in catalog against the stand-in relay.
verify: venv
	$(SWIFT) build
	.build/debug/relaydocs verify --python $(VENV)/bin/python

clean:
	rm -rf .build site $(VENV)
