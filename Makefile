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

.PHONY: run test lint typecheck deps-debian translations demo installer clean bench screenshots

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --upgrade pip >/dev/null
	$(PY) -m pip install -e .
	touch $@

$(TEST_STAMP): pyproject.toml $(STAMP)
	$(PY) -m pip install -e '.[test]'
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

# Refresh the .ts sources from the code, then compile the .qm files the program loads.
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate $(UI_SOURCES) -ts resources/translations/inspector_zh_CN.ts
	$(VENV)/bin/pyside6-lrelease resources/translations/inspector_zh_CN.ts \
		-qm resources/translations/inspector_zh_CN.qm

demo: $(STAMP)
	$(VENV)/bin/inspector-app --data-dir demo-data demo --companies 20 --inspections 40

installer: $(STAMP)
	$(PY) -m pip install -e '.[build]'
	$(VENV)/bin/pyinstaller --noconfirm build_installer.spec

# Every page and main dialog on demo data, on small and common screens, in both languages:
# PNGs and a problems.txt per run under screenshots/ (not kept in git).
SCREEN_SIZES := 1024x600 1366x768
screenshots: $(STAMP)
	@for size in $(SCREEN_SIZES); do for lang in zh_CN en; do \
		xvfb-run -a -s "-screen 0 $${size}x24" $(PY) tools/screenshots.py \
			--lang $$lang --out screenshots/$$size-$$lang || exit 1; \
	done; done

clean:
	rm -rf build dist .pytest_cache .ruff_cache
