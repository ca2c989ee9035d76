"""Eleventy's permalink templates, in front matter and in the data cascade's files
(:mod:`graphkit.readers.eleventy`)."""

from __future__ import annotations

import pytest

from graphkit.options import BuildOptions
from graphkit.pipeline import relate
from graphkit.readers import read_paths
from graphkit.readers.eleventy import ELEVENTY_DATA, file_slug, render_permalink

CONFIG = 'export default function () {\n  return { dir: { input: "src" } };\n}\n'


def _site(tmp_path, files):
    (tmp_path / "eleventy.config.js").write_text(CONFIG, encoding="utf-8")
    for name, text in files.items():
        path = tmp_path / "src" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return read_paths([tmp_path])


def _post(title, body="Text.", extra=""):
    return f"---\ntitle: {title}\ndate: 2023-05-06\n{extra}---\n\n{body}\n"


def _paths(result):
    return {p.title: sorted(a for a in p.aliases if "src/" not in a) for p in result.posts}


def test_a_directory_data_file_places_every_page_below_it(tmp_path):
    r = _site(tmp_path, {
        "posts/posts.json": '{"layout": "post.njk", "permalink": "/writing/{{ page.fileSlug }}/"}',
        "posts/2023-05-06-alpha.md": _post("Alpha"),
        "posts/deeper/beta.md": _post("Beta", "Read [alpha](/writing/alpha/)."),
        "notes/gamma.md": _post("Gamma", "See [beta](/writing/beta/)."),
    })
    assert "writing/alpha" in _paths(r)["Alpha"]
    assert "writing/beta" in _paths(r)["Beta"]            # the nearest folder's file above
    assert not any(a.startswith("writing/") for a in _paths(r)["Gamma"])   # not below it
    assert [f.format for f in r.files if f.path.endswith("posts.json")] == [ELEVENTY_DATA]
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in r.posts}
    assert sorted((title[e.source], title[e.target]) for e in edges) == [
        ("Beta", "Alpha"), ("Gamma", "Beta")]


def test_front_matter_wins_over_a_template_data_file_over_a_directory_data_file(tmp_path):
    r = _site(tmp_path, {
        "blog/blog.11tydata.js": 'module.exports = { permalink: "/b/{{ page.fileSlug }}/" };\n',
        "blog/one.md": _post("One"),
        "blog/two.11tydata.json": '{"permalink": "/second/index.html"}',
        "blog/two.md": _post("Two"),
        "blog/three.md": _post("Three Things", extra='permalink: "/{{ title | slugify }}/"\n'),
    })
    paths = _paths(r)
    assert "b/one" in paths["One"]
    assert "second" in paths["Two"] and "b/two" not in paths["Two"]
    assert "three-things" in paths["Three Things"] and "b/three" not in paths["Three Things"]
    (three,) = [p for p in r.posts if p.title == "Three Things"]
    assert three.url is None and not any("{{" in a for a in three.aliases)


@pytest.mark.parametrize("template,expected", [
    ("/posts/{{ page.fileSlug }}/", "/posts/hello/"),
    ("{{ page.filePathStem }}.html", "/posts/2021-03-04-hello.html"),
    ("/{{ page.date | date: '%Y/%m' }}/{{ title | slug }}/index.html", "/2021/03/a-title/"),
    ('/{{ page.date | dateFilter("yyyy") }}/{{ page.fileSlug }}/', "/2021/hello/"),
    ("/{{ series }}/{{ page.fileSlug }}/", "/go/hello/"),            # a front-matter field
    ("/{{ page.fileSlug | reverse }}/", None),                        # a filter not known
    ("/{% if draft %}x{% endif %}/", None),                           # a tag
    ("/{{ author }}/", None),                                         # a value not known
    ("false", None),
    ("/fixed/index.html", "/fixed/"),
    ("/{{ page.fileSlug }}" * 30, None),                              # over 500 characters
])
def test_render_permalink(template, expected):
    assert render_permalink(template, inside="posts/2021-03-04-hello.md", title="A Title",
                            date="2021-03-04", fields={"series": "go"}) == expected


