"""Project-level checks: migrations, packaging, the app's independence, settings, translations, overrides."""

import subprocess
import sys
import tarfile
import zipfile
from io import StringIO
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import override_settings

import thidua_wagtail
from thidua_wagtail.conf import thidua_settings

APP_DIR = Path(thidua_wagtail.__file__).resolve().parent
ROOT = APP_DIR.parent


@pytest.mark.django_db
def test_migrations_are_complete():
    out = StringIO()
    call_command("makemigrations", "thidua_wagtail", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_app_does_not_import_the_example_site():
    for path in APP_DIR.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "example_site" not in text and "from home" not in text and "import home" not in text, path


def test_settings_are_read_in_one_place():
    import re

    read = re.compile(r"""settings\.THIDUA_|["']THIDUA_""")
    offenders = [
        path for path in APP_DIR.rglob("*.py")
        if read.search(path.read_text(encoding="utf-8")) and path.name != "conf.py"
    ]
    assert offenders == []


def test_settings_follow_override_settings():
    assert thidua_settings.PAGE_SIZE == 12
    with override_settings(THIDUA_PAGE_SIZE=3):
        assert thidua_settings.PAGE_SIZE == 3
    assert thidua_settings.PAGE_SIZE == 12
    with pytest.raises(AttributeError):
        thidua_settings.NOT_A_SETTING  # noqa: B018 (the access is what raises)


def test_vietnamese_catalogue_is_complete_and_compiled():
    po = polib.pofile(str(APP_DIR / "locale/vi/LC_MESSAGES/django.po"))
    assert len(po) > 200
    assert po.untranslated_entries() == [] and po.fuzzy_entries() == []
    mo = polib.mofile(str(APP_DIR / "locale/vi/LC_MESSAGES/django.mo"))
    assert {(e.msgctxt, e.msgid): e.msgstr for e in mo if not e.msgid_plural} == {
        (e.msgctxt, e.msgid): e.msgstr for e in po if not e.msgid_plural and not e.obsolete
    }


def test_every_source_string_is_in_the_catalogue(tmp_path):
    """Extract the strings again, as makemessages does (Python files, and templates through Django's own
    ``templatize``: ``{% translate %}``, ``{% blocktranslate %}`` with plurals and contexts): a new string
    without a Vietnamese translation fails here."""
    if not subprocess.run(["which", "xgettext"], capture_output=True).returncode == 0:
        pytest.skip("xgettext (gettext) is not installed")
    from django.utils.translation.template import templatize

    po = polib.pofile(str(APP_DIR / "locale/vi/LC_MESSAGES/django.po"))
    known = {(e.msgctxt, e.msgid) for e in po if e.msgstr or e.msgstr_plural}
    sources = [str(p.relative_to(APP_DIR)) for p in APP_DIR.rglob("*.py") if "migrations" not in p.parts]
    for path in APP_DIR.rglob("*.html"):
        converted = tmp_path / (str(path.relative_to(APP_DIR)).replace("/", "__") + ".py")
        converted.write_text(templatize(path.read_text(encoding="utf-8"), origin=str(path)), encoding="utf-8")
        sources.append(str(converted))
    keywords = ["gettext", "gettext_lazy", "gettext_noop", "ngettext:1,2", "ngettext_lazy:1,2", "pgettext:1c,2",
                "pgettext_lazy:1c,2", "npgettext:1c,2,3", "npgettext_lazy:1c,2,3", "_"]
    out = tmp_path / "all.pot"
    subprocess.run(["xgettext", "-L", "Python", "--from-code=UTF-8", *[f"-k{k}" for k in keywords], "-o", str(out),
                    *sources], cwd=APP_DIR, check=True)
    extracted = {(e.msgctxt, e.msgid) for e in polib.pofile(str(out)) if e.msgid}
    assert sorted(extracted - known, key=str) == []
    # The extraction saw the block strings (plural and all) and the contexts, not just {% translate "…" %}.
    assert (None, "%(counter)s campaign") in extracted
    assert ("section title", "Emulation campaigns") in extracted


def test_sdist_and_wheel_contain_templates_static_migrations_and_translations(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--wheel", "--no-isolation", "--outdir", str(tmp_path), str(ROOT)],
        check=True, capture_output=True,
    )
    wheel = next(tmp_path.glob("thidua_wagtail-*.whl"))
    sdist = next(tmp_path.glob("thidua_wagtail-*.tar.gz"))
    twine = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", str(wheel), str(sdist)],
                           capture_output=True, text=True)
    assert twine.returncode == 0 and twine.stdout.count("PASSED") == 2, twine.stdout + twine.stderr
    from thidua_wagtail import __version__

    assert f"thidua_wagtail-{__version__}-" in wheel.name
    assert f"## {__version__}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    with tarfile.open(sdist) as archive:
        sdist_names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for expected in ("thidua_wagtail/templates/thidua_wagtail/layout.html",
                     "thidua_wagtail/static/thidua_wagtail/css/thidua.css",
                     "thidua_wagtail/migrations/0003_statistics_page.py",
                     "thidua_wagtail/locale/vi/LC_MESSAGES/django.mo", "README.md", "CHANGELOG.md", "setup.cfg",
                     "thidua_wagtail/wagtail_locale/vi/LC_MESSAGES/djangojs.po"):
        assert expected in sdist_names, expected
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "thidua_wagtail/templates/thidua_wagtail/base.html",
        "thidua_wagtail/templates/thidua_wagtail/layout.html",
        "thidua_wagtail/templates/thidua_wagtail/admin/panels/review.html",
        "thidua_wagtail/templates/thidua_wagtail/campaign_page.html",
        "thidua_wagtail/static/thidua_wagtail/css/thidua.css",
        "thidua_wagtail/migrations/0001_initial.py",
        "thidua_wagtail/locale/vi/LC_MESSAGES/django.mo",
        "thidua_wagtail/locale/vi/LC_MESSAGES/django.po",
        "thidua_wagtail/wagtail_locale/vi/LC_MESSAGES/django.mo",
        "thidua_wagtail/wagtail_locale/vi/LC_MESSAGES/djangojs.mo",
        "thidua_wagtail/templates/wagtailadmin/tables/boolean_cell.html",
        "thidua_wagtail/demo/ke-hoach-60-KH-KHCN.txt",
    ):
        assert expected in names, expected
    assert not any(name.startswith(("example_site/", "tests/")) for name in names)


