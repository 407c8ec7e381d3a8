"""The learning app's admin, one module per feature."""
