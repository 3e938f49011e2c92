# relaydocs: `make test` installs what the tests need and runs the whole suite.

SWIFT ?= swift
APT_PACKAGES := python3 bash curl

.PHONY: test build deps clean

## Build the relaydocs binary (debug).
build:
	$(SWIFT) build

## Install the system packages the tests call (python3, bash, curl) when one is missing.
deps:
	@missing=""; \
	for tool in python3 bash curl; do command -v $$tool >/dev/null 2>&1 || missing="$$missing $$tool"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES); \
	fi

## Run every test.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

clean:
	rm -rf .build site
