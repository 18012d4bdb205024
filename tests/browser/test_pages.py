"""The browser checks walk every built HTML file; make sure that list really
holds every kind of page, so a check can never pass by visiting nothing."""

from .support import REQUIRED_TEMPLATES, template_of


def test_every_template_type_is_among_the_pages_checked(served_site):
    found = {page.template for page in served_site.pages}
    missing = [name for name in REQUIRED_TEMPLATES if name not in found]
    assert not missing, f"no built page of type {missing} among {len(served_site.pages)} pages"


def test_pages_are_told_apart_by_their_path():
    assert template_of("index.html") == "home"
    assert template_of("blog/some-article/index.html") == "article"
    assert template_of("blog/tag/spravato/index.html") == "tag"
    assert template_of("blog/tags/index.html") == "tags"
    assert template_of("blog/category/treatments/page/2/index.html") == "category"
    assert template_of("locations/columbus/index.html") == "location"
    assert template_of("locations/index.html") == "locations index"
    assert template_of("about/index.html") == "page"
