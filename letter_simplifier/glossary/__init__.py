"""The glossary: term files under `glossary/` and the matcher that finds them."""

from .matcher import GlossaryMatcher
from .store import Glossary, GlossaryEntry, load_glossary

__all__ = ["Glossary", "GlossaryEntry", "GlossaryMatcher", "load_glossary"]
