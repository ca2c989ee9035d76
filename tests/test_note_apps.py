"""Notes written in a note app rather than a blog generator: Logseq's page properties,
file names and block references, and daily notes; an Obsidian vault's embeds and notes
named by their files (the zoo's ``logseq/`` and ``obsidian/`` test the whole path; these
test one edge each)."""

from __future__ import annotations

from graphkit.options import BuildOptions
from graphkit.pipeline import relate
from graphkit.readers import read_paths, read_text
from graphkit.readers.frontmatter import block_ids, note_name, note_properties
from graphkit.sites import expand_site_links


def _write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _cites(posts):
    edges, _, _ = relate(posts, options=BuildOptions(layers=("cites",)))
    title = {p.key: p.title for p in posts}
    return sorted((title[e.source], title.get(e.target, e.target)) for e in edges)


def test_page_properties_are_metadata_not_a_pelican_header():
    """``title:: x`` is Logseq's property, not Pelican's ``Title: : x``."""
    _, (post,), _ = read_text("title:: 注意力/浅读\ntags:: [[机器学习]], 注意力\nalias:: 浅读\n"
                              "date:: 2020-01-02\n\n- 正文一句。\n", "pages/x.md")
    assert (post.title, post.tags, post.date, post.text) == (
        "注意力/浅读", ("机器学习", "注意力"), "2020-01-02", "正文一句。")
    assert {"注意力/浅读", "浅读"} <= set(post.aliases)   # the names links reach it by


def test_properties_only_at_the_top_and_never_code():
    meta, start = note_properties(["std::cout << x;", "title:: 甲"])
    assert (meta, start) == ({}, 0)
    lines, ids = block_ids(["- 甲", "  id:: 6F1C2A3B-4D5E-4F60-8A7B-9C0D1E2F3A4B",
                            "  collapsed:: true", "std::cout << x;", "- rating:: 9"])
    assert ids == ["6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"]
    assert lines == ["- 甲", "", "", "std::cout << x;", "- rating:: 9"]   # the author's


def test_namespaced_file_names_are_page_names():
    assert note_name("机器学习___注意力") == "机器学习/注意力"
    assert note_name("机器学习%2F注意力") == "机器学习/注意力"
    assert note_name("a_b") == "a_b"


def test_links_by_page_name_alias_and_block_reference(tmp_path):
    _write(tmp_path, "logseq/config.edn", "{:file/name-format :triple-lowbar}\n")
    _write(tmp_path, "pages/机器学习___注意力.md",
           "- 注意力的要点。\n  id:: 6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b\n")
    _write(tmp_path, "pages/位置编码.md", "alias:: RoPE\ndate:: [[2024_01_04]]\n\n"
                                          "- 见 [[机器学习/注意力]]。\n")
    _write(tmp_path, "pages/外推.md", "- 比较 [[rope]] 与 ((6F1C2A3B-4D5E-4F60-8A7B-9C0D1E2F3A4B))"
                                      "，又见[那一段]([[位置编码]])。\n")
    _write(tmp_path, "journals/2024_01_05.md", "- 今天读了 [[外推]]。\n")
    r = read_paths([tmp_path])
    dated = {p.title: p.date for p in r.posts}
    assert dated == {"机器学习/注意力": None, "位置编码": "2024-01-04", "外推": None,
                     "Jan 5th, 2024": "2024-01-05"}     # a daily note is dated by its name
    assert _cites(r.posts) == [("Jan 5th, 2024", "外推"), ("位置编码", "机器学习/注意力"),
                               ("外推", "位置编码"), ("外推", "机器学习/注意力")]
    assert not any("id::" in p.text for p in r.posts)


def test_journal_pages_are_titled_and_linked_as_the_graph_titles_them(tmp_path):
    """Logseq names a journal page by its ``:journal/page-title-format`` (default ``MMM
    do, yyyy``): links write that name. A journal with a ``title::`` keeps it; a page
    outside the journals folder named like a day is not retitled."""
    _write(tmp_path, "default/logseq/config.edn", "{:meta/version 1}\n")
    _write(tmp_path, "default/journals/2024_01_05.md", "- 读了旋转位置编码。\n")
    _write(tmp_path, "default/journals/2024_01_06.md", "title:: 周六笔记\n\n- 休息。\n")
    _write(tmp_path, "default/pages/2024_01_07.md", "- 一页。\n")
    _write(tmp_path, "default/pages/rope.md", "- 见 [[Jan 5th, 2024]] 与 [[周六笔记]]。\n")
    own = '{:journal/page-title-format "yyyy年MM月dd日 EEEE"\n :journals-directory "daily"}\n'
    _write(tmp_path, "own/logseq/config.edn", own)
    _write(tmp_path, "own/daily/2024_03_22.md", "- 一天。\n")
    _write(tmp_path, "own/pages/b.md", "- 见 [[2024年03月22日 Friday]]。\n")
    r = read_paths([tmp_path])
    assert {p.title for p in r.posts} == {"Jan 5th, 2024", "周六笔记", "2024_01_07", "rope",
                                          "2024年03月22日 Friday", "b"}
    assert _cites(r.posts) == [("b", "2024年03月22日 Friday"), ("rope", "Jan 5th, 2024"),
                               ("rope", "周六笔记")]
    assert {p.title: p.date for p in r.posts}["Jan 5th, 2024"] == "2024-01-05"


# ---------------------------------------------------------------------- TiddlyWiki
def _tid(title, text, **fields):
    head = "".join(f"{k.replace('_', '.')}: {v}\n" for k, v in fields.items())
    return f"{head}title: {title}\n\n{text}"


