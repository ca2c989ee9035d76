"""Property-based tests (hypothesis) of the readers and of citation extraction.

Never a crash, and nothing lost: every non-blank line of a listing, and every line of a
JSONL file, ends up in a post or in the reading report. More than 10,000 cases run in
the default suite (the ``max_examples`` below add up to 16,700).
"""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from graphkit.errors import InputError
from graphkit.readers import decode, html, read_text
from graphkit.readers.listing import DATE_A_RE, MORE_RE
from graphkit.relate import citation_edges
from graphkit.model import Post
from graphkit.text import ZERO_WIDTH_RE, normalize_title, split_lines

def cases(n: int) -> settings:
    """Settings of one property: ``n`` examples, no deadline, a fixed derandomised seed."""
    return settings(max_examples=n, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

# Characters that stress the parsers: brackets of every kind, quotes, markup, punctuation.
TRICKY = "《》〈〉【】（）()[]<>{}“”\"'`$\\|:：,，。!！?？#*_-~\t\u3000\u200b\u2028"
line_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",))
                    | st.sampled_from(list(TRICKY)) | st.sampled_from(list("模型梯度采样变分")),
                    max_size=80).map(lambda s: s.replace("\n", " ").replace("\r", " "))
long_line = st.integers(1000, 20000).map(lambda n: "长" * n)
punct_line = st.text(alphabet=TRICKY, min_size=1, max_size=30)
any_line = st.one_of(line_text, punct_line, long_line, st.just(""))


def _accounted(text: str, posts: list[Post], fragments, path: str) -> None:
    """Every non-blank line is a structural line, in a post, or in a fragment."""
    covered = {n for f in fragments if f.path == path for n in range(f.line, f.end_line + 1)}
    body = "\n".join(p.title + "\n" + p.text + "\n" + " ".join(p.categories + p.tags)
                     for p in posts)
    squeezed = re.sub(r"\s+", "", body)
    for n, line in enumerate(split_lines(text), 1):
        s = line.strip()
        if not s or n in covered or DATE_A_RE.match(s) or MORE_RE.match(s):
            continue
        probe = re.sub(r"^By\s+[^|]+\|\s*\d{4}-\d{2}-\d{2}\s*\|\s*\d+\s*位读者\s*\|\s*引用", "", s)
        probe = re.sub(r"\s+", "", probe)
        if probe.startswith("分类"):
            continue
        assert probe in squeezed, f"line {n} lost: {s[:60]!r}"


@cases(2500)
@given(st.text(max_size=400), st.sampled_from(["a.txt", "a.md", "a.html", "a.jsonl", "a.csv",
                                               "a.tid", "content/x/note.txt"]))
def test_read_text_never_crashes(text, path):
    layout, posts, fragments = read_text(text, path)
    n = len(split_lines(text))
    for f in fragments:
        assert 1 <= f.line <= f.end_line <= max(n, 1) + 1
    assert all(p.sources and p.sources[0].path == path for p in posts)
    if not posts and text.strip():
        assert fragments  # nothing read: the report says why


@cases(2000)
@given(st.binary(max_size=300))
def test_decode_never_crashes(data):
    try:
        text, enc = decode(data, "x.bin")
    except InputError as exc:
        assert str(exc).startswith("x.bin")
    else:
        assert isinstance(text, str) and enc


@st.composite
def listing_a(draw):
    lines = draw(st.lists(any_line, max_size=4))  # boilerplate before the first entry
    for k in range(draw(st.integers(1, 5))):
        lines += [f"{draw(st.integers(1, 28))} {draw(st.sampled_from(['Jan', 'Sep', 'Dec']))}", ""]
        lines += draw(st.lists(any_line, min_size=1, max_size=5))
        if k == 0 or draw(st.booleans()):  # the layout is known by its read-more markers
            lines += ["", "点击阅读全文...", ""]
            if draw(st.booleans()):
                lines += ["分类:信息时代    标签:编程, python 阅读全文 1 评论"]
            lines += draw(st.lists(any_line, max_size=2))  # stray text between entries
    return "\n".join(lines)


