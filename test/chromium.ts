import fs from 'node:fs';

/** Debian's Chromium, which .ci/run installs: the tests that open a page in it are skipped without it. */
export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = fs.existsSync(CHROMIUM);
export const SKIPPED_WITHOUT_CHROMIUM = HAS_CHROMIUM ? '' : ` (skipped: ${CHROMIUM} is not installed; .ci/run installs Debian's chromium)`;
/** Headless, no GPU, nothing fetched from the network on its own. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
