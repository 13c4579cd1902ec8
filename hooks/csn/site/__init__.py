"""Stage 2, the site: the plan of pages (which page, which language, which URL, its
twin) and the rendering of each page kind's body with its template (overrides/csn/).
Also the interface strings of both languages (strings/*.yml).
Imports: csn.data, csn.security, csn.pictures, csn.outputs' helpers, Jinja2; never a host.
"""