@st.composite
def listing_b(draw):
    lines = draw(st.lists(any_line, max_size=3))
    for _ in range(draw(st.integers(1, 5))):
        lines.append(draw(line_text.filter(lambda s: s.strip() and not s.strip().startswith("By"))))
        lines.append(f"By 苏剑林 | 2021-0{draw(st.integers(1, 9))}-1{draw(st.integers(0, 9))} | "
                     f"{draw(st.integers(0, 10**6))}位读者 | 引用" + draw(line_text))
        lines += draw(st.lists(any_line, max_size=3))
    return "\n".join(lines)


@cases(3000)
@given(st.one_of(listing_a().map(lambda t: ("listing-a", t)),
                 listing_b().map(lambda t: ("listing-b", t))))
def test_listings_lose_no_line(case):
    expected, text = case
    # a file opening as an HTML document (a first line "<!DOCTYPE HTML", which Hypothesis
    # draws from the readers' own literals) is read as HTML, a layout of its own
    assume(not html.detect(text, "a.txt"))
    layout, posts, fragments = read_text(text, "a.txt")
    assert layout == expected
    _accounted(text, posts, fragments, "a.txt")


json_value = st.recursive(st.none() | st.booleans() | st.integers() | line_text,
                          lambda c: st.lists(c, max_size=3) | st.dictionaries(line_text, c,
                                                                              max_size=3),
                          max_leaves=6)
jsonl_line = st.one_of(
    st.fixed_dictionaries({"title": line_text}, optional={"date": line_text, "url": line_text,
                                                          "tags": json_value,
                                                          "text": line_text}).map(json.dumps),
    json_value.map(json.dumps), line_text)


@cases(1500)
@given(st.lists(jsonl_line, max_size=8))
def test_every_jsonl_line_is_a_post_or_reported(lines):
    text = "\n".join(lines)
    layout, posts, fragments = read_text(text, "p.jsonl")
    used = {p.sources[0].line for p in posts} | {f.line for f in fragments}
    expected = {n for n, line in enumerate(split_lines(text), 1) if line.strip()}
    assert used == expected


csv_cell = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl",
                                                                           "Zp"),
                                          exclude_characters=',"\r\n'), max_size=20)


@cases(1000)
@given(st.lists(st.tuples(csv_cell, csv_cell, csv_cell), max_size=8))
def test_every_csv_row_is_a_post_or_reported(rows):
    """No line lost: a row with a title (or a url) is a post, any other row is reported."""
    text = "title,url,text\n" + "".join(f"{t},{u},{x}\n" for t, u, x in rows)
    layout, posts, fragments = read_text(text, "p.csv")
    assert layout == "csv"
    lines = split_lines(text)
    want = [n for n, (t, u, x) in enumerate(rows, 2) if t.strip() or u.strip()]
    assert [p.sources[0].line for p in posts] == want
    assert [p.title for p in posts] == [rows[n - 2][0].strip() for n in want]
    reported = {f.line for f in fragments}
    assert all(n in reported for n in range(2, len(lines) + 1) if n not in want)


@cases(200)
@given(st.lists(st.lists(line_text, max_size=5), max_size=6))
def test_csv_with_any_text_accounts_for_every_line(rows):
    """Whatever the cells hold (quotes, commas), every data line is a post's or reported."""
    text = "title,date,url,tags,text\n" + "\n".join(",".join(r) for r in rows)
    layout, posts, fragments = read_text(text, "p.csv")
    assert layout == "csv"
    starts = sorted(p.sources[0].line for p in posts)
    covered = {n for f in fragments for n in range(f.line, f.end_line + 1)}
    for n, line in enumerate(split_lines(text)[1:], 2):
        if line.strip() and n not in covered:
            assert starts and starts[0] <= n, f"line {n} lost"


OPEN = st.sampled_from(["《〈", "《", "〈", "【", "「", "『"])
CLOSE = st.sampled_from(["〉》", "》", "〉", "", "」", "』"])
nested = st.recursive(line_text, lambda c: st.tuples(OPEN, c, CLOSE).map("".join), max_leaves=8)


MARKS = ("《》", "〈〉", "「」", "『』")


