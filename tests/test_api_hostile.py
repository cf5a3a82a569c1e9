"""The read API answers every malformed parameter with a 400 and a message, never a 500 (issue 15, item 5):
the cases the outside probe found, then the hostile-input generator of test_hostile.py aimed at every
parameter the endpoints know, Wagtail's own included."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua_wagtail.api import api_router

from .test_hostile import HYPOTHESIS, NASTY, values

PROBE_CASES = [
    "news/?date=x", "news/?date=2024-13-45", "campaigns/?start_date=2024", "campaigns/?end_date=",
    "pages/find/?id=x", "pages/?search=%00", "pages/?offset=" + "9" * 25, "pages/?locale=%00",
    "pages/find/?html_path=%00", "profiles/?year_recognised=" + "9" * 25, "pages/?child_of=" + "9" * 25,
    "pages/?id=" + "9" * 30, "news/?limit=" + "9" * 25, "campaigns/?title=a%00b", "pages/?fields=%01",
]


@pytest.mark.parametrize("query", PROBE_CASES)
def test_probe_cases_are_400_with_a_message(client, site_urls, query):
    response = client.get("/api/v2/" + query)
    assert response.status_code == 400, (query, response.content[:200])
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["message"]


def test_good_values_still_filter(client, site_urls):
    assert client.get("/api/v2/campaigns/?start_date=2024-01-01").status_code == 200
    response = client.get("/api/v2/pages/?offset=0&limit=5&type=thidua_wagtail.CampaignPage")
    assert response.status_code == 200 and response.json()["meta"]["total_count"] == 1
    assert client.get("/api/v2/pages/find/?html_path=/").status_code in (302, 404)


def endpoint_parameters():
    """Every parameter name each endpoint accepts: Wagtail's known ones, the app's filters and the model's
    database fields (the field filters)."""
    names = {}
    for name, viewset in api_router._endpoints.items():
        known = set(viewset.known_query_parameters) | set(viewset.find_query_parameters)
        known |= set(getattr(viewset, "api_filters", ()))
        model = viewset.model
        known |= {field.name for field in model._meta.get_fields() if getattr(field, "concrete", False)}
        names[name] = sorted(known)
    return names


PARAMETERS = endpoint_parameters()
DATE_LIKE = ["2024", "2024-02-30", "2024-01-01", "x", "-1", "0001-01-01", "9999-12-31T99", "2024-01-01%00"]


def test_generated_api_queries_never_500(client, site_urls):
    seen = []
    endpoint = st.sampled_from(sorted(PARAMETERS))

    @HYPOTHESIS
    @given(data=st.data(), name=endpoint, find=st.booleans())
    def check(data, name, find):
        keys = st.sampled_from(PARAMETERS[name])
        params = data.draw(st.lists(st.tuples(keys, values | st.sampled_from(DATE_LIKE + NASTY)), max_size=5))
        url = f"/api/v2/{name}/" + ("find/" if find else "")
        response = client.get(url, params)
        seen.append(1)
        assert response.status_code < 500, (url, params)
        if response.status_code == 400:
            assert response.json()["message"]

    check()
    assert len(seen) >= 500
    assert {"date", "start_date", "end_date", "html_path", "offset"} <= {k for v in PARAMETERS.values() for k in v}
