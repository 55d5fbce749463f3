# SPDX-License-Identifier: GPL-3.0-or-later
# Thin wrapper over CMake. Every target installs missing Debian packages first (as root, or
# with sudo when available), so a fresh Debian 12 machine goes from clone to green with
# `make test` and to a working demo with `make demo`.

BUILD     ?= build
ASAN      ?= build-asan
JOBS      ?= $(shell nproc 2>/dev/null || echo 2)
# Recursive (=), so both are looked up when a recipe runs, after the packages are installed.
CMAKE_GEN  = $(shell command -v ninja >/dev/null 2>&1 && echo "-G Ninja")
# ccache, where installed (CI installs it), keeps the host's repeated builds short.
LAUNCHER   = $(shell command -v ccache >/dev/null 2>&1 && echo "-DCMAKE_CXX_COMPILER_LAUNCHER=ccache")

# What building hujing needs (make build, make demo). zlib1g-dev is named because xlsxwriter.pc
# links -lz while libxlsxwriter-dev does not depend on it; doctest-dev and bats are here (both
# tiny) because configuring the build checks for them.
BUILD_PACKAGES := g++ cmake ninja-build pkg-config make git ca-certificates \
	libcli11-dev libfmt-dev libsqlitecpp-dev libsqlite3-dev libyaml-cpp-dev \
	doctest-dev nlohmann-json3-dev libutf8proc-dev libssl-dev libcsv-dev libreadline-dev \
	libxlsxwriter-dev zlib1g-dev libkainjow-mustache-dev bats
# What the tests run besides the binary: sqlite3 (fixtures), groff (man pages), zsh and fish
# (completions), python3 with yaml and jsonschema, and bc (checks), clang-format, time; chromium
# with a CJK font and poppler-utils (pdfinfo) print the HTML report to PDF in its test.
TEST_PACKAGES := sqlite3 groff-base groff clang-format time python3 python3-yaml python3-jsonschema \
	bc zsh fish chromium fonts-noto-cjk poppler-utils
# What the demo needs besides the build: python3 reads the form's json to write the inspection
# results files of examples/demo_inspect.sh.
DEMO_PACKAGES := python3
PACKAGES := $(BUILD_PACKAGES) $(TEST_PACKAGES) $(DEMO_PACKAGES)

.PHONY: all deps build-deps configure build test asan demo fresh bench fuzz golden format check-format tidy install clean

all: build

# Install whichever of the packages given are missing (apt-get, as root or with sudo).
define install_missing
	@missing=""; for p in $(1); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

deps:
	$(call install_missing,$(PACKAGES))

build-deps:
	$(call install_missing,$(BUILD_PACKAGES))

$(BUILD)/CMakeCache.txt: | build-deps
	cmake -S . -B $(BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(LAUNCHER)

configure: build-deps $(BUILD)/CMakeCache.txt

build: configure
	cmake --build $(BUILD) -j $(JOBS)

test: deps build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

asan: deps
	cmake -S . -B $(ASAN) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug -DHUJING_SANITIZE="address;undefined" $(LAUNCHER)
	cmake --build $(ASAN) -j $(JOBS)
	cd $(ASAN) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

# The demo needs the binary only: not the unit tests, man pages or the test tools.
demo: configure
	$(call install_missing,$(DEMO_PACKAGES))
	cmake --build $(BUILD) -j $(JOBS) --target hujing
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

# clone HEAD into a fresh minimal Debian 12 root with only make, run make demo and make test.
fresh:
	bash .ci/fresh

golden: build
	HUJING=$(CURDIR)/$(BUILD)/cmd/hujing bash tests/golden/update.sh

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

check-format: deps
	git ls-files '*.cpp' '*.hpp' | xargs clang-format --dry-run -Werror

tidy: deps
	@command -v clang-tidy >/dev/null || { SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang-tidy; }
	cmake -S . -B build-tidy $(CMAKE_GEN) -DHUJING_CLANG_TIDY=ON $(LAUNCHER)
	cmake --build build-tidy -j $(JOBS)

install: build
	cmake --install $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN) build-release build-fuzz build-tidy
