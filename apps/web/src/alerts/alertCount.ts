import type { Alerts } from '@opentill/domain';

/** How many things the banner names: security events newer than the last one seen, and every open flagged sale. */
export function unseenCount(alerts: Alerts, seenSeq: number): number {
  return alerts.security.filter((entry) => entry.seq > seenSeq).length + alerts.flaggedSales.length;
}

/** The newest security event's number, to remember as seen. */
export function newestSeq(alerts: Alerts, seenSeq: number): number {
  return Math.max(seenSeq, ...alerts.security.map((entry) => entry.seq));
}
