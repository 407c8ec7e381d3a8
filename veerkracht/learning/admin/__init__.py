"""The back office (/beheer/) for the learning app, one module per feature."""
