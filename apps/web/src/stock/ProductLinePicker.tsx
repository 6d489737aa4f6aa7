import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalProduct } from '../db/database';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { parseQuantity } from './quantity';

const MATCHES_SHOWN = 6;

interface ProductLinePickerProps {
  /** The products that may go on a line (e.g. counted and active ones for a transfer). */
  products: readonly LocalProduct[];
  /** Prefix of the test ids: `<prefix>-product-search`, `-product-match`, `-quantity`, `-add-line`. */
  testIdPrefix: string;
  searchLabel: string;
  quantityLabel: string;
  addLabel: string;
  /** A product as a match and once picked (e.g. with the units here). */
  describe: (product: LocalProduct) => string;
  /** The words for "pick a product first". */
  pickFirst: string;
  onAdd: (product: LocalProduct, quantity: number) => void;
  /** What is wrong with the line typed, or null once a line was added. */
  onProblem: (problem: string | null) => void;
}

/**
 * One line of a list of products and units (a transfer, a purchase order):
 * find the product by name or barcode, type its units, add. Shared by the lazy
 * screens that build such lists; the list itself is theirs.
 */
export function ProductLinePicker(props: ProductLinePickerProps) {
  const { products, testIdPrefix, describe, onAdd, onProblem } = props;
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<LocalProduct | null>(null);
  const [quantityText, setQuantityText] = useState('');

  const matches = useMemo(() => {
    const wanted = query.trim().toLocaleLowerCase('en-ZA');
    if (!wanted) return [];
    return products
      .filter((product) => product.name.toLocaleLowerCase('en-ZA').includes(wanted) || product.barcode === wanted)
      .slice(0, MATCHES_SHOWN);
  }, [products, query]);

  function add() {
    const quantity = parseQuantity(quantityText, 1);
    if (!picked || quantity === null) {
      onProblem(picked ? t('stock.errors.quantity') : props.pickFirst);
      return;
    }
    onAdd(picked, quantity);
    setPicked(null);
    setQuery('');
    setQuantityText('');
    onProblem(null);
  }

  return (
    <>
      {picked ? (
        <p className="text-sm text-slate-700" data-testid={`${testIdPrefix}-picked`}>
          {describe(picked)}
        </p>
      ) : (
        <>
          <Field
            label={props.searchLabel}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            autoComplete="off"
            data-testid={`${testIdPrefix}-product-search`}
          />
          {matches.length > 0 ? (
            <ul className="flex flex-col gap-1">
              {matches.map((product) => (
                <li key={product.id}>
                  <button
                    type="button"
                    onClick={() => setPicked(product)}
                    className="w-full rounded-lg bg-slate-100 px-3 py-2 text-left text-sm"
                    data-testid={`${testIdPrefix}-product-match`}
                  >
                    {describe(product)}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
      <div className="grid grid-cols-[1fr_auto] items-end gap-2">
        <Field
          label={props.quantityLabel}
          value={quantityText}
          onChange={(event) => setQuantityText(event.target.value)}
          inputMode="numeric"
          autoComplete="off"
          data-testid={`${testIdPrefix}-quantity`}
        />
        <Button variant="secondary" onClick={add} data-testid={`${testIdPrefix}-add-line`}>
          {props.addLabel}
        </Button>
      </div>
    </>
  );
}
