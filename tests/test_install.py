"""The install guide (docs/install.md), followed literally in a project made by `wagtail start`.

The marked blocks of the guide are executed: appended to the named files, or run as commands with this
interpreter. The install step is checked, not run: the package is already installed in this environment (nox
installs it into each Wagtail version's environment). Then every page type is rendered in both languages.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "install.md"
STEP = re.compile(r"<!-- step: (?P<step>[^>]+?) -->\s*```(?P<lang>\w+)\n(?P<body>.*?)```", re.S)

pytestmark = [pytest.mark.slow, pytest.mark.install]

RENDER = r'''
import json
from django.test import Client
from wagtail.models import Page
from thidua_wagtail.models import (CampaignIndexPage, CampaignPage, ConsultationIndexPage, ExemplaryProfilePage,
                                   NewsIndexPage, NewsPage, NominationPage, ProfileIndexPage, RegistrationIndexPage,
                                   StatisticsPage)
client = Client()
out = {}
for model in (CampaignIndexPage, CampaignPage, ProfileIndexPage, ExemplaryProfilePage, NewsIndexPage, NewsPage,
              NominationPage, StatisticsPage, ConsultationIndexPage, RegistrationIndexPage):
    for page in model.objects.live().order_by("path"):
        code = page.locale.language_code
        if (model.__name__, code) in out:
            continue
        response = client.get(page.url, HTTP_HOST="localhost")
        html = response.content.decode()
        out[model.__name__ + ":" + code] = [response.status_code, page.url, "css/mysite.css" in html,
                                          "thidua_wagtail/css/thidua.css" in html, f'lang="{code}"' in html,
                                          page.title in html]
# The admin, as a superuser and as the Office's editor open it (Wagtail 7.4 answered 500 on every admin page once:
# a Wagtail 8 API was used): the dashboard, the explorer, the editor of each page type, the imports, the snippets,
# the nomination review.
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from thidua_wagtail.models import Nomination
from thidua_wagtail.roles import OFFICE_GROUP
superuser = get_user_model().objects.create_superuser("guide-admin", "admin@example.org", "pw")
office = get_user_model().objects.create_user("guide-office", "office@example.org", "pw")
office.groups.add(Group.objects.get(name=OFFICE_GROUP))
campaign = CampaignPage.objects.order_by("path").first()
nomination = Nomination.objects.create(locale=campaign.locale, nominee_name="Người được đề cử", achievements="…",
                                       nominator_name="A", nominator_email="a@example.org", consent=True)
urls = ["/admin/", "/admin/pages/", "/admin/thidua_plan_import/", "/admin/thidua_recipient_import/",
        "/admin/snippets/thidua_wagtail/unit/", "/admin/snippets/thidua_wagtail/officialdocument/",
        "/admin/thidua_nominations/", reverse("thidua_nominations:edit", args=[nomination.pk]),
        "/admin/thidua_consultation_comments/"]
# The forms of the consultation and registration pages (the registration's unit list is per user).
for index, model in ((ConsultationIndexPage, "consultationpage"), (RegistrationIndexPage, "registrationpage")):
    parent = index.objects.order_by("path").first()
    urls.append(reverse("wagtailadmin_pages:add", args=["thidua_wagtail", model, parent.pk]))
for model in (CampaignIndexPage, CampaignPage, ProfileIndexPage, ExemplaryProfilePage, NewsIndexPage, NewsPage,
              NominationPage, StatisticsPage, ConsultationIndexPage, RegistrationIndexPage):
    urls.append(f"/admin/pages/{model.objects.order_by('path').first().pk}/edit/")
admin = {}
for name, user in (("superuser", superuser), ("office", office)):
    editor = Client()
    editor.force_login(user)
    for url in urls:
        admin[name + " " + url] = editor.get(url, HTTP_HOST="localhost").status_code
# The admin in Vietnamese (issue 18): Wagtail's strings from the app's catalogue through LOCALE_PATHS.
import io
from django.core.management import call_command
editor = Client()
editor.force_login(superuser)
dashboard = editor.get("/admin/", HTTP_HOST="localhost").content.decode()
javascript = editor.get(reverse("wagtailadmin_javascript_catalog"), HTTP_HOST="localhost").content.decode()
measured = io.StringIO()
call_command("thidua_wagtail_catalogue", "--check", stdout=measured)
admin["vietnamese admin"] = [("Bảng điều khiển" in dashboard and "Search all pages" not in dashboard
                              and "Danh s\\u00e1ch trang" in javascript), measured.getvalue()]
print("RESULT" + json.dumps(out) + "ADMIN" + json.dumps(admin))
'''


def guide_steps():
    return [(m["step"].strip(), m["lang"], m["body"]) for m in STEP.finditer(GUIDE.read_text(encoding="utf-8"))]


def test_guide_has_the_steps():
    steps = [step for step, _lang, _body in guide_steps()]
    assert steps[:4] == ["install", "append mysite/settings/base.py", "append mysite/urls.py", "run"]
    assert "pip install thidua-wagtail" in guide_steps()[0][2]


def run(args, cwd):
    # A new project: none of this test run's settings (DJANGO_SETTINGS_MODULE, DATABASE_URL) may leak into it.
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")}
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=900, env=env)
    assert result.returncode == 0, f"{' '.join(map(str, args))}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout


def test_new_wagtail_project_following_the_guide(tmp_path):
    wagtail = Path(sys.executable).parent / "wagtail"
    run([str(wagtail), "start", "mysite"], cwd=tmp_path)
    project = tmp_path / "mysite"
    # A site that already has some of the apps the guide adds (its own API, sitemap, settings): the guide must
    # not add them twice ("Application labels aren't unique").
    with (project / "mysite" / "settings" / "base.py").open("a", encoding="utf-8") as handle:
        handle.write('\nINSTALLED_APPS += ["wagtail.contrib.settings", "django.contrib.sitemaps", "wagtail.api.v2", '
                     '"rest_framework"]\n')
    appended = []
    uninstall = None
    for step, _lang, body in guide_steps():
        if step == "uninstall":
            uninstall = body
        elif step == "install":
            import thidua_wagtail  # installed in this environment (by pip, nox or make)

            assert thidua_wagtail.__version__
        elif step.startswith("append "):
            target = project / step.split(" ", 1)[1]
            assert target.exists(), target
            with target.open("a", encoding="utf-8") as handle:
                handle.write("\n" + body)
            appended.append((target, "\n" + body))
        elif step == "run":
            for line in body.strip().splitlines():
                assert line.startswith("python manage.py "), line
                run([sys.executable, "manage.py", *line.split()[2:]], cwd=project)
        else:
            raise AssertionError(f"unknown step {step!r} in the guide")

    output = run([sys.executable, "manage.py", "shell", "-c", RENDER], cwd=project)
    results_text, admin_text = output.split("RESULT", 1)[1].split("ADMIN", 1)
    results = __import__("json").loads(results_text)
    admin = __import__("json").loads(admin_text)
    vietnamese, measured = admin.pop("vietnamese admin")
    assert vietnamese and "(100.0%)" in measured and "English" not in measured, measured
    assert set(admin.values()) == {200}, admin
    expected = {f"{model}:{lang}" for lang in ("vi", "en") for model in (
        "CampaignIndexPage", "CampaignPage", "ProfileIndexPage", "ExemplaryProfilePage", "NewsIndexPage", "NewsPage",
        "NominationPage", "StatisticsPage", "ConsultationIndexPage", "RegistrationIndexPage")}
    assert set(results) == expected
    for key, (status, url, site_base, app_css, lang, title) in results.items():
        assert status == 200, (key, url)
        assert site_base and app_css, f"{key}: rendered without the site's base template or the app's stylesheet"
        assert lang and title, key
    sections = [url for key, (_s, url, *_rest) in results.items() if "Index" in key or key.startswith(("Nom", "Stat"))]
    assert "/vi/phong-trao-thi-dua/" in sections and "/en/emulation-campaigns/" in sections

    # Uninstall as the guide says: delete the content, unapply the migrations to zero, remove the added lines.
    assert uninstall is not None
    for line in uninstall.strip().splitlines():
        run([sys.executable, "manage.py", *line.split()[2:]], cwd=project)
    shown = run([sys.executable, "manage.py", "showmigrations", "thidua_wagtail"], cwd=project)
    assert "[X]" not in shown and shown.count("[ ]") >= 3
    for target, text in appended:
        content = target.read_text(encoding="utf-8")
        assert text in content
        target.write_text(content.replace(text, ""), encoding="utf-8")
    run([sys.executable, "manage.py", "remove_stale_contenttypes", "--include-stale-apps", "--no-input"], cwd=project)
    check = "from django.test import Client; r = Client().get('/', HTTP_HOST='localhost'); print('HOME', r.status_code)"
    assert "HOME 200" in run([sys.executable, "manage.py", "shell", "-c", check], cwd=project)


HOST = Path(__file__).resolve().parent / "host_site"
EXISTING_STEP = re.compile(r"<!-- existing-site step: (?P<step>[^>]+?) -->\s*```(?P<lang>\w+)\n(?P<body>.*?)```", re.S)
OWN_PAGES = ["/", "/blog/", "/blog/first-post/", "/fr/", "/fr/blog/", "/fr/blog/first-post/"]

HOST_CONTENT = r'''
import datetime
from wagtail.models import Locale, Page, Site
from blog.models import BlogIndexPage, BlogPage, HomePage
english = Locale.objects.get(language_code="en")
french, _ = Locale.objects.get_or_create(language_code="fr")
root = Page.get_first_root_node()
welcome = root.get_children().first()
home = root.add_child(instance=HomePage(title="Welcome to the host", slug="host-home", intro="Our department",
                                        locale=english))
site = Site.objects.get(is_default_site=True)
site.root_page = home
site.save()
welcome.delete()
blog = home.add_child(instance=BlogIndexPage(title="Blog", slug="blog", intro="<p>News of the department</p>"))
post = blog.add_child(instance=BlogPage(title="First post", slug="first-post", date=datetime.date(2024, 1, 2),
                                        body="<p>Hello, <b>world</b>.</p>"))
for page in (home, blog, post):
    page.save_revision().publish()
    page.copy_for_translation(french).save_revision().publish()
'''

SNAPSHOT = r'''
import json
from django.test import Client
client = Client()
out = {}
for url in OWN_PAGES:
    for language in ("", "vi", "fr"):
        response = client.get(url, HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE=language)
        out[url + " " + language] = [response.status_code, response.content.decode()]
api = client.get("/api/v2/pages/", {"type": "blog.BlogPage", "fields": "title"}, HTTP_HOST="localhost")
out["api"] = [api.status_code, api.content.decode()]
print("SNAPSHOT" + json.dumps(out))
'''.replace("OWN_PAGES", repr(OWN_PAGES))

USE = r'''
import json
from django.test import Client
client = Client()
out = {}
for url in ("/vi/phong-trao-thi-dua/", "/emulation-campaigns/", "/vi/tra-cuu-khen-thuong/", "/honours/",
            "/api/v2/campaigns/", "/api/v2/pages/"):
    response = client.get(url, HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="vi")
    out[url] = [response.status_code, response.content.decode()]
print("USE" + json.dumps(out))
'''


def snapshot(project, script, marker):
    return json.loads(run([sys.executable, "manage.py", "shell", "-c", script], cwd=project).split(marker, 1)[1])


def test_an_existing_site_keeps_its_pages_through_install_use_and_uninstall(tmp_path):
    """Issue 16: a department's existing site (its own page types, English by default with French, unprefixed
    English addresses, its own API router, sitemap and a base template without the app's blocks) installs the app
    as the guide says for such a site, uses it, uninstalls it; its own pages answer the same throughout."""
    project = tmp_path / "hostsite"
    shutil.copytree(HOST, project, ignore=shutil.ignore_patterns("__pycache__", "db.sqlite3"))
    manage = [sys.executable, "manage.py"]
    run([*manage, "makemigrations", "blog"], cwd=project)
    run([*manage, "migrate"], cwd=project)
    run([*manage, "shell", "-c", HOST_CONTENT], cwd=project)
    before = snapshot(project, SNAPSHOT, "SNAPSHOT")
    assert all(status == 200 for status, _html in before.values()), {k: v[0] for k, v in before.items()}
    assert "Hello, <b>world</b>." in before["/blog/first-post/ vi"][1]

    originals = {}
    for match in EXISTING_STEP.finditer(GUIDE.read_text(encoding="utf-8")):
        step, body = match["step"].strip(), match["body"]
        action, name, *after = step.split(" ", 3)
        target = project / name
        text = originals.setdefault(target, target.read_text(encoding="utf-8"))
        text = target.read_text(encoding="utf-8")
        if action == "append":
            target.write_text(text + "\n" + body, encoding="utf-8")
        else:  # "insert FILE after TEXT": after the last line holding TEXT
            assert action == "insert" and after[0] == "after", step
            lines = text.splitlines(keepends=True)
            last = max(i for i, line in enumerate(lines) if after[1] in line)
            target.write_text("".join(lines[:last + 1]) + body + "".join(lines[last + 1:]), encoding="utf-8")
    assert len(originals) == 2
    for _step, _lang, body in guide_steps():
        if _step == "run":
            for line in body.strip().splitlines():
                run([*manage, *line.split()[2:]], cwd=project)
    checks = run([*manage, "check"], cwd=project)
    assert "thidua_wagtail.W" not in checks

    during = snapshot(project, SNAPSHOT, "SNAPSHOT")
    assert during == before, [key for key in before if during.get(key) != before[key]]
    used = snapshot(project, USE, "USE")
    assert {url: status for url, (status, _html) in used.items()} == dict.fromkeys(used, 200)
    html = used["/vi/phong-trao-thi-dua/"][1]
    assert 'class="host-site"' in html and "Phong trào thi đua" in html  # in the site's own layout
    assert "Emulation campaigns" in used["/emulation-campaigns/"][1]  # English, unprefixed, like the site's
    assert json.loads(used["/api/v2/campaigns/"][1])["meta"]["total_count"] > 0

    for _step, _lang, body in guide_steps():
        if _step == "uninstall":
            for line in body.strip().splitlines():
                run([*manage, *line.split()[2:]], cwd=project)
    for target, text in originals.items():
        target.write_text(text, encoding="utf-8")
    run([*manage, "remove_stale_contenttypes", "--include-stale-apps", "--no-input"], cwd=project)
    after = snapshot(project, SNAPSHOT, "SNAPSHOT")
    assert after == before, [key for key in before if after.get(key) != before[key]]
    left = run([*manage, "shell", "-c", "from wagtail.models import Page; from django.contrib.auth.models import "
                "Group; print('LEFT', Page.objects.filter(locale__language_code='vi').count(), Group.objects.filter("
                "name__startswith='Thi đua').count())"], cwd=project)
    assert "LEFT 0 0" in left
