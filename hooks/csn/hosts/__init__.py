"""The site generators the data layer runs in. Only this package imports MkDocs,
Material or mkdocs-static-i18n (a ruff rule in pyproject.toml enforces it): moving to
another generator means writing one more host beside mkdocs/.
"""
