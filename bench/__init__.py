"""The build benchmark: synthetic content, the bare MkDocs + Material floor, and the measuring harness."""
