import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, cents, formatRands, parseRands, type CartLine } from '@opentill/domain';
import { useLiveActingUser } from '../db';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { FullScreenDialog } from '../ui/FullScreenDialog';
import { CartRefusal } from './CartRefusal';
import { LineBatchPicker } from './LineBatchPicker';
import { useCart } from './cartStore';
import { ManagerApproval } from './ManagerApproval';
import { centsToInput } from './quickCash';

/**
 * One line of the sale: its quantity, a note, the batch it comes from (a
 * pharmacist's pick, BT5), another price (with the right permission or a
 * manager's PIN on the spot, SPEC S6), or off the sale.
 */
export function LineEditor({ line, onClose }: { line: CartLine; onClose: () => void }) {
  const { t } = useTranslation();
  const acting = useLiveActingUser();
  const { setQuantity, setNote, overridePrice, remove } = useCart.getState();
  const [quantity, setQuantityInput] = useState(String(line.quantity));
  const [note, setNoteInput] = useState(line.note ?? '');
  const [price, setPriceInput] = useState(centsToInput(cents(line.price)));
  const [approvalFor, setApprovalFor] = useState<number | null>(null);
  const newPrice = parseRands(price);

  function save() {
    const wanted = quantity.trim() === '' ? Number.NaN : Number(quantity);
    const changed =
      (line.weight || wanted === line.quantity || setQuantity(line.lineId, wanted)) &&
      (note.trim() === (line.note ?? '') || setNote(line.lineId, note));
    if (changed) onClose();
  }

  function changePrice() {
    if (newPrice === null || newPrice === line.price) return;
    if (acting && can(acting.role, 'price:override')) {
      if (overridePrice(line.lineId, newPrice, acting.userId)) onClose();
    } else setApprovalFor(newPrice);
  }

  return (
    <FullScreenDialog title={line.name} closeLabel={t('sales.line.close')} onClose={onClose} testId="line-editor">
      <CartRefusal />
      {approvalFor !== null ? (
        <ManagerApproval
          action="price:override"
          reason={t('sales.line.approvePrice', {
            name: line.name,
            from: formatRands(cents(line.override?.listPrice ?? line.price)),
            to: formatRands(cents(approvalFor)),
          })}
          onApproved={(approver) => {
            if (overridePrice(line.lineId, approvalFor, approver.userId)) onClose();
            else setApprovalFor(null);
          }}
          onCancel={() => setApprovalFor(null)}
        />
      ) : (
        <div className="flex flex-col gap-4">
          {line.weight ? null : (
            <Field
              label={t('sales.line.quantity')}
              inputMode="numeric"
              value={quantity}
              onChange={(event) => setQuantityInput(event.target.value)}
              data-testid="line-quantity"
            />
          )}
          <Field
            label={t('sales.line.note')}
            value={note}
            maxLength={140}
            onChange={(event) => setNoteInput(event.target.value)}
            data-testid="line-note"
          />
          {acting && can(acting.role, 'rx:dispense') ? <LineBatchPicker line={line} /> : null}
          <Button onClick={save} data-testid="line-save">
            {t('sales.line.save')}
          </Button>
          {line.weight ? null : (
            <div className="flex flex-col gap-2 rounded-xl bg-white p-3 ring-1 ring-slate-200">
              <Field
                label={t('sales.line.price')}
                inputMode="decimal"
                value={price}
                onChange={(event) => setPriceInput(event.target.value)}
                error={newPrice === null ? t('sales.payment.invalidAmount') : undefined}
                data-testid="line-price"
              />
              <Button
                variant="secondary"
                disabled={newPrice === null || newPrice === line.price}
                onClick={changePrice}
                data-testid="line-change-price"
              >
                {t('sales.line.changePrice')}
              </Button>
            </div>
          )}
          <Button variant="secondary" onClick={() => remove(line.lineId) && onClose()} data-testid="line-remove">
            {t('sales.line.remove')}
          </Button>
        </div>
      )}
    </FullScreenDialog>
  );
}
