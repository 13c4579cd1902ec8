"""Data folder -> validated Site model, or a DataError listing every problem."""

from __future__ import annotations

import datetime as dt
import os
import unicodedata
from pathlib import Path
from typing import Any

from csn.data.addresses import archive_slug_problem, reserved_problem
from csn.data.assets import AssetChecker
from csn.data.datafiles import DATA_SUFFIX
from csn.data.dates import CONSORTIUM_YEARS, YearRange
from csn.data.errors import DataError, Problem
from csn.data.model import (
    DEFAULT_ACCENT,
    DEFAULT_PRIMARY,
    Identity,
    Institution,
    Link,
    Location,
    News,
    Participation,
    Partner,
    Picture,
    Programme,
    Project,
    Site,
    SiteInfo,
    SocialLink,
    Source,
    Theme,
    Typeface,
)
from csn.data.publishing import is_published, publication_date, show_drafts
from csn.data.schema import LANGUAGES, NEWS, PARTNERS, PROGRAMMES, PROJECTS, SITE, THEMES, Collection
from csn.data.sources import source_problems
from csn.data.two_cores import map_in_two
from csn.data.validate import Ref, check_record, check_themes, id_problem
from csn.data.yaml_loader import load_yaml_file
from csn.messages import Bilingual, Message

# Other spellings of data files that would otherwise be skipped without a word.
OTHER_DATA_SUFFIXES = (".yaml", ".json", ".toml")
# Entries of data/ that are for editors' tools, not records: the JSON Schemas their editors read.
TOOLING_ENTRIES = frozenset({"schemas"})


# One record file as read: its checked values (None if unreadable), its problems, the images it uses.
_Read = tuple[dict[str, Any] | None, list[Problem], frozenset[str]]
# The files read by the last loads of a preview, by path: (their stamp then, what was read).
ReadMemory = dict[str, tuple[tuple, _Read]]


def _file_stamp(collection: Collection, path: Path, assets: AssetChecker) -> tuple:
    """What a file's reading depends on: its collection, size and time, and the images folder."""
    stat = path.stat()
    return collection.name, stat.st_size, stat.st_mtime_ns, assets.stamp


