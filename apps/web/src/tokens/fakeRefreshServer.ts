import type { SessionTokens } from '@opentill/domain';
import { REFRESH_URL } from './refreshRequest';

export type RefreshMode = 'ok' | 'ended' | 'rate-limited' | 'down';

interface Presented {
  refreshToken: string;
  signature?: string;
}

/**
 * Tests only: POST /api/v1/auth/refresh as the server keeps it (SPEC ID17). Each refresh token
 * is used once for the next pair (a used one is refused, 401 OT_ERR_SESSION_INVALID); with a
 * device key the signature over the current nonce must verify. `mode` plays the session ending,
 * the rate limit, or no answer at all. Answers carry a Date header `clockOffsetMs` off this
 * machine's clock, as a server with another time would. Used as a mocked fetch.
 */
export class FakeRefreshServer {
  mode: RefreshMode = 'ok';
  lifetimeSeconds = 900;
  /** The server's clock minus this machine's. */
  clockOffsetMs = 0;
  /** How long each answer takes: lets concurrent callers overlap. */
  delayMs = 0;
  readonly presented: Presented[] = [];
  private issued = 0;
  private live: { refreshToken: string; refreshNonce: string };

  constructor(
    first: { refreshToken: string; refreshNonce: string },
    private readonly publicKey?: CryptoKey,
  ) {
    this.live = first;
  }

  /** The access token the n-th refresh gave (from 1). */
  static tokenNumber(n: number): string {
    return `access-${n}`;
  }

  handles(url: string | URL | Request): boolean {
    return String(url).endsWith(REFRESH_URL);
  }

  readonly fetch = async (_url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const body = JSON.parse(String(init?.body)) as Presented;
    this.presented.push(body);
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.mode === 'down') throw new TypeError('Failed to fetch');
    if (this.mode === 'rate-limited') return this.error(429, 'OT_ERR_RATE_LIMITED');
    if (this.mode === 'ended' || body.refreshToken !== this.live.refreshToken) {
      return this.error(401, 'OT_ERR_SESSION_INVALID');
    }
    if (this.publicKey && !(await this.signedByDevice(body.signature)))
      return this.error(401, 'OT_ERR_SESSION_INVALID');
    this.issued += 1;
    const serverNow = Date.now() + this.clockOffsetMs;
    const tokens: SessionTokens = {
      token: FakeRefreshServer.tokenNumber(this.issued),
      tokenExpiresAt: new Date(serverNow + this.lifetimeSeconds * 1000).toISOString(),
      refreshToken: `${this.live.refreshToken.slice(0, 37)}${String(this.issued).padStart(43, 'R')}`,
      refreshNonce: `nonce-${this.issued}`,
    };
    this.live = tokens;
    return Response.json(tokens, { headers: { Date: new Date(serverNow).toUTCString() } });
  };

  private async signedByDevice(signature: string | undefined): Promise<boolean> {
    if (!signature || !this.publicKey) return false;
    const bytes = Uint8Array.from(atob(signature.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    return crypto.subtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      this.publicKey,
      bytes,
      new TextEncoder().encode(this.live.refreshNonce),
    );
  }

  private error(status: number, code: string): Response {
    return Response.json({ error: { code, message: code } }, { status });
  }
}
