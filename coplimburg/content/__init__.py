"""Content: the collection declarations, the models, reading and validating every file into one Site."""
