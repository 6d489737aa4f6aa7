import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cents, formatRands } from '@opentill/domain';
import type { OversellPolicy } from '@opentill/domain';
import type { StaleEditConflict } from '../db';
import { keepServerVersion, resendMyVersion } from '../db/conflicts';
import { requestSync } from '../sync';
import { Button } from '../ui/Button';

const FIELDS = ['name', 'price', 'barcode', 'category', 'trackStock', 'oversellPolicy'] as const;
type ShownField = (typeof FIELDS)[number];

/** A product as either side has it; what the device sent may leave settings out. */
interface Shown {
  name: string;
  price: number;
  barcode?: string | null | undefined;
  category?: string | null | undefined;
  trackStock?: boolean | undefined;
  oversellPolicy?: OversellPolicy | null | undefined;
}

/**
 * One STALE_EDIT: the shop's version (kept by the server) beside this phone's,
 * field by field, with the two ways out. "Use my version" sends this phone's
 * fields again on the server's current version.
 */
export function ConflictItem({ opId, conflict }: { opId: string; conflict: StaleEditConflict }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const { server, device } = conflict;

  const show = (product: Shown, field: ShownField): string => {
    switch (field) {
      case 'price':
        return formatRands(cents(product.price));
      case 'trackStock':
        if (product.trackStock === undefined) return t('sync.screen.none');
        return product.trackStock ? t('sync.screen.yes') : t('sync.screen.no');
      case 'oversellPolicy':
        if (product.oversellPolicy === undefined) return t('sync.screen.none');
        return t(`stock.policies.${product.oversellPolicy ?? 'shop'}`);
      default:
        return product[field] || t('sync.screen.none');
    }
  };

  async function resolve(action: () => Promise<void>) {
    setBusy(true);
    try {
      await action();
      requestSync();
    } catch (error) {
      console.error('Conflict not resolved', error);
      setBusy(false);
    }
  }

  return (
    <article data-testid="conflict-item" className="rounded-xl bg-amber-50 p-3 ring-1 ring-amber-200">
      <p className="mb-2 text-sm font-medium text-amber-950">{t('sync.screen.conflictTitle', { name: server.name })}</p>
      <table className="w-full table-fixed text-left text-sm">
        <thead>
          <tr className="text-xs text-slate-500">
            <th className="w-1/4 font-medium" />
            <th className="font-medium">{t('sync.screen.shopVersion')}</th>
            <th className="font-medium">{t('sync.screen.myVersion')}</th>
          </tr>
        </thead>
        <tbody>
          {FIELDS.map((field) => {
            const theirs = server.deleted ? t('sync.screen.deletedByShop') : show(server, field);
            const mine = show(device, field);
            return (
              <tr key={field} className={theirs === mine ? 'text-slate-600' : 'font-semibold text-slate-900'}>
                <th scope="row" className="py-0.5 pr-1 text-xs font-medium text-slate-500">
                  {t(`sync.screen.fields.${field}`)}
                </th>
                <td data-testid={`conflict-server-${field}`} className="py-0.5 pr-1 break-words">
                  {theirs}
                </td>
                <td data-testid={`conflict-device-${field}`} className="py-0.5 break-words">
                  {mine}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="mt-3 grid grid-cols-2 gap-2">
        <Button
          variant="secondary"
          disabled={busy}
          onClick={() => void resolve(() => keepServerVersion(opId))}
          data-testid="conflict-keep-server"
          className="px-2 text-sm"
        >
          {t('sync.screen.keepServer')}
        </Button>
        <Button
          disabled={busy}
          onClick={() => void resolve(() => resendMyVersion(opId))}
          data-testid="conflict-use-mine"
          className="px-2 text-sm"
        >
          {t('sync.screen.useMine')}
        </Button>
      </div>
    </article>
  );
}
