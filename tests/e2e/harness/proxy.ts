import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A recording proxy on 127.0.0.1 that forwards nothing (issue 11, promise 6). Each browser is
 * started with it as its proxy for every address but the loopback, so any request to the outside
 * world, from any context of the browser (pages, extension pages, the background service worker or
 * event page, content scripts), arrives here, is written down and is answered 502. The harness
 * fails a test when this list is not empty. Page-level request events alone would miss requests
 * from the extension's background in Firefox.
 */
export interface RecordingProxy {
  /** host:port of the proxy. */
  address: string;
  port: number;
  /** Every request the browsers tried to send out: "GET http://host/path" or "CONNECT host:443". */
  requests: string[];
  close: () => Promise<void>;
}

export async function startRecordingProxy(): Promise<RecordingProxy> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(502, { 'content-type': 'text/plain', connection: 'close' }).end('blocked by the Sift test proxy');
  });
  // HTTPS goes through CONNECT: record the host and refuse the tunnel.
  server.on('connect', (req, socket: Socket) => {
    requests.push(`CONNECT ${req.url}`);
    socket.on('error', () => {});
    socket.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
