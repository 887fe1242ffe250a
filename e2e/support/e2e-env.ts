/**
 * Where one Playwright run lives. E2E_PORT picks the portal's port; the test mail server and the data folder follow
 * from it, so several runs can go side by side on one machine.
 */
export const PORT = Number(process.env.E2E_PORT ?? 3100)
export const SMTP_PORT = PORT + 10
export const SINK_HTTP_PORT = PORT + 11
export const SINK_HTTP = `http://127.0.0.1:${SINK_HTTP_PORT}`
export const E2E_DIR = `./data/e2e-${PORT}`
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? `file:${E2E_DIR}/portaal.db`
