"""Editors' tools: scaffolding of new records, the translations report, the guides'
field tables, JSON Schemas export and check, the YAML syntax check, and the check
that everything generated from the schema is up to date.
Imports: csn.data (and csn.site for slugs); never a host.
"""
