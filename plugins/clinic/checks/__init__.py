"""The checks part: everything that can reject content, and the gate that
stops the build. "Why was my article rejected?" is answered here.

    run.py           the content check: `invoke check`, and every build (gate.py)
    sources.py       reads each content file as a writer wrote it (lines kept)
    inputs.py        what is not a content file: environment settings, authors.yml
    rules/           what a content file is held to, one module per family of rules
    writing/         what a patient reads: reading grade, claims, wording, review dates
    gate.py          at the end of reading: every problem at once, or the build goes on
    tally.py         the article count: nothing vanishes without a word
    state.py         what the check found before reading, for the gate to finish
    output.py        the finished files of a production build, as deployed
    schema_docs.py   docs/front-matter.md, generated from the schema
"""

import blinker
from pelican import signals

from . import gate, output, sources


def register():
    # Before the site part builds anything from settings or authors.yml.
    signals.initialized.connect(gate.check_before_reading)
    # Pelican reads Markdown and nothing else (after pelican-yaml-metadata's reader).
    signals.readers_init.connect(sources.markdown_only)
    signals.all_generators_finalized.connect(gate.stop_on_problems)
    # pelican-granular-signals runs "minify", "compress", then "deploy" after
    # `finalized` (the output part sets it up): the output check goes last,
    # on the files exactly as they would be deployed.
    blinker.signal("deploy").connect(output.check_after_build)