class _Records:
    """Checked values of every file, and the problems met on the way."""

    def __init__(self, root: Path, years: YearRange):
        self.root = root
        self.years = years
        parent = str(root.parent)
        self._shown_from = len(parent) if parent.endswith(os.sep) else len(parent) + 1
        self.assets = AssetChecker(root.parent)
        self.problems: list[Problem] = source_problems(root, root.parent)
        self.refused = {p.file for p in self.problems}  # links leading out: never read
        self.values: dict[str, dict[str, dict[str, Any]]] = {}
        self.files: dict[str, dict[str, str]] = {}
        # Records whose file could not be read (its problem is reported): a reference to one of them is
        # a consequence, not a second problem. A whole collection in one file (themes) that failed: all.
        self.unread: dict[str, set[str]] = {}
        self.unread_collections: set[str] = set()

    def shown(self, path: Path) -> str:
        # The path from the data folder's parent, by slicing: Path.relative_to is slow for thousands of files.
        return str(path)[self._shown_from:].replace(os.sep, "/")

    def load_one(self, collection: Collection, path: Path) -> dict[str, Any] | None:
        values, problems = self.read(collection, path)
        self.problems += problems
        return values

    def read(self, collection: Collection, path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
        """The checked values of one file (None when it cannot be read) and its problems."""
        shown = self.shown(path)
        mapping, problems = load_yaml_file(path, shown)
        if mapping is None:
            return None, problems
        if collection is THEMES:
            return check_themes(mapping, shown)
        return check_record(collection, mapping, shown, self.assets, self.years)

    def load_folders(self, collections: tuple[Collection, ...], reuse: ReadMemory | None = None) -> None:
        """Every file of these collections' folders; the files are independent until references are
        resolved, so two cores read them. `reuse`: the reads of the last loads, whose files unchanged
        since are taken as they were read then, and which this load updates (the preview's rebuilds)."""
        listed = [entry for collection in collections for entry in self._listed(collection)]
        stamps = [(_file_stamp(entry[0], entry[3], self.assets), self.years) for entry in listed] if reuse is not None else []
        reads: list[_Read | None] = [None] * len(listed)
        if reuse is not None:
            for index, (entry, stamp) in enumerate(zip(listed, stamps)):
                last = reuse.get(str(entry[3]))
                if last is not None and last[0] == stamp:
                    reads[index] = last[1]
        missing = [index for index, read in enumerate(reads) if read is None]
        for index, read in zip(missing, map_in_two(lambda index: self._read_apart(listed[index]), missing)):
            reads[index] = read
            if reuse is not None:
                reuse[str(listed[index][3])] = (stamps[index], read)
        for (collection, record_id, shown, _), (values, problems, assets) in zip(listed, reads):
            self.problems += problems
            self.assets.valid |= assets
            if values is not None:
                self.values[collection.name][record_id] = values
                self.files[collection.name][record_id] = shown
            else:
                self.unread.setdefault(collection.name, set()).add(record_id)

    def _read_apart(self, entry: tuple[Collection, str, str, Path]) -> _Read:
        """`read`, with the images this file uses: its result stands alone (another process may
        have made it, or an earlier load)."""
        others, self.assets.valid = self.assets.valid, set()
        try:
            values, problems = self.read(entry[0], entry[3])
            return values, problems, frozenset(self.assets.valid)
        finally:
            others |= self.assets.valid
            self.assets.valid = others

    def _listed(self, collection: Collection) -> list[tuple[Collection, str, str, Path]]:
        """The data files of a collection's folder to read, by name; the problems of the others."""
        folder = self.root / collection.path
        self.values[collection.name] = {}
        self.files[collection.name] = {}
        if not folder.is_dir():
            if not (collection.optional and not folder.exists()):
                self.problems.append(Problem(self.shown(folder), 0, "", Message("missing.folder")))
            return []
        seen: dict[str, str] = {}
        listed = []
        for path in sorted(folder.iterdir(), key=lambda p: p.name):  # one folder: by name, as Paths sort
            shown = self.shown(path)
            if path.name.startswith(".") or shown in self.refused:
                continue
            problem = not_a_data_file(path)
            if problem:
                self.problems.append(Problem(shown, 0, "", problem))
                continue
            record_id = unicodedata.normalize("NFC", path.stem)
            problem = id_problem(record_id) or reserved_problem(record_id)
            if problem:
                self.problems.append(Problem(shown, 0, "id", Message("id.file_name", reason=problem)))
                continue
            if record_id in seen:
                self.problems.append(Problem(shown, 0, "id", Message("id.taken", id=record_id, file=seen[record_id])))
                continue
            seen[record_id] = shown
            listed.append((collection, record_id, shown, path))
        return listed

    def load_single(self, collection: Collection) -> dict[str, Any]:
        path = self.root / collection.path
        if self.shown(path) in self.refused:
            return {}
        if not path.is_file():
            self.problems.append(Problem(self.shown(path), 0, "", Message("missing.file")))
            return {}
        values = self.load_one(collection, path)
        if values is None:
            self.unread_collections.add(collection.name)
        return values or {}

    def check_top_level(self, collections: tuple[Collection, ...]) -> None:
        """data/ holds the collections' files and folders only: anything else would be ignored."""
        known = {c.path for c in collections}
        expected = ", ".join(f"{c.path}/" if not c.one_file else c.path for c in collections)
        for path in sorted(self.root.iterdir()):
            if path.name.startswith(".") or path.name in known | TOOLING_ENTRIES or self.shown(path) in self.refused:
                continue
            problem = not_a_data_file(path)
            if not problem:
                problem = Message("data.unknown_file", expected=expected)
            self.problems.append(Problem(self.shown(path), 0, "", problem))


def not_a_data_file(path: Path) -> Message | None:
    """Why `path`, in a data folder, cannot be read as a record, or None."""
    if path.is_dir():
        return Message("data.folder")
    if path.suffix.lower() in (*OTHER_DATA_SUFFIXES, DATA_SUFFIX) and path.suffix != DATA_SUFFIX:
        return Message("data.suffix_case", suffix=DATA_SUFFIX, name=f"{path.stem}{DATA_SUFFIX}")
    if path.suffix != DATA_SUFFIX:
        return Message("data.not_data", suffix=DATA_SUFFIX)
    if not path.is_file():
        return Message("file.not_regular")
    return None


def load_site(root: Path, today: dt.date | None = None, reuse: ReadMemory | None = None,
              years: YearRange = CONSORTIUM_YEARS, drafts: bool | None = None) -> Site:
    """Load and check everything under `root` (the data folder), publishing the news dated up to `today`.

    Every file is checked, scheduled news and drafts included; `today` defaults to publication_date().
    `reuse`: the preview's memory of the last loads: record files unchanged since are not read again.
    `years`: the years a date may fall in.
    `drafts`: publish the records marked `draft: true` too (default: show_drafts(), the preview's DRAFTS=1).
    """
    today = today or publication_date()
    drafts = show_drafts() if drafts is None else drafts
    records = _Records(root, years)
    records.check_top_level((SITE, THEMES, PROJECTS, PARTNERS, NEWS, PROGRAMMES))
    site_values = records.load_single(SITE)
    themes = records.load_single(THEMES)
    records.load_folders((PROJECTS, PARTNERS, NEWS, PROGRAMMES), reuse)
    _check_references(records, themes, drafts)
    _check_slugs(records)
    if any(p.severity == "error" for p in records.problems):
        error = DataError(records.problems)
        # The pictures that passed their checks, for the pipeline to tell a damaged one at once too.
        error.pictures = _pictures_in(records)
        raise error
    left_out = [] if drafts else _drop_drafts(records)
    site = _build_site(records, site_values, themes, today)
    site.assets = sorted(records.assets.valid)
    site.drafts = left_out
    site.warnings = sorted(p for p in records.problems if p.severity != "error")
    return site


def _pictures_in(records: _Records) -> list[Picture]:
    """The checked pictures of records read so far, when other problems keep the site from being built."""
    pictures = []
    for collection in ("projects", "news", "partners"):
        for record_id, values in records.values[collection].items():
            picture = _picture(values, records.files[collection][record_id])
            if picture is not None:
                pictures.append(picture)
    return pictures


def _picture(values: dict[str, Any], file: str) -> Picture | None:
    """A record's `image`, or a partner's raster or SVG `logo`, as a Picture."""
    if "image" in values:
        image = values["image"]
        if "src" not in image:
            return None
        return Picture(str(image["src"]), image.get("alt"), image.get("credit"), file, image["src"].line)
    logo = values.get("logo")
    if logo is not None and hasattr(logo, "line"):
        return Picture(str(logo), None, None, file, logo.line, "logo", "logo")
    return None


def _is_draft(values: dict[str, Any]) -> bool:
    return bool(values.get("draft"))


def _drop_drafts(records: _Records) -> list[str]:
    """Leave the drafts out of the site (after checking them): the files left out, by name."""
    left_out = []
    for collection, by_id in records.values.items():
        for record_id in [rid for rid, values in by_id.items() if _is_draft(values)]:
            del by_id[record_id]
            left_out.append(records.files[collection][record_id])
    return sorted(left_out)


# What an unknown reference should have named: "`x` n'est l'identifiant d'aucun partenaire" / "not a known partner id".
REFERENCE_NAMES = {
    "projects": Bilingual("aucun projet", "project"),
    "partners": Bilingual("aucun partenaire", "partner"),
    "news": Bilingual("aucune actualité", "news item"),
    "themes": Bilingual("aucun thème", "theme"),
    "programmes": Bilingual("aucun programme", "programme"),
}


def _check_references(records: _Records, themes: dict[str, Any], drafts: bool = False) -> None:
    """Every id names a record; a published record names no draft (unless the drafts are published too)."""
    known = {"themes": themes,
             **{name: records.values[name] for name in ("projects", "partners", "news", "programmes")}}
    for collection, by_id in records.values.items():
        for record_id, values in by_id.items():
            for ref in _refs_in(values):
                if ref.id in records.unread.get(ref.target, ()) or ref.target in records.unread_collections:
                    continue  # its file's own problem says it all
                if ref.id not in known[ref.target]:
                    choices = ", ".join(sorted(known[ref.target]))
                    records.problems.append(Problem(
                        records.files[collection][record_id], ref.line, ref.field,
                        Message("ref.unknown", id=ref.id, what=REFERENCE_NAMES[ref.target],
                                choices=choices or Message("ref.none_yet"))))
                elif not drafts and not _is_draft(values) and ref.target != "themes" \
                        and _is_draft(known[ref.target][ref.id]):
                    draft_file = records.files[ref.target][ref.id]
                    records.problems.append(Problem(
                        records.files[collection][record_id], ref.line, ref.field,
                        Message("draft.linked", id=ref.id, draft_file=draft_file)))


def _refs_in(value: Any) -> list[Ref]:
    """Every Ref in a record's checked values (a loop, not recursive generators: thousands of records)."""
    refs, pending = [], [value]
    while pending:
        item = pending.pop()
        if isinstance(item, Ref):
            refs.append(item)
        elif isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return refs


def _check_slugs(records: _Records) -> None:
    """Each record's URL segment must be unique per language within its section."""
    for collection in (PROJECTS, PARTNERS, NEWS):
        for lang in LANGUAGES:
            owners: dict[str, str] = {}
            for record_id, values in records.values[collection.name].items():
                if lang not in values.get("languages", LANGUAGES):
                    continue  # no page in this language
                slug = values.get("slug", {}).get(lang, record_id)
                file = records.files[collection.name][record_id]
                line = getattr(slug, "line", 0)  # 0: the slug is the file name
                problem = reserved_problem(slug) or (archive_slug_problem(slug) if collection is NEWS else None)
                if problem:
                    records.problems.append(Problem(file, line, f"slug.{lang}", problem))
                elif slug in owners:
                    records.problems.append(Problem(
                        file, line, f"slug.{lang}", Message("address.taken", slug=slug, owner=owners[slug])))
                else:
                    owners[slug] = record_id


def _build_site(records: _Records, site: dict[str, Any], theme_labels: dict[str, Any], today: dt.date) -> Site:
    themes = {theme_id: Theme(theme_id, label) for theme_id, label in theme_labels.items()}
    partners = {pid: _partner(pid, v, records.files["partners"][pid]) for pid, v in records.values["partners"].items()}
    programmes = {pid: Programme(id=pid, name=v["name"], start=v["start"], end=v.get("end"), website=v.get("website"),
                                 file=records.files["programmes"][pid], draft=_is_draft(v))
                  for pid, v in records.values["programmes"].items()}
    projects = {}
    for pid, v in records.values["projects"].items():
        project = Project(
            id=pid, title=v["title"], slug=_slug(pid, v), summary=v["summary"], description=v["description"],
            status=v["status"], start=v["start"], end=v.get("end"), featured=v.get("featured", False),
            themes=[themes[ref.id] for ref in v["themes"]],
            links=[Link(link["title"], link["url"]) for link in v.get("links", [])],
            programme=programmes[v["programme"].id] if "programme" in v else None,
            image=_picture(v, records.files["projects"][pid]), file=records.files["projects"][pid], draft=_is_draft(v))
        if project.programme:
            project.programme.projects.append(project)
        for item in v["partners"]:
            participation = Participation(project, partners[item["id"].id], item.get("role"),
                                          item.get("funder", False))
            project.partners.append(participation)
            participation.partner.projects.append(participation)
        projects[pid] = project
    news, scheduled = [], []
    for nid, v in records.values["news"].items():
        source = v.get("source")
        item = News(
            id=nid, date=v["date"], title=v["title"], slug=_slug(nid, v), summary=v["summary"], body=v["body"],
            projects=[projects[ref.id] for ref in v.get("projects", [])],
            partners=[partners[ref.id] for ref in v.get("partners", [])],
            source=Source(source["name"], source.get("url")) if source else None,
            image=_picture(v, records.files["news"][nid]), file=records.files["news"][nid], draft=_is_draft(v),
            languages=v.get("languages", LANGUAGES))
        # A scheduled item is checked like the others but linked from nothing.
        (news if is_published(item.date, today) else scheduled).append(item)
    news.sort(key=lambda n: (n.date, n.id), reverse=True)
    scheduled.sort(key=lambda n: (n.date, n.id))
    for item in news:  # newest first, in each back-reference too
        for project in item.projects:
            project.news.append(item)
        for partner in item.partners:
            partner.news.append(item)
    institution = site["institution"]
    info = SiteInfo(name=site["name"], acronym=site["acronym"], tagline=site["tagline"],
                    description=site["description"],
                    institution=Institution(institution["name"], institution["url"], institution.get("name_lang")),
                    email=site.get("email"), name_lang=site.get("name_lang"), address=site.get("address"),
                    social=[SocialLink(account["name"], account["url"]) for account in site.get("social", [])],
                    identity=_identity(site))
    return Site(
        info=info,
        themes=sorted(themes.values(), key=lambda t: t.id),
        projects=sorted(projects.values(), key=lambda p: (_negate(p.start), p.title["fr"])),
        partners=sorted(partners.values(), key=lambda p: p.name["fr"].casefold()),
        news=news,
        programmes=sorted(programmes.values(), key=lambda p: (p.start, p.name["fr"])),
        scheduled=scheduled,
        today=today,
    )


def _identity(site: dict[str, Any]) -> Identity:
    colors = site.get("colors") or {}
    typeface = site.get("typeface")
    if typeface:
        weights = {400: typeface["regular"], 600: typeface.get("semibold"), 700: typeface.get("bold")}
        typeface = Typeface(typeface["name"], {weight: file for weight, file in weights.items() if file})
    return Identity(primary=colors.get("primary", DEFAULT_PRIMARY), accent=colors.get("accent", DEFAULT_ACCENT),
                    logo=site.get("logo"), typeface=typeface or None)


def _negate(date) -> tuple[int, int, int]:
    return (-date.year, -date.month, -date.day)


def _slug(record_id: str, values: dict[str, Any]) -> dict[str, str]:
    return values.get("slug") or {lang: record_id for lang in LANGUAGES}


def _partner(pid: str, v: dict[str, Any], file: str) -> Partner:
    return Partner(
        id=pid, name=v["name"], slug=_slug(pid, v), kind=v["kind"], country=v["country"],
        description=v["description"], name_lang=v.get("name_lang"), acronym=v.get("acronym"),
        region=v.get("region"), website=v.get("website"), logo=_plain(v.get("logo")), image=_picture(v, file),
        location=_location(v.get("location")), file=file,
        draft=_is_draft(v))


def _plain(value: str | None) -> str | None:
    return str(value) if value is not None else None


def _location(values: dict[str, Any] | None) -> Location | None:
    if not values:
        return None
    return Location(values["city"], values["latitude"], values["longitude"])
