"""Claims a clinic must not make: promises and absolutes in the title, the
summary and the text ("cures", "guaranteed", "100% effective", "no side
effects", "FDA-approved" said of ketamine for depression...). The FTC pursues
health claims that promise cures; our readers may be in distress.

A claim said in the negative is fine: "KAP is not a cure", "benefits are not
guaranteed", "none of them is a cure". A negation counts when it comes
earlier in the same clause (clauses end at , ; : and at "and", "but",
"because"...).

A flagged sentence is kept only on purpose, visibly: the article quotes it
under `claims_reviewed:` and has a medical `reviewer`, so the choice shows in
the pull request. Every finding is an error (nothing is published with it).
"""

import re
from dataclasses import dataclass

from ...problems import Problem
from .text import NEGATIONS, STRAIGHT_QUOTES, line_of, sentences, shortened

TEXT_FIELDS = ("title", "summary")


@dataclass(frozen=True)
class Claim:
    pattern: re.Pattern
    what: str  # what the sentence does, for the message
    safer: str  # a safer way to say it
    hints: tuple  # text every match contains (lower case): most text has none of it

    def may_be_in(self, lowered):
        return any(hint in lowered for hint in self.hints)


def _claim(pattern, what, safer, hints):
    return Claim(re.compile(pattern, re.IGNORECASE), what, safer, hints)


CLAIMS = (
    _claim(
        r"\bcur(?:e|es|ed|ing)\b",
        "promises a cure",
        "say what it may do: 'may ease symptoms for some people'",
        ("cur",),
    ),
    _claim(
        r"\bguarantee(?:s|d)?\b",
        "promises a result",
        "say 'results vary from person to person'",
        ("guarantee",),
    ),
    _claim(
        r"\b100\s*(?:%|percent|per cent)\s+"
        r"(?:effective|successful|success|safe|of (?:patients|people))",
        "claims certainty",
        "give the real picture: 'helps many people, but not everyone'",
        ("100",),
    ),
    _claim(
        r"\bmiracl(?:e|es|ulous)\b", "calls it a miracle", "say plainly what it does", ("miracl",)
    ),
    _claim(
        r"\b(?:no|zero|without(?: any)?|free (?:of|from)(?: any)?)\s+side[- ]effects\b",
        "denies side effects",
        "name the common side effects and say how long they usually last",
        ("side",),
    ),
    _claim(
        r"\bpermanent(?:ly)?\s+(?:relief|cure|results?|recovery|fix)\b|\blasts? forever\b",
        "promises lasting results",
        "say 'for some people, relief lasts weeks or months'",
        ("permanent", "forever"),
    ),
    _claim(
        r"\b(?:works?|worked|will work) for (?:everyone|everybody|all)\b"
        r"|\balways works\b|\bnever fails\b",
        "promises it works for everyone",
        "say 'helps many people, but not everyone'",
        ("work", "never fail"),
    ),
    _claim(
        r"\b(?:completely|totally|perfectly|100%)\s+safe\b|\brisk[- ]free\b",
        "denies any risk",
        "say 'generally safe with medical monitoring' and name the risks",
        ("safe", "risk"),
    ),
    _claim(
        r"\b(?:instant(?:ly)?|overnight)\s+(?:relief|results?|cure|recovery)\b",
        "promises instant results",
        "say 'some people notice a change within hours or days; others take longer'",
        ("instant", "overnight"),
    ),
    _claim(
        r"\b(?:clinically\s+)?proven\s+to\s+(?:cure|work|heal|fix|end)\b",
        "claims proof",
        "say what studies found, and link to them",
        ("proven",),
    ),
)

# "FDA-approved" is true of Spravato (for treatment-resistant depression, and
# for depressive symptoms with suicidal thoughts or actions, with conditions)
# and of ketamine as an anesthetic, but not of IV ketamine for depression.
FDA_APPROVAL = re.compile(
    r"\bFDA[- ]approv\w*|\bapproved by the (?:U\.?S\.? )?(?:FDA|Food and Drug Administration)\b",
    re.IGNORECASE,
)
DRUG = re.compile(r"\b(?:ketamine|esketamine|spravato)\b", re.IGNORECASE)
ANESTHETIC = re.compile(r"\bana?esthe", re.IGNORECASE)
FDA_SAFER = (
    "IV ketamine is not FDA-approved for depression: say 'ketamine is FDA-approved as an "
    "anesthetic; its use for depression is off-label', or that Spravato (esketamine) is "
    "FDA-approved for treatment-resistant depression, with conditions"
)
FDA_HINTS = ("fda", "food and drug")
# Every hint at once: most blocks of text have none, and are passed over here.
ANY_HINT = re.compile("|".join(map(re.escape, [h for c in CLAIMS for h in c.hints] + [*FDA_HINTS])))
CLAUSE_END = re.compile(
    r"[,;:()\u2013\u2014]|\b(?:and|but|because|although|though|while|whereas|yet)\b"
)


