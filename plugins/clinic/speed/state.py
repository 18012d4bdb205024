"""The speed part's state: whether it is on for this build, the batch of
articles being read in workers, the body steps kept between builds, and the
files this build wrote."""


class SpeedState:
    def __init__(self):
        self.on = False  # CLINIC_SPEED for the build under way
        self.cache_path = "cache"  # CACHE_PATH of the build under way
        self.batch = None  # parallel._Batch of the articles being read
        self.bodies = {}  # body_cache.key(body, SITEURL) -> BodySteps, kept between builds
        self.bodies_used = set()  # the keys this build asked for
        self.bodies_folder = None  # the folder in CACHE_PATH `bodies` was read from and saved to
        self.bodies_on_disk = set()  # the keys of `bodies` that folder holds
        self.written = set()  # absolute paths of the pages and static files this build wrote
        self.pages_left = None  # (output, its pages) as stale_pages.py last left them
        self.site_key = b""  # cache_guard.fingerprint of the build under way
        self.fingerprints = None  # fingerprints.BuildFingerprints of the build under way
        self.digests = None  # fingerprints.Digests, kept for the life of the process
        self.kept = {}  # generator class name -> kept_documents._Store, for the process
        self.url_key = None  # fingerprints.url_key of the last build's documents
        self.related = None  # (key, related articles by source) of the last build
        self.sources = {}  # (path, kind, content root) -> (file stamp, read_source's answer)
        self.sources_used = set()  # the keys of `sources` this build asked for
        self.file_checks = {}  # id(SourceFile) -> (it, its scan, facts key, its problems)
        self.front_checks = {}  # id(SourceFile) -> (it, (facts key, preview), its problems)
        self.facts_key = None  # (SiteFacts, its digest) of the check under way
        self.body_checks = {}  # hash of (facts key, SourceFile) -> check_body_of's answer
        self.body_checks_used = set()  # the keys of `body_checks` this build asked for
        self.body_checks_file = None  # where `body_checks` was read from (CACHE_PATH)
        self.body_checks_saved = False  # whether that file holds `body_checks` as it is
        self.search = None  # kept_index._Session: livereload's Pagefind and its index
        self.article_parts = {}  # id(article) -> (it, site key, its breadcrumbs and JSON-LD)
        self.pages = {}  # absolute path -> (fingerprint, file stamp) as this process wrote it
        self.rendered_folder = None  # where rendered pages are kept (kept_pages.py), or None
        self.rendered_load = False  # whether this build may copy a kept page
        self.rendered_used = set()  # the fingerprints (hex) of this build's pages

    def reset(self):
        self.__init__()


STATE = SpeedState()
