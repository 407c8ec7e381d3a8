"""factory_boy factories of the learning app, one module per feature."""
