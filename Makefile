# Two commands for a fresh Debian/Ubuntu machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
# Debian packages the tests need: a CJK font for pdftoppm, poppler for pdftotext/pdffonts/pdfsig,
# the X libraries Qt needs for a real window, Xvfb and ImageMagick for screenshots.
DEB_PACKAGES := xvfb xauth imagemagick poppler-utils fonts-wqy-microhei \
	libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-randr0 \
	libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1 \
	libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0
UI_SOURCES := $(shell find inspector_app/ui -name '*.py' | sort)

.PHONY: run test lint typecheck deps-debian translations demo installer clean bench \
	screenshots lock test-floors install-desktop guide-screenshots

$(PY):
	$(PYTHON) -m venv $(VENV)

# Installs come from the lock files (exact versions, sha256 hashes); `make lock` refreshes them.
LOCK := requirements/test.txt
BUILD_LOCK := requirements/build.txt

$(STAMP): pyproject.toml setup.py $(LOCK) | $(PY)
	$(PY) -m pip install --upgrade pip >/dev/null
	$(PY) -m pip install --require-hashes -r $(LOCK)
	$(PY) -m pip install --no-deps -e .
	@$(PY) -m pip check || { echo "A dependency in pyproject.toml is missing from $(LOCK):" \
		"run 'make lock' and commit requirements/." >&2; exit 1; }
	touch $@

$(TEST_STAMP): $(STAMP)
	touch $@

run: $(STAMP)
	$(VENV)/bin/inspector-app

deps-debian:
	@if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		missing=""; for p in $(DEB_PACKAGES); do \
			dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
		if [ -n "$$missing" ]; then \
			echo "Installing Debian packages:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
				apt-get install -y -qq --no-install-recommends $$missing; \
		fi; \
	else echo "Not root: skipping Debian packages ($(DEB_PACKAGES))"; fi

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check .

typecheck: $(TEST_STAMP)
	$(VENV)/bin/mypy

test: deps-debian $(TEST_STAMP) lint typecheck
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q benchmarks

# Refresh both catalogues from the code, then compile what the program loads: Qt's .ts/.qm for
# the window, gettext's .po/.mo (Babel) for messages of the layers below and the command line.
LOCALE := inspector_app/locale
translations: $(TEST_STAMP)
	$(VENV)/bin/pyside6-lupdate $(UI_SOURCES) -ts resources/translations/inspector_zh_CN.ts
	$(VENV)/bin/pyside6-lrelease resources/translations/inspector_zh_CN.ts \
		-qm resources/translations/inspector_zh_CN.qm
	$(VENV)/bin/pyside6-lupdate -pluralonly -source-language en -target-language en \
		$(UI_SOURCES) -ts resources/translations/inspector_en.ts
	$(VENV)/bin/pyside6-lrelease resources/translations/inspector_en.ts \
		-qm resources/translations/inspector_en.qm
	$(VENV)/bin/pybabel -q extract -F babel.cfg -k N_ -k _ -k ngettext:1,2 --no-location \
		--sort-output --omit-header -o $(LOCALE)/inspector.pot .
	$(VENV)/bin/pybabel -q update -i $(LOCALE)/inspector.pot -d $(LOCALE) -D inspector \
		-l zh_CN --no-fuzzy-matching --ignore-obsolete
	$(VENV)/bin/pybabel -q compile -d $(LOCALE) -D inspector -l zh_CN

demo: $(STAMP)
	$(VENV)/bin/inspector-app --data-dir demo-data demo --companies 20 --inspections 40

installer: $(STAMP)
	$(PY) -m pip install --require-hashes -r $(BUILD_LOCK)
	$(VENV)/bin/pyinstaller --noconfirm build_installer.spec

# Every page and main dialog on demo data, on small and common screens, in both languages:
# PNGs and a problems.txt per run under screenshots/ (not kept in git).
SCREEN_SIZES := 1024x600 1366x768
screenshots: $(STAMP)
	@for size in $(SCREEN_SIZES); do for lang in zh_CN en; do \
		xvfb-run -a -s "-screen 0 $${size}x24" $(PY) tools/screenshots.py \
			--lang $$lang --out screenshots/$$size-$$lang || exit 1; \
	done; done

# Re-resolve the lock files from pyproject.toml (newest versions within its bounds), for every
# platform at once (Windows-only packages carry markers).
lock: | $(PY)
	$(PY) -m pip install --quiet 'uv>=0.5,<1'
	$(VENV)/bin/uv pip compile pyproject.toml --extra test --universal --python-version 3.11 \
		--generate-hashes --upgrade --quiet -o $(LOCK)
	$(VENV)/bin/uv pip compile pyproject.toml --extra build --universal --python-version 3.11 \
		--generate-hashes --quiet -c $(LOCK) -o $(BUILD_LOCK)

# The lowest versions pyproject.toml allows, in a venv of their own, against the unit tests.
FLOORS_VENV := .venv-floors
test-floors:
	rm -rf $(FLOORS_VENV)
	$(PYTHON) -m venv $(FLOORS_VENV)
	$(PYTHON) installer/floors.py pyproject.toml > $(FLOORS_VENV)/floors.txt
	$(FLOORS_VENV)/bin/pip install -c $(FLOORS_VENV)/floors.txt -e '.[test]'
	QT_QPA_PLATFORM=offscreen $(FLOORS_VENV)/bin/python -m pytest -q tests/unit

# The user guide's pictures (docs/guide/<lang>/img/, kept in git) from the real window on demo
# data, on a small laptop's screen, so the guide never shows an old screen.
guide-screenshots: $(STAMP)
	@for lang in zh_CN en; do \
		xvfb-run -a -s "-screen 0 1024x600x24" $(PY) tools/guide_screenshots.py --lang $$lang \
			|| exit 1; \
	done

clean:
	rm -rf build dist .pytest_cache .ruff_cache

# The desktop entry, icons, .inspx MIME type and AppStream metainfo for this user (no root).
# DESKTOP_EXEC is the program the entry starts: the venv's by default, a bundle's if given.
XDG_DATA_HOME ?= $(HOME)/.local/share
DESKTOP_EXEC ?= $(abspath $(VENV))/bin/inspector-app
ICON_SIZES := 16 24 32 48 64 128 256
install-desktop:
	install -d $(XDG_DATA_HOME)/applications $(XDG_DATA_HOME)/mime/packages \
		$(XDG_DATA_HOME)/metainfo $(XDG_DATA_HOME)/icons/hicolor/scalable/apps
	sed 's|^Exec=inspector-app |Exec="$(DESKTOP_EXEC)" |' installer/linux/inspector-app.desktop \
		> $(XDG_DATA_HOME)/applications/inspector-app.desktop
	install -m644 installer/linux/inspector-app-mime.xml \
		$(XDG_DATA_HOME)/mime/packages/inspector-app.xml
	install -m644 installer/linux/inspector-app.metainfo.xml $(XDG_DATA_HOME)/metainfo/
	install -m644 resources/icons/inspector-app.svg $(XDG_DATA_HOME)/icons/hicolor/scalable/apps/
	for s in $(ICON_SIZES); do \
		install -D -m644 resources/icons/inspector-app-$$s.png \
			$(XDG_DATA_HOME)/icons/hicolor/$${s}x$$s/apps/inspector-app.png; done
	-update-mime-database $(XDG_DATA_HOME)/mime
	-update-desktop-database $(XDG_DATA_HOME)/applications
	@echo "Installed: $(XDG_DATA_HOME)/applications/inspector-app.desktop"
