"""More articles than fit on one page: the listing pages link to each other.
(The real content has too few articles to paginate; the benchmark corpus
found the links broken.)"""

from fixture_site import article, make_content
from sitebuilder import build, soup


def test_listings_paginate_with_working_links(tmp_path):
    articles = {
        f"a{number:02}": article(f"Article {number}", date=f"2026-01-{number + 1:02}")
        for number in range(12)
    }
    site = build(tmp_path / "output", make_content(tmp_path / "content", articles))
    first = soup(site, "").find("nav", class_="pagination")
    older = first.find("a", rel="next")["href"]
    assert older == "/page/2/"
    second = soup(site, older.lstrip("/")).find("nav", class_="pagination")
    assert second.find("a", rel="prev")["href"] == "/"
    assert "Page 2 of 2" in second.get_text()