def test_file_slug_drops_a_date_and_names_an_index_by_its_folder():
    assert file_slug("posts/2020-01-02-hello.md") == "hello"
    assert file_slug("posts/hello/index.md") == "hello"
    assert file_slug("hello.11ty.js") == "hello"
    assert render_permalink("{{ page.filePathStem }}/", inside="v1.2/hello.11ty.js", title="",
                            date=None, fields={}) == "/v1.2/hello/"


def test_a_folder_json_that_is_no_data_file_is_read_as_posts(tmp_path):
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "posts.json").write_text(
        '[{"title": "Listed", "url": "https://x.example/listed/", "text": "Body."}]',
        encoding="utf-8")
    r = read_paths([tmp_path])
    assert [p.title for p in r.posts] == ["Listed"]


def _zero_config(tmp_path, package):
    (tmp_path / "posts").mkdir(parents=True)
    (tmp_path / "package.json").write_text(package, encoding="utf-8")
    (tmp_path / "about.md").write_text(
        "---\nlayout: page.njk\ntitle: About\npermalink: /about/\n---\n\nStart with "
        "[Alpha](/posts/alpha/).\n", encoding="utf-8")
    (tmp_path / "posts" / "alpha.md").write_text(_post("Alpha"), encoding="utf-8")
    (tmp_path / "posts" / "beta.md").write_text(
        _post("Beta", "See [alpha](/posts/alpha/)."), encoding="utf-8")
    return read_paths([tmp_path])


def test_a_site_with_no_eleventy_configuration_is_known_by_its_package(tmp_path):
    """Eleventy needs no configuration file: a ``package.json`` that installs it makes
    the folder its site, so the ``about.md`` at the top of its input is a page of the
    site, reported, and cites nothing; a program's manifest makes no site."""
    r = _zero_config(tmp_path / "site", '{"devDependencies": {"@11ty/eleventy": "^3.0.1"}}')
    assert sorted(p.title for p in r.posts) == ["Alpha", "Beta"]
    assert [f.path for f in r.fragments if "about.md" in f.path]
    r = _zero_config(tmp_path / "app", '{"dependencies": {"react": "^18.0.0"}}')
    assert sorted(p.title for p in r.posts) == ["About", "Alpha", "Beta"]


def test_a_configuration_file_comes_before_the_package(tmp_path):
    """The folder's own configuration names the generator: an Eleventy configuration
    whose input is ``src`` is read as written beside a ``package.json`` that installs
    Astro too, and a manifest naming two generators names none."""
    (tmp_path / "package.json").write_text(
        '{"dependencies": {"astro": "^5.0.0"}, "devDependencies": {"@11ty/eleventy": "3"}}',
        encoding="utf-8")
    r = _site(tmp_path, {"posts/alpha.md": _post("Alpha"),
                         "posts/beta.md": _post("Beta", "See [alpha](/posts/alpha/)."),
                         "about.md": "---\ntitle: About\n---\n\nThe site.\n"})
    assert sorted(p.title for p in r.posts) == ["Alpha", "Beta"]
    edges, _, _ = relate(r.posts, options=BuildOptions(layers=("cites",)))
    assert len(edges) == 1
    from graphkit.sites import package_config, packages_beside_configs
    assert package_config((tmp_path / "package.json").read_text()) is None
    assert package_config("{not json") is None and package_config("[1]") is None
    pair = [("s/package.json", (("generator", "astro"),)),
            ("s/eleventy.config.js", (("generator", "eleventy"),))]
    assert packages_beside_configs(pair) == pair[1:]
    assert packages_beside_configs(pair[:1]) == pair[:1]


def test_a_package_json_nested_past_the_parser_is_read_as_data(tmp_path):
    """A hostile ``package.json`` (200,000 arrays nested) names no generator: it is
    reported as a data file, and the posts beside it are read."""
    (tmp_path / "package.json").write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    (tmp_path / "a.md").write_text(_post("Alpha"), encoding="utf-8")
    r = read_paths([tmp_path])
    assert [p.title for p in r.posts] == ["Alpha"]
    assert [f.path for f in r.fragments if f.path.endswith("package.json")]
