"""The description as plain text in the portal, rich text (paragraphs and lists) on the page.

Providers write in a plain text box that works without JavaScript: a blank line starts a
new paragraph, lines starting with "- " make a bulleted list and lines starting with
"1. " a numbered list. Everything they type is escaped; only <p>, <ul>, <ol> and <li>
are produced, all within the listing's rich text feature set."""

import re
from html import escape
from html.parser import HTMLParser
from itertools import groupby

_BULLET = re.compile(r"^[-*•]\s+")
_NUMBER = re.compile(r"^\d{1,3}[.)]\s+")


def _blocks(text: str) -> list[list[str]]:
    blocks, current = [], []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = " ".join(raw.split())
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _kind(line: str) -> tuple[str, str]:
    """("ul" | "ol" | "p", the line without its bullet or number)."""
    for pattern, tag in ((_BULLET, "ul"), (_NUMBER, "ol")):
        item = pattern.sub("", line, count=1)
        if item != line and item:
            return tag, item
    return "p", line


def text_to_html(text: str) -> str:
    """Within a block, a run of "- " lines is a list even straight after a line of
    prose ("What we do:"), and a run of other lines is one paragraph."""
    parts = []
    for lines in _blocks(text):
        for tag, run in groupby((_kind(line) for line in lines), key=lambda pair: pair[0]):
            texts = [escape(item, quote=False) for _tag, item in run]
            if tag == "p":
                parts.append(f"<p>{' '.join(texts)}</p>")
            else:
                parts.append(f"<{tag}>" + "".join(f"<li>{t}</li>" for t in texts) + f"</{tag}>")
    return "".join(parts)


class _TextParser(HTMLParser):
    BLOCKS = {"p", "li", "h2", "h3", "h4", "blockquote", "div"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        # (group, kind, text): kind is "p", "ul" or "ol"; items of one list share a group
        self.blocks: list[tuple[int, str, str]] = []
        self.lists: list[tuple[str, int]] = []
        self.groups = 0
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("ul", "ol"):
            self._flush()
            self.groups += 1
            self.lists.append((tag, self.groups))
        elif tag in self.BLOCKS:
            self._flush()
        elif tag == "br":
            self.text.append(" ")

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self._flush()
        elif tag in ("ul", "ol") and self.lists:
            self._flush()
            self.lists.pop()

    def handle_data(self, data):
        self.text.append(data)

    def _flush(self):
        text = " ".join("".join(self.text).split())
        self.text = []
        if text:
            if self.lists:
                kind, group = self.lists[-1]
            else:
                self.groups += 1
                kind, group = "p", self.groups
            self.blocks.append((group, kind, text))


def html_to_text(html: str) -> str:
    parser = _TextParser()
    parser.feed(html or "")
    parser.close()
    parser._flush()
    out: list[str] = []
    previous = None
    number = 0
    for group, kind, text in parser.blocks:
        if group != previous:
            if out:
                out.append("")
            number = 0
        if kind == "ul":
            out.append(f"- {text}")
        elif kind == "ol":
            number += 1
            out.append(f"{number}. {text}")
        else:
            out.append(text)
        previous = group
    return "\n".join(out)
