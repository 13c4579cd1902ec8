"""Pictures drawn from the data: the partner map and the projects' timeline (SVG).
Labels come in as the page language's `t` function (csn.site.strings), so nothing here depends on
the site's structure.
Imports: csn.data; never a host.
"""
