"""Benchmark: median render time of the app's pages against a bare Wagtail page of the same site.

    .venv/bin/python scripts/benchmark.py                      # SQLite and PostgreSQL, full size
    .venv/bin/python scripts/benchmark.py --scale 0.1 --databases sqlite
    .venv/bin/python scripts/benchmark.py --output docs/benchmark.md
    .venv/bin/python scripts/benchmark.py --http                # also over HTTP: gunicorn, Redis

For each database it builds a fresh site of 5,000 exemplary profiles, 2,000 news items, 50 campaigns and 1,000
official documents in
Vietnamese and English (times --scale), then renders each URL through Django's test client (the whole
request: URL routing, middleware, views, templates, database; no network) in ``--repeat`` rounds after two
warm-up rounds, each round requesting the baselines and every URL once (so that a slower moment of the machine
weighs on baseline and pages alike), and reports the median in milliseconds and as a ratio to the bare page
measured in the same rounds. Pages are measured three times: as deployed (anonymous responses cached, see
``thidua_wagtail/cache.py``; the warm-up fills the cache), with fragments cached only
(``THIDUA_PAGE_CACHE_TIMEOUT = 0``: what a signed-in editor gets) and with nothing cached (both 0: every
fragment and card rendered afresh, more than the first visit of a URL after a publish renders), and a fourth time
as deployed *while an editor publishes*: before each round a news item is published (the cache follows what it
touches, see ``cache.py``), and the share of the pages' responses served from the cache (the hit rate) is reported.

Baselines: ``bare`` is a plain Wagtail ``Page`` of the same site rendered by Wagtail's own template, one level
below the home page like the listings (the ratio the issue sets targets against); ``deep`` is one more level
down, like detail pages (Wagtail's routing costs a query or two per level); ``chrome`` is the bare page in the
site's layout (header, menu, language switcher, metadata, footer), uncached, to show what the layout costs.

With ``--http`` the same pages are also requested over HTTP from gunicorn (two sync workers, the cache in Redis
shared by the workers and the benchmark process, which publishes), one connection, round robin as above: as
deployed, while publishing, and with nothing cached (a gunicorn started with both timeouts 0). The in-process
figures then use the same Redis.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASES = {
    "sqlite": "sqlite:////tmp/thidua-bench.sqlite3",
    "postgres": "postgres://postgres@127.0.0.1:5432/thidua_bench",
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full-size site (default 1)")
    parser.add_argument("--databases", default="sqlite,postgres", help="comma-separated: sqlite, postgres")
    parser.add_argument("--repeat", type=int, default=25, help="measured rounds (default 25)")
    parser.add_argument("--output", help="also write the report (Markdown) to this file")
    parser.add_argument("--http", action="store_true", help="also measure over HTTP (gunicorn, Redis)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker(args)
    sections = []
    for name in args.databases.split(","):
        name = name.strip()
        if name not in DATABASES:
            parser.error(f"unknown database {name!r}: choose from {', '.join(DATABASES)}")
        command = [sys.executable, __file__, "--worker", name, "--scale", str(args.scale), "--repeat", str(args.repeat)]
        env = {**os.environ, "THIDUA_BENCH_DATABASE_URL": DATABASES[name], "PYTHONPATH": str(ROOT),
               "DJANGO_SETTINGS_MODULE": "benchmarks.settings"}
        if args.http:
            command.append("--http")
            env.update(THIDUA_BENCH_REDIS_URL="redis://127.0.0.1:6379/13",
                       THIDUA_BENCH_CACHE_PREFIX=f"thidua-bench-{os.getpid()}-{name}")
        result = subprocess.run(command, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            sys.stderr.write(result.stdout + result.stderr)
            sys.exit(f"benchmark on {name} failed")
        sections.append(result.stdout)
        print(result.stdout, flush=True)
    if args.output:
        Path(args.output).write_text("\n".join(sections), encoding="utf-8")


# ---------------------------------------------------------------------------
# The worker: one database, one process.
# ---------------------------------------------------------------------------


def worker(args):
    import django

    prepare_database(args.worker)
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    site = build_site(args.scale)
    build_seconds = time.perf_counter() - started
    rows = measure(site, args.repeat)
    report(args, site, rows, build_seconds)
    if args.http:
        report_http(args, measure_http(site, args.repeat))


def prepare_database(name):
    url = os.environ["THIDUA_BENCH_DATABASE_URL"]
    if name == "sqlite":
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    else:
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as connection:
            connection.execute("DROP DATABASE IF EXISTS thidua_bench")
            connection.execute("CREATE DATABASE thidua_bench")


def build_site(scale):
    import datetime

    from django.db import transaction
    from taggit.models import Tag
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.models import Locale, Page, Site
    from wagtail.signal_handlers import disable_reference_index_auto_update

    from thidua_wagtail.awards import load_default_awards
    from thidua_wagtail.models import (
        Award,
        CampaignIndexPage,
        CampaignPage,
        ExemplaryProfilePage,
        NewsIndexPage,
        NewsPage,
        NewsPageTag,
        NewsRelatedCampaign,
        NewsRelatedProfile,
        OfficialDocument,
        ProfileCampaign,
        ProfileHonour,
        ProfileIndexPage,
        Unit,
    )

    D = datetime.date

    def fast(page):
        """Skip Page.full_clean (its sibling-slug check scans the siblings: quadratic over 5,000 children);
        the builder makes unique slugs itself."""
        page.full_clean = lambda *args, **kwargs: None
        return page

    counts = {"profiles": round(5000 * scale), "news": round(2000 * scale), "campaigns": max(1, round(50 * scale)),
              "documents": max(1, round(1000 * scale))}
    with transaction.atomic(), disable_reference_index_auto_update():
        vi = Locale.objects.get_or_create(language_code="vi")[0]
        en = Locale.objects.get_or_create(language_code="en")[0]
        root = Page.get_first_root_node()
        for child in root.get_children():
            child.delete()
        Site.objects.all().delete()
        home = {vi: root.add_child(instance=Page(title="Trang chủ", slug="home", locale=vi))}
        home[en] = home[vi].copy_for_translation(en)
        home[en].save_revision().publish()
        Site.objects.create(hostname="localhost", root_page=home[vi], is_default_site=True)
        images = [Image.objects.create(title=f"Ảnh {i}", file=get_test_image_file()) for i in range(5)]
        load_default_awards(vi)
        units, awards = {}, {}
        for locale in (vi, en):
            if locale == en:
                for award in Award.objects.filter(locale=vi):
                    award.copy_for_translation(en).save()
            units[locale] = [Unit.objects.create(name=f"Đơn vị {i}", locale=locale) for i in range(8)]
            awards[locale] = list(Award.objects.filter(locale=locale))
        tags = [Tag.objects.create(name=f"chủ đề {i}", slug=f"chu-de-{i}") for i in range(10)]
        keys = {}
        pages = {}
        for locale in (vi, en):
            h = home[locale]
            suffix = "" if locale == vi else " (EN)"
            ci = h.add_child(instance=CampaignIndexPage(title=f"Phong trào{suffix}", slug="phong-trao", locale=locale,
                                                        show_in_menus=True))
            pi = h.add_child(instance=ProfileIndexPage(title=f"Điển hình{suffix}", slug="dien-hinh", locale=locale,
                                                       show_in_menus=True))
            ni = h.add_child(instance=NewsIndexPage(title=f"Tin tức{suffix}", slug="tin-tuc", locale=locale,
                                                    show_in_menus=True))
            plain = h.add_child(instance=Page(title=f"Giới thiệu{suffix}", slug="gioi-thieu", locale=locale))
            deep = plain.add_child(instance=Page(title=f"Chức năng{suffix}", slug="chuc-nang", locale=locale))

            def key(kind, i, _locale=locale):
                return keys.setdefault((kind, i), __import__("uuid").uuid4())

            campaigns = []
            for i in range(counts["campaigns"]):
                campaigns.append(ci.add_child(instance=fast(CampaignPage(
                    title=f"Phong trào thi đua số {i}{suffix}", slug=f"phong-trao-{i}", locale=locale,
                    translation_key=key("c", i), campaign_type=["regular", "thematic", "phased"][i % 3],
                    launching_authority="Sở Khoa học và Công nghệ", start_date=D(2015 + i % 12, 1, 1),
                    end_date=None if i % 3 == 0 else D(2016 + i % 12, 12, 31), summary=f"Tóm tắt phong trào {i}",
                    hero_image=images[i % 5], purposes="<ul><li>Phát huy tinh thần chủ động</li></ul>",
                    content=[("paragraph", "<p>Nội dung phong trào thi đua yêu nước</p>")]))))
            profiles = bulk_add_children(pi, [ExemplaryProfilePage(
                title=f"Nguyễn Văn Điển Hình {i}{suffix}", slug=f"dien-hinh-{i}", locale=locale,
                translation_key=key("p", i), kind="individual" if i % 4 else "collective",
                year_recognised=2010 + i % 16, achievements=f"Thành tích tiêu biểu số {i} trong phong trào thi đua",
                unit=units[locale][i % 8], photo=images[i % 5]) for i in range(counts["profiles"])])
            ProfileHonour.objects.bulk_create([
                ProfileHonour(profile=profile, locale=locale, sort_order=0, year=2010 + i % 16,
                              award=awards[locale][i % len(awards[locale])]) for i, profile in enumerate(profiles)])
            ProfileCampaign.objects.bulk_create([
                ProfileCampaign(profile=profile, sort_order=0, campaign=campaigns[i % len(campaigns)])
                for i, profile in enumerate(profiles)])
            news_items = bulk_add_children(ni, [NewsPage(
                title=f"Tin thi đua khen thưởng số {i}{suffix}", slug=f"tin-{i}", locale=locale,
                translation_key=key("n", i), date=D(2015 + i % 12, 1 + i % 12, 1 + i % 28),
                summary=f"Tóm tắt tin số {i}", image=images[i % 5],
                body=[("paragraph", "<p>Nội dung tin về điển hình tiên tiến</p>")]) for i in range(counts["news"])])
            NewsRelatedCampaign.objects.bulk_create([
                NewsRelatedCampaign(page=news, sort_order=0, campaign=campaigns[i % len(campaigns)])
                for i, news in enumerate(news_items)])
            NewsRelatedProfile.objects.bulk_create([
                NewsRelatedProfile(page=news, sort_order=0, profile=profiles[i % len(profiles)])
                for i, news in enumerate(news_items)])
            NewsPageTag.objects.bulk_create([
                NewsPageTag(content_object=news, tag=tags[i % len(tags)]) for i, news in enumerate(news_items)])
            documents = OfficialDocument.objects.bulk_create([OfficialDocument(
                locale=locale, translation_key=key("d", i), number=f"{i + 1}/{['KH', 'QĐ', 'CV'][i % 3]}-UBND",
                doc_type=["plan", "decision", "official_letter"][i % 3],
                title=f"{['Kế hoạch', 'Quyết định', 'Công văn'][i % 3]} về công tác thi đua, khen thưởng số {i}{suffix}",
                issue_date=D(2015 + i % 12, 1 + i % 12, 1 + i % 28), effective_date=D(2015 + i % 12, 1 + i % 12, 1 + i % 28),
                issuing_body=f"Cơ quan ban hành {i % 5}", area=f"Lĩnh vực {i % 3}", summary=f"Trích yếu văn bản số {i}")
                for i in range(counts["documents"])])
            pages[locale] = {"campaigns": ci, "document": documents[0], "profiles": pi, "news": ni, "plain": plain, "deep": deep, "campaign": campaigns[0],
                             "profile": profiles[0], "unit": units[locale][1], "award": awards[locale][2]}
    from django.core.management import call_command

    call_command("update_index", verbosity=0)  # the bulk-made pages were not indexed as they were made
    from django.db import connection

    with connection.cursor() as cursor:
        # Planner statistics and, on PostgreSQL, the visibility map (index-only scans) and no dead rows left by the
        # index's rebuild: what autovacuum gives a database in service. ANALYZE alone left PostgreSQL planning the
        # documents' full-text candidates as a scan of every document (8.7 ms against 1.6 ms at full size).
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return {"counts": counts, "vi": pages[vi], "en": pages[en]}


def bulk_add_children(parent, pages):
    """Add ``pages`` (unsaved, all of one type) as live children of ``parent``, in a few queries.

    ``Page.add_child`` locks and scans the tree for each page (quadratic over thousands of siblings on SQLite,
    whose ``LIKE`` on the path cannot use an index): this writes the tree fields treebeard would write, the base
    ``wagtailcore_page`` rows with one bulk insert and the page type's own rows with another. No revisions are
    made (a live page does not need one to be served) and the search index is updated afterwards.
    """
    import datetime

    from django.contrib.contenttypes.models import ContentType
    from django.db.models import F
    from django.utils import timezone
    from wagtail.models import Page

    from thidua_wagtail.text import fold

    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    parent.refresh_from_db()
    now = timezone.now()
    base_fields = [field.attname for field in Page._meta.concrete_fields if field.attname != "id"]
    for n, page in enumerate(pages, start=parent.numchild + 1):
        page.path = Page._get_path(parent.path, parent.depth + 1, n)
        page.depth, page.numchild = parent.depth + 1, 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.live, page.has_unpublished_changes, page.draft_title = True, False, page.title
        page.first_published_at = page.last_published_at = now - datetime.timedelta(minutes=n)
        if hasattr(page, "folded_name"):  # what ExemplaryProfilePage.save() writes
            page.folded_name = fold(page.title)[:255]
    bases = Page.objects.bulk_create(
        [Page(**{name: getattr(page, name) for name in base_fields}) for page in pages], batch_size=500)
    for page, base in zip(pages, bases, strict=True):
        page.id = page.page_ptr_id = base.pk
        page._state.adding, page._state.db = False, "default"
    for start in range(0, len(pages), 500):
        model._base_manager._insert(pages[start:start + 500], fields=model._meta.local_concrete_fields)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return pages


def measure(site, repeat):
    from django.test import Client, override_settings

    client = Client()
    vi = site["vi"]
    c, p, n = vi["campaigns"].url, vi["profiles"].url, vi["news"].url
    plain = vi["plain"]
    chrome_url = plain.url
    urls = [
        ("Campaign list", c),
        ("Campaign list, filtered (status, type, year)", f"{c}?status=ongoing&type=regular&year=2020"),
        ("Profile list", p),
        ("Profile list, filtered (kind, unit, award)",
         f"{p}?kind=individual&unit={vi['unit'].pk}&award={vi['award'].pk}"),
        ("Profile list, page 200", f"{p}?page=200"),
        ("News list", n),
        ("News list, filtered (year, campaign)", f"{n}?year=2020&campaign={vi['campaign'].pk}"),
        ("Campaign page", vi["campaign"].url),
        ("Profile page", vi["profile"].url),
        ("English profile list", site["en"]["profiles"].url),
        ("Search, no diacritics, broad (\"dien hinh\": every profile)", "/vi/tim-kiem/?q=dien+hinh"),
        ("Search, no diacritics, narrow (\"tin thi dua so 1999\")", "/vi/tim-kiem/?q=tin+thi+dua+so+1999"),
        ("News feed (RSS)", "/vi/feeds/news/rss/"),
        ("Document registry", "/vi/van-ban-thi-dua/"),
        ("Document registry, filtered and searched (type, year, \"ke hoach\")",
         "/vi/van-ban-thi-dua/?doc_type=plan&year=2015&q=ke+hoach"),
        ("Document page", f"/vi/van-ban-thi-dua/{vi['document'].pk}/"),
        ("Organisation page", "/vi/co-cau-to-chuc/"),
        ("API: profiles, Vietnamese", "/api/v2/profiles/?locale=vi"),
    ]

    from wagtail.models import Page

    chrome = "benchmarks/chrome_page.html"  # the bare page in the site's layout
    baselines = [("bare", plain.url, None), ("deep", vi["deep"].url, None), ("chrome", chrome_url, chrome)]
    targets = baselines + [(label, url, None) for label, url in urls]
    modes = {
        "warm": {},
        "fragments": {"THIDUA_PAGE_CACHE_TIMEOUT": 0},
        "cold": {"THIDUA_PAGE_CACHE_TIMEOUT": 0, "THIDUA_FRAGMENT_CACHE_TIMEOUT": 0},
        "publishing": {},
    }
    from thidua_wagtail.cache import CACHE_HEADER

    cache_states = {"hit": 0, "miss": 0, "uncached": 0}
    default_template = Page.template  # Wagtail's own "wagtailcore/page.html"

    def get(url, template, states=None):
        Page.template = template or default_template
        try:
            start = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - start) * 1000
        finally:
            Page.template = default_template
        assert response.status_code == 200, (url, response.status_code)
        if states is not None:
            states[response.get(CACHE_HEADER, "uncached")] += 1
        return elapsed

    # Round robin: each round requests every baseline and every page once, so that a slower moment of the
    # machine weighs on the baseline and the pages alike (the ratios are what is compared).
    medians = {}
    for mode, overrides in modes.items():
        with override_settings(**overrides):
            samples = {label: [] for label, _url, _template in targets}
            for round_number in range(repeat + 2):
                if mode == "publishing":
                    publish_news(site, round_number)
                for label, url, template in targets:
                    counted = mode == "publishing" and round_number >= 2 and template is None and \
                        label not in ("bare", "deep")
                    elapsed = get(url, template, cache_states if counted else None)
                    if round_number >= 2:  # two warm-up rounds
                        samples[label].append(elapsed)
        medians[mode] = {label: statistics.median(times) for label, times in samples.items()}
    rows = {"baseline": {name: {mode: medians[mode][name] for mode in modes} for name, _u, _t in baselines}}
    for label, url in urls:
        rows[label] = {"url": url, **{mode: medians[mode][label] for mode in modes}}
    rows["baseline"]["cache_states"] = cache_states
    return rows


def report(args, site, rows, build_seconds):
    import django
    import wagtail
    from django.db import connection

    base = rows["baseline"]
    bare = base["bare"]["warm"]
    counts = site["counts"]
    print(f"## {connection.vendor} ({connection.Database.__name__} {getattr(connection.Database, 'sqlite_version', '')}".rstrip()
          + f"), Django {django.get_version()}, Wagtail {wagtail.__version__}\n")
    print(f"Site: {counts['profiles']} profiles, {counts['news']} news items, {counts['campaigns']} campaigns, "
          f"{counts['documents']} official documents, "
          f"each in Vietnamese and English (built in {build_seconds:.0f} s). Median of {args.repeat} rounds after "
          "2 warm-up rounds; each round requests the baselines and every page once, through Django's test client. "
          "Each ratio is against the bare page measured in the same rounds.\n")
    print(f"Baseline, a bare Wagtail page (Wagtail's own template, one level below the home page, like the "
          f"listings): **{bare:.1f} ms** (fragments only: {base['bare']['fragments']:.1f}, nothing cached: "
          f"{base['bare']['cold']:.1f}). A bare page one level deeper, like a campaign, profile or news page: "
          f"{base['deep']['warm']:.1f} ms ({base['deep']['warm'] / bare:.2f}×: Wagtail's routing costs queries per "
          f"level). The bare page in the site's layout, nothing cached: {base['chrome']['cold']:.1f} ms "
          f"({base['chrome']['cold'] / base['bare']['cold']:.2f}×); with the layout's fragments cached: "
          f"{base['chrome']['warm']:.1f} ms ({base['chrome']['warm'] / bare:.2f}×).\n")
    states = base["cache_states"]
    served = states["hit"] + states["miss"]
    print(f"While publishing (a news item before each round): {states['hit']} of {served} page responses came "
          f"from the cache (hit rate {states['hit'] / max(served, 1):.0%}); the misses are what a publish touches "
          "(the news list, the feed, search) and the first visit of each URL.\n")
    print("| Page | as deployed: ms | × bare | while publishing: ms | × bare | fragments only: ms | × bare "
          "| nothing cached: ms | × bare |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, row in rows.items():
        if label == "baseline":
            continue
        cells = [f"{row[mode]:.1f} | {row[mode] / base['bare'][mode]:.2f}"
                 for mode in ("warm", "publishing", "fragments", "cold")]
        print(f"| {label} | " + " | ".join(cells) + " |")
    print()

def http_targets(site):
    vi = site["vi"]
    c, p, n = vi["campaigns"].url, vi["profiles"].url, vi["news"].url
    return [
        ("bare", vi["plain"].url),
        ("Campaign list", c),
        ("Profile list, filtered (kind, unit, award)",
         f"{p}?kind=individual&unit={vi['unit'].pk}&award={vi['award'].pk}"),
        ("News list", n),
        ("Campaign page", vi["campaign"].url),
        ("Profile page", vi["profile"].url),
        ("Search, no diacritics, broad (\"dien hinh\")", "/vi/tim-kiem/?q=dien+hinh"),
        ("Document registry", "/vi/van-ban-thi-dua/"),
        ("Organisation page", "/vi/co-cau-to-chuc/"),
        ("API: profiles, Vietnamese", "/api/v2/profiles/?locale=vi"),
    ]


def start_gunicorn(extra_env):
    import socket
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, **extra_env}
    server = subprocess.Popen([str(Path(sys.executable).parent / "gunicorn"), "benchmarks.wsgi", "--bind",
                               f"127.0.0.1:{port}", "--workers", "2", "--chdir", str(ROOT)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/vi/", timeout=5).read()
            return server, port
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise RuntimeError("gunicorn did not start")


def measure_http(site, repeat):
    """Median milliseconds of each target over HTTP, per mode, and the hit rate while publishing."""
    import http.client

    from django.core.cache import cache

    from thidua_wagtail.cache import CACHE_HEADER

    targets = http_targets(site)
    modes = {"warm": {}, "publishing": {},
             "cold": {"THIDUA_PAGE_CACHE_TIMEOUT": "0", "THIDUA_FRAGMENT_CACHE_TIMEOUT": "0"}}
    medians, states = {}, {"hit": 0, "miss": 0, "uncached": 0}
    number = 1000
    for mode, extra in modes.items():
        server, port = start_gunicorn(extra)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        samples = {label: [] for label, _url in targets}
        try:
            for round_number in range(repeat + 2):
                if mode == "publishing":
                    number += 1
                    publish_news(site, number)
                for label, url in targets:
                    start = time.perf_counter()
                    connection.request("GET", url)
                    response = connection.getresponse()
                    response.read()
                    elapsed = (time.perf_counter() - start) * 1000
                    assert response.status == 200, (url, response.status)
                    if round_number >= 2:
                        samples[label].append(elapsed)
                        if mode == "publishing" and label != "bare":
                            states[response.getheader(CACHE_HEADER) or "uncached"] += 1
        finally:
            connection.close()
            server.terminate()
            server.wait(timeout=20)
        medians[mode] = {label: statistics.median(times) for label, times in samples.items()}
        cache.clear()
    return {"medians": medians, "states": states, "targets": [label for label, _url in targets]}


def publish_news(site, number):
    from thidua_wagtail.models import NewsPage

    page = NewsPage(title=f"Tin đăng trong khi đo {number}", slug=f"tin-dang-trong-khi-do-{number}",
                    summary="Tin đăng trong khi đo.", body=[("paragraph", "<p>Nội dung.</p>")])
    site["vi"]["news"].add_child(instance=page)
    page.save_revision().publish()


def report_http(args, result):
    medians, states = result["medians"], result["states"]
    served = states["hit"] + states["miss"]
    print("### Over HTTP: gunicorn (2 sync workers), the cache in Redis, one connection\n")
    print(f"Median of {args.repeat} rounds after 2 warm-up rounds, each round requesting every URL once; ratios against "
          f"the bare page in the same rounds and mode. While publishing, {states['hit']} of {served} page responses "
          f"came from the cache (hit rate {states['hit'] / max(served, 1):.0%}).\n")
    print("| Page | as deployed: ms | × bare | while publishing: ms | × bare | nothing cached: ms | × bare |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label in result["targets"]:
        cells = [f"{medians[mode][label]:.1f} | {medians[mode][label] / medians[mode]['bare']:.2f}"
                 for mode in ("warm", "publishing", "cold")]
        print(f"| {label} | " + " | ".join(cells) + " |")
    print()


if __name__ == "__main__":
    main()
