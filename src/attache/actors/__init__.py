"""Actor knowledge base: who is who on a date (states, organisations, groups, people)."""

from attache.actors.coref import ArticleActors
from attache.actors.entity import ActorEntity
from attache.actors.kb import ActorKB, Mention

__all__ = ["ActorKB", "ArticleActors", "ActorEntity", "Mention"]
