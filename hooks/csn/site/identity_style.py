"""The identity's colours as the CSS custom properties Material's theme and the site's stylesheet read."""

from __future__ import annotations

from csn.data.contrast import mix, shade, tint
from csn.data.model import Identity


def identity_properties(identity: Identity) -> str:
    """`:root { … }` declarations, printed in a <style> of each page's head (hashed by its policy).

    The colours were checked by validation (#rrggbb, contrast): nothing here needs escaping."""
    primary, accent = identity.primary, identity.accent
    values = {
        "--md-primary-fg-color": primary,
        "--md-primary-fg-color--light": mix(primary, "#ffffff", 0.2),
        "--md-primary-fg-color--dark": shade(primary),
        "--md-primary-bg-color": "#ffffff",
        "--md-primary-bg-color--light": "#ffffffb3",
        "--md-accent-fg-color": accent,
        "--md-accent-fg-color--transparent": accent + "1a",
        "--md-accent-bg-color": "#ffffff",
        "--md-typeset-a-color": primary,
        "--csn-primary": primary,
        "--csn-primary-dark": shade(primary),
        "--csn-tint": tint(primary),
        "--csn-accent": accent,
        "--csn-accent-dark": shade(accent),
    }
    if identity.typeface:
        values["--csn-font"] = f'"{identity.typeface.name}", '
    return ":root{" + ";".join(f"{name}:{value}" for name, value in values.items()) + "}"
