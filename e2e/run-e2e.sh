#!/usr/bin/env bash
# `npm run test:e2e [-- playwright args]`: a production build, then the Playwright journeys in Chromium.
# E2E_PORT and PORTAAL_BUILD_DIR let several runs go side by side.
set -euo pipefail
cd "$(dirname "$0")/.."
npx remix build >/dev/null
exec npx playwright test --config e2e/playwright.config.ts "$@"
