"""Full-text search over claims, statements, articles and speakers. The only code that
imports whoosh: analysis (Persian folding), the index, indexing and querying."""
