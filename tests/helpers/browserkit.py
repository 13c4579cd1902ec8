"""Real-browser kit: a static server like GitHub Pages, Chromium's settings, recorded pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from csn.data.load import load_site
from csn.data.schema import LANGUAGES
from csn.site.plan import build_plan, language_prefix
from tests.helpers.sitebuild import FIXTURE_DATA, FIXTURE_DOCS
from tools.browser import _FINISH, CHROMIUM, CHROMIUM_ARGS, FINISH_TRANSITIONS_JS, StaticServer, free_port  # noqa: F401

OUTPUT_DIR = Path(__file__).resolve().parents[2] / "test-output"


@dataclass(frozen=True)
class SamplePage:
    """One page of a kind in a language; `twins` maps each language to its twin's path (none for the 404)."""

    kind: str
    lang: str
    path: str  # from the site root: "" for the home page
    twins: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def name(self) -> str:
        return f"{self.kind}-{self.lang}"

    @property
    def is_not_found(self) -> bool:
        return self.kind == "404"


NOT_FOUND_PATH = "no-such-page/any/depth/"
# Free pages of docs/ sampled as kinds of their own: every footer links to them.
FREE_PAGES = {"doc:privacy.md": "privacy", "doc:accessibility.md": "accessibility"}


def sample_pages(data_dir: Path = FIXTURE_DATA, docs_dir: Path = FIXTURE_DOCS) -> list[SamplePage]:
    """The first page of each kind in each language, from the plan of a project's content (the tests'
    fixture by default), then the 404 under each language."""
    plan = build_plan(load_site(data_dir), docs_dir)
    samples: dict[tuple[str, str], SamplePage] = {}
    for page in plan.pages:
        kind = FREE_PAGES.get(page.key, page.kind)
        if (kind, page.lang) not in samples:
            twins = {lang: twin.path for lang, twin in page.alternates.items()}
            samples[(kind, page.lang)] = SamplePage(kind, page.lang, page.path, twins)
    for lang in LANGUAGES:
        samples[("404", lang)] = SamplePage("404", lang, language_prefix(lang) + NOT_FOUND_PATH)
    return list(samples.values())


@dataclass(frozen=True)
class Failure:
    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.url} ({self.reason})"


@dataclass
class RecordedPage:
    """A browser page that records every request (answering only the local server), failure and console error."""

    page: object
    origin: str
    requests: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    console_errors: list[Failure] = field(default_factory=list)  # the message, and the URL it is about

    def url(self, path: str) -> str:
        return f"{self.origin}/{path}"

    def goto(self, path: str):
        return self.page.goto(self.url(path), wait_until="load")

    def is_local(self, url: str) -> bool:
        return url.startswith((self.origin + "/", "data:", "blob:", "about:"))

    @property
    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not self.is_local(url)]

    def problems(self, expected: set[str] | frozenset = frozenset()) -> list[str]:
        """Console errors, failed requests and requests to other hosts, except those about `expected` URLs."""
        found = [f"console error: {error}" for error in self.console_errors if error.url not in expected]
        found += [f"failed request: {failure}" for failure in self.failures if failure.url not in expected]
        return found + [f"request to another host: {url}" for url in self.foreign_requests]

    def expected_failures(self, sample: SamplePage) -> set[str]:
        """The 404 page is, by design, answered with the status 404."""
        return {self.url(sample.path)} if sample.is_not_found else set()

    def save_requests(self, name: str) -> None:
        """Keep the list of every request made, for people to read: test-output/requests/<name>.txt."""
        folder = OUTPUT_DIR / "requests"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.txt").write_text("".join(f"{url}\n" for url in self.requests), encoding="utf-8")

    def forget(self) -> None:
        self.requests.clear()
        self.failures.clear()
        self.console_errors.clear()


def record(context, origin: str) -> RecordedPage:
    """A new page of `context` that records everything; requests to other hosts are recorded, then refused."""
    page = context.new_page()
    recorded = RecordedPage(page, origin)
    context.route(lambda url: not recorded.is_local(url), lambda route: route.abort("blockedbyclient"))
    # A request cut short because the page itself navigated away is not a failure of the site.
    navigations = {"count": 0, "at_start": {}}

    def on_request(request) -> None:
        recorded.requests.append(request.url)
        if request.is_navigation_request() and request.frame == page.main_frame:
            navigations["count"] += 1
        navigations["at_start"][id(request)] = navigations["count"]

    def on_request_failed(request) -> None:
        failure = request.failure or ""
        left_page = navigations["count"] > navigations["at_start"].get(id(request), navigations["count"])
        if not (failure == "net::ERR_ABORTED" and left_page):
            recorded.failures.append(Failure(request.url, failure))

    page.on("request", on_request)
    page.on("requestfailed", on_request_failed)
    page.on("response", lambda response: response.status >= 400 and recorded.failures.append(
        Failure(response.url, str(response.status))))
    page.on("console", lambda message: message.type == "error" and recorded.console_errors.append(
        Failure(message.location.get("url", ""), message.text)))
    page.on("pageerror", lambda error: recorded.console_errors.append(Failure(page.url, str(error))))
    return recorded


def screenshot_path(name: str) -> Path:
    OUTPUT_DIR.mkdir(exist_ok=True)
    return OUTPUT_DIR / f"{name}.png"


# Ends every CSS transition and animation, so that what is checked is what a person sees once still.


# A name for an element that stays the same whether it has the focus or not.
_KEY_OF = """const keyOf = e => e.tagName.toLowerCase() + "#" + (e.id || "") + "."
  + [...e.classList].filter(c => c !== "focus-visible").join(".") + " " + (e.getAttribute("href") || "");"""

# What the focused element is, whether it can be seen (once still) and whether its focus shows.
FOCUSED_JS = """() => {""" + _KEY_OF + _FINISH + """
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const r = e.getBoundingClientRect(), s = getComputedStyle(e);
  const seen = e.checkVisibility({visibilityProperty: true, opacityProperty: true}) && r.width > 0 && r.height > 0
    && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
  const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 1 && !s.outlineColor.endsWith(", 0)") && s.outlineColor !== "transparent";
  return {key: keyOf(e),
          name: (e.getAttribute("aria-label") || e.textContent || e.value || "").trim().slice(0, 40),
          tag: e.tagName.toLowerCase(), type: e.type || "", seen, focus_shows: outline || s.boxShadow !== "none",
          in_main: !!e.closest("main"), href: e.getAttribute("href") || ""};
}"""

# Every control a person could reach: visible, enabled, not taken out of the tab order.
REACHABLE_CONTROLS_JS = """() => {""" + _KEY_OF + _FINISH + """
  return [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]')]
  .filter(e => e.tabIndex >= 0 && !e.disabled && !e.closest('[inert]')
    && e.checkVisibility({visibilityProperty: true, opacityProperty: true}))
  .map(keyOf); }"""
