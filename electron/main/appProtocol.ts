import { protocol } from 'electron';
import { answerAppRequest } from './appFiles';
import { APP_SCHEME } from './trust';

/**
 * app:// as a real origin for the built renderer. Before 'ready' (Electron allows it only then):
 * standard (relative URLs, storage, an origin of its own), secure (a secure context), fetch and the
 * V8 code cache. Not corsEnabled, so no other origin can read it; not bypassCSP.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves app:// from the built renderer folder only, every answer with the page's CSP (after 'ready'). */
export function serveAppFiles(rendererRoot: string, csp: string): void {
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(request, rendererRoot, csp));
}
