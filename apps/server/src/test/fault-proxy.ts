/**
 * A fault-injecting HTTP proxy on 127.0.0.1 for integration tests: it forwards
 * each request to the real server, or fails it the way real mobile networks do.
 */
import { createServer, request as forward, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  /** Forward and answer normally. */
  | 'none'
  /** Cut the connection before forwarding: the server never sees the request. */
  | 'drop'
  /** Forward the request twice; the client gets the second answer. */
  | 'duplicate'
  /** Forward, start sending the answer, then reset the connection halfway. */
  | 'reset-mid-response'
  /** Hold the request a while before forwarding. */
  | 'delay'
  /** Forward and let the server commit, then cut the connection: the answer is lost. */
  | 'commit-then-lose';

interface Upstream {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

function send(target: URL, method: string, path: string, headers: IncomingMessage['headers'], body: Buffer) {
  return new Promise<Upstream>((resolve, reject) => {
    const outgoing = forward(
      { host: target.hostname, port: target.port, method, path, headers: { ...headers, host: target.host } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

export interface FaultProxy {
  url: string;
  /** Counts of what the proxy did, by fault. */
  readonly seen: Map<Fault, number>;
  close(): Promise<void>;
}

/** Starts the proxy; `nextFault` picks the fault for each request. */
export async function startFaultProxy(targetUrl: string, nextFault: () => Fault, delayMs = 150): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  const seen = new Map<Fault, number>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const fault = nextFault();
      seen.set(fault, (seen.get(fault) ?? 0) + 1);
      const body = Buffer.concat(chunks);
      const method = request.method ?? 'GET';
      const path = request.url ?? '/';
      try {
        if (fault === 'drop') return void request.socket.destroy();
        if (fault === 'delay') await new Promise((resolve) => setTimeout(resolve, delayMs));
        let upstream = await send(target, method, path, request.headers, body);
        if (fault === 'duplicate') upstream = await send(target, method, path, request.headers, body);
        if (fault === 'commit-then-lose') return void request.socket.destroy();
        const headers = { ...upstream.headers, 'content-length': String(upstream.body.length) };
        response.writeHead(upstream.status, headers);
        if (fault === 'reset-mid-response') {
          response.write(upstream.body.subarray(0, Math.floor(upstream.body.length / 2)));
          setTimeout(() => request.socket.destroy(), 5);
          return;
        }
        response.end(upstream.body);
      } catch {
        request.socket.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