@cases(2500)
@given(st.lists(st.one_of(nested, any_line), max_size=6), st.lists(line_text, max_size=3))
def test_citation_extraction_never_crashes_and_marks_its_evidence(parts, titles):
    text = "。".join(parts)
    posts = [Post(key="src", title="来源", label="来源", text=text)] + [
        Post(key=f"t{i}", title=t, label=t) for i, t in enumerate(titles) if t.strip()]
    edges, extra = citation_edges(posts)
    for e in edges:
        a, b = e.span
        marked = e.evidence[a:b]         # the title in its marks: 《》, or 〈〉 「」 『』
        assert marked[1:-1] == e.cited_title and marked[0] + marked[-1] in MARKS
        assert e.source == "src" and e.target != "src"
    assert len({x.key for x in extra}) == len(extra)


html_piece = st.one_of(line_text, st.sampled_from([
    "<p>", "</p>", "<div id=\"PostContent\">", "</div>", "<h1><a href=\"/archives/12\">",
    "</a></h1>", "<li>", "<script>", "</script>", "<a href=\"javascript:alert(1)\">", "<!--",
    "-->", "<html>", "</html>", "<title>", "</title>", "<br>", "&amp;", "&#x3c;"]))


@cases(1000)
@given(st.lists(html_piece, max_size=20))
def test_html_reader_never_crashes(pieces):
    layout, posts, fragments = read_text("<html>" + "".join(pieces), "p.html")
    assert layout == "html"
    assert posts or fragments


paragraph = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl",
                                                                            "Zp", "Zs")),
                    min_size=1, max_size=30)


@cases(500)
@given(st.lists(st.tuples(paragraph, st.booleans()), min_size=1, max_size=8))
def test_every_html_paragraph_and_link_is_read(paras):
    """Every paragraph of the article is a line of the post's text, in order, and every
    link is kept with its text."""
    import html

    body = "".join(f'<p>{html.escape(t)}{" <a href=/x/%d>链接%d</a>" % (i, i) if link else ""}</p>'
                   for i, (t, link) in enumerate(paras))
    page = f"<html><head><title>标题</title></head><body><article>{body}</article></body></html>"
    layout, posts, fragments = read_text(page, "p.html")
    (post,) = posts
    # (zero-width spaces, joiners and byte order marks are no text: graphkit.text's
    # ZERO_WIDTH_RE; a paragraph of them alone is none)
    want = [ZERO_WIDTH_RE.sub("", t + (f" 链接{i}" if link else "")).strip()
            for i, (t, link) in enumerate(paras)]
    assert (post.text.split("\n") if post.text else []) == [w for w in want if w]
    assert [(link.url, link.anchor) for link in post.links] == [
        (f"/x/{i}", f"链接{i}") for i, (_, link) in enumerate(paras) if link]


@cases(1000)
@given(st.sampled_from(["---", "+++"]), st.lists(any_line, max_size=6), st.booleans(),
       st.lists(any_line, max_size=4))
def test_front_matter_is_read_or_reported(fence, meta, closed, body):
    """Either a post, or a fragment inside the front matter saying why not."""
    text = "\n".join([fence, *meta, *([fence] if closed else []), *body])
    layout, posts, fragments = read_text(text, "p.md")
    if text.strip() and layout == "front-matter" and not posts:
        assert fragments and all(1 <= f.line <= f.end_line <= len(split_lines(text))
                                 for f in fragments)


plain = st.text(alphabet=st.characters(codec="utf-8", whitelist_categories=("Lo", "Ll", "Lu",
                                                                           "Nd")),
                min_size=1, max_size=20)


@cases(500)
@given(plain, st.lists(plain, max_size=4), st.lists(plain, min_size=1, max_size=4),
       st.sampled_from(["---", "+++"]))
def test_front_matter_values_and_body_are_kept(title, tags, body, fence):
    """The title and tags of valid front matter (a tag listed twice, once) and every body
    paragraph come through."""
    if fence == "---":
        meta = [f"title: {json.dumps(title, ensure_ascii=False)}",
                f"tags: {json.dumps(tags, ensure_ascii=False)}"]
    else:
        meta = [f"title = {json.dumps(title, ensure_ascii=False)}",
                f"tags = {json.dumps(tags, ensure_ascii=False)}"]
    text = "\n".join([fence, *meta, fence, "", "\n\n".join(body)])
    layout, posts, fragments = read_text(text, "p.md")
    (post,) = posts
    assert (post.title, post.tags) == (title, tuple(dict.fromkeys(t for t in tags if t.strip())))
    assert post.text.split("\n") == body and fragments == []


