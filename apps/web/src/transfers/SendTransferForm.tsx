import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Branch, TransferLineRequest } from '@opentill/domain';
import type { LocalProduct } from '../db';
import { sendTransfer } from '../db/transfers';
import { parseQuantity } from '../stock/quantity';
import { stockSaveError } from '../stock/stockSaveError';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';

const MATCHES_SHOWN = 6;

interface SendTransferFormProps {
  /** The other branches of the shop. */
  branches: readonly Branch[];
  products: readonly LocalProduct[];
  stock: ReadonlyMap<string, number>;
  onSent: (branch: Branch, units: number) => void;
  onCancel: () => void;
}

/**
 * Stock sent to another branch (TR1): the branch, then products and units line
 * by line. Queued through the outbox, so it works offline; the server takes the
 * units first expiry first and refuses the transfer if this branch lacks them.
 */
export function SendTransferForm({ branches, products, stock, onSent, onCancel }: SendTransferFormProps) {
  const { t } = useTranslation();
  const [branchId, setBranchId] = useState(branches[0]?.id ?? '');
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<LocalProduct | null>(null);
  const [quantityText, setQuantityText] = useState('');
  const [lines, setLines] = useState<(TransferLineRequest & { name: string })[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const matches = useMemo(() => {
    const wanted = query.trim().toLocaleLowerCase('en-ZA');
    if (!wanted) return [];
    return products
      .filter((product) => product.trackStock && product.isActive)
      .filter((product) => product.name.toLocaleLowerCase('en-ZA').includes(wanted) || product.barcode === wanted)
      .slice(0, MATCHES_SHOWN);
  }, [products, query]);

  function addLine() {
    const quantity = parseQuantity(quantityText, 1);
    if (!picked || quantity === null) {
      setProblem(t(picked ? 'stock.errors.quantity' : 'transfers.errors.pickProduct'));
      return;
    }
    setLines([...lines, { productId: picked.id, quantity, name: picked.name }]);
    setPicked(null);
    setQuery('');
    setQuantityText('');
    setProblem(null);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const branch = branches.find((candidate) => candidate.id === branchId);
    if (!branch || lines.length === 0) {
      setProblem(t(branch ? 'transfers.errors.noLines' : 'transfers.errors.noBranch'));
      return;
    }
    setBusy(true);
    try {
      await sendTransfer(
        branch.id,
        lines.map(({ productId, quantity }) => ({ productId, quantity })),
      );
      onSent(
        branch,
        lines.reduce((sum, line) => sum + line.quantity, 0),
      );
    } catch (failure) {
      setProblem(stockSaveError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      noValidate
      onSubmit={(event) => void submit(event)}
      className="flex flex-col gap-3"
      data-testid="transfer-send-form"
    >
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        {t('transfers.to')}
        <select
          value={branchId}
          onChange={(event) => setBranchId(event.target.value)}
          className="min-h-12 rounded-xl border border-slate-300 bg-white px-3 text-lg"
          data-testid="transfer-to"
        >
          {branches.map((branch) => (
            <option key={branch.id} value={branch.id}>
              {branch.name}
            </option>
          ))}
        </select>
      </label>
      {picked ? (
        <p className="text-sm text-slate-700">
          {t('transfers.picked', { name: picked.name, count: stock.get(picked.id) ?? 0 })}
        </p>
      ) : (
        <>
          <Field
            label={t('transfers.product')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            autoComplete="off"
            data-testid="transfer-product-search"
          />
          {matches.length > 0 ? (
            <ul className="flex flex-col gap-1">
              {matches.map((product) => (
                <li key={product.id}>
                  <button
                    type="button"
                    onClick={() => setPicked(product)}
                    className="w-full rounded-lg bg-slate-100 px-3 py-2 text-left text-sm"
                    data-testid="transfer-product-match"
                  >
                    {product.name} · {stock.get(product.id) ?? 0}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
      <div className="grid grid-cols-[1fr_auto] items-end gap-2">
        <Field
          label={t('transfers.quantity')}
          value={quantityText}
          onChange={(event) => setQuantityText(event.target.value)}
          inputMode="numeric"
          autoComplete="off"
          data-testid="transfer-quantity"
        />
        <Button variant="secondary" onClick={addLine} data-testid="transfer-add-line">
          {t('transfers.addLine')}
        </Button>
      </div>
      {lines.length > 0 ? (
        <ul className="divide-y divide-slate-100 text-sm" data-testid="transfer-lines">
          {lines.map((line, index) => (
            <li key={`${line.productId}-${index}`} className="flex justify-between py-1.5">
              <span>{line.name}</span>
              <span className="tabular-nums">{line.quantity}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {problem ? (
        <p role="alert" className="text-sm text-red-700">
          {problem}
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-2">
        <Button variant="secondary" disabled={busy} onClick={onCancel}>
          {t('stock.cancel')}
        </Button>
        <Button type="submit" disabled={busy} data-testid="transfer-send">
          {t('transfers.send')}
        </Button>
      </div>
    </form>
  );
}