def test_wikitext_links_are_the_text_first_and_never_in_code():
    """``[[text|Title]]`` names the tiddler last (Obsidian's ``[[Title|text]]`` first);
    a transclusion, the link widget and ``<a href="#…">`` name tiddlers too; code,
    comments, macro calls, filters, pragmas, ``~`` and system tiddlers name none."""
    from graphkit.readers.tiddlywiki import wikitext_to_text

    text, links = wikitext_to_text([
        "\\define note() [[甲]]",
        "\\procedure long()", "[[乙]]", "\\end",
        "见[[线性注意力|线性注意力的简单推导]]与[[Attention]]，",
        "又见 {{旋转位置编码||摘要模板}} 和 <$link to=\"\"\"A B\"\"\">这篇</$link>、"
        "<a href=\"#C%20D\">那篇</a>、[[块|丁^段落]]。",
        "",
        "外链 [[代码|https://github.com/a/b]] 与 [ext[论文|https://arxiv.org/abs/1706.03762]]，"
        "~https://x.example/no 不是链接。",
        "`[[戊]]` <!-- [[己]] --> <<macro \"[[庚]]\">> {{{ [tag[辛]] }}} [[$:/ControlPanel]]",
        "```", "[[壬]]", "```",
        "! 标题 [[癸]]"])
    assert [(x.anchor, x.url) for x in links] == [
        ("线性注意力", "site-ref:%E7%BA%BF%E6%80%A7%E6%B3%A8%E6%84%8F%E5%8A%9B%E7%9A%84%E7%AE%80"
                      "%E5%8D%95%E6%8E%A8%E5%AF%BC"),
        ("Attention", "site-ref:Attention"),
        ("", "site-ref:%E6%97%8B%E8%BD%AC%E4%BD%8D%E7%BD%AE%E7%BC%96%E7%A0%81"),
        ("这篇", "site-ref:A%20B"), ("那篇", "site-ref:C%20D"), ("块", "site-ref:%E4%B8%81"),
        ("代码", "https://github.com/a/b"), ("论文", "https://arxiv.org/abs/1706.03762"),
        ("癸", "site-ref:%E7%99%B8")]
    assert text.splitlines()[0] == "见线性注意力与Attention，又见  和 这篇、那篇、块。"
    assert not {"壬", "己", "庚", "辛"} & set(text)        # code, comments, macros, filters


def test_a_tiddlywiki_folder(tmp_path):
    """Tiddler files: notes, their tags and dates; a system tiddler, a draft, an
    interface tiddler, an image's and a broken file reported; the built ``output/``
    beside ``tiddlywiki.info`` is the wiki again, not more notes."""
    _write(tmp_path, "tiddlywiki.info", '{"plugins": ["tiddlywiki/markdown"]}')
    _write(tmp_path, "tiddlers/甲.tid", _tid("甲", "见[[那篇|乙]]。", created="202103050419",
                                             tags="a [[b c]]"))
    _write(tmp_path, "tiddlers/乙.tid", _tid("乙", "回到 [甲](#%E7%94%B2)。",
                                             type="text/x-markdown",
                                             modified="20210306080000000"))
    _write(tmp_path, "tiddlers/$__StoryList.tid", _tid("$:/StoryList", "", list="甲 乙"))
    _write(tmp_path, "tiddlers/Draft of '甲'.tid", _tid("Draft of '甲'", "[[乙]]", draft_of="甲"))
    _write(tmp_path, "tiddlers/样式.tid", _tid("样式", "a {}", tags="$:/tags/Stylesheet"))
    _write(tmp_path, "tiddlers/图.tid", _tid("图", "iVBOR", type="image/png"))
    _write(tmp_path, "tiddlers/坏.tid", "title: 坏\n这一行不是字段\n\n正文")
    _write(tmp_path, "output/index.html",
           '<script class="tiddlywiki-tiddler-store" type="application/json">'
           '[{"title": "甲", "text": "[[乙]]"}]</script>')
    r = read_paths([tmp_path])
    assert sorted((p.title, p.date, p.tags) for p in r.posts) == [
        ("乙", "2021-03-06", ()), ("甲", "2021-03-05", ("a", "b c"))]
    assert _cites(r.posts) == [("乙", "甲"), ("甲", "乙")]
    reasons = sorted((f.path.rsplit("/", 1)[1], f.line, f.reason.split(" (")[0].split(",")[0])
                     for f in r.fragments)
    assert reasons == [
        ("$__StoryList.tid", 1, "a system tiddler"),
        ("Draft of '甲'.tid", 1, "a draft of '甲'"),
        ("index.html", 1, "the site as built"),
        ("图.tid", 1, "a tiddler of type image/png"),
        ("坏.tid", 2, "a tiddler file whose fields end without a blank line"),
        ("样式.tid", 1, "a tiddler TiddlyWiki uses as part of its interface")]


