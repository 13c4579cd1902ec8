"""A synthetic data set of any size, in the format of data/ (see hooks/csn/data/schema.py).

N news items, N/20 projects, N/10 partners and N/200 programmes, written as
editors write them: both languages, folded summaries, Markdown bodies with
lists, emphasis and links, references from news to projects and partners,
from projects to partners and programmes, partners placed on the map. The
same seed gives the same files.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import textwrap
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from . import phrases

PROJECT_DIR = Path(__file__).resolve().parent.parent
THEMES = ("innovation-technosociale", "partage-de-donnees", "formation", "ethique-et-gouvernance-des-donnees",
          "cooperation-internationale")
STATUSES = ("planned", "active", "completed")
WRAP = 88


@dataclass(frozen=True)
class Counts:
    news: int
    projects: int
    partners: int
    programmes: int

    @classmethod
    def for_size(cls, n: int) -> Counts:
        return cls(news=n, projects=max(1, n // 20), partners=max(2, n // 10), programmes=max(1, n // 200))


def slugify(text: str, limit: int = 48) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-")


def _pick(rng: random.Random, bank: list[tuple[str, str]]) -> tuple[str, str]:
    return rng.choice(bank)


def _sentence(rng: random.Random, bold: bool = False) -> tuple[str, str]:
    subject, verb, obj, complement = (_pick(rng, bank) for bank in
                                      (phrases.SUBJECTS, phrases.VERBS, phrases.OBJECTS, phrases.COMPLEMENTS))
    mark = "**" if bold else ""
    return tuple(f"{subject[i]} {verb[i]} {mark}{obj[i]}{mark} {complement[i]}." for i in (0, 1))


def _paragraph(rng: random.Random, markdown: bool = False) -> tuple[str, str]:
    parts = [_sentence(rng, bold=markdown and rng.random() < 0.3) for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.5:
        parts.append(_pick(rng, phrases.CLOSINGS))
    return " ".join(p[0] for p in parts), " ".join(p[1] for p in parts)


def _markdown(rng: random.Random, paragraphs: int) -> tuple[str, str]:
    """A body in both languages: paragraphs, sometimes a list, sometimes a link."""
    blocks_fr, blocks_en = [], []
    for index in range(paragraphs):
        fr, en = _paragraph(rng, markdown=True)
        blocks_fr.append(textwrap.fill(fr, WRAP))
        blocks_en.append(textwrap.fill(en, WRAP))
        if index == 0 and rng.random() < 0.4:
            items = rng.sample(phrases.LIST_ITEMS, 3)
            blocks_fr.append("Les travaux portent sur :\n\n" + "\n".join(f"- {i[0]};" for i in items))
            blocks_en.append("The work covers:\n\n" + "\n".join(f"- {i[1]};" for i in items))
    if rng.random() < 0.4:
        number = rng.randint(1, 999)
        blocks_fr.append(f"Pour en savoir plus : [le rapport](https://www.example.org/rapports/{number}).")
        blocks_en.append(f"Learn more in [the report](https://www.example.org/reports/{number}).")
    return "\n\n".join(blocks_fr), "\n\n".join(blocks_en)


def _scalar(text: str) -> str:
    """A one-line YAML value, quoted only when plain style would misread it."""
    if re.search(r"[:#\"'\[\]{},&*!|>%@`]", text) or text != text.strip():
        return json.dumps(text, ensure_ascii=False)
    return text


def _translated(name: str, values: tuple[str, str], style: str = "plain") -> str:
    lines = [f"{name}:"]
    for lang, value in zip(("fr", "en"), values):
        if style == "plain":
            lines.append(f"  {lang}: {_scalar(value)}")
        else:
            indicator = ">-" if style == "folded" else "|"
            body = textwrap.fill(value, WRAP - 4) if style == "folded" else value
            lines.append(f"  {lang}: {indicator}")
            lines.extend(f"    {line}" if line else "" for line in body.split("\n"))
    return "\n".join(lines)


def _date(rng: random.Random, first_year: int = 2012, last_year: int = 2025, day_share: float = 0.85) -> str:
    year, month = rng.randint(first_year, last_year), rng.randint(1, 12)
    if rng.random() < day_share:
        return f"{year}-{month:02d}-{rng.randint(1, 28):02d}"
    return f"{year}-{month:02d}"


def _partner_files(rng: random.Random, count: int) -> dict[str, str]:
    combos = [(kind, place, field) for kind in phrases.INSTITUTION_KINDS for place in phrases.PLACES
              for field in phrases.FIELDS]
    rng.shuffle(combos)
    files = {}
    for index in range(count):
        (kind, pattern_fr, pattern_en), place, (field_fr, field_en) = combos[index % len(combos)]
        city_fr, city_en, region_fr, region_en, country, latitude, longitude = place
        name_fr = pattern_fr.format(city_fr=city_fr, field_fr=field_fr, region_fr=region_fr)
        name_en = pattern_en.format(city_en=city_en, field_en=field_en, region_en=region_en)
        if index >= len(combos):
            name_fr, name_en = f"{name_fr} {index // len(combos) + 1}", f"{name_en} {index // len(combos) + 1}"
        partner_id = f"{slugify(name_fr, 40)}-{index}"
        acronym = "".join(word[0] for word in name_fr.split() if word[:1].isupper())[:6] or "P"
        description = _paragraph(rng)
        lines = []
        if name_fr == name_en:
            lines.append(f"name: {_scalar(name_fr)}")
        else:
            lines.append(_translated("name", (name_fr, name_en)))
        lines += [f"acronym: {acronym}{index}", f"kind: {kind}", f"country: {country}"]
        if rng.random() < 0.6:
            lines.append(_translated("region", (region_fr, region_en)))
        if rng.random() < 0.8:
            lines.append(f"website: https://www.partner-{index}.example.org")
        if rng.random() < 0.9:
            city = f"city: {city_fr}" if city_fr == city_en else f"city:\n    fr: {city_fr}\n    en: {city_en}"
            lines += ["location:", f"  {city}", f"  latitude: {latitude}", f"  longitude: {longitude}"]
        lines.append(_translated("description", description, "folded"))
        lines.append(_translated("slug", (f"{slugify(name_fr)}-{index}", f"{slugify(name_en)}-{index}")))
        files[partner_id] = "\n".join(lines) + "\n"
    return files


def _programme_files(rng: random.Random, count: int) -> dict[str, str]:
    files = {}
    for index in range(count):
        start = 2014 + 2 * (index % 6)
        period = f"{start}-{start + 2}"
        name = tuple(part.format(period=period) for part in phrases.PROGRAMMES[index % len(phrases.PROGRAMMES)])
        files[f"{slugify(name[0], 40)}-{index}"] = "\n".join(
            [_translated("name", name), f"start: {start}", f"end: {start + 2}"]) + "\n"
    return files


def _project_files(rng: random.Random, count: int, partner_ids: list[str], programme_ids: list[str]) -> dict[str, str]:
    files = {}
    for index in range(count):
        pattern, topic = _pick(rng, phrases.PROJECT_TITLES), _pick(rng, phrases.TOPICS)
        title = (pattern[0].format(topic_fr=topic[0]) + f" ({index + 1})",
                 pattern[1].format(topic_en=topic[1]) + f" ({index + 1})")
        project_id = f"{slugify(title[0], 40)}-{index}"
        status = rng.choice(STATUSES)
        start = rng.randint(2014, 2024)
        lines = [_translated("title", title),
                 _translated("slug", (f"{slugify(title[0])}-{index}", f"{slugify(title[1])}-{index}")),
                 _translated("summary", _paragraph(rng), "folded"),
                 _translated("description", _markdown(rng, rng.randint(2, 3)), "literal"),
                 f"status: {status}", f"start: {start}"]
        if status == "completed":
            lines.append(f"end: {start + rng.randint(1, 3)}")
        lines.append(f"featured: {'true' if index < 3 else 'false'}")
        lines.append(f"themes: [{', '.join(rng.sample(THEMES, rng.randint(1, 2)))}]")
        lines.append("partners:")
        for partner_id in rng.sample(partner_ids, min(len(partner_ids), rng.randint(2, 5))):
            if rng.random() < 0.5:
                role = _pick(rng, phrases.ROLES)
                lines += [f"  - id: {partner_id}", "    role:", f"      fr: {role[0]}", f"      en: {role[1]}"]
            else:
                lines.append(f"  - {partner_id}")
        if rng.random() < 0.5:
            lines += ["links:", "  - title:", "      fr: Site du projet", "      en: Project website",
                      f"    url: https://projects.example.org/{project_id}"]
        if programme_ids and rng.random() < 0.6:
            lines.append(f"programme: {rng.choice(programme_ids)}")
        files[project_id] = "\n".join(lines) + "\n"
    return files


def _news_files(rng: random.Random, count: int, project_ids: list[str], partner_ids: list[str]) -> dict[str, str]:
    files = {}
    for index in range(count):
        date = _date(rng)
        subject, verb, obj = (_pick(rng, bank) for bank in (phrases.SUBJECTS, phrases.VERBS, phrases.OBJECTS))
        title = (f"{subject[0]} {verb[0]} {obj[0]}", f"{subject[1]} {verb[1]} {obj[1]}")
        news_id = f"{date}-{slugify(obj[0], 30)}-{index}"
        lines = [f"date: {date}", _translated("title", title),
                 _translated("slug", (f"{slugify(title[0])}-{index}", f"{slugify(title[1])}-{index}")),
                 _translated("summary", _sentence(rng), "folded"),
                 _translated("body", _markdown(rng, rng.randint(1, 3)), "literal")]
        projects = rng.sample(project_ids, min(len(project_ids), rng.choice((0, 0, 1, 1, 2))))
        if projects:
            lines += ["projects:"] + [f"  - {p}" for p in projects]
        partners = rng.sample(partner_ids, min(len(partner_ids), rng.choice((0, 1, 2, 3))))
        if partners:
            lines += ["partners:"] + [f"  - {p}" for p in partners]
        if rng.random() < 0.3:
            lines += ["source:", "  name: UdeMNouvelles", f"  url: https://nouvelles.example.org/{index}"]
        files[news_id] = "\n".join(lines) + "\n"
    return files


def write_data(data_dir: Path, n: int, seed: int = 8) -> Counts:
    """Write the data set of size `n` into `data_dir` (created; must not exist)."""
    rng = random.Random(seed)
    counts = Counts.for_size(n)
    data_dir.mkdir(parents=True)
    for name in ("site.yml", "themes.yml"):
        shutil.copy2(PROJECT_DIR / "data" / name, data_dir / name)
    # The identity's logo (and any typeface) that site.yml names, beside the data as in the project.
    if (PROJECT_DIR / "assets").is_dir() and not (data_dir.parent / "assets").exists():
        shutil.copytree(PROJECT_DIR / "assets", data_dir.parent / "assets")
    if (PROJECT_DIR / "data" / "schemas").is_dir():
        shutil.copytree(PROJECT_DIR / "data" / "schemas", data_dir / "schemas")
    programmes = _programme_files(rng, counts.programmes)
    partners = _partner_files(rng, counts.partners)
    projects = _project_files(rng, counts.projects, sorted(partners), sorted(programmes))
    news = _news_files(rng, counts.news, sorted(projects), sorted(partners))
    for folder, files in (("programmes", programmes), ("partners", partners), ("projects", projects), ("news", news)):
        (data_dir / folder).mkdir()
        for record_id, text in files.items():
            # As `make new-*` writes them: the schema line that editors' tools read.
            header = f"# yaml-language-server: $schema=../schemas/{folder}.schema.json\n"
            (data_dir / folder / f"{record_id}.yml").write_text(header + text, encoding="utf-8")
    return counts
