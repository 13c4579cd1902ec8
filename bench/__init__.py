"""Benchmarks of the site build (`make bench`, `make profile`) and of single stages (loader, Markdown); see bench/__main__.py."""
