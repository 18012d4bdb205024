"""The rules a content file is held to, one module per family; run.py applies
them to every file (and across files), and each returns Problems.

    fields.py        front matter against the schema (schema.py)
    body.py          the text: not empty, images with alt, links that lead somewhere
    html.py          the text's HTML: only what body/allowlist.py lists
    across_files.py  two files making one page; one tag spelt two ways
    files.py         every file under content/ is Markdown, a picture or an expected file
    placeholders.py  the example texts `invoke new` writes, left in an article
"""
