"""The install guide (docs/install.md), followed literally in a project made by `wagtail start`.

The marked blocks of the guide are executed: appended to the named files, or run as commands with this
interpreter. The install step is checked, not run: the package is already installed in this environment (nox
installs it into each Wagtail version's environment). Then every page type is rendered in both languages.
"""

import os
import re
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
from thidua_wagtail.models import (CampaignIndexPage, CampaignPage, ExemplaryProfilePage, NewsIndexPage, NewsPage,
                                   NominationPage, ProfileIndexPage, StatisticsPage)
client = Client()
out = {}
for model in (CampaignIndexPage, CampaignPage, ProfileIndexPage, ExemplaryProfilePage, NewsIndexPage, NewsPage,
              NominationPage, StatisticsPage):
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
        "/admin/thidua_nominations/", reverse("thidua_nominations:edit", args=[nomination.pk])]
for model in (CampaignIndexPage, CampaignPage, ProfileIndexPage, ExemplaryProfilePage, NewsIndexPage, NewsPage,
              NominationPage, StatisticsPage):
    urls.append(f"/admin/pages/{model.objects.order_by('path').first().pk}/edit/")
admin = {}
for name, user in (("superuser", superuser), ("office", office)):
    editor = Client()
    editor.force_login(user)
    for url in urls:
        admin[name + " " + url] = editor.get(url, HTTP_HOST="localhost").status_code
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
    assert set(admin.values()) == {200}, admin
    expected = {f"{model}:{lang}" for lang in ("vi", "en") for model in (
        "CampaignIndexPage", "CampaignPage", "ProfileIndexPage", "ExemplaryProfilePage", "NewsIndexPage", "NewsPage",
        "NominationPage", "StatisticsPage")}
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
