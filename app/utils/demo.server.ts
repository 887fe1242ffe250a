/**
 * A fixed TOTP secret for the demo staff accounts, so the demo's /dev/totp page and the browser tests can produce
 * the current code. Only the demo seed uses it; production accounts get their own secret when they set up the app.
 */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