words = st.lists(st.from_regex(r"[A-Za-z][a-z0-9]{0,7}", fullmatch=True), min_size=2,
                 max_size=30)


@cases(300)
@given(words, st.data())
def test_a_paragraph_wrapped_between_any_words_reads_as_written_on_one_line(ws, data):
    """Hard wrapping a source paragraph (a soft line break between any two words, inside
    a link's text too) changes neither its text nor its link."""
    at = data.draw(st.integers(0, len(ws) - 2))
    breaks = data.draw(st.lists(st.booleans(), min_size=len(ws) - 1, max_size=len(ws) - 1))
    marked = list(ws)
    marked[at], marked[at + 1] = "[" + ws[at], ws[at + 1] + "](/p/x/)"
    source = marked[0] + "".join(("\n" if b else " ") + w for b, w in zip(breaks, marked[1:]))
    lines = ["---", "title: T", "---", "", *source.split("\n")]
    _, (post,), _ = read_text("\n".join(lines), "p.md")
    assert post.text == " ".join(ws)
    assert [(x.url, x.anchor) for x in post.links] == [("/p/x/", f"{ws[at]} {ws[at + 1]}")]


@cases(1000)
@given(line_text)
def test_normalize_title_is_idempotent(title):
    once = normalize_title(title)
    assert normalize_title(once) == once


field_line = st.one_of(st.from_regex(r"[a-z_.]{1,8}: [^\n]{0,20}", fullmatch=True),
                       st.sampled_from(["", "----", "\\----", "type_: 1", "type_: 2",
                                        "id: " + "0" * 32, "title: $:/x", "draft.of: a"]),
                       line_text)


@cases(1500)
@given(st.lists(field_line, max_size=12),
       st.sampled_from(["a.tid", "content/x/note.txt", "a.md"]))
def test_field_files_are_read_or_reported(lines, path):
    """TiddlyWiki's, Kirby's and Joplin's files of fields: whatever the lines, the file
    is read or the report says why, on lines it has."""
    text = "\n".join(lines)
    layout, posts, fragments = read_text(text, path)
    n = len(split_lines(text))
    for f in fragments:
        assert 1 <= f.line <= f.end_line <= max(n, 1) + 1
    if not posts and text.strip():
        assert fragments


_SY_INLINE = ["NodeText", "NodeTextMark", "NodeSoftBreak", "NodeBlockRef", "NodeLink",
              "NodeBlockRefID", "NodeBlockRefText", "NodeLinkText", "NodeLinkDest", "NodeImage"]
_SY_BLOCKS = ["NodeParagraph", "NodeHeading", "NodeList", "NodeListItem", "NodeBlockquote",
              "NodeTable", "NodeTableHead", "NodeTableRow", "NodeTableCell", "NodeSuperBlock",
              "NodeCodeBlock", "NodeHTMLBlock", "NodeMathBlock"]
sy_leaf = st.fixed_dictionaries(
    {"Type": st.sampled_from(_SY_INLINE)},
    optional={"Data": line_text | st.sampled_from(["20200101120000-aaaaaaa", "<p>见<a href="
                                                    "'/x'>甲</a>。</p>"]),
              "TextMarkType": st.sampled_from(["a", "block-ref", "tag", "inline-math", "strong a",
                                               "code", ""]),
              "TextMarkTextContent": line_text, "TextMarkInlineMathContent": line_text,
              "TextMarkAHref": st.sampled_from(["https://x.example/a", "siyuan://blocks/"
                                                "20200101120000-bbbbbbb", "", "#x"]) | line_text,
              "TextMarkBlockRefID": st.sampled_from(["20200101120000-aaaaaaa", "x", ""]),
              "ID": st.sampled_from(["20200101120000-ccccccc", "bad", ""])})
sy_node = st.recursive(sy_leaf, lambda kids: st.fixed_dictionaries(
    {"Type": st.sampled_from(_SY_BLOCKS) | json_value,
     "Children": st.lists(kids | json_value, max_size=4) | json_value},
    optional={"ID": st.sampled_from(["20200101120000-ddddddd", "bad"]), "Data": line_text,
              "Properties": json_value | st.fixed_dictionaries({"id": json_value})}),
    max_leaves=16)


