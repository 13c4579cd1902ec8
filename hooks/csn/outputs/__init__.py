"""Stage 3, the outputs besides pages: Atom feeds, sitemaps, open data (JSON, CSV),
structured data (JSON-LD) and what each page tells search engines.
Imports: csn.data and csn.site; never a host.
"""
