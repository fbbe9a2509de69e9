"""The generated pages: item pages and overviews made from the loaded site, and the views templates display."""
