import type { InboxItem } from '../db';
import { ConflictItem } from './ConflictItem';
import { OversellItem } from './OversellItem';
import { RefundExceedsItem } from './RefundExceedsItem';
import { RefusedSaleItem } from './RefusedSaleItem';

/** One Conflicts inbox item, shown by its kind. */
export function InboxEntry({ item }: { item: InboxItem }) {
  switch (item.kind) {
    case 'STALE_EDIT':
      return <ConflictItem opId={item.opId} conflict={item.conflict} />;
    case 'OUT_OF_STOCK':
      return <RefusedSaleItem opId={item.opId} conflict={item.conflict} sale={item.sale} />;
    case 'REFUND_EXCEEDS_SALE':
      return <RefundExceedsItem opId={item.opId} conflict={item.conflict} names={item.names} />;
    case 'OVERSELL':
      return <OversellItem exception={item.exception} shownStock={item.shownStock} />;
  }
}

/** A key that stays the same for an item across refreshes of the inbox. */
export function inboxKey(item: InboxItem): string {
  return item.kind === 'OVERSELL' ? `exception:${item.exception.id}` : `conflict:${item.opId}`;
}
