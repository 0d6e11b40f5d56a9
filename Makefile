# Thin wrappers. `make run` and `make test` install everything they need on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help

UV_VERSION := 0.13.9
CACHE := .cache
# uv from PATH if present, else a private copy installed from PyPI into the cache.
UV ?= $(or $(shell command -v uv 2>/dev/null),$(CACHE)/tools/bin/uv)
KAFKA_LIBS := $(CACHE)/kafka/libs/.complete
FERRETDB := $(CACHE)/ferretdb/ferretdb
PYTEST_ARGS ?=

.PHONY: help deps stack tools run down test unit e2e docs lint format bench clean

help:
	@echo "make run    start Kafka, FerretDB, SMTP, the SMS gateway and the five services; print where to look"
	@echo "make down   stop a stack left running"
	@echo "make test   install what is needed, then unit and end-to-end tests on the real stack"
	@echo "make lint   ruff check and format check"

$(CACHE)/tools/bin/uv:
	python3 -m venv $(CACHE)/tools
	$(CACHE)/tools/bin/pip install --quiet "uv==$(UV_VERSION)"

deps: $(UV)
	$(UV) sync --all-packages --frozen --quiet

# A real Apache Kafka broker, resolved from Maven Central by deploy/local/kafka/pom.xml.
$(KAFKA_LIBS): deploy/local/kafka/pom.xml
	rm -rf $(CACHE)/kafka/libs
	mvn -q -B -f deploy/local/kafka/pom.xml \
	  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
	  -DincludeScope=runtime -DoutputDirectory=$(abspath $(CACHE)/kafka/libs)
	touch $@

# FerretDB (MongoDB wire protocol, SQLite backend) built from its Go module.
$(FERRETDB): deploy/local/ferretdb/main.go deploy/local/ferretdb/go.mod deploy/local/ferretdb/go.sum
	cd deploy/local/ferretdb && CGO_ENABLED=0 go build -tags ferretdb_no_postgresql \
	  -o $(abspath $(FERRETDB)) .

stack: $(KAFKA_LIBS) $(FERRETDB)

# kcat plays a channel integration in the end-to-end tests; Kannel (bearerbox, smsbox) is the
# SMS gateway, with kannel-extras' fake SMSC standing in for the mobile network.
KANNEL_FAKESMSC := /usr/lib/kannel/test/fakesmsc
tools:
	@command -v kcat >/dev/null || { apt-get update -qq && apt-get install -y -qq kcat >/dev/null; }
	@test -x /usr/sbin/bearerbox -a -x $(KANNEL_FAKESMSC) || { apt-get update -qq && \
	  apt-get install -y -qq kannel kannel-extras >/dev/null; }

run: deps stack tools
	$(UV) run --frozen ombud-stack up

down: deps
	$(UV) run --frozen ombud-stack down

test: deps stack tools
	$(UV) run --frozen pytest $(PYTEST_ARGS)

unit: deps
	$(UV) run --frozen pytest tests/unit $(PYTEST_ARGS)

e2e: deps stack tools
	$(UV) run --frozen pytest tests/e2e $(PYTEST_ARGS)

docs: deps
	$(UV) run --frozen ombud-stack docs

lint: deps
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .

format: deps
	$(UV) run --frozen ruff format .
	$(UV) run --frozen ruff check --fix .

# The classifier: learn from services/classifier/data/train, report on the held-out split.
.PHONY: train evaluate
train: deps
	$(UV) run --frozen ombud-classifier-train

evaluate: deps
	$(UV) run --frozen ombud-classifier-evaluate

bench: deps
	$(UV) run --frozen python bench/classify_throughput.py

clean:
	rm -rf .stack
