"""The entry type of the browser stage's page list, and where it signs in."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class BrowserPage:
    name: str
    path: str
    steps: tuple = field(default_factory=tuple)
    status: int = 200  # of the first response
    expect: str = ""  # text the page must show once the steps have run (proves the state)


LOGIN_PATH = "/manage/sign-in/"
