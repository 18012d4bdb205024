"""No page logs a console error (a Content-Security-Policy violation
included), throws, or fails to load anything it asks for."""

from .support import is_csp_violation, recording_context, report


def problems_of(page, visit):
    return (
        [f"{page.path}: console error: {text}" for text in visit.console_errors]
        + [f"{page.path}: uncaught error: {text}" for text in visit.page_errors]
        + [f"{page.path}: {text}" for text in visit.failed_responses]
        + [f"{page.path}: request failed: {text}" for text in visit.failed_requests]
    )


def test_no_page_logs_errors_or_fails_a_request(page_loads):
    problems = [problem for page, visit in page_loads for problem in problems_of(page, visit)]
    assert not problems, report(problems)


def test_the_recorder_catches_what_it_must(served_site, browser):
    """The check above can fail: a CSP violation, a script error and a
    missing file on a page are all recorded."""
    broken = served_site.root / "broken-page-for-the-error-test.html"
    broken.write_text(
        "<!doctype html><html lang=en><head><title>x</title>"
        "<meta http-equiv=Content-Security-Policy content=\"script-src 'none'\"></head>"
        "<body><script>console.log('blocked')</script><img src=missing.png alt=''></body></html>",
        encoding="utf-8",
    )
    thrower = served_site.root / "throwing-page-for-the-error-test.html"
    thrower.write_text(
        "<!doctype html><title>x</title><script>null.boom</script>", encoding="utf-8"
    )
    try:
        with recording_context(browser) as recorder:
            csp = recorder.visit(served_site.url(broken.name))
            throws = recorder.visit(served_site.url(thrower.name))
    finally:
        broken.unlink()
        thrower.unlink()
    assert any(is_csp_violation(text) for text in csp.console_errors), csp
    assert any("missing.png" in text for text in csp.failed_responses), csp
    assert throws.page_errors, throws