def test_a_wiki_saved_before_5_2_and_an_encrypted_one():
    """TiddlyWiki 5.1 and Classic keep tiddlers as ``<div>``s in a ``storeArea``, their
    text HTML-escaped; an encrypted wiki cannot be read and says so."""
    store = ('<html><body><div id="storeArea" style="display:none;">\n'
             '<div created="20200102030405000" tags="x [[y z]]" title="A &amp; B">\n'
             '<pre>See [[C]] &lt;&lt;here&gt;&gt; and [[it|https://c.example/]].</pre>\n'
             '</div>\n<div title="C" modifier="JoeBloggs" created="201102111106">\n'
             '<pre>Back to [[A &amp; B]].</pre>\n</div>\n</div></body></html>')
    layout, posts, frags = read_text(store, "wiki.html")
    assert layout == "tiddlywiki" and frags == []
    assert [(p.title, p.date, p.tags, p.sources[0].line) for p in posts] == [
        ("A & B", "2020-01-02", ("x", "y z"), 2), ("C", "2011-02-11", (), 5)]
    assert [link.url for link in posts[0].links] == ["site-ref:C", "https://c.example/"]
    assert _cites(posts) == [("A & B", "C"), ("C", "A & B")]
    layout, posts, frags = read_text('<html>\n<pre id="encryptedStoreArea" type="text/plain">'
                                     '{"iv":"x"}</pre></html>', "secret.html")
    assert (layout, posts, frags[0].line) == ("tiddlywiki", [], 2)
    assert frags[0].reason.startswith("an encrypted TiddlyWiki")


def test_tiddlers_exported_as_json():
    text = ('[\n{"title":"甲","text":"见[[乙]]","created":"20210101000000000"},\n'
            '{"title":"乙","text":"无","type":"text/vnd.tiddlywiki","list":["x"]},\n'
            '{"title":"$:/SiteTitle","text":"笔记"}\n]')
    layout, posts, frags = read_text(text, "tiddlers.json")
    assert layout == "tiddlywiki"
    assert [(p.title, p.sources[0].line) for p in posts] == [("甲", 2), ("乙", 3)]
    assert [(f.line, f.text) for f in frags] == [(4, "$:/SiteTitle")]
    assert _cites(posts) == [("甲", "乙")]


# --------------------------------------------------------------------------- Joplin
def _joplin(title, body, item_id, kind=1, **extra):
    props = "".join(f"{k}: {v}\n" for k, v in extra.items())
    head = f"{title}\n\n" if title is not None else ""
    return (f"{head}{body + chr(10) + chr(10) if body else ''}id: {item_id}\n"
            f"created_time: 2021-03-05T02:00:00.000Z\n{props}type_: {kind}")


def test_a_joplin_export_as_a_jex_archive(tmp_path):
    """Joplin's ``.jex`` (a tar of its RAW export): notes titled by their first line,
    dated by ``created_time``, linked by ``:/ID``; an HTML note; a note's notebooks (one
    inside another) its categories and its tags its tags; a tag no note has, a tag's
    link to a note not read and a note in the trash reported; the properties are no
    text."""
    import io
    import tarfile

    a, b, c = "a" * 32, "b" * 32, "c" * 32
    items = {f"{a}.md": _joplin("甲", f"见[乙](:/{b}#小节)。", a, parent_id=c),
             f"{b}.md": _joplin("乙", f'<p>回看<a href=":/{a}">甲</a>。</p>', b,
                                markup_language=2),
             f"{c}.md": _joplin("笔记本", "", c, kind=2, parent_id="9" * 32),
             f"{'9' * 32}.md": _joplin("机器学习", "", "9" * 32, kind=2),
             f"{'d' * 32}.md": _joplin("标签", "", "d" * 32, kind=5),
             f"{'f' * 32}.md": _joplin("位置编码", "", "f" * 32, kind=5),
             f"{'1' * 32}.md": _joplin(None, "", "1" * 32, kind=6, note_id=a, tag_id="f" * 32),
             f"{'2' * 32}.md": _joplin(None, "", "2" * 32, kind=6, note_id="3" * 32,
                                       tag_id="f" * 32),
             f"{'e' * 32}.md": _joplin("旧", f"[甲](:/{a})", "e" * 32,
                                       deleted_time=1620000000000)}
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for name, text in items.items():
            data = text.encode("utf-8")
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    (tmp_path / "notes.jex").write_bytes(buffer.getvalue())
    r = read_paths([tmp_path / "notes.jex"])
    assert sorted((p.title, p.date, p.text, p.categories, p.tags) for p in r.posts) == [
        ("乙", "2021-03-05", "回看甲。", (), ()),
        ("甲", "2021-03-05", "见乙。", ("机器学习", "笔记本"), ("位置编码",))]
    assert _cites(r.posts) == [("乙", "甲"), ("甲", "乙")]
    assert sorted((f.path, f.reason) for f in r.fragments) == [
        (f"notes.jex/{'2' * 32}.md",
         "the link of a Joplin tag to a note whose note or tag was not read"),
        (f"notes.jex/{'d' * 32}.md", "a Joplin tag no note read has"),
        (f"notes.jex/{'e' * 32}.md", "a note in Joplin's trash (deleted_time), not published")]


def test_a_note_ending_like_joplins_properties_needs_its_id():
    """Only a file whose last lines are Joplin's properties, an id of 32 hexadecimal
    digits among them and ``type_`` last, is one of its items."""
    from graphkit.readers.joplin import detect

    assert detect(_joplin("甲", "正文", "f" * 32).split("\n"), "x.md")
    assert not detect(_joplin("甲", "正文", "not-an-id").split("\n"), "x.md")
    assert not detect(["# 甲", "", "type_: 1"], "x.md")
    assert not detect(_joplin("甲", "正文", "f" * 32).split("\n"), "x.txt")


def _dendron(name, title, body, note_id, created=1583294400000):
    return (name, f"---\nid: {note_id}\ntitle: {title}\ndesc: ''\nupdated: {created}\n"
                  f"created: {created}\n---\n\n{body}\n")


