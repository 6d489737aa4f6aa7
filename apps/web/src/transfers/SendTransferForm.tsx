import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Branch, TransferLineRequest } from '@opentill/domain';
import type { LocalProduct } from '../db';
import { sendTransfer } from '../db/transfers';
import { ProductLinePicker } from '../stock/ProductLinePicker';
import { stockSaveError } from '../stock/stockSaveError';
import { Button } from '../ui/Button';

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
  const [lines, setLines] = useState<(TransferLineRequest & { name: string })[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const sendable = useMemo(() => products.filter((product) => product.trackStock && product.isActive), [products]);

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
      <ProductLinePicker
        products={sendable}
        testIdPrefix="transfer"
        searchLabel={t('transfers.product')}
        quantityLabel={t('transfers.quantity')}
        addLabel={t('transfers.addLine')}
        pickFirst={t('transfers.errors.pickProduct')}
        describe={(product) => t('transfers.picked', { name: product.name, count: stock.get(product.id) ?? 0 })}
        onAdd={(product, quantity) => setLines([...lines, { productId: product.id, quantity, name: product.name }])}
        onProblem={setProblem}
      />
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
