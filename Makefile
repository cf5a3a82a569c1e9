# The two commands of the README:
#   make demo  - set up, load demo content and run the example site on SQLite at http://127.0.0.1:8000/
#   make test  - set up and run the whole test suite, on SQLite then on PostgreSQL
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
MANAGE := cd example_site && ../$(PY) manage.py

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHROMIUM ?= /usr/bin/chromium

.PHONY: demo test lint test-sqlite test-postgres test-matrix bench setup browser messages clean

$(VENV)/.installed: setup.cfg pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,example]"
	touch $@

setup: $(VENV)/.installed

demo: setup
	$(MANAGE) migrate --noinput
	$(MANAGE) thidua_demo
	$(MANAGE) thidua_setup_workflow
	$(MANAGE) shell -c "from django.contrib.auth import get_user_model as m; U = m(); U.objects.filter(username='admin').exists() or U.objects.create_superuser('admin', 'admin@example.org', 'admin'); print('Admin: http://127.0.0.1:8000/admin/  user admin, password admin (demo only)')"
	$(MANAGE) runserver 127.0.0.1:8000

test: setup browser lint test-sqlite test-postgres test-matrix

# Ruff (pyproject.toml): import order, likely bugs, and no import inside a function in the app.
lint: setup
	$(PY) -m ruff check .

# Debian's Chromium (and a font with Vietnamese glyphs) for the browser tests, installed once.
browser:
	@test -x $(CHROMIUM) || { echo "Installing Debian's chromium for the browser tests"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver fonts-noto-core >/dev/null; }

# Two workers (CI has two cores); the install-guide test runs in test-matrix instead.
PYTEST := $(PY) -m pytest -n $(or $(PYTEST_WORKERS),2) -m "not install"

test-sqlite: setup browser
	$(PYTEST)

test-postgres: setup browser
	bash scripts/ensure-postgres.sh
	DATABASE_URL=$(PG_URL) $(PYTEST)

# The install guide's test in a `wagtail start` project: newest Wagtail 7.4 and 8.0 on Django 5.2, Wagtail 8.0 on Django 6.0 (noxfile.py).
test-matrix: setup
	$(PY) -m nox

# Median render times against a bare Wagtail page, SQLite and PostgreSQL (several minutes).
bench: setup
	bash scripts/ensure-postgres.sh
	$(PY) scripts/benchmark.py --output docs/benchmark.md

# Re-extract the app's strings, add a newer Wagtail's, compile; translations in the .po files are kept (needs gettext).
messages: setup
	cd thidua_wagtail && PYTHONPATH=.. ../$(VENV)/bin/django-admin makemessages -l vi --settings=tests.settings --no-location --no-obsolete
	$(PY) scripts/messages.py

clean:
	rm -rf $(VENV) .nox example_site/db.sqlite3 example_site/media build dist *.egg-info
