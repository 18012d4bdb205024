"""Claims a clinic must not make: promises and absolutes in titles, summaries
and text, said in the negative or not, and the reviewed marker that keeps one
on purpose (checks/rules/claims.py)."""

import pytest
from clinic.checks.run import check_settings_file
from clinic.checks.writing.claims import find_claims
from clinic.problems import errors, warnings
from fixture_site import article, make_content
from sitebuilder import ROOT


@pytest.mark.parametrize(
    ("sentence", "what", "claim"),
    [
        ("Ketamine cures depression.", "promises a cure", "cures"),
        ("Our clinic has cured hundreds of patients.", "promises a cure", "cured"),
        ("Results are guaranteed!", "promises a result", "guaranteed"),
        ("Infusions are 100% effective.", "claims certainty", "100% effective"),
        ("It is 100 percent safe for everyone.", "claims certainty", "100 percent safe"),
        ("A miracle for your mood.", "calls it a miracle", "miracle"),
        ("Spravato has no side effects.", "denies side effects", "no side effects"),
        (
            "Feel better without any side effects.",
            "denies side effects",
            "without any side effects",
        ),
        ("Find permanent relief today.", "promises lasting results", "permanent relief"),
        (
            "This therapy works for everyone.",
            "promises it works for everyone",
            "works for everyone",
        ),
        ("The treatment is completely safe.", "denies any risk", "completely safe"),
        ("Get instant relief from depression.", "promises instant results", "instant relief"),
        ("KAP is clinically proven to work.", "claims proof", "clinically proven to work"),
        (
            "Our ketamine infusions are FDA-approved for depression.",
            "calls ketamine FDA-approved",
            "FDA-approved",
        ),
        ("FDA approved ketamine therapy in Ohio.", "calls ketamine FDA-approved", "FDA approved"),
        (
            "Spravato and ketamine are both FDA-approved for depression.",
            "calls ketamine FDA-approved",
            "FDA-approved",
        ),
        ("There is no waiting list and ketamine cures depression.", "promises a cure", "cures"),
    ],
)
def test_promises_and_absolutes_are_flagged(sentence, what, claim):
    (finding,) = find_claims(sentence)
    assert finding.what == what
    assert sentence[finding.start : finding.end] == claim


@pytest.mark.parametrize(
    "sentence",
    [
        # Our own content says these, and they are right to.
        "KAP is not a cure, and no clinic can promise results.",
        "Each one starts with a psychiatric assessment, and none of them is a cure.",
        "There is no set timeline and no guaranteed outcome.",
        "It does not work the same way for everyone, and benefits are not guaranteed.",
        "Ketamine is an anaesthetic medicine approved by the FDA.",
        "Spravato is a nasal spray approved by the FDA for treatment-resistant depression.",
        "This is different from IV ketamine, which is an FDA-approved anesthetic used off-label.",
        "Spravato is approved by the U.S. Food and Drug Administration for specific uses.",
        "Unlike ketamine infusions, Spravato (esketamine) is FDA-approved for some adults.",
        "IV ketamine is not FDA-approved for depression.",
        "Spravato is not free of side effects.",
        "No treatment works for everyone.",
        "Nothing here is guaranteed, and we cannot promise a cure.",
        "Ketamine isn't a miracle.",
        "Your data is secure, and we are curious about your questions.",
        "What side effects should I watch for?",
    ],
)
def test_sentences_in_the_negative_and_true_statements_pass(sentence):
    assert find_claims(sentence) == []


def check(content):
    return check_settings_file(ROOT / "pelicanconf.py", {"PATH": str(content)})[0]


def claims(problems):
    return [str(p) for p in problems if p.field in ("claim", "title", "summary", "claims_reviewed")]


