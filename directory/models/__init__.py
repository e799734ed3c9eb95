from .index import ListingCouncil, ListingIndex
from .page import DirectoryPage

__all__ = ["DirectoryPage", "ListingCouncil", "ListingIndex"]
