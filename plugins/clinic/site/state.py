"""The site part's state: what it builds from settings when a build starts,
for every document and template of that build, and the writer it uses."""


class SiteState:
    def __init__(self):
        self.reset()

    def reset(self):
        self.authors = {}  # key -> AuthorProfile, from authors.yml
        self.newsletter_form = None  # NewsletterForm, from the NEWSLETTER setting
        self.social_image = None  # HeroImage for pages without their own picture
        # None: feeds.FeedWriter, Pelican's with feed items as text. The speed
        # part installs a subclass of it that renders pages on every core.
        self.writer_class = None

    def use_writer(self, writer_class):
        self.writer_class = writer_class


STATE = SiteState()
