"""Stage 1, the data: YAML files and the build's environment -> checked, typed model of the site.

schema.py is the one definition of every collection; yaml_loader.py reads a file into nodes that
keep their line; validate.py checks records against the schema (assets.py the images they point to,
addresses.py the addresses they may not take); load.py resolves references into model.py's records;
environment.py and site_url.py check SOURCE_DATE_EPOCH, CSN_TODAY and SITE_URL. Problems are errors.py's, each a message by code
(csn.messages); yaml_explain.py says a YAML syntax error in plain words.
Imports: the standard library, PyYAML, Babel, csn.messages and csn.security; nothing of a later stage.
"""