@cases(1500)
@given(st.lists(sy_node | json_value, max_size=5), st.one_of(st.none(), line_text, json_value))
def test_siyuan_documents_are_read_or_reported(children, title):
    """Whatever a ``.sy`` tree holds, the document is one post or a reported file, and
    every link's sentence is a piece of the post's text."""
    text = json.dumps({"ID": "20200101120000-eeeeeee", "Type": "NodeDocument",
                       "Properties": {"title": title}, "Children": children})
    layout, posts, fragments = read_text(text, "20200101120000-eeeeeee.sy")
    assert layout == "siyuan"
    assert len(posts) + len(fragments) >= 1 and len(posts) <= 1
    for post in posts:
        assert post.date == "2020-01-01" and "id:20200101120000-eeeeeee" in post.aliases
        assert all(link.sentence in post.text for link in post.links), post.links


roam_block = st.recursive(
    st.fixed_dictionaries({}, optional={"string": line_text | json_value,
                                        "uid": st.sampled_from(["blockA001", "x"]) | json_value}),
    lambda kids: st.fixed_dictionaries({"string": line_text, "uid": line_text},
                                       optional={"children": st.lists(kids) | json_value}),
    max_leaves=12)


@cases(1000)
@given(st.lists(st.fixed_dictionaries({"title": line_text | json_value, "uid": line_text},
                                      optional={"children": st.lists(roam_block | json_value,
                                                                     max_size=4) | json_value,
                                                "create-time": json_value})
                | json_value, max_size=5))
def test_roam_pages_are_read_or_reported(pages):
    """Whatever Roam's export holds, each item is a page or reported, on its own line."""
    text = json.dumps([{"title": "甲", "uid": "blockA001", "string": ""}, *pages], indent=1)
    layout, posts, fragments = read_text(text, "roam.json")
    assert layout == "roam-json"
    n = len(split_lines(text))
    assert all(1 <= x.sources[0].line <= n for x in posts)
    assert all(1 <= f.line <= f.end_line <= n for f in fragments)
    assert len(posts) + len([f for f in fragments if "not a page" in f.reason]) == 1 + len(pages)


_LAKE_CARD = st.builds(
    lambda name, value: f'<card type="inline" name="{name}" value="{value}"></card>',
    st.sampled_from(["bookmarkInline", "bookmarklink", "math", "codeblock", "image", "x"]),
    st.sampled_from(["data:%7B%22src%22%3A%22%2Fu%2Fb%2Fa%22%7D", "data:%7B", "",
                     "data:%7B%22detail%22%3A%7B%22url%22%3A5%7D%7D",
                     "{&quot;src&quot;:&quot;/u/b/c&quot;,&quot;text&quot;:7}"])
    | line_text.map(lambda s: s.replace('"', "")))


@cases(1000)
@given(st.fixed_dictionaries(
    {"title": line_text | json_value},
    optional={"slug": line_text | json_value, "type": st.sampled_from(["Doc", "Sheet"])
              | json_value, "status": json_value, "tags": json_value,
              "first_published_at": json_value,
              "body": st.lists(_LAKE_CARD | line_text | st.just("<p>"), max_size=8).map("".join)
              | json_value}))
def test_yuque_documents_are_read_or_reported(doc):
    """Whatever a Yuque document holds (after its ``id``, as Yuque writes it first), it
    is one post or one reported file, and every link's sentence is a piece of the post's
    text."""
    layout, posts, fragments = read_text(json.dumps({"doc": {"id": 1, **doc}}),
                                         "mlnotes/s.json")
    assert layout == "yuque-lakebook"
    assert len(posts) + len(fragments) == 1
    for post in posts:
        assert all(link.sentence in post.text for link in post.links), post.links


_ENML_PIECE = st.sampled_from(
    ["<div>", "</div>", "<en-todo/>", '<en-media type="image/png"/>', "<en-crypt>QUJD",
     "</en-crypt>", '<div style="--en-codeblock:true;">', '<a href="evernote:///view/1/s/g/g/">',
     '<a href="https://x.example/">', "</a>", "<br/>", "&nbsp;", "]]>"]) | line_text


