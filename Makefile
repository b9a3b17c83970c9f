# Makefile - build, test, install kizuna.  `make run` starts it on demo data;
# `make check` builds with AddressSanitizer and UBSan and runs every test.

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
MANDIR     ?= $(PREFIX)/share/man
LOCALEDIR  ?= $(PREFIX)/share/locale
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
DATADIR    ?= $(PREFIX)/share/kizuna
DESTDIR    ?=
VERSION    := 0.1.0

PKGS       := ncursesw sqlite3 yaml-0.1 libsodium libzstd opencc
PKG_CFLAGS := $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(shell pkg-config --cflags $(PKGS) 2>/dev/null))
# OpenCC is opened when the search fold's table is first built, not
# linked (core/fold.c): its C++ library made every start-up slower
PKG_LIBS   := $(shell pkg-config --libs $(filter-out opencc,$(PKGS)) 2>/dev/null)
OPENCC_DIR := $(shell pkg-config --variable=libdir opencc 2>/dev/null)
OPENCC_SO  := $(shell objdump -p "$(OPENCC_DIR)/libopencc.so" 2>/dev/null | \
	sed -n 's/^ *SONAME *//p')
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

CC         ?= cc
CFLAGS     ?= -O2 -g
KZ_CFLAGS  := -std=c11 -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter \
	-D_XOPEN_SOURCE=700 -D_XOPEN_SOURCE_EXTENDED -D_DEFAULT_SOURCE \
	-DSQLITE_ENABLE_SESSION -DSQLITE_ENABLE_PREUPDATE_HOOK \
	-DKZ_VERSION='"$(VERSION)"' \
	-Icore -Ibuild/gen $(PKG_CFLAGS)
TUI_INC     = $(TUI_DIRS:%=-I%)
SAN        := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

