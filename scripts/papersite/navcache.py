"""The navigation's items rendered once per folder, not once per page.

Material renders the whole navigation on every page (partials/nav.html, each item by the ``render`` macro
of partials/nav-item.html): with N pages that is N x N items, most of a large site's template time. An
item that is not on the page's own path (not the page, not a section holding it) renders the same on
every page of a folder: what it shows depends only on the item, its place in the navigation and the
page's folder (its links are relative to it). :class:`NavFragments` keeps each such rendering for the
build and gives it to the other pages of the folder; the items on the page's path are rendered as before.

How: the theme's loader is wrapped so that partials/nav-item.html's ``render`` macro is renamed and a
``render`` of the same signature put in its place, which asks the plugin for the kept rendering (the
renamed macro's own recursion into the children then goes through it too). The theme's template is read
as installed, not copied; if its ``render`` macro is not found as expected, the template is left as it
is (nothing is kept, every item is rendered). The page's HTML is the same either way.
"""
from __future__ import annotations

from jinja2 import BaseLoader

TEMPLATE = "partials/nav-item.html"
MACRO = "{% macro render(nav_item, path, level, parent) %}"
RENAMED = "{% macro papersite_render_item(nav_item, path, level, parent) %}"
# Exactly what the renamed macro returns: no whitespace of its own around the call.
WRAPPER = ("\n{% macro render(nav_item, path, level, parent) -%}\n"
           "{{ papersite_nav_item(papersite_render_item, nav_item, path, level, parent, page) }}\n"
           "{%- endmacro %}\n")


def patched(source: str) -> str | None:
    """partials/nav-item.html with its ``render`` macro going through the kept renderings (None: not as expected)."""
    if source.count(MACRO) != 1 or "papersite_render_item" in source:
        return None
    return source.replace(MACRO, RENAMED) + WRAPPER


class _Loader(BaseLoader):
    """The theme's loader, with partials/nav-item.html patched."""

    def __init__(self, inner: BaseLoader):
        self.inner = inner

    def get_source(self, environment, template):
        source, filename, uptodate = self.inner.get_source(environment, template)
        if template == TEMPLATE:
            source = patched(source) or source
        return source, filename, uptodate

    def list_templates(self):
        return self.inner.list_templates()


def _folder(url: str) -> str:
    # What MkDocs' url filter makes links relative to (mkdocs.utils.get_relative_url): the page's folder.
    folder, _, name = url.rpartition("/")
    return folder if "." in name else url


class NavFragments:
    """The navigation items' renderings of one build, by place in the navigation and page folder."""

    def __init__(self):
        self.kept: dict[tuple, str] = {}
        self.rendered = 0   # items rendered (the others were kept renderings): for the tests
        self.reused = 0

    def install(self, env) -> None:
        """Start a build's renderings and patch the theme's template (the environment is the build's own)."""
        self.kept = {}
        self.rendered = self.reused = 0
        if not isinstance(env.loader, _Loader):
            env.loader = _Loader(env.loader)
        env.globals["papersite_nav_item"] = self.item

    def item(self, render, nav_item, path, level, parent, page):
        """One item's rendering: kept from another page of the folder unless the item is on this page's path."""
        url = getattr(page, "url", None)
        if getattr(nav_item, "active", False) or not isinstance(url, str):
            self.rendered += 1
            return render(nav_item, path, level, parent)
        # ``path`` is the item's place in the navigation (__nav_2_3): one item per path in a build.
        key = (path, level, _folder(url))
        out = self.kept.get(key)
        if out is None:
            self.rendered += 1
            out = self.kept[key] = render(nav_item, path, level, parent)
        else:
            self.reused += 1
        return out
