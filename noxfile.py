"""The install guide's test (tests/test_install.py) with the newest Wagtail 7.4 and 8.0 releases.

    python -m nox              # both
    python -m nox -s "install(wagtail='7.4')"

`make test` runs it after the SQLite and PostgreSQL suites.
"""

import nox

nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = True

WAGTAIL = {"7.4": "wagtail>=7.4,<7.5", "8.0": "wagtail>=8.0,<8.1"}


@nox.session(python="3.11")
@nox.parametrize("wagtail", list(WAGTAIL))
def install(session, wagtail):
    session.install(".", WAGTAIL[wagtail], "pytest>=8", "pytest-django>=4.8", "dj-database-url>=2.1")
    session.run("python", "-c", "import wagtail; print('Wagtail', wagtail.__version__)")
    session.run("python", "-m", "pytest", "tests/test_install.py", "-p", "no:cacheprovider", *session.posargs)