def test_dendron_wikilinks_put_their_text_first_even_without_the_workspace(tmp_path):
    """A vault alone (often a repository of its own, without ``dendron.yml``): its notes'
    front matter says they are Dendron's, whose ``[[text|note]]`` is the reverse of
    Obsidian's; a cross-vault prefix and a heading do not matter."""
    for name, text in [
            _dendron("a.rope.md", "甲", "见[[乙的推导|a.linear#推导]]与[[丙 | a.idea.md]]。", "k1"),
            _dendron("a.linear.md", "乙", "回看[[甲文|dendron://main/a.rope]]。 ^blk-1a", "k2"),
            _dendron("a.idea.md", "丙", "并看[[dendron://main/a.linear]]。", "k3")]:
        _write(tmp_path / "vault", name, text)
    # an Obsidian note in the same folder keeps Obsidian's order: [[note|text]]
    _write(tmp_path / "vault", "obsidian.md", "# 丁\n\n见[[a.rope|那篇讲位置编码的]]。\n")
    posts = read_paths([tmp_path]).posts
    assert _cites(posts) == [("丁", "甲"), ("丙", "乙"), ("乙", "甲"), ("甲", "丙"), ("甲", "乙")]
    linear = next(p for p in posts if p.title == "乙")
    assert linear.text == "回看甲文。"            # the block's id is no text
    assert [link.anchor for link in linear.links] == ["甲文"]


def test_a_dendron_workspace_publishes_notes_by_id(tmp_path):
    """``dendron.yml``'s ``publishing.siteUrl``: a note is at ``/notes/ID/`` there (links
    by that address reach it); the vault's root note is no post; ``docs/`` (where older
    publishing wrote the site) is the site as built."""
    a, b = "k1a2b3c4d5e6f7g8h9i0j", "K2xYz9a8b7c6d5e4f3g2h"     # Dendron's ids (nanoid)
    _write(tmp_path, "dendron.yml", "version: 5\nworkspace:\n  vaults:\n    - fsPath: vault\n"
                                    "publishing:\n  siteUrl: https://n.example\n  title: 笔记\n")
    for name, text in [_dendron("root.md", "Root", "笔记库的根。", "r0" * 11),
                       _dendron("a.rope.md", "甲", f"见[乙](https://n.example/notes/{b}/)。", a),
                       _dendron("a.linear.md", "乙", "回看[[甲文|a.rope]]与[[根|root]]。", b)]:
        _write(tmp_path / "vault", name, text)
    _write(tmp_path / "docs" / "notes", f"{a}.html",
           "<html><head><title>甲</title></head><body><article><h1>甲</h1>"
           "<p>见乙，这是发布出来的页面。</p></article></body></html>")
    r = read_paths([tmp_path])
    (conf,) = [f for f in r.files if f.path.endswith("dendron.yml")]
    assert dict(conf.site) == {"generator": "dendron", "url": "https://n.example",
                               "output": "docs", "title": "笔记"}
    assert sorted((p.title, p.url) for p in r.posts) == [
        ("乙", f"https://n.example/notes/{b}/"), ("甲", f"https://n.example/notes/{a}/")]
    assert _cites(r.posts) == [("乙", "甲"), ("甲", "乙")]
    why = {f.path.rpartition("/")[2]: f.reason for f in r.fragments}
    assert why["root.md"].startswith("the vault's root note")
    assert why[f"{a}.html"].startswith("the site as built (docs/)")


def test_zettelkasten_ids_name_notes(tmp_path):
    """Zettlr's and The Archive's notes are named by the time they were made, in the file
    name (``202003041200 甲.md``) or under ``id``; ``[[ID]]`` reaches the note and the
    id dates it. A number that is no time, and a matrix, are no links."""
    _write(tmp_path, "202003041200 甲.md",
           "# 甲\n\n见 [[20200506120000]]；矩阵 [[1, 2], [3, 4]]，编号 [[20201340120000]]。\n")
    _write(tmp_path, "乙.md", "---\nid: 20200506120000\ntitle: 乙\nkeywords: [注意力]\n---\n\n"
                             "回看 [[202003041200]]。\n")
    posts = read_paths([tmp_path]).posts
    assert _cites(posts) == [("乙", "甲"), ("甲", "乙")]
    a, b = sorted(posts, key=lambda p: p.title, reverse=True)
    assert (a.title, a.date, b.title, b.date, b.tags) == (
        "甲", "2020-03-04", "乙", "2020-05-06", ("注意力",))
    assert "[[1, 2], [3, 4]]" in a.text and "[[20201340120000]]" in a.text


def _sy(doc_id, title, *paragraphs, **props):
    """A SiYuan document (``.sy`` JSON) of paragraphs, each a list of inline nodes."""
    import json

    blocks = [{"ID": f"2020010112{i:04d}-p{doc_id[-6:]}", "Type": "NodeParagraph",
               "Children": kids} for i, kids in enumerate(paragraphs)]
    return json.dumps({"ID": doc_id, "Spec": "2", "Type": "NodeDocument",
                       "Properties": {"id": doc_id, "title": title, "type": "doc", **props},
                       "Children": blocks}, ensure_ascii=False)


