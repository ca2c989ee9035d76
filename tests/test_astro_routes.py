"""An Astro site's posts are served where its dynamic routes say, from the folders its
content config gives its collections (graphkit.readers.astro)."""
import pytest
from conftest import read_cites

from graphkit.options import BuildOptions
from graphkit.pipeline import relate
from graphkit.readers import read_paths
from graphkit.readers.astro import CONTENT, ROUTE, config_kind, read_content_config, read_route

ROUTE_PAGE = """---
import {{ getCollection }} from "astro:content";
export async function getStaticPaths() {{
  const entries = await getCollection({collection});
  return entries.map((entry) => ({{ params: {{ {param}: {value} }}, props: {{ entry }} }}));
}}
---
<article><slot /></article>
"""


def _write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _route(folder, name, collection, param="slug", value="entry.id"):
    _write(folder, name, ROUTE_PAGE.format(collection=collection, param=param, value=value))


def _post(folder, name, title, body=""):
    _write(folder, name, f"---\ntitle: {title}\npubDate: 2024-01-02\n---\n\n{body}\n")


def _site(tmp_path):
    _write(tmp_path, "astro.config.mjs",
           'export default defineConfig({ site: "https://a.example" });\n')
    return tmp_path


def _urls(tmp_path):
    return {p.title: p.url for p in read_paths([tmp_path]).posts}


@pytest.mark.parametrize("path, kind", [
    ("site/src/pages/posts/[...slug].astro", ROUTE),
    ("site/src/pages/posts/[slug]/index.astro", ROUTE),
    ("site/src/pages/[...slug].astro", ROUTE),
    ("site/src/content.config.ts", CONTENT),
    ("site/src/content/config.mjs", CONTENT),
    ("site/src/pages/posts/index.astro", None),          # a static page
    ("site/src/pages/[lang]/posts/[slug].astro", None),   # a parameter above the last
    ("site/src/pages/posts/post-[id].astro", None),       # part of a segment
    ("site/src/pages/posts/[slug].md", None),
    ("site/src/layouts/[slug].astro", None),
    ("site/content.config.ts", None),
])
def test_which_files_are_routes_and_content_configs(path, kind):
    assert config_kind(path) == kind


def test_posts_are_served_under_the_route_that_reads_their_collection(tmp_path):
    """A collection named ``post`` served by ``src/pages/posts/[...slug].astro`` is at
    ``/posts/x/``; a tag's page (its parameter is no entry's id) changes nothing."""
    site = _site(tmp_path)
    _route(site, "src/pages/posts/[...slug].astro", '"post"')
    _route(site, "src/pages/notes/[...slug]/index.astro", "'note'", value="getPath(note.id)")
    _route(site, "src/pages/tags/[tag].astro", '"post"', param="tag", value="tag")
    _post(site, "src/content/post/alpha.md", "Alpha")
    _post(site, "src/content/post/beta.md", "Beta",
          "After [Alpha](/posts/alpha/) and [Gamma](https://a.example/notes/gamma/).")
    _post(site, "src/content/note/gamma.md", "Gamma")
    assert _urls(site) == {"Alpha": "https://a.example/posts/alpha/",
                           "Beta": "https://a.example/posts/beta/",
                           "Gamma": "https://a.example/notes/gamma/"}
    r = read_paths([site])
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    assert sorted((title[e.source], title[e.target]) for e in edges) == [
        ("Beta", "Alpha"), ("Beta", "Gamma")]
    reasons = {f.path: f.reason for f in r.fragments}
    assert "template (Astro)" in reasons[f"{site.name}/src/pages/tags/[tag].astro"]


def test_a_route_at_the_top_serves_posts_at_the_top_and_its_own_name_wins(tmp_path):
    """``src/pages/[...slug].astro`` serves ``/x/``; when a route under the collection's
    own name serves it too, that one is the address."""
    site = _site(tmp_path)
    _route(site, "src/pages/[...slug].astro", '"blog"')
    _post(site, "src/content/blog/alpha.md", "Alpha")
    assert _urls(site) == {"Alpha": "https://a.example/alpha/"}
    _route(site, "src/pages/blog/[slug].astro", '"blog"')
    assert _urls(site) == {"Alpha": "https://a.example/blog/alpha/"}


def test_a_route_whose_parameter_is_not_an_entrys_id_leaves_the_default(tmp_path):
    site = _site(tmp_path)
    _route(site, "src/pages/p/[slug].astro", '"blog"', value="slugify(entry.data.title)")
    _route(site, "src/pages/blog/[...page].astro", '"blog"', param="page", value="n")
    _post(site, "src/content/blog/alpha.md", "Alpha")
    assert _urls(site) == {"Alpha": "https://a.example/blog/alpha/"}


