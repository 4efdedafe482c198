"""The apps stand in layers, read from their source (every import, those inside functions too):
core at the bottom, the feature apps, portal at the top. Content never imports discussions."""

import ast
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = {"experiences", "resources", "agenda"}
FEATURES = CONTENT | {"accounts", "forums", "search", "situate"}
APPS = {"core", *FEATURES, "portal"}

# The arrows allowed between apps (an app may import the apps it points to). A new arrow is a
# decision: add it here, downwards only.
ALLOWED = {
    "core": set(),
    "experiences": {"core"},
    "resources": {"core"},
    "agenda": {"core", "resources"},  # events show their edition, their replay, the programme block
    "forums": {"core"},
    # profiles list networks, the directory filters by them; registrations and runs are
    # personal data
    "accounts": {"core", "forums", "agenda", "situate"},
    "search": {"core", "experiences", "resources", "forums"},  # it searches them all
    # "se situer": the path's questions, its resources, and the shares' permissions
    "situate": {"core", "experiences", "resources", "forums"},
    "portal": {"core", *FEATURES},
}


@cache
def imports() -> dict[str, dict[str, list[str]]]:
    """app -> other app it imports -> where ("path:line")."""
    found: dict[str, dict[str, list[str]]] = {app: {} for app in APPS}
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
                if isinstance(node, ast.Import):
                    modules = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    modules = [node.module]
                else:
                    continue
                for module in modules:
                    imported = module.split(".")[0]
                    if imported in APPS and imported != app:
                        place = f"{path.relative_to(ROOT)}:{node.lineno}"
                        found[app].setdefault(imported, []).append(place)
    return found


def arrows_to(targets: set[str], sources: set[str]) -> dict:
    return {
        (source, target): places
        for source in sources
        for target, places in imports()[source].items()
        if target in targets
    }


def test_core_imports_no_other_app():
    assert imports()["core"] == {}


def test_no_app_imports_portal():
    assert arrows_to({"portal"}, APPS - {"portal"}) == {}


def test_content_imports_neither_discussions_nor_search_nor_accounts():
    assert arrows_to({"forums", "search", "accounts"}, CONTENT) == {}


def test_every_arrow_between_apps_is_an_allowed_one():
    unexpected = {
        (source, target): places
        for source, targets in imports().items()
        for target, places in targets.items()
        if target not in ALLOWED[source]
    }
    assert unexpected == {}


def cycle(graph: dict[str, set[str]]) -> list[str]:
    """A cycle of `graph` (app -> apps it imports), or []."""
    done: set[str] = set()

    def visit(app: str, path: list[str]) -> list[str]:
        if app in path:
            return path[path.index(app) :] + [app]
        if app in done:
            return []
        for target in sorted(graph.get(app, ())):
            if found := visit(target, [*path, app]):
                return found
        done.add(app)
        return []

    return next((found for app in sorted(graph) if (found := visit(app, []))), [])


def test_the_apps_import_each_other_without_a_cycle():
    assert cycle({app: set(targets) for app, targets in imports().items()}) == []
    assert cycle(ALLOWED) == []


def test_a_cycle_is_found_when_there_is_one():
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
