"""Issue 15, findings 10 (authors.yml) and 12 (settings from the
environment): the inputs that are not content files are checked by
`invoke check` and by every build, with the file and line, or the variable,
and the fix; never a traceback that names neither."""

import subprocess
import sys

import pytest
from clinic.checks.inputs import address_problem
from clinic.checks.run import check_settings_file
from clinic.problems import errors
from fixture_site import article, make_content
from refusal import assert_refused, check, refused_build
from sitebuilder import ROOT, build, run_publish, soup, write

SITEURL_FIX = (
    "set SITEURL to the site's public address, such as https://www.newpathwaysclinic.org "
    "(http:// only for http://localhost previews)"
)
ACTION_FIX = (
    "set NEWSLETTER_ACTION to the provider's https:// form endpoint, such as "
    "https://buttondown.email/api/emails/embed-subscribe/<name>"
)
BUTTONDOWN = "https://buttondown.email/api/emails/embed-subscribe/clinic"


# --- Finding 12: addresses from the environment ------------------------------------


@pytest.mark.parametrize(
    "good",
    [
        "https://www.newpathwaysclinic.org",
        "https://owner.github.io/repository",
        "http://localhost:8000",
        "http://127.0.0.1:4173",
    ],
)
def test_plain_https_addresses_and_local_previews_pass(good):
    assert address_problem(good) is None


@pytest.mark.parametrize(
    ("value", "what"),
    [
        ("http://clinic.example", "'http://clinic.example' is not an https:// address"),
        ("javascript:alert(1)//", "'javascript:alert(1)//' is not an https:// address"),
        (
            "https://user:secret@clinic.example",
            "'https://user:secret@clinic.example' contains a user name or password, which every "
            "page would publish",
        ),
        (
            "https://clinic.example; script-src *",
            "'https://clinic.example; script-src *' contains a space",
        ),
        (
            "https://clinic.example;script-src",
            "'https://clinic.example;script-src' contains ;, which no plain web address needs",
        ),
        (
            'https://clinic.example/"><script>',
            "'https://clinic.example/\"><script>' contains \", which no plain web address needs",
        ),
        ("https://clinic.example/\x07", "contains a control character ('\\x07')"),
        ("https://clinic.example\n", "contains a control character ('\\n')"),
        (
            "https://clinic.example:80x",
            "'https://clinic.example:80x' has a port that is not a number",
        ),
        ("https://", "'https://' has no valid host name"),
        (
            "https://clinic.example/?a=1",
            "'https://clinic.example/?a=1' has a ?query or #fragment, which this address "
            "cannot use",
        ),
        ("", "is set but empty"),
    ],
)
def test_anything_else_is_refused_with_the_reason(value, what):
    assert address_problem(value) == what


def test_a_form_endpoint_may_have_a_query():
    action = "https://clinic.us21.list-manage.com/subscribe/post?u=abc&id=def"
    assert address_problem(action, query=True) is None


def test_invoke_check_checks_the_variables_that_are_set(tmp_path):
    content = make_content(tmp_path / "content", {"ok": article()})
    environ = {
        "SITEURL": "javascript:alert(1)//",
        "NEWSLETTER_ACTION": "http://lists.example/subscribe",
        "NEWSLETTER_PROVIDER": "carrier-pigeon",
    }
    assert check(content, environ) == [
        "environment: NEWSLETTER_ACTION: 'http://lists.example/subscribe' is not an https:// "
        f"address -> {ACTION_FIX}",
        "environment: NEWSLETTER_PROVIDER: 'carrier-pigeon' is not a provider -> set "
        "NEWSLETTER_PROVIDER to one of: generic, mailchimp, buttondown, kit",
        "environment: SITEURL: 'javascript:alert(1)//' is not an https:// address "
        f"-> {SITEURL_FIX}",
    ]
    assert (
        check(content, {"SITEURL": "https://clinic.example/", "NEWSLETTER_ACTION": BUTTONDOWN})
        == []
    )


