"""Sveltia CMS's local-clone mode in Chromium, without a real folder (the browser tests, the guides' pictures): the browser's private file system stands in.

The CMS asks for the clone's folder with showDirectoryPicker(); the page is given one that answers with a
folder of the origin's private file system, filled beforehand with a copy of data/ (and the `.git` folder
the CMS looks for). What the CMS writes is read back from there.
"""

from __future__ import annotations

from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent

CLONE = "clone"
PICK_THE_CLONE = f"""
window.showDirectoryPicker = async () =>
  (await navigator.storage.getDirectory()).getDirectoryHandle("{CLONE}", {{create: true}});
"""
WRITE_CLONE = """async ([name, files]) => {
  const root = await navigator.storage.getDirectory();
  await root.removeEntry(name, {recursive: true}).catch(() => {});
  const clone = await root.getDirectoryHandle(name, {create: true});
  await clone.getDirectoryHandle('.git', {create: true});
  for (const [path, text] of Object.entries(files)) {
    let folder = clone;
    const parts = path.split('/');
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, {create: true});
    const writer = await (await folder.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await writer.write(text);
    await writer.close();
  }
}"""
READ_CLONE = """async ([name, path]) => {
  let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle(name);
  const parts = path.split('/');
  for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part);
  return await (await (await folder.getFileHandle(parts.at(-1))).getFile()).text();
}"""
# The text of a file of the clone (its size in bytes when asked), or null when there is none.
READ_CLONE_IF_ANY = """async ([name, path, size]) => {
  try {
    let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle(name);
    const parts = path.split('/');
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part);
    const file = await (await folder.getFileHandle(parts.at(-1))).getFile();
    return size ? file.size : await file.text();
  } catch (error) {
    if (error.name === 'NotFoundError') return null;
    throw error;
  }
}"""

# The bytes of a file of the clone, in base64 (an image the CMS saved).
READ_CLONE_BASE64 = """async ([name, path]) => {
  let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle(name);
  const parts = path.split('/');
  for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part);
  const bytes = new Uint8Array(await (await (await folder.getFileHandle(parts.at(-1))).getFile()).arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}"""


def clone_files(content_dir: Path = PROJECT_DIR) -> dict[str, str]:
    """The clone's files: every YAML file of `content_dir`/data/ (the tests: the fixture's), by path from it."""
    return {path.relative_to(content_dir).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted((content_dir / "data").rglob("*.yml"))}


LOCAL_CLONE_BUTTON = {"fr": "Travailler avec un dépôt local", "en": "Work with Local Repository"}


def show_local_clone(page, admin_url: str, files: dict[str, str]) -> None:
    """Open /admin/ (`admin_url`) on `page` and fill the clone: the sign-in screen shows. The page's context
    answers showDirectoryPicker() with the clone from then on."""
    page.context.add_init_script(PICK_THE_CLONE)
    page.goto(admin_url)
    page.evaluate(WRITE_CLONE, [CLONE, files])
    page.reload()


def open_local_clone(page, admin_url: str, files: dict[str, str], lang: str = "fr") -> None:
    """Open /admin/ in a browser speaking `lang`, fill the clone and pick it: the collections show."""
    show_local_clone(page, admin_url, files)
    page.get_by_role("button", name=LOCAL_CLONE_BUTTON[lang]).click()
    page.get_by_text("Collections").first.wait_for()
