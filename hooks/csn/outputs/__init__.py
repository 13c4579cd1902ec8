"""Stage 3, what the site publishes besides its pages: Atom feeds, sitemaps, open data (JSON,
CSV), structured data (JSON-LD), what each page tells search engines, the link-preview cards.
Imports: csn.data and csn.site; never a host.
"""
