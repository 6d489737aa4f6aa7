import { useTranslation } from 'react-i18next';
import { useCart } from './cartStore';

/** Why the last change to the sale was refused: the sale itself did not change (SPEC C). */
export function CartRefusal() {
  const { t } = useTranslation();
  const refusal = useCart((state) => state.refusal);
  const dismiss = useCart((state) => state.dismissRefusal);
  if (!refusal) return null;
  return (
    <p
      role="alert"
      data-testid="cart-refusal"
      className="mx-3 mt-1 flex items-start justify-between gap-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200"
    >
      <span>{t(`sales.refusals.${refusal}`)}</span>
      <button type="button" onClick={dismiss} className="font-medium underline">
        {t('sales.refusals.dismiss')}
      </button>
    </p>
  );
}
