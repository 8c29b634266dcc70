"""Full-text search over claims, statements, articles and speakers, on Whoosh or PostgreSQL
(backends/, chosen by FACTCHECK_SEARCH_BACKEND). The only code that imports whoosh:
analysis (Persian folding), documents, index, sync, the query executor and results."""
