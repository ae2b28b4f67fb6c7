# Each target sets up .venv itself, so a fresh clone needs only `make run` or `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
EXAMPLE := resources/examples/northwind.orgplan.json

.PHONY: run test bench lint icons package install-desktop screenshots clean venv

venv: $(STAMP)

# planner/__init__.py holds the version, which the installed metadata repeats.
$(STAMP): pyproject.toml planner/__init__.py
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m planner $(EXAMPLE)

test: $(STAMP)
	$(VENV)/bin/lint-imports
	$(VENV)/bin/ruff check planner tests bench packaging tools
	$(PY) -m pytest -q

bench: $(STAMP)
	$(PY) -m bench

lint: $(STAMP)
	$(VENV)/bin/ruff check planner tests bench packaging tools
	$(VENV)/bin/lint-imports

# The app icon at every size (PNG 16-512, .ico, .icns) from resources/icons/orgplanner.svg.
icons: $(STAMP)
	$(PY) packaging/make_icons.py build/icons

# The one-folder app in dist/orgplanner/; `dist/orgplanner/orgplanner --smoke` checks it.
package: icons
	$(PY) -m pip install --quiet 'pyinstaller>=6.6'
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN packaging/orgplanner.spec

# The menu entry, the *.orgplan.json file type and the icons for this user (no root).
install-desktop: icons
	sh packaging/install-desktop.sh

# The README's screenshots, from the real app in a virtual screen (needs xvfb-run).
screenshots: $(STAMP)
	xvfb-run -a -s "-screen 0 1440x900x24" env QT_QPA_PLATFORM=xcb $(PY) tools/screenshots.py docs/images

clean:
	rm -rf $(VENV) build dist .pytest_cache