@cases(1000)
@given(st.lists(st.tuples(line_text, st.sampled_from(["20200304T080000Z", "", "x"]),
                          st.lists(_ENML_PIECE, max_size=10).map("".join)), max_size=4))
def test_evernote_notes_are_read_or_reported(notes):
    """Whatever the notes hold, an Evernote export gives one post a note, or reports the
    error that ended its reading at a line of the file; every link's sentence is a piece
    of its post's text."""
    from xml.sax.saxutils import escape

    text = ('<?xml version="1.0" encoding="UTF-8"?>\n<en-export>\n' + "".join(
        f"<note><title>{escape(t)}</title><created>{c}</created>"
        f"<content><![CDATA[<en-note>{body}</en-note>]]></content></note>\n"
        for t, c, body in notes) + "</en-export>\n")
    layout, posts, fragments = read_text(text, "notes.enex")
    assert layout == "evernote-enex"
    broken = [f for f in fragments if f.reason.startswith("broken")]
    assert len(posts) == len(notes) or broken
    n = len(split_lines(text))
    assert all(1 <= f.line <= n for f in fragments)
    for post in posts:
        assert all(link.sentence in post.text for link in post.links), post.links


_JULIA_PIECE = st.sampled_from(
    ["title = ", '"', "Date(", "2021, 3, 5)", "[", "]", ", ", 'get(ENV, "x", ', ")", '"""',
     "\n", "\n    ", "using Dates\n", "@def ", "# c\n", "true", "+++"]) | line_text


@cases(1000)
@given(st.lists(_JULIA_PIECE, max_size=12).map("".join))
def test_julia_values_are_literals_or_refused(text):
    """Franklin's page variables: any text is a value or refused with ValueError."""
    from graphkit.readers.franklin import julia_value

    try:
        julia_value(text)
    except ValueError:
        pass


@cases(1000)
@given(st.lists(_JULIA_PIECE, max_size=12).map("".join), st.booleans())
def test_franklin_page_variables_are_read_or_reported(block, fenced):
    """Whatever a Franklin page's ``+++`` block or ``@def`` lines hold, the page is at
    most one post and every fragment names lines of the file."""
    text = f"+++\n{block}\n+++\n\n正文。\n" if fenced else f"@def {block}\n\n正文。\n"
    _, posts, fragments = read_text(text, "posts/x.md")
    assert len(posts) <= 1
    n = len(split_lines(text))
    assert all(1 <= f.line <= f.end_line <= n for f in fragments), fragments


_WF_PIECE = st.sampled_from(["# ", "## ", "#", " ", "\n", "\\n", "C#", "标题", "正文", "   ",
                             "\r\n", "[a](/b)"]) | line_text


@cases(1000)
@given(st.lists(_WF_PIECE, max_size=10).map("".join), st.sampled_from(["", "题目"]))
def test_a_writefreely_title_is_one_line_and_the_text_is_what_follows_it(body, title):
    """WriteFreely's title rule: a title set apart is kept with the whole text; a title
    made from the text is one line of at most 80 characters, and the text is the body
    or what follows its first line."""
    from graphkit.readers.writefreely import MAX_TITLE, title_and_text

    made, text = title_and_text(title, body)
    if title:
        assert (made, text) == (title, body)
        return
    assert "\n" not in made and "\r" not in made and len(made) <= MAX_TITLE
    assert text == body or body.lstrip().endswith(text)


@cases(1000)
@given(st.lists(st.sampled_from(["[a](", "x.md", "../", "sub/", "#y", ")", "<", ">", " ",
                                 "\n", "https://h/", "/", "%2E%2E/", '"t"']), max_size=14)
       .map("".join), st.sampled_from(["SUMMARY.md", "b/SUMMARY.md", "a/b/SUMMARY.md"]))
def test_a_table_of_contents_names_files_below_what_is_read(text, path):
    """What a SUMMARY.md lists is a relative path that leads above nothing read."""
    from graphkit.readers.books import summary_pages

    for kind, name in summary_pages(text, path):
        assert kind == "page" and not name.startswith(("/", "../")) and name != ".."
