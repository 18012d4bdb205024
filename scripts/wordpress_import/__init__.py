"""`invoke import-wordpress`: the old WordPress blog moved into this site.

export.py      the export file (WXR) read into plain records
body.py        a post's HTML -> this site's Markdown (markdownify), and notes
pictures.py    the media library -> content/images/ (only images, originals)
categories.py  WordPress categories -> the site's, through wordpress-map.yml
addresses.py   every old address -> a line in content/redirects.yml
files.py       writing so that running twice is safe (wordpress-import.json)
report.py      what needs a person, one `file:LINE: field: what -> fix` a line
run.py         one import, from export to report
"""
