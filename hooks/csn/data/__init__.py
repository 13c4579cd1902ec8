"""Stage 1, the data: YAML files -> checked, typed model of the site.

schema.py is the one definition of every collection; yaml_loader.py reads a file
into nodes that keep their line; validate.py checks records against the schema;
load.py resolves references into model.py's records. Problems are errors.py's.
Imports: the standard library, PyYAML, Babel, and csn.security (what data may hold).
"""
