import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Supplier } from '@opentill/domain';
import { Button } from '../ui/Button';
import { SupplierForm } from './SupplierForm';

interface SupplierSectionProps {
  suppliers: readonly Supplier[] | null;
  /** Whether the person may add and change suppliers (`supplier:write`). */
  manage: boolean;
  online: boolean;
  onSaved: (message: string) => void;
}

/** The shop's suppliers (PO1): listed, added and changed online. */
export function SupplierSection({ suppliers, manage, online, onSaved }: SupplierSectionProps) {
  const { t } = useTranslation();
  // null: no form; 'new': adding; otherwise the supplier being changed.
  const [editing, setEditing] = useState<Supplier | 'new' | null>(null);

  if (editing) {
    return (
      <SupplierForm
        {...(editing === 'new' ? {} : { supplier: editing })}
        onSaved={(supplier) => {
          setEditing(null);
          onSaved(t('suppliers.form.saved', { name: supplier.name }));
        }}
        onCancel={() => setEditing(null)}
      />
    );
  }
  return (
    <div className="flex flex-col gap-2" data-testid="supplier-section">
      {manage ? (
        <Button variant="secondary" disabled={!online} onClick={() => setEditing('new')} data-testid="supplier-add">
          {t('suppliers.list.add')}
        </Button>
      ) : null}
      {suppliers && suppliers.length === 0 ? (
        <p className="text-sm text-slate-600">{t('suppliers.list.empty')}</p>
      ) : null}
      <ul className="divide-y divide-slate-100">
        {(suppliers ?? []).map((supplier) => (
          <li
            key={supplier.id}
            className={`flex items-center justify-between gap-2 py-2 ${supplier.active ? '' : 'text-slate-400'}`}
            data-testid="supplier-row"
          >
            <div className="min-w-0">
              <p className="truncate font-semibold">{supplier.name}</p>
              <p className="truncate text-sm text-slate-500">
                {[supplier.phone, supplier.email, supplier.active ? null : t('suppliers.list.inactive')]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            </div>
            {manage ? (
              <Button
                variant="ghost"
                disabled={!online}
                onClick={() => setEditing(supplier)}
                data-testid="supplier-edit"
              >
                {t('suppliers.list.edit')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
