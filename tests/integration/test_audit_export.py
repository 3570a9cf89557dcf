"""The audit log surface of issue 7: filters, keyset paging with a cursor, the streamed
export (CSV / JSON / NDJSON) over the API and `sspr audit export`, and who may read it."""

import csv
import io
import json

import sspr_harness as h

DOMAIN = "contoso.test"
PASSWORD = "Correct-Horse-Battery-9"
COLUMNS = ["time", "tenant", "category", "activity", "actor", "target", "result",
           "result_reason", "correlation_id", "support_code", "client_ip", "details"]


def add_users(api, count, prefix="user"):
    for i in range(count):
        api.ok("POST", "/api/v1/users", expected=(201,),
               json={"upn": f"{prefix}{i:03d}@{DOMAIN}", "display_name": f"=cmd|' /C calc'!A{i}"})


def failed_sign_in(server, upn):
    response = h.Api(server.base_url).post("/api/v1/session",
                                           json={"user_id": upn, "password": "wrong-password"})
    assert response.status_code in (400, 401, 403), h.describe_response(response)


def test_filters_and_cursor_paging(contoso):
    api = contoso.api
    add_users(api, 25)
    api.ok("POST", f"/api/v1/users/user003@{DOMAIN}/password", expected=(204,),
           json={"password": PASSWORD})
    failed_sign_in(contoso.server, f"user003@{DOMAIN}")

    # Paging: 25 "Add user" records in pages of 10, newest first, no duplicates, no gaps.
    seen, cursor, pages = [], None, 0
    while True:
        params = {"activity": "Add user", "limit": 10}
        if cursor:
            params["cursor"] = cursor
        page = api.ok("GET", "/api/v1/audit", params=params)
        assert page["events"] == page["value"]
        seen += [e["target"] for e in page["value"]]
        cursor = page["next_cursor"]
        pages += 1
        if cursor is None:
            break
    assert pages == 3
    assert seen == [f"user{i:03d}@{DOMAIN}" for i in reversed(range(25))]

    # user = the target or the actor.
    mine = api.ok("GET", "/api/v1/audit", params={"user": f"user003@{DOMAIN}"})["value"]
    assert {e["activity"] for e in mine} >= {"Add user", "Reset password (by admin)",
                                             "Sign in (self-service)"}
    assert all(f"user003@{DOMAIN}" in (e["target"], e["actor"]) for e in mine)

    failures = api.ok("GET", "/api/v1/audit", params={"result": "failure"})["value"]
    assert [e["activity"] for e in failures] == ["Sign in (self-service)"]
    assert failures[0]["result_reason"]
    sspr_successes = api.ok("GET", "/api/v1/audit",
                            params={"category": "Self-service password management",
                                    "result": "success"})["value"]
    assert [(e["activity"], e["target"]) for e in sspr_successes] == [
        ("Reset password (by admin)", f"user003@{DOMAIN}")]

    corr = mine[0]["correlation_id"]
    by_corr = api.ok("GET", "/api/v1/audit", params={"correlation_id": corr})["value"]
    assert by_corr and all(e["correlation_id"] == corr for e in by_corr)

    everything = api.ok("GET", "/api/v1/audit", params={"limit": 1000})["value"]
    middle = everything[len(everything) // 2]["time"]
    newer = api.ok("GET", "/api/v1/audit", params={"since": middle, "limit": 1000})["value"]
    older = api.ok("GET", "/api/v1/audit", params={"until": middle, "limit": 1000})["value"]
    assert all(e["time"] >= middle for e in newer) and all(e["time"] < middle for e in older)
    assert len(newer) + len(older) == len(everything)
    assert api.ok("GET", "/api/v1/audit", params={"until": "2000-01-01"})["value"] == []


def test_bad_filter_values_get_400(contoso):
    for params, field in (({"limit": 0}, "limit"), ({"limit": 1001}, "limit"),
                          ({"limit": "x"}, "limit"), ({"since": "yesterday"}, "since"),
                          ({"result": "maybe"}, "result"), ({"cursor": "abc"}, "cursor"),
                          ({"since": "2026-02-01", "until": "2026-01-01"}, "until")):
        response = contoso.api.get("/api/v1/audit", params=params)
        h.assert_api_error(response, 400, "InvalidInput")
        assert field in response.json()["error"]["technical"], response.text
    response = contoso.api.get("/api/v1/audit/export", params={"format": "xml"})
    h.assert_api_error(response, 400, "InvalidInput")


def test_csv_export_streams_every_record_and_parses_back(contoso):
    api = contoso.api
    add_users(api, 40)
    response = api.request("GET", "/api/v1/audit/export", params={"format": "csv"}, stream=True)
    assert response.status_code == 200, h.describe_response(response)
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers.get("Transfer-Encoding") == "chunked"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith(f'attachment; filename="audit-{DOMAIN}-')
    assert disposition.endswith('.csv"')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"), newline="")))
    assert rows[0] == COLUMNS
    records = [dict(zip(COLUMNS, row)) for row in rows[1:]]
    listed = api.ok("GET", "/api/v1/audit", params={"limit": 1000})["value"]
    assert len(records) == len(listed)
    assert [r["correlation_id"] for r in records] == [e["correlation_id"] for e in reversed(listed)]
    added = [r for r in records if r["activity"] == "Add user"]
    assert len(added) == 40 and all(r["tenant"] == DOMAIN for r in added)
    # The display name starts with '=': inside details (a JSON text) it is harmless, and the
    # details column parses back as the JSON the API shows.
    assert json.loads(added[0]["details"])["display_name"].startswith("=cmd")

    filtered = api.request("GET", "/api/v1/audit/export",
                           params={"format": "csv", "user": f"user007@{DOMAIN}"})
    rows = list(csv.reader(io.StringIO(filtered.text, newline="")))
    assert len(rows) == 2 and rows[1][COLUMNS.index("target")] == f"user007@{DOMAIN}"


def test_json_and_ndjson_exports_match_the_list(contoso):
    api = contoso.api
    add_users(api, 5)
    as_array = api.request("GET", "/api/v1/audit/export", params={"format": "json"})
    assert as_array.status_code == 200 and as_array.headers["Content-Type"] == "application/json"
    array = as_array.json()
    lines = api.request("GET", "/api/v1/audit/export",
                        params={"format": "ndjson"}).text.strip().split("\n")
    assert [json.loads(line) for line in lines] == array
    listed = list(reversed(api.ok("GET", "/api/v1/audit")["value"]))
    assert [list(r) for r in array] == [COLUMNS] * len(array)
    assert [(r["time"], r["activity"], r["target"], r["details"]) for r in array] == \
        [(e["time"], e["activity"], e["target"], e["details"]) for e in listed]


def test_a_large_export_streams_thousands_of_rows(contoso):
    api = contoso.api
    add_users(api, 2500, prefix="bulk")
    response = api.request("GET", "/api/v1/audit/export", params={"format": "csv"}, stream=True)
    assert response.status_code == 200
    # (iter_lines may split a CRLF that straddles two chunks: skip the empty line it makes.)
    reader = csv.reader(line.decode("utf-8") for line in response.iter_lines() if line)
    assert next(reader) == COLUMNS
    rows = list(reader)
    added = [row[COLUMNS.index("target")] for row in rows if row[3] == "Add user"]
    assert added == [f"bulk{i:03d}@{DOMAIN}" for i in range(2500)]
    assert len(rows) - len(added) < 10  # the tenant and its tokens


def test_cli_export_streams_the_same_records(backend):
    backend.cli_ok("tenant", "create", "--name", "Contoso", "--domain", DOMAIN)
    for i in range(3):
        backend.cli_ok("user", "create", "--upn", f"cli{i}@{DOMAIN}", "--display-name", f"+{i}")
    out = backend.cli("audit", "export", "--tenant", DOMAIN, "--format", "csv", json_output=False)
    assert out.code == 0, out.describe()
    rows = list(csv.reader(io.StringIO(out.stdout, newline="")))
    assert rows[0] == COLUMNS
    activities = [r[COLUMNS.index("activity")] for r in rows[1:]]
    assert activities[0] == "Create tenant" and activities[-3:] == ["Add user"] * 3
    only = backend.cli("audit", "export", "--tenant", DOMAIN, "--format", "ndjson",
                       "--activity", "Add user", "--user", f"cli1@{DOMAIN}", json_output=False)
    [line] = only.stdout.strip().split("\n")
    assert json.loads(line)["target"] == f"cli1@{DOMAIN}"
    since = backend.cli("audit", "export", "--tenant", DOMAIN, "--format", "json", "--since",
                        "2200-01-01", json_output=False)
    assert json.loads(since.stdout) == []
    h.assert_cli_bad_input(backend.cli("audit", "export", "--tenant", DOMAIN, "--format", "xml"))
    h.assert_cli_bad_input(backend.cli("audit", "export", "--tenant", DOMAIN, "--format", "csv",
                                       "--since", "soon"))


def test_a_role_without_audit_rights_is_refused(contoso):
    token = contoso.tokens["billing-administrator"]
    api = h.Api(contoso.server.base_url, token)
    for path in ("/api/v1/audit", "/api/v1/audit/export?format=csv",
                 "/api/v1/reports/registration", "/api/v1/reports/usage"):
        h.assert_api_error(api.get(path), 403, "Forbidden")
