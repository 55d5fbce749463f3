# SPDX-License-Identifier: GPL-3.0-or-later
# Thin wrapper over CMake. Every target installs missing Debian packages first (as root, or
# with sudo when available), so a fresh Debian 12 machine goes from clone to green with
# `make test` and to a working demo with `make demo`.

BUILD     ?= build
ASAN      ?= build-asan
JOBS      ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_GEN := $(shell command -v ninja >/dev/null 2>&1 && echo "-G Ninja")

PACKAGES := g++ cmake ninja-build pkg-config make git \
	libcli11-dev libfmt-dev libsqlitecpp-dev libsqlite3-dev sqlite3 libyaml-cpp-dev \
	doctest-dev nlohmann-json3-dev libutf8proc-dev libssl-dev libcsv-dev libreadline-dev \
	libxlsxwriter-dev bats groff-base groff clang-format time \
	python3 bc zsh fish

.PHONY: all deps configure build test asan demo bench fuzz golden format check-format tidy install clean

all: build

deps:
	@missing=""; for p in $(PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo

configure: deps $(BUILD)/CMakeCache.txt

build: configure
	cmake --build $(BUILD) -j $(JOBS)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

asan: deps
	cmake -S . -B $(ASAN) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug -DHUJING_SANITIZE="address;undefined"
	cmake --build $(ASAN) -j $(JOBS)
	cd $(ASAN) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

demo: build
	HUJING=$(CURDIR)/$(BUILD)/cmd/hujing bash examples/demo.sh

# Benchmarks measure an optimised build of their own, whatever $(BUILD) was configured as.
bench: deps
	cmake -S . -B build-release $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release -DHUJING_BUILD_TESTS=OFF
	cmake --build build-release -j $(JOBS) --target hujing
	HUJING=$(CURDIR)/build-release/cmd/hujing bash tests/bench/run.sh

fuzz: deps
	@command -v clang++ >/dev/null || { SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang libclang-rt-14-dev; }
	cmake -S . -B build-fuzz $(CMAKE_GEN) -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHUJING_FUZZ=ON -DHUJING_BUILD_TESTS=OFF
	cmake --build build-fuzz -j $(JOBS)
	bash tests/fuzz/run.sh build-fuzz

golden: build
	HUJING=$(CURDIR)/$(BUILD)/cmd/hujing bash tests/golden/update.sh

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

check-format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format --dry-run -Werror

tidy: deps
	@command -v clang-tidy >/dev/null || { SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang-tidy; }
	cmake -S . -B build-tidy $(CMAKE_GEN) -DHUJING_CLANG_TIDY=ON
	cmake --build build-tidy -j $(JOBS)

install: build
	cmake --install $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN) build-release build-fuzz build-tidy
