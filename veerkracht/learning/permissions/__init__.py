"""Who may see and change what in the learning app, one module per feature: lookups 404 what is not theirs."""