def test_siyuan_documents_cite_by_block_references(tmp_path):
    """A reference to any block of a document reaches the document, in today's form
    (``TextMarkBlockRefID``), before Spec 1 (``NodeBlockRef``) and as a
    ``siyuan://blocks/`` link; the id dates the document; tags are metadata."""
    a, b, c = "20200304120000-aaaaaaa", "20200506120000-bbbbbbb", "20210708120000-ccccccc"
    text = lambda s: {"Type": "NodeText", "Data": s}      # noqa: E731
    second = f"2020010112{1:04d}-p{b[-6:]}"          # the second paragraph of 乙
    _write(tmp_path, f"nb/{a}.sy", _sy(a, "甲", [
        text("见"), {"Type": "NodeTextMark", "TextMarkType": "block-ref",
                     "TextMarkBlockRefID": second, "TextMarkTextContent": "乙"},
        {"Type": "NodeSoftBreak", "Data": "\n"}, text("一节。"),
        {"Type": "NodeTextMark", "TextMarkType": "tag", "TextMarkTextContent": "注意力"}],
        [text("代码见 "), {"Type": "NodeTextMark", "TextMarkType": "code",
                           "TextMarkTextContent": f"siyuan://blocks/{c}"}], tags="论文, 笔记"))
    _write(tmp_path, f"nb/{a}/{b}.sy", _sy(b, "乙", [text("引言。")], [
        text("回看"), {"Type": "NodeBlockRef", "Children": [
            {"Type": "NodeOpenParen"}, {"Type": "NodeBlockRefID", "Data": a},
            {"Type": "NodeBlockRefSpace"}, {"Type": "NodeBlockRefText", "Data": "甲文"}]},
        text("与"), {"Type": "NodeTextMark", "TextMarkType": "a",
                     "TextMarkAHref": f"siyuan://blocks/{c}", "TextMarkTextContent": "丙"}]))
    _write(tmp_path, f"nb/{c}.sy", _sy(c, "丙", [text("无引用。")]))
    posts = read_paths([tmp_path]).posts
    assert _cites(posts) == [("乙", "丙"), ("乙", "甲"), ("甲", "乙")]
    first = next(p for p in posts if p.title == "甲")
    assert (first.date, first.tags) == ("2020-03-04", ("论文", "笔记", "注意力"))
    assert first.text == f"见乙一节。\n代码见 siyuan://blocks/{c}"   # (code is no link)
    assert first.links[0].sentence == "见乙一节。"


def test_what_is_no_siyuan_document_is_reported():
    deep = '{"Type": "NodeDocument", "Children": ' + "[" * 100_000 + "]" * 100_000 + "}"
    why = {}
    for name, text in [("broken.sy", '{"Type": "NodeDocument", "Children": ['),
                       ("deep.sy", deep), ("empty.sy", _sy("20200101120000-eeeeeee", "")),
                       ("other.sy", '{"Type": "NodeList"}')]:
        layout, posts, frags = read_text(text, name)
        assert posts == [] and len(frags) == 1
        why[name] = (layout, frags[0].reason)
    assert why["broken.sy"] == ("siyuan", "not a SiYuan document: broken JSON (JSONDecodeError)")
    assert why["deep.sy"] == ("siyuan", "not a SiYuan document: broken JSON (RecursionError)")
    assert why["empty.sy"] == ("siyuan", "a SiYuan document with neither a title nor text")
    assert why["other.sy"][0] == "unknown"      # (a .sy file that is no document)


def test_a_siyuan_workspace_data_folder(tmp_path):
    """Beside its notebooks, a workspace's ``data/`` holds templates, widgets and
    plugins: none of them is a post."""
    a = "20200304120000-aaaaaaa"
    _write(tmp_path, f"data/20210808180117-czj9bvb/{a}.sy",
           _sy(a, "甲", [{"Type": "NodeText", "Data": "正文。"}]))
    _write(tmp_path, "data/templates/daily.md", '# 日记 .action{now | date "2006-01-02"}\n\n- 待办\n')
    _write(tmp_path, "data/widgets/clock/index.html",
           "<html><head><title>时钟</title></head><body><p>显示当前时间的小部件。</p></body></html>")
    r = read_paths([tmp_path])
    assert [p.title for p in r.posts] == ["甲"]
    why = {f.path.split("/data/")[-1]: f.reason for f in r.fragments
           if "SiYuan workspace" in f.reason}
    assert why == {"templates/daily.md": "a file of the SiYuan workspace (templates/ beside "
                                         "its notebooks), not a post",
                   "widgets/clock/index.html": "a file of the SiYuan workspace (widgets/ beside "
                                               "its notebooks), not a post"}


def test_roam_json_pages_daily_pages_and_logseqs_uuids():
    """Roam's export: a daily page is dated by its uid (``09-10-2021``); a block reference
    shows the referenced block's text and reaches its page, also by the UUIDs Logseq
    writes when it exports a graph as Roam JSON; an item that is no page is reported at
    its line."""
    import json

    uuid = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"
    pages = [{"title": "September 10th, 2021", "uid": "09-10-2021", "create-time": 1,
              "children": [{"string": "读了((blockA001))与(({}))。".format(uuid),
                            "uid": "dayblk001"}]},
             {"title": "甲", "uid": "pageA0001", "create-time": 1583294400000,
              "children": [{"string": "甲的要点", "uid": "blockA001"}]},
             "not a page",
             {"title": "乙", "uid": "pageB0001", "children": [
                 {"string": "乙的要点 #[[注意力 机制]]", "uid": uuid}]}]
    text = json.dumps(pages, ensure_ascii=False, indent=1)
    layout, posts, frags = read_text(text, "roam.json")
    assert layout == "roam-json"
    assert [(p.title, p.date) for p in posts] == [
        ("September 10th, 2021", "2021-09-10"), ("甲", "2020-03-04"), ("乙", None)]
    assert _cites(posts) == [("September 10th, 2021", "乙"), ("September 10th, 2021", "甲")]
    assert posts[0].text == "读了甲的要点与乙的要点 注意力 机制。"
    (frag,) = frags
    assert (frag.line, frag.reason) == (text.splitlines().index(' "not a page",') + 1,
                                        "an item of Roam's export that is not a page")
    layout, posts, frags = read_text('[{"title": "甲", "uid": "a", "string": ', "roam.json")
    assert (layout, posts, frags[0].reason) == (
        "roam-json", [], "Roam's JSON export that cannot be read (JSONDecodeError)")


