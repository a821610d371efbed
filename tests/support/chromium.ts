/**
 * Launches Debian's Chromium through playwright-core for the e2e tests and the benchmarks. We
 * never download a browser: the executable is `/usr/bin/chromium` (apt package `chromium`) or
 * `$PIZHU_CHROMIUM`. The flags keep a headless run off the network (this machine has none, and
 * Chromium's background services would otherwise retry connections), working as root, and free
 * of browser UI work that would compete with the page for the CPU.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  // Chromium 156's new headless mode builds its omnibox popup (a WebUI page of ~300 files) with
  // each new tab, on the same two cores as the page under test: ~200 ms of a 300k-character
  // document's open in the benchmarks. No Pizhu user has that popup (Electron has no omnibox).
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup',
];

export function chromiumPath(): string {
  const path = process.env.PIZHU_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install it with \`bash scripts/install-test-deps.sh\` ` +
        '(Debian: apt-get install chromium fonts-noto-cjk) or set PIZHU_CHROMIUM.',
    );
  }
  return path;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}
