import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

/** Serves tests/fixtures on 127.0.0.1 (a random port), as real pages for the real browsers. */
export interface FixtureServer {
  origin: string;
  url: (fixture: string) => string;
  /**
   * Requests for /__pwned__/…: what a hostile fixture's payload asks for if it ever runs as HTML
   * (tests/fixtures/security-xss). Pages written for that say __FIXTURE_ORIGIN__ for this origin.
   */
  pwned: string[];
  close: () => Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

export async function startFixtureServer(root: string, generated: Record<string, string> = {}): Promise<FixtureServer> {
  const pwned: string[] = [];
  let origin = '';
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (url.pathname.startsWith('/__pwned__/')) {
      pwned.push(url.pathname.slice('/__pwned__/'.length));
      res.writeHead(404).end();
      return;
    }
    let rel = decodeURIComponent(url.pathname).replace(/^\/+/, '');
    if (rel === '' || rel.endsWith('/')) rel += 'page.html';
    if (rel in generated) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(generated[rel]);
      return;
    }
    const file = path.resolve(root, rel);
    if (!file.startsWith(path.resolve(root) + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let body = await readFile(file);
      if (file.endsWith('.html') && body.includes('__FIXTURE_ORIGIN__')) body = Buffer.from(body.toString('utf8').replaceAll('__FIXTURE_ORIGIN__', origin));
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      // `?hold=MS` sends the page's first part at once and the rest MS later: a page still loading.
      const hold = Math.min(Number(url.searchParams.get('hold')) || 0, 10_000);
      if (hold > 0) {
        const cut = Math.floor(body.length / 2);
        res.write(body.subarray(0, cut));
        setTimeout(() => res.end(body.subarray(cut)), hold);
        return;
      }
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    pwned,
    url: (fixture) => `${origin}/${fixture.replace(/^\/+/, '')}${fixture.includes('.') ? '' : '/'}`,
    close: () =>
      new Promise((resolve) => {
        // Browsers keep sockets alive; without this, close() waits for them (recipe §9.6).
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
