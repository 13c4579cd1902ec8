"""Stage 2, the site's structure: the plan of pages (which page, which language, which URL, its
twin), the news archive's listings, the interface strings of both languages (strings/*.yml), the
links between pages, the error page, and which pages a preview edit touches.
Imports: csn.data; never a later stage nor a host.
"""
