"""The body part: one article or page body in, the page's HTML out.

Everything here depends on the body and SITEURL alone: the HTML a body may
hold (allowlist.py) and the sanitizer that holds it to that (sanitize.py),
typography (typeset.py, typography.py), private rel on external links
(links.py), the one scan the content check reads (html_scan.py), the
plain-text opening and the word count. `steps.run(instance, then)` is the seam: it works the steps
out inline by default, and the speed part swaps in a cached or parallel
runner (speed/__init__.py). The body part connects no signals: the site
part calls it for each document (site/enrich.py).
"""
