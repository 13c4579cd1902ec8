"""What the data and the pages may hold: safe addresses, characters, files, and the
last pass over every finished page (Content-Security-Policy, external links).
Imports: the standard library and csn.data's problems only.
"""