def test_invoke_check_reads_them_from_its_environment(tmp_path):
    content = make_content(tmp_path / "content", {"ok": article()})
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "check", "--content", str(content)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "SITEURL": "https://user:secret@clinic.example"},
    )
    assert result.returncode == 1
    assert (
        "environment: SITEURL: 'https://user:secret@clinic.example' contains a user name or "
        f"password, which every page would publish -> {SITEURL_FIX}\n"
    ) in result.stdout


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (
            # Pelican drops a trailing /: publishconf.py does too.
            {"SITEURL": "javascript:alert(1)//"},
            f"environment: SITEURL: 'javascript:alert(1)/' is not an https:// address -> "
            f"{SITEURL_FIX}",
        ),
        ({"SITEURL": ""}, f"environment: SITEURL: is empty in a production build -> {SITEURL_FIX}"),
        (
            {"NEWSLETTER": {"provider": "buttondown", "action": BUTTONDOWN + ";frame-src *"}},
            f"environment: NEWSLETTER_ACTION: '{BUTTONDOWN};frame-src *' contains a space "
            f"-> {ACTION_FIX}",
        ),
        (
            {"NEWSLETTER": {"provider": "mailchimp", "action": "https://x.list-manage.com/post"}},
            "environment: NEWSLETTER_ACTION: NEWSLETTER['action'] 'https://x.list-manage.com/post' "
            "lacks the u= and id= parameters -> copy the form action from Mailchimp's embedded "
            "form code",
        ),
    ],
)
def test_a_production_build_stops_naming_the_variable(tmp_path, settings, message):
    content = make_content(tmp_path / "content", {"ok": article()})
    refused_build(tmp_path, content, message, conf="publishconf.py", **settings)


def test_invoke_publish_stops_on_an_empty_siteurl_with_the_check_message(tmp_path):
    content = make_content(tmp_path / "content", {"ok": article()})
    result = run_publish(
        tmp_path / "output", content=content, SITEURL="", NEWSLETTER_ACTION=BUTTONDOWN
    )
    assert result.returncode == 1
    assert f"environment: SITEURL: is empty in a production build -> {SITEURL_FIX}" in (
        result.stdout + result.stderr
    )
    assert not (tmp_path / "output").exists()


# --- Finding 10: a broken authors.yml ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "messages"),
    [
        (
            "ann-writer:\n  name: [Ann\n",
            [
                "content/authors.yml:2: file: not valid YAML (expected ',' or ']', but got "
                "'<stream end>') -> write each person as `maya-okafor:` with `name:`, "
                "`credentials:`, `role:` and `bio:` indented below it"
            ],
        ),
        (
            "- ann-writer\n- rob-reviewer\n",
            [
                "content/authors.yml:1: file: is not a list of `key: details` entries -> write "
                "each person as `maya-okafor:` with `name:`, `credentials:`, `role:` and `bio:` "
                "indented below it"
            ],
        ),
        (
            "ann-writer: Ann Writer\n",
            [
                "content/authors.yml:1: ann-writer: is not a list of details -> write each "
                "person as `maya-okafor:` with `name:`, `credentials:`, `role:` and `bio:` "
                "indented below it"
            ],
        ),
        (
            "ann-writer:\n  name: yes\n  credential: LPCC\n  bio: Ann writes.\n",
            [
                "content/authors.yml:2: ann-writer: name: YAML reads yes as true or false, not as "
                'text -> put it in double quotes: name: "yes"',
                "content/authors.yml:3: ann-writer: unknown field 'credential' -> did you mean "
                "'credentials'? use name, credentials, role, bio",
            ],
        ),
        (
            "ann-writer:\n  name: Ann\n  credentials: LPCC\n  bio: B.\n"
            "ann-writer:\n  name: Ann\n  credentials: LPCC\n  bio: B.\n",
            [
                "content/authors.yml:5: ann-writer: is listed twice (also on line 1) -> keep "
                "one entry per person"
            ],
        ),
    ],
)
def test_a_broken_authors_file_is_told_line_by_line(tmp_path, text, messages):
    content = make_content(tmp_path / "content", {"ok": article()})
    write(content / "authors.yml", text)
    assert_refused(tmp_path, content, *messages)


def test_an_author_with_a_name_alone_is_published_with_a_warning(tmp_path):
    """As the WordPress importer adds them: the rest of the profile is asked for."""
    content = make_content(tmp_path / "content", {"ok": article()})
    write(content / "authors.yml", "ann-writer:\n  name: Ann Writer\n")
    problems, _report = check_settings_file(
        ROOT / "pelicanconf.py", {"PATH": str(content)}, environ={}
    )
    assert [str(p) for p in problems if p.path == "content/authors.yml"] == [
        "content/authors.yml:1: warning: ann-writer: has no credentials or bio yet -> add "
        "them, so readers know who wrote the articles"
    ]
    assert not errors(problems)
    page = soup(build(tmp_path / "output", content), "authors/ann-writer/")
    assert page.h1.get_text(strip=True) == "Ann Writer"


def test_a_missing_authors_file_is_told(tmp_path):
    content = make_content(tmp_path / "content", {"ok": article()})
    (content / "authors.yml").unlink()
    assert_refused(
        tmp_path,
        content,
        "content/authors.yml:1: file: file not found -> create it: write each person as "
        "`maya-okafor:` with `name:`, `credentials:`, `role:` and `bio:` indented below it",
    )