def test_a_dendron_yml_of_other_shapes():
    """``docs/`` is the built site unless a vault is kept there; values of other types
    than Dendron writes are passed over, not a crash."""
    from graphkit.sites import read_site_config

    assert read_site_config("workspace:\n  vaults:\n    - fsPath: docs\n",
                            "w/dendron.yml") == (("generator", "dendron"),)
    assert read_site_config("workspace:\n  vaults: 7\nsite:\n  siteUrl: 5\n  title: [x]\n",
                            "w/dendron.yml") == (("generator", "dendron"), ("output", "docs"))


def _lake_doc(slug, title, body, **fields):
    import json

    return json.dumps({"doc": {"id": 1, "slug": slug, "type": "Doc", "title": title,
                               "format": "lake", "body": body, "status": 1, **fields}},
                      ensure_ascii=False)


def test_a_lakebook_reads_as_its_folder(tmp_path):
    """Yuque's ``.lakebook`` (a tar.gz of one folder) reads as the folder does; its
    ``$meta.json`` gives every document its address in the book; a draft and a sheet
    are reported, not posts."""
    import tarfile

    from conftest import FIXTURES

    book = FIXTURES / "zoo" / "yuque"
    with tarfile.open(tmp_path / "小林的机器学习笔记.lakebook", "w:gz") as tar:
        tar.add(book / "mlnotes", arcname="mlnotes")
    packed, folder = read_paths([tmp_path]), read_paths([book])
    assert _cites(packed.posts) == _cites(folder.posts) and len(_cites(folder.posts)) == 8
    assert sorted(p.url for p in packed.posts) == [
        f"https://www.yuque.com/xiaolin/mlnotes/{s}"
        for s in ("extrapolation", "faq", "gk9x2p", "idea", "rope", "vz3h7c")]
    why = {f.path.rsplit("/", 1)[-1]: f.reason for f in packed.fragments
           if f.reason.startswith("a Yuque")}
    assert why == {"pq0w1e.json": "a Yuque draft (status 0): not a published document",
                   "rk5n2m.json": "a Yuque Sheet (not a document), not a post"}


def test_lake_cards_links_and_what_is_no_text():
    """A bookmark card is a link shown by the title of what it names; code, formula and
    image cards are no text; ``body_asl`` when ``body`` is empty; the day first
    published dates the document."""
    from urllib.parse import quote

    def card(name, data):
        import json

        return (f'<card type="inline" name="{name}" value="data:'
                f'{quote(json.dumps(data, ensure_ascii=False))}"></card>')

    body = ("<!doctype lake><p>见" + card("bookmarkInline", {
                "src": "https://www.yuque.com/u/b/rope", "detail": {"title": "旋转位置编码"}})
            + "与" + card("bookmarklink", {"detail": {"url": "/u/b/linear", "title": "线性注意力"}})
            + '与<card name="bookmarkInline" value="{&quot;src&quot;:&quot;/u/b/old&quot;}">'
            + "</card>，复杂度" + card("math", {"code": "O(n^2)"}) + "。</p>"
            + card("codeblock", {"mode": "python", "code": "see('/u/b/extra')"})
            + card("image", {"src": "https://cdn.example/a.png"}))
    layout, (post,), frags = read_text(_lake_doc(
        "s1", "甲", "", body_asl=body, first_published_at="2020-03-04T08:00:00.000Z",
        created_at="2019-01-01T00:00:00.000Z"), "book/s1.json")
    assert (layout, frags, post.date, post.slug) == ("yuque-lakebook", [], "2020-03-04", "s1")
    assert post.text == "见旋转位置编码与线性注意力与/u/b/old，复杂度。"
    assert [link.url for link in post.links] == [
        "https://www.yuque.com/u/b/rope", "/u/b/linear", "/u/b/old"]


def test_what_is_no_yuque_document_is_reported():
    layout, posts, (frag,) = read_text('{"doc": {"id": 1, "type": "Board", "title": "画板"}}',
                                       "b/x.json")
    assert (layout, posts, frag.reason) == ("yuque-lakebook", [],
                                            "a Yuque Board (not a document), not a post")
    layout, posts, (frag,) = read_text('{"doc": {"id": 1, "slug": [', "b/y.json")
    assert (layout, posts, frag.reason) == ("yuque-lakebook", [],
                                            "not a Yuque document (JSONDecodeError)")
    assert read_text('{"doc": {"id": 1}, "x": 1, "doc": []}', "b/z.json")[2][0].reason == (
        "not a Yuque document (TypeError)")
    # the same fields under another name are no Yuque document (a table of rows)
    assert read_text(_lake_doc("s", "甲", "<p>x</p>"), "b/s.md")[0] != "yuque-lakebook"


def test_a_yuque_books_meta_json():
    """``$meta.json``'s ``meta`` is JSON in a string; the book's ``path`` is an address
    or a namespace on www.yuque.com; a file of that name that is not Yuque's configures
    nothing."""
    import json

    from graphkit.sites import is_site_config, read_site_config

    def meta(book):
        return json.dumps({"meta": json.dumps({"book": book})})

    assert is_site_config("x/mlnotes/$meta.json")
    assert read_site_config(meta({"path": "https://team.yuque.com/g/b/", "name": " 书 "}),
                            "b/$meta.json") == (
        ("generator", "yuque"), ("url", "https://team.yuque.com/g/b"), ("title", "书"))
    assert read_site_config(meta({"path": "", "name": 3}), "b/$meta.json") == (
        ("generator", "yuque"),)
    assert read_site_config('{"meta": 5}', "b/$meta.json") is None
    assert read_site_config('{"meta": {"version": 1}}', "b/$meta.json") is None
    assert read_site_config("[", "b/$meta.json") is None


