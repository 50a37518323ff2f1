import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_INSTALL_HINT, CHROMIUM_PATH } from './chromium.ts';

/** Debian's Chromium, headless; a clear message instead of a stack when it is missing. */
export async function launchChromium(): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  } catch (error) {
    throw new Error(`Cannot start Chromium: ${CHROMIUM_INSTALL_HINT}\n${(error as Error).message}`);
  }
}
