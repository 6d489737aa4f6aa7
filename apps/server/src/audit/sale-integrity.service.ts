import type { ActorCheck, ChainLink } from '@opentill/domain';
import type { Executor } from '../db/client.js';
import { chainAround, insertAlerts, resolveGaps, type NewAlert } from './integrity.repository.js';

export interface StoredLink {
  id: string;
  chain: ChainLink;
}

/**
 * Checks the places of newly stored sales in their device's chain and records
 * what is wrong (SPEC SY10): a missing predecessor is a gap (closed when it
 * arrives), a predecessor or successor that does not link is a break, two sales
 * at one place are a fork. The sales themselves are always kept: a sale is a
 * fact. A constant number of queries per push, whatever its size.
 */
export async function checkChainLinks(
  tx: Executor,
  device: { tenantId: string; deviceId: string },
  stored: readonly StoredLink[],
  now: Date,
): Promise<void> {
  if (stored.length === 0) return;
  const places = new Set<number>();
  for (const { chain } of stored) for (const place of [chain.seq - 1, chain.seq, chain.seq + 1]) places.add(place);
  const around = await chainAround(
    tx,
    device.deviceId,
    [...places].filter((place) => place >= 1),
    stored.map(({ id }) => id),
  );
  const { openGaps } = around;
  const rows = [
    ...stored.map(({ id, chain }) => ({ id, chainSeq: chain.seq, hash: chain.hash, previousHash: chain.previousHash })),
    ...around.sales,
  ];
  const byPlace = new Map<number, typeof rows>();
  for (const row of rows) byPlace.set(row.chainSeq, [...(byPlace.get(row.chainSeq) ?? []), row]);

  const alerts = new Map<string, NewAlert>();
  const raise = (kind: NewAlert['kind'], chainSeq: number, details: Record<string, unknown>) =>
    alerts.set(`${kind}:${chainSeq}`, { ...device, kind, chainSeq, details });
  const missing: number[] = [];

  for (const { id, chain } of stored) {
    const here = byPlace.get(chain.seq) ?? [];
    if (here.length > 1) raise('fork', chain.seq, { saleIds: here.map((row) => row.id) });
    if (chain.seq > 1) {
      const previous = byPlace.get(chain.seq - 1) ?? [];
      if (previous.length === 0) missing.push(chain.seq - 1);
      else if (!previous.some((row) => row.hash === chain.previousHash)) {
        raise('break', chain.seq, { expected: previous.map((row) => row.hash), got: chain.previousHash, saleId: id });
      }
    }
    for (const next of byPlace.get(chain.seq + 1) ?? []) {
      if (next.previousHash !== chain.hash) {
        raise('break', chain.seq + 1, { expected: chain.hash, got: next.previousHash, saleId: next.id });
      }
    }
  }

  for (const place of missing) if (!openGaps.has(place)) raise('gap', place, {});
  await insertAlerts(tx, [...alerts.values()]);
  await resolveGaps(
    tx,
    device.deviceId,
    stored.flatMap(({ chain }) => (openGaps.has(chain.seq) ? [chain.seq] : [])),
    now,
  );
}

/**
 * Records an alert for each sale whose actor was disabled, or may not sell at
 * the device's branch, or whose device the owner had revoked, when the push
 * arrived (SPEC ID4, ID10): the sale is kept (the customer paid), and the owner
 * sees who and why.
 */
export async function flagUnauthorizedSales(
  tx: Executor,
  device: { tenantId: string; deviceId: string },
  sales: readonly {
    id: string;
    chainSeq: number;
    actorId: string;
    standing: Exclude<ActorCheck, 'allowed'> | 'device-revoked' | 'override-not-permitted';
  }[],
): Promise<void> {
  await insertAlerts(
    tx,
    sales.map(({ id, chainSeq, actorId, standing }) => ({
      ...device,
      kind: 'unauthorized',
      chainSeq,
      details: { saleId: id, actorId, reason: standing },
    })),
  );
}
