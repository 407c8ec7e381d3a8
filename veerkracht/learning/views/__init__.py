"""Pages of the learning app, one module per feature."""
