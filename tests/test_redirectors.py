"""Links through a platform's outbound redirector reach the address it names: the
forms each platform writes (its host or endpoint, the parameter holding the address),
and links that only look like one stay as written."""
import pytest

from conftest import read_cites, write_file
from graphkit.sites import outbound_target

TARGET = "https://blog.example/posts/rope/"
ENCODED = "https%3A%2F%2Fblog.example%2Fposts%2Frope%2F"


@pytest.mark.parametrize("link", [
    f"https://link.zhihu.com/?target={ENCODED}",
    f"https://medium.com/r/?url={ENCODED}",
    f"https://vk.com/away.php?to={ENCODED}&cc_key=",
    f"https://steamcommunity.com/linkfilter/?url={TARGET}",
    f"https://www.pixiv.net/jump.php?url={ENCODED}",
    f"https://www.pixiv.net/jump.php?{ENCODED}",
    f"https://www.oschina.net/action/GoToLink?url={ENCODED}",
    f"https://duckduckgo.com/l/?uddg={ENCODED}&rut=5f2a",
    f"https://lm.facebook.com/l.php?u={ENCODED}&h=AT0",
    f"https://nam12.safelinks.protection.outlook.com/?url={ENCODED}&data=05%7C01&reserved=0",
    # a redirector's link to another one
    "https://medium.com/r/?url=https%3A%2F%2Fl.facebook.com%2Fl.php%3Fu%3D"
    + ENCODED.replace("%", "%25"),
])
def test_a_redirectors_link_is_the_address_it_names(link):
    assert outbound_target(link) == TARGET


@pytest.mark.parametrize("link", [
    f"https://twitter.com/intent/tweet?url={ENCODED}",          # a share button
    f"https://www.reddit.com/r/MachineLearning/?url={ENCODED}",  # a sub-reddit, not /r/
    "https://blog.example/l/posts?page=2",                      # no address in the query
    f"https://www.pixiv.net/jump.php?{ENCODED}%26x%3D1",         # the query is more than one
    f"https://safelinks.protection.outlook.com.evil.example/?url={ENCODED}",
])
def test_a_link_that_only_looks_like_one_stays_as_written(link):
    assert outbound_target(link) == link


def test_a_post_linked_through_medium_and_vk_is_cited(tmp_path):
    write_file(tmp_path, "posts/rope.md", "---\ntitle: Rotary embeddings\n"
               "url: https://blog.example/posts/rope/\n---\n\nThe phase.\n")
    write_file(tmp_path, "posts/linear.md", "---\ntitle: Linear attention\n---\n\n"
               f"Copied from a Medium mirror: [rope](https://medium.com/r/?url={ENCODED}).\n")
    write_file(tmp_path, "posts/idea.md", "---\ntitle: An idea\n---\n\n"
               f"Shared on VK: [rope](https://vk.com/away.php?to={ENCODED}&cc_key=).\n")
    _, cites = read_cites(tmp_path)
    assert cites == {("Linear attention", "Rotary embeddings"), ("An idea", "Rotary embeddings")}