def _enex(*notes, head='<?xml version="1.0" encoding="UTF-8"?>\n'):
    body = "".join(
        f"<note><title>{title}</title><created>{created}</created>"
        f"<content><![CDATA[<en-note>{content}</en-note>]]></content>{extra}</note>\n"
        for title, created, content, extra in notes)
    return f"{head}<en-export application=\"Evernote\">\n{body}</en-export>\n"


def test_evernote_note_links_reach_the_note_of_the_title_they_show():
    """The export gives notes no id: a note link (``evernote:///view/…``, Evernote's and
    Yinxiang's web addresses) reaches the note whose whole title it shows, none when two
    notes share it or the text was changed; code blocks, checkboxes and encrypted text
    are no text."""
    link = 'evernote:///view/1/s1/0b6e4a3c-aaaa/0b6e4a3c-aaaa/'
    text = _enex(
        ("甲", "20200304T230000Z",
         f'<div>见<a href="{link}">乙</a>、<a href="https://app.yinxiang.com/shard/s4/nl/9/'
         f'x/">丙</a>、<a href="{link}">那篇笔记</a>和<a href="{link}">丁</a>。</div>'
         f'<div style="font-family: monospace;--en-codeblock:true;"><div>'
         f'<a href="{link}">丙</a></div></div><div><en-todo checked="false"/>待办</div>'
         '<en-crypt cipher="AES">QUJD</en-crypt>', "<tag>笔记</tag>"),
        ("乙", "20200101T000000Z", "<div>乙的正文</div>", ""),
        ("丙", "", "<div>丙的正文</div>", ""),
        ("丁", "", "", ""), ("丁", "", "<div>另一个丁</div>", ""))
    layout, posts, frags = read_text(text, "notes.enex")
    assert layout == "evernote-enex"
    first = posts[0]
    assert (first.date, first.tags, first.text) == (
        "2020-03-04", ("笔记",), "见乙、丙、那篇笔记和丁。\n待办")      # (the day in UTC)
    assert _cites(posts) == [("甲", "丙"), ("甲", "乙")]
    assert [(f.line, f.reason) for f in frags] == [
        (3, "1 encrypted passage of the note, not text")]


def test_a_broken_or_hostile_enex_is_reported():
    """A truncated export keeps the notes before the break; an entity declaration (the
    "billion laughs") is refused, not expanded."""
    whole = _enex(("甲", "20200304T080000Z", "<div>正文</div>", ""),
                  ("乙", "20200304T080000Z", "<div>正文</div>", ""))
    layout, posts, (frag,) = read_text(whole[:whole.index("<note><title>乙")], "a.enex")
    assert [p.title for p in posts] == ["甲"]
    assert frag.reason.startswith("broken Evernote export (ParseError: no element found")
    laughs = ('<?xml version="1.0"?>\n<!DOCTYPE en-export [<!ENTITY a "aaaaaaaaaa">'
              '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n')
    layout, posts, (frag,) = read_text(_enex(("&b;", "", "", ""), head=laughs), "b.enex")
    assert (layout, posts) == ("evernote-enex", [])
    assert frag.reason.startswith("broken Evernote export (EntitiesForbidden")


def _vault(folder):
    _write(folder, ".obsidian/app.json", "{}")
    _write(folder, "notes/Rotary Embeddings.md",
           "Rotation by position. ^claim\n\n## Why\nBecause.\n")
    _write(folder, "notes/Linear Attention.md", "A kernel instead of softmax.\n")
    _write(folder, "Reading.md", "---\ntags: [reading]\naliases: [Reading list]\n---\n"
           "![[Linear Attention]]\n\nAnd the claim: ![[Rotary Embeddings#^claim]].\n"
           "![[figure 1.png|300]] ![[paper.pdf#page=3]]\n")
    _write(folder, "Idea.md", "---\ncreated: 2024-01-05\n---\nFrom [[Reading list]]: "
           "![[Missing note]]\n")


def test_embedded_notes_are_links_and_embedded_files_are_neither(tmp_path):
    """``![[note]]`` shows another note in place, and Obsidian's graph counts it as a
    link; ``![[x.png]]`` and ``![[x.pdf#page=3]]`` embed files, no link and no text.
    Before, an embed was neither a link nor taken out of the text."""
    _vault(tmp_path)
    r = read_paths([tmp_path])
    # (a note not in the vault is no node, as a wikilink to one is none)
    assert _cites(r.posts) == [("Idea", "Reading"), ("Reading", "Linear Attention"),
                               ("Reading", "Rotary Embeddings")]
    (reading,) = [p for p in r.posts if p.title == "Reading"]
    assert "![[" not in reading.text and "png" not in reading.text and "pdf" not in reading.text
    assert expand_site_links("![[Idea#^b1]] ![[v1.2 notes]] \\![[x]]") == (
        "[Idea › ^b1](site-ref:Idea#%5Eb1) [v1.2 notes](site-ref:v1.2%20notes) \\![[x]]")


