"""Instructions per request, counted by valgrind: a figure that does not move with the host.

    DATABASE_URL=sqlite:////work/main/var/bench.sqlite3 .venv/bin/python bench/instructions.py \
        "/find-support/?postcode=SO18+1ZA&distance=10" "/"

Timings on this shared virtual machine have varied by 2x from one hour to the next;
callgrind's instruction count for the same code and data repeats to within 0.1%, so it
is the figure to compare two versions of the code by (an A/B), and the timings in
bench/search.py and bench/api.py the ones to judge targets by. Needs valgrind (on every
machine here). Each URL goes through the Django test client: warmed up untimed, then
requested `--rounds` and 2 x `--rounds` times in two runs under callgrind with counting
switched on only around those requests; the difference between the runs, divided by
`--rounds`, leaves out what switching the counting on costs. About a minute a URL."""

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args()


def child(urls, rounds):
    """Inside valgrind: warm up, switch counting on, make the requests."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.test import Client

    client = Client()
    for url in urls:
        for _ in range(5):
            assert client.get(url).status_code == 200, url
    switch = [shutil.which("callgrind_control"), "-i", "on", str(os.getpid())]
    subprocess.run(switch, capture_output=True, check=True)  # noqa: S603 (our own arguments)
    for url in urls:
        for _ in range(rounds):
            client.get(url)


def counted(url, rounds) -> int:
    run = subprocess.run(  # noqa: S603 (the URL is the developer's own argument)
        [
            shutil.which("valgrind") or "valgrind",
            "--tool=callgrind",
            "--instr-atstart=no",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            __file__,
            "--child",
            "--rounds",
            str(rounds),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(re.search(r"Collected : (\d+)", run.stderr).group(1))


def main():
    args = parse_args()
    if args.child:
        child(args.urls, args.rounds)
        return
    print(f"{'URL':70} {'instructions per request':>26}")
    for url in args.urls:
        once, twice = counted(url, args.rounds), counted(url, 2 * args.rounds)
        print(f"{url:70} {(twice - once) / args.rounds / 1e6:24.1f} M")


if __name__ == "__main__":
    main()