def test_a_site_can_override_a_template_block(client, sections, settings):
    """A site's campaign_page.html extends the shipped one and replaces only its "plan" block."""
    from . import factories

    campaign = factories.make_campaign(sections["campaigns"], "Phong trào ghi đè",
                                       purposes="<p>Mục đích gốc</p>")
    assert "Mục đích gốc" in client.get(campaign.url).content.decode()
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [Path(__file__).parent / "override_templates"]}]
    html = client.get(campaign.url).content.decode()
    assert '<div class="site-plan">Kế hoạch của Phong trào ghi đè</div>' in html
    assert "Mục đích gốc" not in html
    assert "<h1>Phong trào ghi đè</h1>" in html  # the rest of the shipped template is kept


def test_template_strings_render_in_vietnamese(rf):
    html = render_to_string("thidua_wagtail/includes/pagination.html", {
        "page_obj": type("P", (), {"has_other_pages": True, "number": 2, "has_previous": False, "has_next": False,
                                   "paginator": type("Q", (), {"num_pages": 5, "get_elided_page_range": [],
                                                               "ELLIPSIS": "…"})()})(),
    })
    assert "Trang 2 / 5" in html


def _module_imports():
    """``{module: {modules it imports when it is imported}}`` for the app: module-level imports (function bodies
    left out: ruff's PLC0415 refuses imports there, AppConfig.ready aside), relative ones resolved, and an import of
    ``a.b.c`` from outside ``a.b`` counted as one of the package ``a.b`` too (its ``__init__`` runs first)."""
    import ast

    modules = {}
    for path in APP_DIR.rglob("*.py"):
        parts = path.relative_to(APP_DIR.parent).with_suffix("").parts
        if "migrations" in parts:
            continue
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        targets = set()

        def visit(node, package=package, targets=targets):
            for child in ast.iter_child_nodes(node):
                if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                    continue
                if isinstance(child, ast.Import):
                    targets.update(alias.name for alias in child.names)
                elif isinstance(child, ast.ImportFrom):
                    base = child.module or ""
                    if child.level:
                        anchor = package.split(".")
                        anchor = anchor[: len(anchor) - (child.level - 1)]
                        base = ".".join(anchor + ([base] if base else []))
                    targets.add(base)
                    targets.update(f"{base}.{alias.name}" for alias in child.names if f"{base}.{alias.name}" in modules)
                visit(child)

        visit(tree)
        edges = set()
        for target in targets:
            if target not in modules:
                continue
            edges.add(target)
            parent = target.rsplit(".", 1)[0]
            while "." in parent and not name.startswith(parent + "."):
                edges.add(parent)
                parent = parent.rsplit(".", 1)[0]
        graph[name] = edges - {name}
    return graph


def test_the_app_has_no_import_cycle():
    graph = _module_imports()
    # The graph is the app's real one: models import the pieces below them, and not the other way round.
    assert "thidua_wagtail.links" in graph["thidua_wagtail.models.campaigns"] | graph["thidua_wagtail.pagetypes"]
    assert "thidua_wagtail.models" in graph["thidua_wagtail.search"]
    cycles = []
    state = {}

    def walk(node, trail):
        state[node] = "open"
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                cycles.append(trail[trail.index(target):] + [target])
            elif target not in state:
                walk(target, trail + [target])
        state[node] = "done"

    for module in sorted(graph):
        if module not in state:
            walk(module, [module])
    assert cycles == []


def test_the_private_wagtail_api_we_use_is_still_there(rf, sections):
    """compat.remember_parent sets what Wagtail's own routing sets, and treebeard still reads it: a page found by
    an index's route knows its parent without a query."""
    import inspect

    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from treebeard.mp_tree import MP_Node
    from wagtail.models import Page

    from thidua_wagtail.compat import remember_parent

    assert "_cached_parent_obj" in inspect.getsource(Page.route)
    assert "_cached_parent_obj" in inspect.getsource(MP_Node.get_parent)
    child = Page.objects.get(pk=sections["campaigns"].pk)
    parent = child.get_parent()
    child = Page.objects.get(pk=sections["campaigns"].pk)
    remember_parent(child, parent)
    with CaptureQueriesContext(connection) as queries:
        assert child.get_parent() is parent
    assert len(queries) == 0
