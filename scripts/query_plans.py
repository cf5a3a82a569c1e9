"""Query plans of the slowest queries of the benchmark's pages, for docs/query-plans.md.

    THIDUA_BENCH_DATABASE_URL=sqlite:////tmp/thidua-bench.sqlite3 .venv/bin/python scripts/query_plans.py
    THIDUA_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/thidua_bench .venv/bin/python scripts/query_plans.py

Run it against a database the benchmark built (``scripts/benchmark.py`` leaves it behind). For each page it
requests the page once with nothing cached (after a warm-up), times each SQL query, and prints the plan of the
slowest ones: ``EXPLAIN QUERY PLAN`` on SQLite, ``EXPLAIN ANALYZE`` on PostgreSQL.
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")


def main():
    import django

    django.setup()
    from django.db import connection
    from django.test import Client, override_settings
    from wagtail.models import Page

    from thidua_wagtail.models import ProfileIndexPage, Unit

    profiles = ProfileIndexPage.objects.filter(locale__language_code="vi").first()
    news = Page.objects.filter(url_path__endswith="/tin-tuc/", locale__language_code="vi").first()
    unit = Unit.objects.filter(locale__language_code="vi").order_by("pk")[1]
    pages = [
        ("Profile list", profiles.url),
        ("Profile list, filtered by unit", f"{profiles.url}?unit={unit.pk}"),
        ("News list", news.url),
        ("Search, broad (\"dien hinh\")", "/vi/tim-kiem/?q=dien+hinh"),
        ("Document registry, searched (\"ke hoach\")", "/vi/van-ban-thi-dua/?q=ke+hoach"),
        ("API: profiles", "/api/v2/profiles/?locale=vi"),
    ]
    client = Client()
    print(f"## {connection.vendor}\n")
    with override_settings(THIDUA_PAGE_CACHE_TIMEOUT=0, THIDUA_FRAGMENT_CACHE_TIMEOUT=0):
        for label, url in pages:
            client.get(url)
            timed = []

            def wrapper(execute, sql, params, many, context, timed=timed):
                start = time.perf_counter()
                try:
                    return execute(sql, params, many, context)
                finally:
                    timed.append(((time.perf_counter() - start) * 1000, sql, params))

            with connection.execute_wrapper(wrapper):
                response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            print(f"### {label}: `{url}`\n")
            print(f"{len(timed)} queries, {sum(t for t, _s, _p in timed):.1f} ms of SQL. The slowest:\n")
            for ms, sql, params in sorted(timed, key=lambda row: row[0], reverse=True)[:2]:
                explain = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN (ANALYZE, COSTS OFF) "
                with connection.cursor() as cursor:
                    cursor.execute(explain + sql, params)
                    rows = cursor.fetchall()
                plan = "\n".join(row[-1] if connection.vendor == "sqlite" else row[0] for row in rows)
                short = " ".join(sql.split())
                print(f"- {ms:.1f} ms: `{short[:160]}{'…' if len(short) > 160 else ''}`\n")
                print("```\n" + plan + "\n```\n")


if __name__ == "__main__":
    main()
