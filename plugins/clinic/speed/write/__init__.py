"""Writing the pages, faster.

page_writer.py      pages rendered by forked workers; unchanged ones skipped
page_workers.py     the forked workers: each its share, reported in Pelican's order
fingerprints.py     what a page is made from, as one hash
unchanged_pages.py  in one process: which pages can stay as they are
kept_pages.py       between processes: rendered pages kept by fingerprint
templates.py        compiled templates kept for the process
stale_pages.py      previews write over the last build, then remove its leftovers
"""
