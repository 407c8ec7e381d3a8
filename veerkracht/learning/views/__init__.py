"""The learning app's views, one module per feature."""
