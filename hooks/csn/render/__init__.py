"""Stage 4, one language's build: the plan's pages rendered with their page kind's template
(overrides/csn/), and the files written beside them (feeds, sitemaps, open data, robots.txt).
The checked data is kept on the run's memory between languages and preview rebuilds.
Imports: csn.data, csn.site, csn.outputs, csn.pictures, Jinja2; never a host.
"""