def test_a_vault_note_with_properties_but_no_title_is_named_by_its_file(tmp_path):
    """Obsidian names a note by its file whether or not it has properties: beside notes
    named by their files, one whose front matter holds only ``tags`` or ``created`` is
    named so too, not left untitled and labelled by its first sentence. A post of a
    generator's site (a configuration above it) stays as that generator names it."""
    _vault(tmp_path / "vault")
    _write(tmp_path, "site/hugo.toml", 'baseURL = "https://h.example/"\n')
    _write(tmp_path, "site/content/posts/untitled.md", "---\ndate: 2021-01-01\n---\nText.\n")
    _write(tmp_path, "site/content/posts/named.md", "Plain text, no front matter.\n")
    r = read_paths([tmp_path / "vault", tmp_path / "site"])
    titles = {p.sources[0].path: (p.title, p.untitled) for p in r.posts}
    assert titles["vault/Reading.md"] == ("Reading", False)
    assert titles["vault/Idea.md"] == ("Idea", False)
    assert titles["site/content/posts/untitled.md"] == ("", True)


def test_a_vault_whose_every_note_has_properties_names_them_by_their_files(tmp_path):
    """A vault whose template gives every note ``tags`` and ``created`` and no title:
    no note without front matter beside them shows it is a vault of notes, its
    ``.obsidian/`` settings do. Beside a site's configuration (a Quartz site's content
    edited in Obsidian) it is a vault too; without those settings the notes stay
    untitled, as a generator leaves them."""
    for name, other in (("Rotary Embeddings", "Linear Attention"),
                        ("Linear Attention", "Kernel Trick"), ("Kernel Trick", "")):
        link = f" See [[{other}]] for the next step." if other else ""
        _write(tmp_path / "vault", f"notes/{name}.md",
               f"---\ntags: [ml]\ncreated: 2024-01-05\n---\n{name} in a few lines.{link}\n")
    r = read_paths([tmp_path / "vault"])
    assert sorted(p.title for p in r.posts) == ["", "", ""]
    _write(tmp_path / "vault", ".obsidian/app.json", "{}")
    r = read_paths([tmp_path / "vault"])
    assert sorted((p.title, p.untitled) for p in r.posts) == [
        ("Kernel Trick", False), ("Linear Attention", False), ("Rotary Embeddings", False)]
    assert _cites(r.posts) == [("Linear Attention", "Kernel Trick"),
                               ("Rotary Embeddings", "Linear Attention")]
    assert [f.format for f in r.files if f.path.endswith("app.json")] == ["site-config"]
    _write(tmp_path / "vault", "quartz.config.ts", "export default { configuration: {} }\n")
    assert sorted(p.title for p in read_paths([tmp_path / "vault"]).posts) == [
        "Kernel Trick", "Linear Attention", "Rotary Embeddings"]


def test_a_line_alike_under_notes_that_links_another_note_in_each_is_the_authors(tmp_path):
    """``See also the next step in [[X|that note]]`` under six notes reads alike in each
    (the alias is the link's text), but links another note from each: the author's
    links, not a footer, which links the same page wherever it is."""
    _write(tmp_path, ".obsidian/app.json", "{}")
    names = [f"Note {c}" for c in "ABCDEFGH"]
    for i, name in enumerate(names):
        also = f"\n\nSee also the next step in [[{names[(i + 1) % 8]}|that note]]" if i < 6 else ""
        footer = "\n\nWritten in my garden, read the [[Note H|garden's rules]] first, please."
        _write(tmp_path, f"{name}.md", f"{name} works through prior number {i} in a few lines."
               + also + footer + "\n")
    r = read_paths([tmp_path])
    cites = _cites(r.posts)
    assert [c for c in cites if c[1] != "Note H"] == [(names[i], names[i + 1]) for i in range(6)]
    assert all(target != "Note H" for _, target in cites)      # (the footer's link)
    (footer,) = [f for f in r.fragments if f.reason.startswith("boilerplate")]
    assert "in 8 of 8 posts" in footer.reason and "garden" in footer.text


def test_links_in_a_notes_properties_are_its_links(tmp_path):
    """Obsidian's graph and backlinks count a wikilink held by a property, alone or in a
    list (``up: "[[Parent]]"``, ``related: ["[[Sibling]]"]``), and Logseq's references a
    page reference in a page property (``related:: [[A]], [[B]]``); the note's own
    names (``aliases``, ``tags``) link nothing, and a wikilink to no note is no edge."""
    _write(tmp_path, ".obsidian/app.json", "{}")
    _write(tmp_path, "Parent.md", "Parent text.\n")
    _write(tmp_path, "Sibling.md", "Sibling text.\n")
    _write(tmp_path, "Child.md", '---\nup: "[[Parent]]"\nrelated:\n  - "[[Sibling|the sibling]]"\n'
           '  - "[[Nowhere]]"\naliases: ["[[Sibling]]"]\ntags: [x]\n---\nChild text.\n')
    r = read_paths([tmp_path])
    assert _cites(r.posts) == [("Child", "Parent"), ("Child", "Sibling")]
    (child,) = [p for p in r.posts if p.title == "Child"]
    assert {(x.anchor, x.sentence) for x in child.links} == {
        ("Parent", "(the up property)"), ("the sibling", "(the related property)"),
        ("Nowhere", "(the related property)")}
    # Logseq's page properties: their page references are links too, tags are names
    logseq = tmp_path / "graph"
    _write(logseq, "logseq/config.edn", "{:meta/version 1}\n")
    _write(logseq, "pages/A.md", "- A text.\n")
    _write(logseq, "pages/B.md", "- B text.\n")
    _write(logseq, "pages/C.md", "related:: [[A]], [[B]]\ntags:: [[A]]\n\n- C text.\n")
    r = read_paths([logseq])
    assert _cites(r.posts) == [("C", "A"), ("C", "B")]
    assert {p.title: p.tags for p in r.posts}["C"] == ("A",)