def test_a_claim_in_a_title_summary_or_text_names_its_line_and_a_safer_wording(tmp_path):
    body = (
        article(title='"A miracle for depression"', summary="Relief is guaranteed.")
        + "\nOur infusions cure depression in days.\n"
    )
    problems = check(make_content(tmp_path / "content", {"one": body}))
    assert claims(problems) == [
        "content/articles/one.md:2: title: calls it a miracle ('miracle' in 'A miracle for "
        "depression') -> say plainly what it does; to keep the sentence, a reviewer quotes it "
        "under `claims_reviewed:`",
        "content/articles/one.md:7: summary: promises a result ('guaranteed' in 'Relief is "
        "guaranteed.') -> say 'results vary from person to person'; to keep the sentence, a "
        "reviewer quotes it under `claims_reviewed:`",
        "content/articles/one.md:18: claim: promises a cure ('cure' in 'Our infusions cure "
        "depression in days.') -> say what it may do: 'may ease symptoms for some people'; to "
        "keep the sentence, a reviewer quotes it under `claims_reviewed:`",
    ]
    assert all(not p.warning for p in problems if p.field in ("claim", "title", "summary"))


def test_headings_and_table_cells_are_read_too(tmp_path):
    body = (
        article()
        + "\n## Guaranteed results\n\n| Plan | Promise |\n|---|---|\n| A | Instant relief |\n"
    )
    problems = claims(check(make_content(tmp_path / "content", {"one": body})))
    assert [line.split(" -> ")[0] for line in problems] == [
        "content/articles/one.md:18: claim: promises a result ('Guaranteed' in "
        "'Guaranteed results')",
        "content/articles/one.md:22: claim: promises instant results ('Instant relief' in "
        "'Instant relief')",
    ]


KEPT = "Many patients ask whether ketamine is a cure for depression."


def test_a_reviewer_may_keep_a_flagged_sentence_by_quoting_it(tmp_path):
    body = (
        article(reviewer="rob-reviewer", reviewed="2026-11-30", claims_reviewed=f'["{KEPT}"]')
        + f"\n{KEPT} We answer that below.\n"
    )
    problems = check(make_content(tmp_path / "content", {"one": body}))
    assert claims(problems) == []
    # Quoting the part of the sentence with the claim is enough.
    body = body.replace(f'["{KEPT}"]', '["whether ketamine is a cure"]')
    assert claims(check(make_content(tmp_path / "two" / "content", {"one": body}))) == []


def test_the_quote_must_cover_the_claim_and_is_accepted_only_with_a_reviewer(tmp_path):
    body = article(claims_reviewed=f'["{KEPT}"]') + f"\n{KEPT}\n"
    problems = check(make_content(tmp_path / "content", {"one": body}))
    assert sorted(p.split(" -> ")[0] for p in claims(problems)) == [
        "content/articles/one.md:10: claims_reviewed: is accepted only from an article with a "
        "medical reviewer",
        "content/articles/one.md:19: claim: promises a cure ('cure' in 'Many patients ask whether "
        "ketamine is a cure for depression.')",
    ]
    body = (
        article(
            reviewer="rob-reviewer", reviewed="2026-11-30", claims_reviewed='["Many patients ask"]'
        )
        + f"\n{KEPT}\n"
    )
    problems = check(make_content(tmp_path / "two" / "content", {"one": body}))
    assert [p.split(" -> ")[0] for p in claims(errors(problems))] == [
        "content/articles/one.md:21: claim: promises a cure ('cure' in 'Many patients ask whether "
        "ketamine is a cure for depression.')",
    ]
    (unused,) = [p for p in warnings(problems) if p.field == "claims_reviewed"]
    assert str(unused) == (
        "content/articles/one.md:12: warning: claims_reviewed: quotes 'many patients ask', "
        "which no flagged sentence contains -> copy the sentence exactly as the article says "
        "it, or remove the entry"
    )


def test_pages_cannot_keep_claims(tmp_path):
    content = make_content(tmp_path / "content", {"one": article()})
    page = content / "pages" / "about.md"
    page.write_text(page.read_text().replace("---\n\n", "claims_reviewed: [x]\n---\n\n", 1))
    problems = [str(p) for p in errors(check(content))]
    assert len(problems) == 1
    line = page.read_text().splitlines().index("claims_reviewed: [x]") + 1
    assert f"content/pages/about.md:{line}: claims_reviewed: unknown field" in problems[0]