CORE_SRC   := $(sort $(wildcard core/*.c))
TUI_DIRS   := tui tui/cli tui/screen tui/widget
TUI_SRC    := $(sort $(foreach d,$(TUI_DIRS),$(wildcard $(d)/*.c)))
HDRS       := $(wildcard core/*.h $(foreach d,$(TUI_DIRS),$(d)/*.h))
GEN_SRC    := build/gen/embedded.c
# the sample offices' configurations, which `kizuna init` writes: every
# config/*.yaml but the default and the fields, each an office (its id:)
SAMPLES    := $(sort $(filter-out config/default.yaml config/fields.yaml,$(wildcard config/*.yaml)))
UNIT_SRC   := $(sort $(wildcard tests/unit/test_*.c))
LANGS      := $(basename $(notdir $(wildcard tui/po/*.po)))

# Two trees of objects: build/rel for the program, build/san for tests.
REL_CORE   := $(CORE_SRC:%.c=build/rel/%.o) build/rel/gen/embedded.o
SAN_CORE   := $(CORE_SRC:%.c=build/san/%.o) build/san/gen/embedded.o
REL_TUI    := $(TUI_SRC:%.c=build/rel/%.o)
SAN_TUI    := $(TUI_SRC:%.c=build/san/%.o)
UNIT_BIN   := $(UNIT_SRC:tests/unit/%.c=build/san/tests/%)
MO         := $(LANGS:%=build/locale/%/LC_MESSAGES/kizuna.mo)

COMPLETION := build/completion/kizuna build/completion/_kizuna

.PHONY: all run deps check unit soak fuzz bench install uninstall clean man lint-man pot po FORCE
all: build/kizuna $(MO) $(COMPLETION)

build/gen/embedded.c: config/default.yaml config/fields.yaml $(SAMPLES) Makefile
	@mkdir -p $(@D)
	@{ echo '/* generated from config/ by make; do not edit */'; \
	   echo '#include "config.h"'; \
	   for v in default_config:config/default.yaml default_fields:config/fields.yaml \
	       $(foreach f,$(SAMPLES),sample_$(basename $(notdir $(f))):$(f)); do \
	     printf 'const char kz_%s[] = {\n' "$${v%%:*}"; \
	     od -An -v -tx1 "$${v#*:}" | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	     echo '0 };'; \
	   done; \
	   echo 'const struct kz_sample kz_samples[] = {'; \
	   for f in $(SAMPLES); do \
	     id=$$(sed -n 's/^  id: *\([A-Z][A-Z]*\).*/\1/p' "$$f" | head -n 1); \
	     [ -n "$$id" ] || { echo "$$f: no office id" >&2; exit 1; }; \
	     n=$$(basename "$$f" .yaml); \
	     printf '\t{ "%s", "%s", kz_sample_%s },\n' "$$id" "$$n" "$$n"; \
	   done; \
	   echo '};'; \
	   echo 'const size_t kz_nsamples = sizeof kz_samples / sizeof kz_samples[0];'; \
	 } > $@.tmp && mv $@.tmp $@

build/rel/gen/%.o: build/gen/%.c
	@mkdir -p $(@D)
	$(CC) $(KZ_CFLAGS) $(CFLAGS) -w -c -o $@ $<
build/san/gen/%.o: build/gen/%.c
	@mkdir -p $(@D)
	$(CC) $(KZ_CFLAGS) -O1 -g $(SAN) -w -c -o $@ $<
# Where catalogues are installed, compiled in; rewritten only when
# LOCALEDIR changes, so `make install PREFIX=/usr` rebuilds what uses it.
build/gen/paths.h: FORCE
	@mkdir -p $(@D)
	@echo '#define KZ_LOCALEDIR "$(LOCALEDIR)"' > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@
FORCE:
build/rel/core/i18n.o build/san/core/i18n.o: build/gen/paths.h
build/rel/core/fold.o build/san/core/fold.o build/fuzz/core/fold.o: \
	KZ_CFLAGS += $(if $(OPENCC_SO),-DKZ_OPENCC_SO='"$(OPENCC_SO)"')

build/rel/%.o: %.c $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(KZ_CFLAGS) $(TUI_INC) $(CFLAGS) -MMD -MP -c -o $@ $<
build/san/%.o: %.c $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(KZ_CFLAGS) $(TUI_INC) -O1 -g $(SAN) -MMD -MP -c -o $@ $<

build/rel/libkizuna.a: $(REL_CORE)
	rm -f $@; ar rcs $@ $^
build/san/libkizuna.a: $(SAN_CORE)
	rm -f $@; ar rcs $@ $^

build/kizuna: $(REL_TUI) build/rel/libkizuna.a
	$(CC) $(CFLAGS) -o $@ $(REL_TUI) build/rel/libkizuna.a $(PKG_LIBS) -lm
build/san/kizuna: $(SAN_TUI) build/san/libkizuna.a
	$(CC) $(SAN) -o $@ $(SAN_TUI) build/san/libkizuna.a $(PKG_LIBS) -lm

# Every unit test links the one shared fixture (tests/unit/fixture.c)
# and the test VFSs (tests/unit/vfs_*.c: a crash at the Nth write).
UNIT_VFS   := $(sort $(wildcard tests/unit/vfs_*.c))
build/san/tests/%: tests/unit/%.c tests/unit/unit.h tests/unit/fixture.c $(UNIT_VFS) $(UNIT_VFS:.c=.h) build/san/libkizuna.a
	@mkdir -p $(@D)
	$(CC) $(KZ_CFLAGS) -Itests/unit -O1 -g $(SAN) -o $@ $< tests/unit/fixture.c $(UNIT_VFS) build/san/libkizuna.a $(PKG_LIBS) $(CMOCKA_LIBS) -lm

# libFuzzer harnesses (tests/fuzz/fuzz_*.c), built with clang when there
# is one: the core with coverage and the sanitizers, each harness linked
# to it. `make fuzz` runs each for FUZZ_SECONDS; `make check` briefly.
FUZZ_CC    ?= clang
HAVE_FUZZ  := $(shell command -v $(FUZZ_CC) 2>/dev/null)
FUZZ_SRC   := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN   := $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)
FUZZ_CORE  := $(CORE_SRC:%.c=build/fuzz/%.o) build/fuzz/gen/embedded.o
FUZZ_FLAGS := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined \
	-Wno-format-security -Wno-string-concatenation \
	-fno-omit-frame-pointer
FUZZ_SECONDS ?= 600
build/fuzz/gen/%.o: build/gen/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(KZ_CFLAGS) $(FUZZ_FLAGS) -w -c -o $@ $<
build/fuzz/core/%.o: core/%.c $(HDRS)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(KZ_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<
build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.c tests/fuzz/fuzz.h $(FUZZ_CORE)
	$(FUZZ_CC) $(KZ_CFLAGS) -Itests/fuzz $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ \
		$< tests/fuzz/fuzz.c $(FUZZ_CORE) $(PKG_LIBS) -lm
# the core's fuzzing objects are kept between runs, not removed as
# intermediates
.SECONDARY: $(FUZZ_CORE)
fuzz: $(FUZZ_BIN)
	sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_BIN)

