#!/usr/bin/env bash
# Load test: gunicorn (2 workers, production settings) on loopback, then a bounded wrk run
# over random search URLs (real postcodes, with and without filters and keywords), then
# the home page with the same settings; prints both rates and their ratio.
#
#   DATABASE_URL=sqlite:////work/wt-search/var/bench.sqlite3 bash bench/load.sh
#
# Needs a seeded benchmark database (bench/seed.py) and wrk (apt-get install -y wrk).
# Options (environment): PORT (8777), DURATION (20s), THREADS (2), CONNECTIONS (16), URLS (500).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?set DATABASE_URL to the benchmark database}"
PORT=${PORT:-8777}
DURATION=${DURATION:-20s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
URLS=${URLS:-500}
WORK=var/load
mkdir -p "$WORK"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk"; exit 1; }

# Random search URLs from real postcodes (deterministic).
.venv/bin/python - "$URLS" > "$WORK/urls.txt" <<'PY'
import os, random, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
sys.path.insert(0, ".")
import django
django.setup()
from django.db import connection
rng = random.Random(11)
with connection.cursor() as cursor:
    cursor.execute("SELECT postcode FROM geography_postcode WHERE (district_code LIKE 'E%%' "
                   "OR district_code LIKE 'W%%') AND postcode LIKE %s", ["%5AB"])
    postcodes = [r[0] for r in cursor.fetchall()]
extras = ["", "&support=personal-care", "&pay=direct-payment&new=on", "&q=dementia",
          "&day=sat&time=evening&sort=price", "&distance=25&q=garden&sort=relevance",
          "&distance=3&audience=older-people"]
for _ in range(int(sys.argv[1])):
    pc = rng.choice(postcodes).replace(" ", "+")
    print(f"/find-support/?postcode={pc}&distance={rng.choice([3, 5, 10, 10, 25])}{rng.choice(extras)}")
PY

cat > "$WORK/urls.lua" <<'LUA'
local urls = {}
for line in io.lines("var/load/urls.txt") do urls[#urls + 1] = line end
local i = 0
request = function()
  i = i % #urls + 1
  return wrk.format("GET", urls[i])
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT requests=%d errors=%d non2xx=%d rps=%.1f p50=%.1fms p99=%.1fms\n",
    summary.requests, errors, summary.errors.status, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
LUA
sed 's/^request = .*//; /^local i = 0/,/^end$/d' "$WORK/urls.lua" > "$WORK/home.lua"

export DJANGO_SETTINGS_MODULE=config.settings.production
export SECRET_KEY="load-test-$(date +%s%N)-$RANDOM$RANDOM-not-a-real-secret-key-xxxxxxxx"
export ALLOWED_HOSTS=127.0.0.1 BASE_URL="http://127.0.0.1:$PORT" SECURE_SSL_REDIRECT=false SECURE_HSTS_SECONDS=0
# As in production: persistent connections and a shared cache (fresh keys for each run).
export DATABASE_CONN_MAX_AGE=60 REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/1} CACHE_KEY_PREFIX="load-$(date +%s)"
.venv/bin/python manage.py collectstatic --no-input -v0
.venv/bin/gunicorn config.wsgi:application --bind "127.0.0.1:$PORT" --workers 2 \
  --error-logfile "$WORK/error.log" --pid "$WORK/gunicorn.pid" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/robots.txt" && break; sleep 0.3; done
curl -fs -o /dev/null "http://127.0.0.1:$PORT/" && curl -fs -o /dev/null "http://127.0.0.1:$PORT$(head -1 "$WORK/urls.txt")"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
search=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$WORK/urls.lua" "http://127.0.0.1:$PORT" | grep RESULT)
home=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$WORK/home.lua" "http://127.0.0.1:$PORT/" | grep RESULT)
echo "search pages: $search"
echo "home page:    $home"
s=$(sed 's/.*rps=\([0-9.]*\).*/\1/' <<<"$search")
h=$(sed 's/.*rps=\([0-9.]*\).*/\1/' <<<"$home")
echo "search/home rate ratio: $(python3 -c "print(f'{$s / $h:.2f}')")"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
