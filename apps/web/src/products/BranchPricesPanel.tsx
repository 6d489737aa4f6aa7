import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { cents, formatRands, parseRands } from '@opentill/domain';
import type { ApiFailure } from '../api/tokenRequest';
import type { LocalProduct } from '../db';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { useOnline } from '../ui/useOnline';
import { centsToInput } from '../sales/quickCash';
import { listBranchPrices, setBranchPrice, type BranchPrice } from './branchPricesApi';

/** A failed request in the owner's words. */
function failureMessage(failure: ApiFailure, t: TFunction): string {
  switch (failure.kind) {
    case 'offline':
      return t('products.branchPrices.offline');
    case 'unreachable':
      return t('products.branchPrices.unreachable');
    case 'forbidden':
      return failure.message;
    case 'server':
      return failure.code === 'OT_ERR_VALIDATION' ? t('products.branchPrices.invalid') : failure.message;
    case 'unexpected':
      return t('products.branchPrices.unexpected');
  }
}

interface RowProps {
  product: LocalProduct;
  row: BranchPrice;
  online: boolean;
  onSaved: (prices: BranchPrice[], message: string) => void;
  onError: (message: string) => void;
}

/** One branch: its price (its own or the shop's), a field to set its own, and "Use the shop's price". */
function BranchPriceRow({ product, row, online, onSaved, onError }: RowProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(row.price === null ? '' : centsToInput(cents(row.price)));
  const [busy, setBusy] = useState(false);
  const shopPrice = formatRands(cents(product.price));

  async function save(price: number | null) {
    setBusy(true);
    const result = await setBranchPrice(product.id, row.branchId, price);
    setBusy(false);
    if (!result.ok) return onError(failureMessage(result.failure, t));
    if (price === null) setTyped('');
    onSaved(
      result.value,
      price === null
        ? t('products.branchPrices.removed', { branch: row.branchName, price: shopPrice })
        : t('products.branchPrices.saved', { branch: row.branchName, price: formatRands(cents(price)) }),
    );
  }

  function submit() {
    const price = parseRands(typed);
    if (price === null) return onError(t('products.branchPrices.invalid'));
    void save(price);
  }

  return (
    <li data-testid="branch-price-row" data-branch-id={row.branchId} className="flex flex-col gap-2 py-3">
      <p className="flex items-baseline justify-between gap-2">
        <span className="truncate font-semibold text-slate-900">{row.branchName}</span>
        <span data-testid="branch-price-now" className="shrink-0 text-sm text-slate-600 tabular-nums">
          {row.price === null
            ? t('products.branchPrices.atShopPrice', { price: shopPrice })
            : t('products.branchPrices.ownPrice', { price: formatRands(cents(row.price)) })}
        </span>
      </p>
      <div className="flex items-end gap-2">
        <Field
          label={t('products.branchPrices.priceHere', { branch: row.branchName })}
          inputMode="decimal"
          value={typed}
          placeholder={centsToInput(cents(product.price))}
          onChange={(event) => setTyped(event.target.value)}
          data-testid="branch-price-input"
          className="min-w-0 flex-1"
        />
        <Button disabled={!online || busy || typed.trim() === ''} onClick={submit} data-testid="branch-price-save">
          {t('products.branchPrices.save')}
        </Button>
      </div>
      {row.price === null ? null : (
        <Button
          variant="ghost"
          disabled={!online || busy}
          onClick={() => void save(null)}
          data-testid="branch-price-remove"
        >
          {t('products.branchPrices.useShopPrice')}
        </Button>
      )}
    </li>
  );
}

/**
 * BP1: a product's own price per branch, set centrally by whoever may change prices. Online only, like
 * branches: the change reaches that branch's tills through their next pull (a poke starts it at once).
 * Hidden in a shop of one branch, where the product's own price is the only one.
 */
export default function BranchPricesPanel({ product }: { product: LocalProduct }) {
  const { t } = useTranslation();
  const online = useOnline();
  const [prices, setPrices] = useState<BranchPrice[] | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    if (!online) return;
    let current = true;
    void listBranchPrices(product.id).then((result) => {
      if (!current) return;
      if (result.ok) setPrices(result.value);
      else setMessage({ text: failureMessage(result.failure, t), error: true });
    });
    return () => {
      current = false;
    };
  }, [online, product.id, t]);

  if (prices !== null && prices.length < 2) return null;
  return (
    <section
      data-testid="branch-prices"
      className="flex flex-col rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
      aria-labelledby="branch-prices-title"
    >
      <h2 id="branch-prices-title" className="text-lg font-bold text-slate-900">
        {t('products.branchPrices.title')}
      </h2>
      <p className="text-sm text-slate-600">{t('products.branchPrices.intro')}</p>
      {!online ? <p className="mt-2 text-sm text-amber-800">{t('products.branchPrices.offline')}</p> : null}
      {message ? (
        <p
          role={message.error ? 'alert' : 'status'}
          data-testid="branch-prices-message"
          className={`mt-2 text-sm ${message.error ? 'text-red-700' : 'text-brand-800'}`}
        >
          {message.text}
        </p>
      ) : null}
      {prices === null ? null : (
        <ul className="divide-y divide-slate-100">
          {prices.map((row) => (
            <BranchPriceRow
              key={row.branchId}
              product={product}
              row={row}
              online={online}
              onSaved={(next, text) => {
                setPrices(next);
                setMessage({ text, error: false });
              }}
              onError={(text) => setMessage({ text, error: true })}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