@dataclass(frozen=True)
class Finding:
    field: str  # "title", "summary" or "claim" (the text)
    sentence: str
    what: str
    safer: str
    start: int  # where the claim is in the sentence
    end: int


def find_claims(sentence, field="claim", claims=CLAIMS, approval=True):
    """Every claim a sentence makes, as Findings (of `claims`, and FDA
    approval if `approval`)."""
    found = []
    for claim in claims:
        for match in claim.pattern.finditer(sentence):
            if not _negated(sentence, match.start()):
                found.append(Finding(field, sentence, claim.what, claim.safer, *match.span()))
    for match in FDA_APPROVAL.finditer(sentence) if approval else ():
        if _ketamine_for_depression(sentence, match) and not _negated(sentence, match.start()):
            found.append(
                Finding(field, sentence, "calls ketamine FDA-approved", FDA_SAFER, *match.span())
            )
    return found


def claims_in(source, scanned):
    """Every Finding in a file: its title, its summary, the text's blocks and headings."""
    texts = [(name, source.meta.get(name)) for name in TEXT_FIELDS]
    blocks = [(line, block) for line, _tag, block in scanned.blocks]
    blocks += [(line, heading) for line, _level, heading in scanned.headings]
    texts += [("claim", block) for _line, block in sorted(blocks, key=lambda pair: pair[0])]
    found = []
    for field, text in texts:
        if not isinstance(text, str):
            continue
        lowered = text.lower()
        if not ANY_HINT.search(lowered):
            continue
        claims = [c for c in CLAIMS if c.may_be_in(lowered) and c.pattern.search(text)]
        approval = any(h in lowered for h in FDA_HINTS) and FDA_APPROVAL.search(text)
        if claims or approval:
            for sentence in sentences(" ".join(text.split())):
                found += find_claims(sentence, field, claims, approval)
    return found


def _negated(sentence, start):
    before = sentence[:start]
    clause_start = max((m.end() for m in CLAUSE_END.finditer(before)), default=0)
    return bool(NEGATIONS.search(before[clause_start:].lower()))


def _ketamine_for_depression(sentence, approval):
    """The drug named nearest the approval is ketamine, and not as an anesthetic."""
    if ANESTHETIC.search(sentence):
        return False
    drugs = list(DRUG.finditer(sentence))
    if not drugs:
        return False
    nearest = min(drugs, key=lambda drug: _distance(drug.span(), approval.span()))
    return nearest.group().lower() == "ketamine"


def _distance(one, other):
    return max(other[0] - one[1], one[0] - other[1], 0)


def claim_problems(source, scanned):
    """Errors for the claims a file makes, except those a reviewed article
    keeps on purpose; and what is wrong with its `claims_reviewed` list."""
    findings = claims_in(source, scanned)
    # Only articles have the field (and a reviewer); elsewhere it is unknown (fields.py).
    quotes = _quotes(source.meta.get("claims_reviewed")) if source.kind == "article" else []
    reviewed = bool(source.meta.get("reviewer"))
    problems, used = [], set()
    for finding in findings:
        quote = next((q for q in quotes if _quoted(q, finding)), None)
        if quote is not None and reviewed:
            used.add(quote)
            continue
        problems.append(_problem(source, finding))
    if quotes and not reviewed:
        problems.append(
            source.problem(
                "claims_reviewed",
                "is accepted only from an article with a medical reviewer",
                "have a clinician review the article (add `reviewer:` and `reviewed:`), "
                "or reword the sentences",
            )
        )
    elif reviewed:
        problems += [_unused(source, quote) for quote in quotes if quote not in used]
    return problems


def _problem(source, finding):
    where = source.line(finding.field) if finding.field in TEXT_FIELDS else None
    claim = finding.sentence[finding.start : finding.end]
    return Problem(
        source.display,
        finding.field,
        f"{finding.what} ('{claim}' in '{shortened(finding.sentence, 16)}')",
        f"{finding.safer}; to keep the sentence, a reviewer quotes it under `claims_reviewed:`",
        where or line_of(source, finding.sentence, claim),
    )


def _unused(source, quote):
    return Problem(
        source.display,
        "claims_reviewed",
        f"quotes '{shortened(quote)}', which no flagged sentence contains",
        "copy the sentence exactly as the article says it, or remove the entry",
        source.line("claims_reviewed"),
        warning=True,
    )


def _quotes(value):
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    return [_normal(" ".join(str(item).split())) for item in value if str(item).strip()]


def _quoted(quote, finding):
    """The quote is part of the sentence and covers the claim in it."""
    sentence = _normal(finding.sentence)
    at = sentence.find(quote)
    while at != -1:
        if at <= finding.start and at + len(quote) >= finding.end:
            return True
        at = sentence.find(quote, at + 1)
    return False


def _normal(text):
    """Lower case, straight quotes: the same length as the text, so positions hold."""
    return text.lower().translate(STRAIGHT_QUOTES)
