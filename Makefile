# OpenSSPR: the two commands a new user needs are `make demo` and `make test`.
BUILD_DIR ?= build
JOBS ?= 2
PYTHON := /usr/bin/python3
DEMO_LISTEN ?= 127.0.0.1:8080

.PHONY: all deps configure build demo test unit-test integration-test browser-test test-sanitize bench format format-check clean
.PHONY: fuzz-build fuzz-smoke fuzz

all: build

deps:
	@scripts/install-deps.sh

configure:
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

demo: deps build
	$(BUILD_DIR)/sspr demo --listen $(DEMO_LISTEN)

test: deps build
	@$(MAKE) --no-print-directory unit-test fuzz-smoke integration-test browser-test

unit-test:
	scripts/run-unit-tests.sh $(BUILD_DIR) $(JOBS)

integration-test:
	SSPR_BINARY=$(abspath $(BUILD_DIR))/sspr $(PYTHON) -m pytest -q -p no:cacheprovider tests/integration

browser-test:
	SSPR_BINARY=$(abspath $(BUILD_DIR))/sspr $(PYTHON) -m pytest -q -p no:cacheprovider tests/browser

# libFuzzer targets (docs/FUZZING.md): a clang build of their own in $(FUZZ_BUILD_DIR).
# `make fuzz-smoke` runs each for FUZZ_SECONDS (20) after its seed corpus; `make fuzz` for 600
# unless FUZZ_SECONDS is given; FUZZ_TARGETS picks some.
FUZZ_BUILD_DIR ?= build-fuzz
FUZZ_SECONDS ?= 20
FUZZ_TARGETS ?=
FUZZ_LAUNCHER := $(if $(shell command -v ccache),-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

fuzz-build:
	@cmake -S . -B $(FUZZ_BUILD_DIR) -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DSSPR_FUZZ=ON \
	  -DCMAKE_BUILD_TYPE=RelWithDebInfo $(FUZZ_LAUNCHER) >/dev/null
	@cmake --build $(FUZZ_BUILD_DIR) -j $(JOBS) --target fuzz_targets

fuzz-smoke: fuzz-build
	scripts/run-fuzz.sh $(FUZZ_BUILD_DIR) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

fuzz: fuzz-build
	scripts/run-fuzz.sh $(FUZZ_BUILD_DIR) \
	  $(if $(filter command line environment,$(origin FUZZ_SECONDS)),$(FUZZ_SECONDS),600) \
	  $(FUZZ_TARGETS)

# Unit and integration tests under AddressSanitizer + UndefinedBehaviorSanitizer (docs/TESTING.md).
SANITIZE_BUILD_DIR ?= build-sanitize
test-sanitize: deps
	@cmake -S . -B $(SANITIZE_BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSSPR_SANITIZE=ON >/dev/null
	@cmake --build $(SANITIZE_BUILD_DIR) -j $(JOBS) --target sspr_test_programs
	scripts/run-sanitized-tests.sh $(SANITIZE_BUILD_DIR) $(JOBS)

bench: deps configure
	@cmake --build $(BUILD_DIR) -j $(JOBS) --target sspr sspr_bench sspr_reset_load
	bench/run.sh $(BUILD_DIR)

format:
	@git ls-files '*.cc' '*.h' | xargs clang-format -i

format-check:
	@git ls-files '*.cc' '*.h' | xargs clang-format --dry-run --Werror

clean:
	rm -rf $(BUILD_DIR)
