"""The MkDocs 1.x host (MkDocs or its drop-in fork ProperDocs, with Material and
mkdocs-static-i18n): hooks.py receives MkDocs' events, the rest adapts the data
layer's plan to Material's templates, search and `mkdocs serve`.
Imports: any csn stage, mkdocs, material, mkdocs_static_i18n.
"""
