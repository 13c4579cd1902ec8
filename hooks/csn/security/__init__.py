"""What text and pages may hold: safe addresses and characters (used by the data's checks), and the
last pass over every finished page (Content-Security-Policy, external links).
Imports: the standard library and csn.messages (the editors' messages, by code).
"""
