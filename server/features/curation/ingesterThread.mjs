// A worker thread starts without the TypeScript loader the server runs under: register it, then load the thread.
import { register } from 'tsx/esm/api';

register();
await import('./ingesterThread.ts');
