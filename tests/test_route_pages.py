"""Sites routed by their folders (SvelteKit's ``+page.md``, the Next.js App Router's
``page.mdx``): a page is named by its folder, not by its file, which every page shares.
The zoo's ``sveltekit/`` and ``nextjs-app/`` blogs test the whole path."""
import pytest

from graphkit.readers.markdown import markdown_to_text
from graphkit.sites import file_slug, path_aliases, route_page_folder


@pytest.mark.parametrize("path, folder", [
    ("src/routes/blog/rope/+page.md", "src/routes/blog/rope"),
    ("src/routes/(blog)/posts/rope/+page.svx", "src/routes/posts/rope"),
    ("site/src/routes/+page.md", "site/src/routes"),
    ("app/blog/rope/page.mdx", "app/blog/rope"),
    ("src/app/(notes)/notes/kv/page.md", "src/app/notes/kv"),
    ("app/page.mdx", None),                   # (the home page: no route folder)
    ("content/posts/page.md", None),          # a post named "page", not a route's page
    ("src/routes/blog/rope/+page.svelte", None),
    ("app/blog/rope/page.tsx", None),
    ("src/routes/blog/rope/+layout.md", None),
])
def test_the_folder_a_routes_page_is(path, folder):
    assert route_page_folder(path) == folder


def test_a_routes_page_is_named_by_its_folder_and_other_pages_as_before():
    assert {"blog/rope", "rope"} <= path_aliases("src/routes/(blog)/blog/rope/+page.svx")
    assert not {"+page", "(blog)"} & path_aliases("src/routes/(blog)/blog/rope/+page.svx")
    assert "page" not in path_aliases("app/blog/rope/page.mdx")
    assert file_slug("app/blog/rope/page.mdx") == ("rope", None)
    assert file_slug("content/posts/page.md") == ("page", None)


def test_a_script_or_style_block_in_markdown_is_not_text():
    """Raw HTML that shows nothing (a chart's script, a Svelte page's ``<script>``, a
    style sheet) is no text; a ``<script>`` written as code is."""
    lines = ["Intro.", "", "<script>", "  import Chart from '$lib/Chart.svelte';",
             "  window.draw('attention');", "</script>", "", "<style>h2 { color: red }</style>",
             "", "Use the `<script>` tag.", "", "After."]
    text, _ = markdown_to_text(lines, source=True, site_links=True)
    assert "import" not in text and "draw" not in text and "color" not in text
    assert text.splitlines() == ["Intro.", "Use the `<script>` tag.", "After."]
