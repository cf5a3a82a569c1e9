"""The profiles' and the news items' list orders as indexes: a list page reads its keys from one and stops at the
page's last one (``querysets.SectionPaginator``). They replace the indexes on the year and on the date alone, from
which the database still sorted a whole year's profiles by name, or a day's news by key."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("thidua_wagtail", "0020_page_listing_index"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="exemplaryprofilepage",
            name="thidua_profile_year_idx",
        ),
        migrations.AddIndex(
            model_name="exemplaryprofilepage",
            index=models.Index(fields=["-year_recognised", "folded_name"], name="thidua_profile_order_idx"),
        ),
        migrations.RemoveIndex(
            model_name="newspage",
            name="thidua_news_date_idx",
        ),
        migrations.AddIndex(
            model_name="newspage",
            index=models.Index(fields=["-date", "-page_ptr"], name="thidua_news_order_idx"),
        ),
    ]
