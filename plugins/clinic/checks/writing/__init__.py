"""What a patient reads: the words of one file, held to the site's writing
rules. `assess.assess_writing(source, scanned, rules)` applies them all, so
the content check and the preview's writer's panel read the same results.

    assess.py        one file's words: reading grade, claims, wording, review status
    readability.py   the reading grade, and what makes a body hard to read
    plain_words.py   data: plainer words to suggest, terms never called hard
    claims.py        promises and absolutes a clinic must not make
    wording.py       alt text, link text and headings that work for everyone
    review_dates.py  medical reviews that are due (warnings)
    text.py          sentences, words, and the file line of a piece of text
"""
