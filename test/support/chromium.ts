/** Debian's Chromium, driven by playwright-core (its own browser downloads cannot work here). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_INSTALL_HINT = `no Chromium at ${CHROMIUM_PATH}; install it with "apt-get install -y chromium" (or set CHROMIUM_PATH)`;
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
