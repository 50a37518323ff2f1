import { App } from './app.ts';
import type { AtlasHook } from './hook.ts';
import './style.css';

declare global {
  interface Window {
    /** For tests and the benchmark: the canvas, a promise for the first load, and draw timings. */
    __atlas?: AtlasHook;
  }
}

function start() {
  try {
    const app = new App();
    window.__atlas = app.hook;
    void app.load();
  } catch (error) {
    // Never a blank page: say what failed in the status line.
    const status = document.getElementById('status-text');
    if (status) status.textContent = `The explorer could not start: ${(error as Error).message}`;
  }
}

start();
