"""The output part's state: the search index being written, and the
fingerprinted names of the theme files for this build."""


class OutputState:
    def __init__(self):
        self.index = None  # search_index._BuildIndex of the build being written
        self.background = None  # the thread finishing the last build's index
        self.reset_build()

    def reset_build(self):
        # Setting name as templates know it -> the theme file's URL path.
        self.theme_files = {}

    def reset(self):
        self.__init__()


STATE = OutputState()
