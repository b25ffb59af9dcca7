// Debian's Chromium and its flags, for the Playwright config and the screenshot helper (CommonJS, so both the
// TypeScript config and a plain `node` script can load it).

/** Debian's Chromium (no `playwright install` here); override with CHROMIUM_PATH. */
exports.CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

exports.CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];
