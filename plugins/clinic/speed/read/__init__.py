"""Reading, enriching and checking the documents, faster.

parallel.py        long batches of articles converted in worker processes
libyaml_reader.py  front matter parsed with libyaml
body_cache.py      body steps kept by the body's hash (also on disk)
reader_cache.py    Pelican's reader cache let go of once it is saved
kept_documents.py  in one process: documents whose files did not change,
                   with their breadcrumbs, JSON-LD and static links
related_cache.py   related articles kept while their inputs are the same
check_cache.py     the content check's reading and checking of each file
"""
