"""The rules a content file is held to, one module per family; run.py applies
them to every file (and across files), and each returns Problems.

    fields.py        front matter against the schema (schema.py)
    body.py          the text: not empty, images with alt, links that lead somewhere
    across_files.py  two files making one page; one tag spelt two ways
    readability.py   the reading grade, and what makes a body hard to read
    plain_words.py   data: plainer words to suggest, terms never called hard
    claims.py        promises and absolutes a clinic must not make
    wording.py       alt text, link text and headings that work for everyone
    review_dates.py  medical reviews that are due (warnings)
    text.py          sentences, words, and the file line of a piece of text

checks/writing.py applies the writing rules (readability to review_dates) to
one file at a time.
"""
