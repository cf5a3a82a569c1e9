"""The install guide's test (tests/test_install.py) with the newest Wagtail 7.4 and 8.0 releases on Django 5.2 LTS,
and with Wagtail 8.0 on Django 6.0 (which needs Python 3.12): a site on Django 6.0 installs the app without having
Django downgraded.

    python -m nox              # all three
    python -m nox -s "install(wagtail='7.4')"
    python -m nox -s django60

`make test` runs it after the SQLite and PostgreSQL suites.
"""

import glob
import os
import subprocess

import nox

nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = True

WAGTAIL = {"7.4": "wagtail>=7.4,<7.5", "8.0": "wagtail>=8.0,<8.1"}


@nox.session(python="3.11")
@nox.parametrize("wagtail", list(WAGTAIL))
def install(session, wagtail):
    session.install(".", WAGTAIL[wagtail], "Django>=5.2,<5.3", "pytest>=8", "pytest-django>=4.8", "dj-database-url>=2.1")
    session.run("python", "-c", "import wagtail; print('Wagtail', wagtail.__version__)")
    session.run("python", "-m", "pytest", "tests/test_install.py", "-p", "no:cacheprovider", *session.posargs)


def python312():
    """Python 3.12, which Django 6.0 needs: on PATH, or the one pyenv keeps (its shim answers only for the versions
    made global, and this machine's global Python is 3.11)."""
    candidates = ["python3.12", *sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.12*/bin/python3.12")))]
    for candidate in candidates:
        try:
            if subprocess.run([candidate, "--version"], capture_output=True).returncode == 0:
                return candidate
        except OSError:
            continue
    return "3.12"  # not found: nox says so (error_on_missing_interpreters)


@nox.session(python=python312())
def django60(session):
    session.install(".", WAGTAIL["8.0"], "Django>=6.0,<6.1", "pytest>=8", "pytest-django>=4.8", "dj-database-url>=2.1")
    # The site's Django stays 6.0: installing the app does not downgrade it.
    session.run("python", "-c", "import django, wagtail; assert django.VERSION[:2] == (6, 0), django.__version__; "
                "print('Django', django.__version__, 'Wagtail', wagtail.__version__)")
    session.run("python", "-m", "pytest", "tests/test_install.py", "-p", "no:cacheprovider", *session.posargs)
