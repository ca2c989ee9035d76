"""Nuxt Content's pages: names opening with an order number (``1.blog/3.rope.md`` is
``/blog/rope``, as Lume's extract_order plugin makes it too) and MDC's block components
(``::alert{…}`` … ``::``). The zoo's ``nuxt-content/`` blog tests the whole path."""
import pytest

from conftest import read_cites, write_file
from graphkit.readers.markdown import markdown_to_text
from graphkit.sites import path_aliases


@pytest.mark.parametrize("path, named, not_named", [
    ("content/1.blog/3.rope.md", {"blog/rope", "rope", "1.blog/3.rope"}, {"3.rope.md"}),
    ("content/2.notes/index.md", {"notes", "2.notes"}, set()),
    ("posts/1.5-release-notes.md", {"1.5-release-notes"}, {"5-release-notes"}),
    ("posts/2024.12.review.md", {"2024.12.review"}, {"12.review"}),
    ("posts/10.x.md", {"x", "10.x"}, set()),
])
def test_an_order_number_names_no_part_of_the_address(path, named, not_named):
    aliases = path_aliases(path)
    assert named <= aliases and not (not_named & aliases)


def test_a_nuxt_blogs_links_by_address_reach_the_ordered_files(tmp_path):
    write_file(tmp_path, "nuxt.config.ts", "export default defineNuxtConfig({})\n")
    write_file(tmp_path, "content/1.blog/1.rope.md", "---\ntitle: Rope\n---\n\n"
               "See [linear attention](/blog/linear-attention).\n")
    write_file(tmp_path, "content/1.blog/2.linear-attention.md", "---\ntitle: Linear\n---\n\n"
               "An [idea](/notes/idea#start) and [rope](../blog/rope).\n")
    write_file(tmp_path, "content/2.notes/idea.md", "---\ntitle: Idea\n---\n\nShort.\n")
    write_file(tmp_path, "content/3.about.md", "---\ntitle: About\n---\n\n"
               "Start with [rope](/blog/rope).\n")
    r, cites = read_cites(tmp_path)
    assert cites == {("Rope", "Linear"), ("Linear", "Idea"), ("Linear", "Rope")}
    assert "About" not in {p.title for p in r.posts}                 # a page, not a post
    (about,) = [f for f in r.fragments if f.path.endswith("3.about.md")]
    assert about.reason.startswith("a page at the top of the site's content (content/)")


def test_an_mdc_block_components_markers_are_not_text():
    lines = ["::alert{type=\"info\"}", "Inside, [a link](/notes/idea).", "::", "",
             "::before is a CSS pseudo-element.", "", ":: 本文完 ::"]
    text, links = markdown_to_text(lines, source=True, site_links=True)
    assert text.split("\n") == ["Inside, a link.", "::before is a CSS pseudo-element.",
                                ":: 本文完 ::"]
    assert [link.url for link in links] == ["/notes/idea"]
