"""Clean stage: publisher boilerplate out, before anything else sees the text."""

from __future__ import annotations

from attache.records import Article, CleanArticle


def clean_article(article: Article) -> CleanArticle:
    return CleanArticle(article=article, text=article.text, removed=[])
