"""A post's tags and categories as its generator reads them from its source:
tests/fixtures/source-terms/, one folder per documented way of writing them (see its
README). Tags and categories make the map's shared-tag layer and the categories the
display partition is measured against; a category of the wrong name ("source", a
list printed as text) ties or splits posts that the blog does not."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from graphkit.readers import read_paths
from graphkit.readers.frontmatter import _as_list
from graphkit.sites import read_docusaurus_tags

TERMS = FIXTURES / "source-terms"
SHOWN = {   # each case: {title: (tags, categories)}, as its generator shows them
    "hexo-category-tree": {
        "A second controller, and what it changed": (
            ("PS5", "controllers"), ("Hobbies", "Games", "Hardware", "Reviews")),
        "Why a curveball curves": (("physics of sport",), ("Sports", "Baseball"))},
    "hexo-minimal-config": {
        "First light through the new telescope": (("telescopes",), ("Astronomy",))},
    "docusaurus-tags-file": {
        "Random features in one page": (("Random Features", "Kernels"), ()),
        "Posteriors of a Gaussian process": (("Gaussian Processes", "Bayesian Inference"),
                                             ())},
    "pelican-folders": {
        "Generators, lazily": (("iterators", "laziness"), ("python",)),
        "On reading slowly": (("habits", "books"), ("Reading",)),
        "Loose ends": (("errata",), ("misc",))},
    "pelican-no-folder-categories": {"Decorators without magic": (("functions",), ("Notes",))},
    "vault": {"Entropy": (("information-theory", "math", "coding/lossless"), ()),
              "Codelength": (("compression",), ())},
    "rows-category.jsonl": {"Shrinkage estimators": (("james-stein",), ("Statistics",)),
                            "Ridge, again": (("regularization", "ridge"),
                                             ("Statistics", "Regression"))},
}


@pytest.mark.parametrize("case", sorted(SHOWN))
def test_each_post_has_the_tags_and_categories_its_generator_shows(case):
    posts = read_paths([TERMS / case]).posts
    assert {p.title: (p.tags, p.categories) for p in posts} == SHOWN[case]


def test_the_fixture_folder_holds_the_cases_tested():
    assert sorted(p.name for p in TERMS.iterdir() if p.name != "README.md") == sorted(SHOWN)


def test_a_list_of_terms_is_never_printed_as_text():
    """Items that are lists give their names, objects the name they hold; a mapping,
    or an object naming nothing, gives no term (not its Python repr)."""
    assert _as_list([["a", "b"], ["a", "c"], "d"]) == ("a", "b", "c", "d")
    assert _as_list([{"label": "X", "permalink": "/x"}, {"name": "Y"}, {"slug": 3}]) \
        == ("X", "Y")
    assert _as_list({"a": 1}) == ()
    assert _as_list("a, b; a") == ("a", "b")


def test_a_yaml_file_that_is_no_tags_file_is_not_read_as_one():
    assert read_docusaurus_tags("ml:\n  label: Machine Learning\nnlp:\n") == (
        ("ml", "Machine Learning"), ("nlp", "Nlp"))
    assert read_docusaurus_tags("- a\n- b\n") is None
    assert read_docusaurus_tags("ml:\n  name: Jane\n  email: j@example.org\n") is None
    assert read_docusaurus_tags("") is None


def test_the_tags_file_reaches_only_its_own_blogs_posts(tmp_path):
    """A second blog of the site (its own folder, no tags file) keeps its keys."""
    site = tmp_path / "site"
    (site / "blog").mkdir(parents=True)
    (site / "notes").mkdir()
    (site / "docusaurus.config.js").write_text(
        "module.exports = {title: 'S', url: 'https://s.example.org', baseUrl: '/',\n"
        "  presets: [['classic', {blog: {path: 'blog'}}]],\n"
        "  plugins: [['@docusaurus/plugin-content-blog', {id: 'notes', path: 'notes',\n"
        "    routeBasePath: 'notes'}]]};\n", encoding="utf-8")
    (site / "blog" / "tags.yml").write_text("ml:\n  label: Machine Learning\n",
                                            encoding="utf-8")
    for folder in ("blog", "notes"):
        (site / folder / f"2024-01-01-{folder}.md").write_text(
            f"---\ntitle: In {folder}\ntags: [ml]\n---\nText.\n", encoding="utf-8")
    got = {p.title: p.tags for p in read_paths([site]).posts}
    assert got == {"In blog": ("Machine Learning",), "In notes": ("ml",)}


def test_pelican_reads_no_folder_category_where_its_content_folder_is_unknown(tmp_path):
    """``PATH`` computed by the settings file: the folder categories are counted from
    is unknown, so the post has Pelican's default category, not its folder's."""
    site = tmp_path / "site"
    (site / "content" / "python").mkdir(parents=True)
    (site / "pelicanconf.py").write_text(
        "import os\nSITENAME = 'S'\nPATH = os.path.join(os.getcwd(), 'content')\n",
        encoding="utf-8")
    (site / "content" / "python" / "a.md").write_text(
        "Title: A\nDate: 2020-01-01\n\nText.\n", encoding="utf-8")
    (post,) = read_paths([site]).posts
    assert post.categories == ("misc",)
