"""Property-based requests generated from the OpenAPI schema (schemathesis): no 5xx, ever."""

import schemathesis
from hypothesis import HealthCheck, given, settings

from accord.web.app import WebSettings, create_app

EXAMPLES_PER_OPERATION = 40


def test_no_operation_answers_with_a_server_error(seeded_db):
    app = create_app(WebSettings(db_path=seeded_db, token="a-token"))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    failures, calls = [], []
    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case):
            response = case.call()
            calls.append(response.status_code)
            if response.status_code >= 500:
                failures.append((case.method, case.formatted_path, case.query, response.status_code,
                                 response.text[:200]))
            assert response.status_code < 500

        try:
            check()
        except AssertionError:
            pass
    assert failures == []
    assert len(calls) >= 5 * len(operations)  # the run really exercised every operation
    assert any(code == 200 for code in calls) and any(400 <= code < 500 for code in calls)
