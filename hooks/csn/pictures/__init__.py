"""Pictures: the images the data points to (checked, published), the partner map and
the projects' timeline drawn as SVG, and the link-preview cards.
Imports: csn.data and csn.security; never a host.
"""
