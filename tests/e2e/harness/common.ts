import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserName, RecordedRequest, RouteHandler, RouteMatcher, RouteResponse } from './types';

export const DEFAULT_TIMEOUT_MS = 15_000;

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

export async function waitFor(
  fn: () => boolean | Promise<boolean>,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  message = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    try {
      if (await fn()) return;
      lastError = null;
    } catch (error) {
      // A navigation in progress destroys the execution context: that is "not yet", not a failure.
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`waitFor timed out after ${timeoutMs} ms: ${message}${cause}`);
    }
    await sleep(50);
  }
}

export function extensionDir(name: BrowserName, outDir?: string): string {
  const base = resolve(outDir ?? process.env.SESAME_OUT_DIR ?? '.output');
  const dir = join(base, name === 'chromium' ? 'chrome-mv3' : 'firefox-mv2');
  if (!existsSync(join(dir, 'manifest.json'))) {
    const build = name === 'chromium' ? 'npx wxt build' : 'npx wxt build -b firefox';
    throw new Error(
      `No built extension in ${dir}. Build it first: ${
        process.env.SESAME_OUT_DIR ? `SESAME_OUT_DIR=${process.env.SESAME_OUT_DIR} ` : ''
      }${build}`,
    );
  }
  return dir;
}

export function readManifest(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

export function makeProfileDir(name: BrowserName): string {
  return mkdtempSync(join(tmpdir(), `sesame-e2e-${name}-`));
}

export function removeDir(dir: string): void {
  // Firefox may still hold lock files for a moment after exit; retry instead of leaking the profile.
  rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}

const INTERNAL_SCHEMES = ['data:', 'blob:', 'about:', 'chrome-extension:', 'moz-extension:', 'chrome:'];

export function isInternalUrl(url: string): boolean {
  return INTERNAL_SCHEMES.some((scheme) => url.startsWith(scheme));
}

/** Routes and the request log, shared by both drivers. */
export class RouteTable {
  readonly requests: RecordedRequest[] = [];
  private readonly routes: { match: RouteMatcher; handler: RouteHandler }[] = [];

  add(match: RouteMatcher, handler: RouteHandler): void {
    this.routes.push({ match, handler });
  }

  find(url: string): RouteHandler | null {
    for (let i = this.routes.length - 1; i >= 0; i--) {
      const route = this.routes[i];
      if (!route) continue;
      const hit = typeof route.match === 'string' ? url.startsWith(route.match) : route.match(url);
      if (hit) return route.handler;
    }
    return null;
  }

  record(entry: RecordedRequest): void {
    this.requests.push(entry);
  }
}

export interface NormalisedResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
  contentType: string;
}

export function normaliseResponse(response: RouteResponse): NormalisedResponse {
  const contentType = response.contentType ?? 'text/html; charset=utf-8';
  return {
    status: response.status ?? 200,
    headers: { 'content-type': contentType, ...(response.headers ?? {}) },
    body: response.body,
    contentType,
  };
}

export function extensionQuery(query?: string | Record<string, string>): string {
  if (query === undefined) return '';
  const text = typeof query === 'string' ? query.replace(/^\?/, '') : new URLSearchParams(query).toString();
  return text.length > 0 ? `?${text}` : '';
}
