"""Continuous integration: GitHub annotations on the lines of a pull request, the job
summary in Markdown, and the diff of two built sites page by page.
Imports: csn.data, csn.editors; never a host.
"""