def test_the_content_config_gives_a_collection_its_folder_and_name(tmp_path):
    """A ``glob`` loader's ``base`` outside ``src/content/`` is the collection's folder;
    Markdown under ``src/pages/`` is then a page of the site, not a post; a commented
    definition and a ``base`` built from a variable are not read."""
    site = _site(tmp_path)
    _write(site, "src/content.config.ts", """
import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
// const old = defineCollection({ loader: glob({ base: "./src/old" }) });
const writing = defineCollection({ loader: glob({ pattern: "**/*.md", base: "./content/w" }) });
const blog = defineCollection({ loader: glob({ pattern: "**/*.md", base: `./${BLOG}` }) });
export const collections = { articles: writing, blog };
""")
    _route(site, "src/pages/writing/[slug].astro", '"articles"')
    _post(site, "content/w/one.md", "One")
    _post(site, "content/w/two.md", "Two", "After [one](/writing/one/).")
    _write(site, "src/pages/about.md", "---\ntitle: About\n---\n\nMe.\n")
    r = read_paths([site])
    assert {p.title: p.url for p in r.posts} == {"One": "https://a.example/writing/one/",
                                                 "Two": "https://a.example/writing/two/"}
    reasons = {f.path: f.reason for f in r.fragments}
    assert "content/w/" in reasons[f"{site.name}/src/pages/about.md"]
    (conf,) = [f.site for f in r.files if f.path.endswith("content.config.ts")]
    assert dict(conf) == {"generator": "astro", "collection_dir:content/w": "articles"}


def test_route_and_content_config_values():
    assert read_route(ROUTE_PAGE.format(collection='"post"', param="slug", value="e.slug"),
                      "s/src/pages/a/b/[...slug].astro") == (
        ("generator", "astro"), ("route:post:a/b", "a/b"))
    sidebar = ROUTE_PAGE.format(collection='"post"', param="slug", value="entry.id").replace(
        "return entries", 'const people = await getCollection("authors");\n  return entries')
    assert read_route(sidebar, "s/src/pages/p/[slug].astro") == (("generator", "astro"),
                                                                ("route:post:p", "p"))
    inline = ("export const collections = {\n  posts: defineCollection({ loader: glob({ "
              "base: './src/data/posts/' }) }),\n};\n")
    assert read_content_config(inline) == (("generator", "astro"),
                                           ("collection_dir:src/data/posts", "posts"))
    assert read_content_config("const x = 1;") == (("generator", "astro"),)


def test_planted_brackets_quotes_and_comment_starts_are_no_route():
    """(Their time on 200,000 characters is in benchmarks/run.py, hostile.)"""
    text = "---\n" + "params: { slug: (" * 10_000 + "'/*" * 20_000 + "\n---\n"
    assert read_route(text, "s/src/pages/p/[slug].astro") is None
    assert read_content_config("defineCollection({ base: '" * 10_000) == (("generator", "astro"),)


I18N_ROUTE = """---
import { getCollection } from 'astro:content';
export async function getStaticPaths() {
  const posts = await getCollection('blog');
  return posts.map((post) => {
    const [lang, ...slug] = post.id.split('/');
    return { params: { lang, slug: slug.join('/') }, props: post };
  });
}
---
"""


def test_a_link_reaches_the_post_whose_address_holds_its_folders_in_any_order(tmp_path):
    """Two languages' posts share a slug; a link whose language folder stands where the
    site's route (``[lang]/blog/[...slug]``, not read) puts it still reaches the post of
    its language, and a link naming a folder no post has reaches none."""
    _write(tmp_path, "astro.config.mjs", "export default { site: 'https://lin.example' };\n")
    _write(tmp_path, "src/pages/[lang]/blog/[...slug].astro", I18N_ROUTE)
    for lang, rope, linear in (("en", "RoPE", "Linear"), ("zh", "旋转", "线性")):
        _write(tmp_path, f"src/content/blog/{lang}/rope.md",
               f"---\ntitle: {rope}\n---\n\nSee [{linear}](/{lang}/blog/linear/).\n")
        _write(tmp_path, f"src/content/blog/{lang}/linear.md",
               f"---\ntitle: {linear}\n---\n\nSee [{rope}](https://lin.example/{lang}/blog/rope/)"
               f" and [nothing](/fr/blog/rope/).\n")
    _, cites = read_cites(tmp_path)
    assert cites == {("RoPE", "Linear"), ("Linear", "RoPE"), ("旋转", "线性"), ("线性", "旋转")}
