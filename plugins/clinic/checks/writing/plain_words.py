"""Plain words for the reading-level check (readability.py): data only.

PLAINER maps a word a writer may reach for to the everyday word a patient
knows, each form listed as it is written (lower case). Add to it freely.
The readability warning suggests these first, for a file above the
reading-grade target: "say 'medicine' instead of 'medication'".

TERMS are long words the site cannot do without (the treatments' names,
the conditions it treats): never suggested as hard words. Explain each
the first time it appears instead.
"""

PLAINER = {
    "additional": "more",
    "adolescents": "teenagers",
    "adverse": "harmful",
    "alternatively": "or",
    "anticipate": "expect",
    "approximately": "about",
    "ascertain": "find out",
    "assist": "help",
    "assistance": "help",
    "beneficial": "helpful",
    "cognitive": "thinking",
    "commence": "start",
    "component": "part",
    "consequently": "so",
    "demonstrate": "show",
    "demonstrated": "shown",
    "discontinue": "stop",
    "dosage": "dose",
    "efficacy": "how well it works",
    "endeavor": "try",
    "facilitate": "help",
    "frequently": "often",
    "hypertension": "high blood pressure",
    "individuals": "people",
    "initiate": "start",
    "intravenous": "IV (into a vein)",
    "intravenously": "through a drip into a vein",
    "medication": "medicine",
    "medications": "medicines",
    "modification": "change",
    "nevertheless": "still",
    "numerous": "many",
    "obtain": "get",
    "optimal": "best",
    "physician": "doctor",
    "physicians": "doctors",
    "purchase": "buy",
    "regarding": "about",
    "require": "need",
    "requires": "needs",
    "subsequently": "later",
    "sufficient": "enough",
    "terminate": "end",
    "utilise": "use",
    "utilize": "use",
    "utilization": "use",
}

TERMS = frozenset(
    {
        "anesthetic",
        "anaesthetic",
        "antidepressant",
        "antidepressants",
        "esketamine",
        "ketamine",
        "ketamine-assisted",
        "psychiatric",
        "psychiatrist",
        "psychotherapy",
        "spravato",
    }
)
