import { useTranslation } from 'react-i18next';
import type { LocalCustomer } from '../db/database';

/** Customers found, by name, with their number: tap one to open it. */
export function CustomerList({
  customers,
  query,
  onOpen,
}: {
  customers: readonly LocalCustomer[];
  query: string;
  onOpen: (customer: LocalCustomer) => void;
}) {
  const { t } = useTranslation();
  if (customers.length === 0) {
    return (
      <p className="px-4 py-6 text-center text-slate-600">
        {query.trim() === '' ? t('customers.none') : t('customers.noMatch', { query })}
      </p>
    );
  }
  return (
    <ul className="divide-y divide-slate-200 bg-white" data-testid="customer-list">
      {customers.map((customer) => (
        <li key={customer.id}>
          <button
            type="button"
            onClick={() => onOpen(customer)}
            className="flex min-h-14 w-full flex-col items-start justify-center px-4 py-2 text-left active:bg-slate-50"
          >
            <span className="font-semibold text-slate-900">{customer.name}</span>
            {customer.phone ? <span className="text-sm text-slate-500">{customer.phone}</span> : null}
          </button>
        </li>
      ))}
    </ul>
  );
}
