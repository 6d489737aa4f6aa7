import type { ChainLink } from '@opentill/domain';
import type { Executor } from '../db/client.js';
import { hasOpenAlert, insertAlert, resolveGap, salesAt, type ChainPlace } from './integrity.repository.js';

/**
 * Checks a newly stored sale's place in its device's chain and records what is
 * wrong (SPEC SY10): a missing predecessor is a gap (closed when it arrives), a
 * predecessor or successor whose hash does not link is a break, two sales at one
 * place are a fork. The sale itself is always kept: a sale is a fact.
 */
export async function checkChainLink(
  tx: Executor,
  sale: { id: string; tenantId: string; deviceId: string; chain: ChainLink },
  now: Date,
): Promise<void> {
  const { tenantId, deviceId, chain } = sale;
  const here: ChainPlace = { tenantId, deviceId, chainSeq: chain.seq };

  const twins = await salesAt(tx, here, sale.id);
  if (twins.length > 0) {
    await insertAlert(tx, here, 'fork', { saleIds: [sale.id, ...twins.map((twin) => twin.id)] });
  }

  if (chain.seq > 1) {
    const before: ChainPlace = { ...here, chainSeq: chain.seq - 1 };
    const [previous] = await salesAt(tx, before);
    if (!previous) {
      if (!(await hasOpenAlert(tx, before, 'gap'))) await insertAlert(tx, before, 'gap', { before: sale.id });
    } else if (previous.hash !== chain.previousHash) {
      await insertAlert(tx, here, 'break', { expected: previous.hash, got: chain.previousHash, saleId: sale.id });
    }
  }

  const [next] = await salesAt(tx, { ...here, chainSeq: chain.seq + 1 });
  if (next && next.previousHash !== chain.hash) {
    await insertAlert(tx, { ...here, chainSeq: chain.seq + 1 }, 'break', {
      expected: chain.hash,
      got: next.previousHash,
      saleId: next.id,
    });
  }
  await resolveGap(tx, here, now);
}
