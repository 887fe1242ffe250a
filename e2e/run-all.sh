#!/usr/bin/env bash
# `npm test`: every test. Type check, lint and formatting, unit and integration tests (Vitest), a production build,
# and the Playwright journeys in Debian's Chromium. Stops at the first failing stage.
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Chromium ontbreekt; installeren met apt-get (pakket: chromium)…"
    (apt-get install -y chromium >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y chromium >/dev/null))
  fi
  if [ ! -x "$CHROMIUM" ]; then
    echo "De browsertests hebben Chromium nodig. Installeer het Debian-pakket 'chromium' (apt-get install -y chromium) of zet CHROMIUM_PATH." >&2
    exit 1
  fi
fi

rm -rf test-results && mkdir -p test-results
echo "== Prisma-clients genereren"; npm run --silent db:generate
echo "== Migraties en PostgreSQL-schema controleren"; npx tsx prisma/migrate.ts check
echo "== Typecontrole"; npx tsc --noEmit
echo "== Lint en opmaak"; npx eslint . && npx prettier --check . --log-level warn
echo "== Unit- en integratietests (${TEST_DATABASE_URL:+PostgreSQL}${TEST_DATABASE_URL:-SQLite})"; npx vitest run --config e2e/vitest.config.ts
echo "== Productiebuild en browsertests (Playwright, Chromium)"; bash e2e/run-e2e.sh
node e2e/support/summary.mjs
