"""Quartz 4 gardens: the notes under ``content/`` at their slugged paths, and what Quartz
builds no note from. The zoo's ``quartz/`` garden tests the whole path."""
import pytest

from conftest import read_cites, write_file
from graphkit.sites import file_route, path_aliases, quartz_set_aside, read_site_config

CONF = dict(read_site_config(
    'const config = { configuration: { pageTitle: "Garden", baseUrl: "lin.example/garden",\n'
    '  ignorePatterns: ["private", "**/drafts", "*.excalidraw.md"] } }\nexport default config\n',
    "quartz.config.ts"))


def test_the_configuration_gives_the_address_title_and_ignored_files():
    assert CONF["url"] == "https://lin.example/garden" and CONF["title"] == "Garden"
    assert CONF["ignore"].split("\n") == ["private", "**/drafts", "*.excalidraw.md"]


@pytest.mark.parametrize("inside, why", [
    ("content/notes/Rotary Embeddings.md", None),
    ("content/index.md", "the garden's home page"),
    ("content/notes/index.md", "the page of the folder notes/"),
    ("content/tags/ml.md", "the page of a tag"),
    ("content/private/x.md", "matched by the garden's ignorePatterns (private)"),
    ("content/notes/drafts/x.md", "matched by the garden's ignorePatterns (**/drafts)"),
    ("content/drafts/x.md", "matched by the garden's ignorePatterns (**/drafts)"),
    ("content/notes/plan.excalidraw.md", "matched by the garden's ignorePatterns"),
    ("content/notes/privately.md", None),
    ("docs/index.md", "outside the garden's content folder"),
])
def test_what_quartz_builds_no_note_from(inside, why):
    found = quartz_set_aside(inside, CONF, has_content=True)
    assert found is None if why is None else found.startswith(why), found


def test_files_outside_content_stay_notes_when_the_garden_has_none_there():
    assert quartz_set_aside("docs/index.md", CONF, has_content=False) is None


def test_a_notes_address_is_its_slugged_path():
    assert file_route("quartz", "content/notes/Rotary Embeddings.md", None, CONF) \
        == "/notes/rotary-embeddings"
    assert file_route("quartz", "content/R&D 100%.md", None, CONF) == "/r-and-d-100-percent"
    assert file_route("quartz", "docs/index.md", None, CONF) is None


def test_a_file_name_with_spaces_is_named_as_addresses_write_it():
    aliases = path_aliases("notes/Rotary  Embeddings.md")
    assert {"notes/rotary-embeddings", "rotary-embeddings", "rotary+embeddings"} <= aliases


def test_a_gardens_links_by_slug_and_address_reach_the_notes(tmp_path):
    write_file(tmp_path, "quartz.config.ts", 'const config = { configuration: {\n'
               '  baseUrl: "lin.example/garden", ignorePatterns: ["private"] } }\n')
    write_file(tmp_path, "content/notes/Rotary Embeddings.md", "---\ntitle: RoPE\n---\n\n"
               "From [[Linear Attention#Derivation|the derivation]].\n")
    write_file(tmp_path, "content/notes/Linear Attention.md", "---\ntitle: Linear\n---\n\n"
               "See [rope](https://lin.example/garden/notes/Rotary-Embeddings) and "
               "[rope again](./Rotary-Embeddings.md).\n")
    write_file(tmp_path, "content/index.md",
               "---\ntitle: Home\n---\n\nStart at [[Linear Attention]].\n")
    write_file(tmp_path, "content/private/x.md", "About [[Linear Attention]].\n")
    write_file(tmp_path, "docs/index.md",
               "---\ntitle: Quartz docs\n---\n\n[[Rotary Embeddings]]\n")
    r, cites = read_cites(tmp_path)
    assert cites == {("RoPE", "Linear"), ("Linear", "RoPE")}
    assert sorted(p.title for p in r.posts) == ["Linear", "RoPE"]


def test_a_template_set_aside_is_reported_once_not_for_its_placeholder_date(tmp_path):
    """A note template's ``{{date}}`` is no date to miss once the file is no note."""
    write_file(tmp_path, "quartz.config.ts", 'const config = { configuration: {\n'
               '  baseUrl: "lin.example", ignorePatterns: ["templates"] } }\n')
    write_file(tmp_path, "content/notes/a.md", "---\ntitle: A\ndate: 2024-01-02\n---\n\nText.\n")
    write_file(tmp_path, "content/templates/note.md",
               "---\ntitle: \"{{title}}\"\ndate: \"{{date}}\"\n---\n\nWrite here.\n")
    r, _ = read_cites(tmp_path)
    assert [f.reason.split(":")[0] for f in r.fragments if f.path.endswith("note.md")] == [
        "matched by the garden's ignorePatterns (templates)"]
