"""The images part's state: what it worked out once and reuses."""


class ImagesState:
    def __init__(self):
        # Kept for the life of the process (livereload's rebuilds too): keys
        # carry each source's size and modification time, or its content hash.
        self.folders = {}  # (source, size, mtime, cache root) -> its cache folder
        self.pictures = {}  # (cache folder, image, SITEURL) -> body <picture> parts
        self.reset_build()

    def reset_build(self):
        """At the start of each build: the site-wide pictures are made afresh."""
        self.logo = None  # ResponsiveImage of the header logo
        self.site_files = []  # Variants of pictures not tied to a document (the logo)

    def reset(self):
        self.__init__()


STATE = ImagesState()
