"""Text helpers any app may use."""

import unicodedata


def one_line(text: str) -> str:
    """`text` as one line: each run of whitespace, line breaks included, becomes one space
    and the ends are trimmed; other control characters (invisible, never meant) are
    dropped. For what must stay on one line, such as a name or an email subject (a mail
    header may not hold a line break)."""
    kept = "".join(c for c in text if c.isspace() or unicodedata.category(c) != "Cc")
    return " ".join(kept.split())
