"""Per-article actor memory (placeholder, replaced below)."""
class ArticleActors:  # noqa: D101
    pass
