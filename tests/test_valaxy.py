"""Valaxy blogs: posts in ``pages/posts/`` routed by file, the address in ``site.config.ts``.
The zoo's ``valaxy/`` tests the whole path; these test one edge each."""

from __future__ import annotations

from graphkit.readers import read_paths
from graphkit.sites import file_route, read_site_config


def _write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_site_config_is_valaxy_s_only_when_it_uses_valaxy():
    valaxy = ("import { defineSiteConfig } from 'valaxy'\n\nexport default defineSiteConfig({\n"
              "  url: 'https://v.example/',\n  title: '笔记',\n  social: [{ name: 'RSS', "
              "link: '/atom.xml' }],\n})\n")
    assert dict(read_site_config(valaxy, "site.config.ts")) == {
        "generator": "valaxy", "url": "https://v.example", "title": "笔记"}
    # an Astro theme's site.config.ts: its own settings, not Valaxy's
    astro = "export default {\n  title: 'Thought',\n  url: 'https://a.example',\n};\n"
    assert read_site_config(astro, "site.config.ts") is None


def test_valaxy_config_gives_the_address_of_its_site_config():
    text = ("import { defineValaxyConfig } from 'valaxy'\n\nexport default defineValaxyConfig({\n"
            "  siteConfig: { url: 'https://v.example/', title: '笔记' },\n"
            "  themeConfig: { pages: [{ name: '关于', url: '/about/' }] },\n})\n")
    assert dict(read_site_config(text, "valaxy.config.ts"))["url"] == "https://v.example"


def test_a_post_is_routed_by_its_path_under_pages():
    assert file_route("valaxy", "pages/posts/rope.md", None, {}) == "/posts/rope"
    assert file_route("valaxy", "pages/posts/nested/z/index.md", None, {}) == "/posts/nested/z"
    assert file_route("valaxy", "drafts/x.md", None, {}) is None


def test_pages_are_set_aside_only_when_the_blog_has_posts(tmp_path):
    _write(tmp_path, "site.config.ts", "import { defineSiteConfig } from 'valaxy'\n"
           "export default defineSiteConfig({ url: 'https://v.example/' })\n")
    _write(tmp_path, "pages/about/index.md", "---\ntitle: 关于\n---\n\n关于本站。\n")
    _write(tmp_path, "pages/notes/a.md", "---\ntitle: 甲\n---\n\n正文。\n")
    r = read_paths([tmp_path])
    assert sorted(p.url for p in r.posts) == ["https://v.example/about",
                                              "https://v.example/notes/a"]
    _write(tmp_path, "pages/posts/b.md", "---\ntitle: 乙\n---\n\n正文。\n")
    r = read_paths([tmp_path])
    assert [p.url for p in r.posts] == ["https://v.example/posts/b"]
    assert sum(f.reason.startswith("a page of the site (pages/)") for f in r.fragments) == 2