# Completion scripts for bash and zsh, written by the program from its
# command table (it reads no configuration to do so).
build/completion/kizuna: build/kizuna
	@mkdir -p $(@D)
	build/kizuna completion bash > $@.tmp && mv $@.tmp $@
build/completion/_kizuna: build/kizuna
	@mkdir -p $(@D)
	build/kizuna completion zsh > $@.tmp && mv $@.tmp $@

build/locale/%/LC_MESSAGES/kizuna.mo: tui/po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<
build/san/locale: $(MO)
	@rm -rf $@; mkdir -p build/locale build/san; cp -r build/locale $@

# Install build dependencies that are missing (Debian), as root or via sudo.
DEB_PKGS := build-essential pkg-config libncurses-dev libsqlite3-dev libyaml-dev \
	libsodium-dev libzstd-dev libopencc-dev gettext libcmocka-dev tmux mandoc sqlite3 python3 calcurse python3-icalendar zsh \
	iso-codes chromium fonts-wqy-microhei
deps:
	@missing=$$(for p in $(DEB_PKGS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  if [ "$$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing; \
	fi

# A fresh machine has no configuration: OFFICE=BJS|SIN|TYO|PAR|... writes that
# sample office's; without it the first run asks.
# OFFICE=SIN: that office's demo, from its sample configuration
# (config/*.yaml), whatever office this machine's own configuration is
# for; the first run with no configuration makes it for that office.
SAMPLES    = $(filter-out config/default.yaml config/fields.yaml,$(wildcard config/*.yaml))
OFFICE_CFG = $(if $(OFFICE),$(shell grep -l '^  id: $(OFFICE)$$' $(SAMPLES) 2>/dev/null | head -n 1))
run: deps
	$(MAKE) all
	@$(if $(OFFICE),$(if $(OFFICE_CFG),,echo "make run: no sample office $(OFFICE) (one of: $$(sed -n 's/^  id: //p' $(SAMPLES) | tr '\n' ' '))" >&2; exit 2))
	$(if $(OFFICE),build/kizuna init --office $(OFFICE) >/dev/null 2>&1 || true)
	build/kizuna $(if $(OFFICE_CFG),-c $(OFFICE_CFG)) --demo

# The release build too: `make run` builds it, and -O2 warns where -O1
# does not (a warning is an error).
check: deps build/kizuna build/san/kizuna build/san/locale $(UNIT_BIN) $(if $(HAVE_FUZZ),$(FUZZ_BIN))
	@KZ_BIN=$(CURDIR)/build/san/kizuna KZ_UNIT="$(UNIT_BIN)" sh tests/run.sh
	@$(if $(HAVE_FUZZ),sh tests/fuzz/run.sh 20 $(FUZZ_BIN),echo "fuzz: no $(FUZZ_CC): the fuzzers were not run")

# Run only the unit tests (quick, while editing core).
unit: $(UNIT_BIN)
	@KZ_BIN=$(CURDIR)/build/san/kizuna KZ_UNIT="$(UNIT_BIN)" KZ_ONLY=unit sh tests/run.sh

# The randomized convergence test (tests/unit/test_converge.c) at length:
# SOAK_SEEDS seeds of SOAK_ROUNDS rounds for every scenario. A failure
# prints its seed and scenario: replay with KZ_SEED=n KZ_SCENARIO=name.
SOAK_SEEDS  ?= 200
SOAK_ROUNDS ?= 400
soak: build/san/tests/test_converge
	SOAK_SEEDS=$(SOAK_SEEDS) SOAK_ROUNDS=$(SOAK_ROUNDS) build/san/tests/test_converge

bench: build/kizuna $(MO)
	sh tests/bench.sh $(CURDIR)/build/kizuna

# Regenerate the generated parts of the man pages from the program's own
# tables: the key list of kizuna(1) and the key list of kizuna.yaml(5);
# and the .It line of every command in kizuna(1)'s COMMANDS, from the
# command table (a new command's entry is written by hand first).
man: build/kizuna
	@for spec in "man/kizuna.1:keys --mdoc" "man/kizuna.yaml.5:config doc"; do \
	  page=$${spec%%:*}; build/kizuna -c config/default.yaml $${spec#*:} > build/section.tmp || exit 1; \
	  awk -v sec=build/section.tmp '/^\.\\" BEGIN KEYS/ { print; while ((getline l < sec) > 0) print l; skip = 1; next } \
	    /^\.\\" END KEYS/ { skip = 0 } !skip' $$page > $$page.tmp && mv $$page.tmp $$page; \
	done; rm -f build/section.tmp
	@build/kizuna -c config/default.yaml commands --mdoc > build/section.tmp || exit 1; \
	awk -v sec=build/section.tmp 'function key(l,  n, w, i, k) { n = split(l, w, " "); \
	    for (i = 3; i <= n && w[i] !~ /^[A-Z]/; i++) k = k " " w[i]; return k } \
	  BEGIN { while ((getline l < sec) > 0) line[key(l)] = l } \
	  /^\.Sh / { commands = $$0 == ".Sh COMMANDS" } \
	  commands && /^\.It Ic / && key($$0) in line { print line[key($$0)]; next } { print }' \
	  man/kizuna.1 > man/kizuna.1.tmp && mv man/kizuna.1.tmp man/kizuna.1; rm -f build/section.tmp

lint-man:
	mandoc -Tlint -W warning man/kizuna.1 man/kizuna.yaml.5

# Messages: `make pot` extracts the marked strings (_ and N_) into the
# template; `make po` then merges it into every tui/po/LANG.po, where new
# strings arrive untranslated (or fuzzy) for a translator, and refills
# en.po, the identity catalogue. `msgfmt --statistics tui/po/LANG.po` shows
# what is left; tests/shell/i18n.sh fails while anything is. C_ and NC_
# (core/i18n.h) mark messages with a context.
# Headers whose tables hold messages (the stamp lines of record tables).
MSG_HDRS := core/rtype.h
XGETTEXT_KEYS := -k_ -kN_ --keyword=C_:1c,2 --keyword=NC_:1c,2
pot: $(TUI_SRC) $(CORE_SRC) $(MSG_HDRS)
	xgettext --from-code=UTF-8 $(XGETTEXT_KEYS) --add-comments=TRANSLATORS: \
	    --package-name=kizuna --package-version=$(VERSION) \
	    -o tui/po/kizuna.pot $(CORE_SRC) $(MSG_HDRS) $(TUI_SRC)

po: pot
	for l in $(filter-out en,$(LANGS)); do \
	  msgmerge --quiet --update --backup=none tui/po/$$l.po tui/po/kizuna.pot || exit 1; \
	done
	msgmerge --quiet --update --backup=none --no-fuzzy-matching tui/po/en.po tui/po/kizuna.pot
	msgen tui/po/en.po -o tui/po/en.po

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
	    $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(DATADIR)/samples
	install -m 755 build/kizuna $(DESTDIR)$(BINDIR)/kizuna
	install -m 644 $(SAMPLES) $(DESTDIR)$(DATADIR)/samples
	install -m 644 config/fields.yaml $(DESTDIR)$(DATADIR)/fields.yaml
	install -m 644 build/completion/kizuna $(DESTDIR)$(BASHCOMPDIR)/kizuna
	install -m 644 build/completion/_kizuna $(DESTDIR)$(ZSHCOMPDIR)/_kizuna
	install -m 644 man/kizuna.1 $(DESTDIR)$(MANDIR)/man1/kizuna.1
	install -m 644 man/kizuna.yaml.5 $(DESTDIR)$(MANDIR)/man5/kizuna.yaml.5
	for l in $(LANGS); do \
	  install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
	  install -m 644 build/locale/$$l/LC_MESSAGES/kizuna.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/kizuna.mo; \
	done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/kizuna $(DESTDIR)$(MANDIR)/man1/kizuna.1 $(DESTDIR)$(MANDIR)/man5/kizuna.yaml.5
	rm -f $(DESTDIR)$(BASHCOMPDIR)/kizuna $(DESTDIR)$(ZSHCOMPDIR)/_kizuna
	rm -f $(SAMPLES:config/%=$(DESTDIR)$(DATADIR)/samples/%) $(DESTDIR)$(DATADIR)/fields.yaml
	for l in $(LANGS); do rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/kizuna.mo; done

clean:
	rm -rf build

-include $(shell find build -name '*.d' 2>/dev/null)
