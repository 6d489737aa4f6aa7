import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cents, formatRands } from '@opentill/domain';
import { CustomerForm } from '../customers/CustomerForm';
import { useCustomerAccess, useCustomerSearch, useCustomerStanding } from '../customers/useCustomers';
import { Button } from '../ui/Button';
import { useCart } from './cartStore';
import { useCustomerAtTill } from './customerLimitsStore';

/**
 * Attaches a customer to the sale: search by phone or name, or add one on the
 * spot (offline, CU1). Shows their room on the book and store credit, and
 * publishes them for the payment screen's checks (CU1, CU5).
 */
export function CustomerPicker() {
  const { t } = useTranslation();
  const customerId = useCart((state) => state.cart.customerId ?? null);
  const attach = useCart((state) => state.attachCustomer);
  const standing = useCustomerStanding(customerId);
  const show = useCustomerAtTill((state) => state.show);
  const access = useCustomerAccess();
  const [mode, setMode] = useState<'closed' | 'search' | 'create'>('closed');
  const [query, setQuery] = useState('');
  const found = useCustomerSearch(query);

  useEffect(() => {
    // Selling on the book needs `customer:credit` (CU4's action); store credit is the customer's own money.
    show(
      customerId,
      standing ? { bookRoom: access.credit ? standing.room : 0, storeCredit: standing.storeCredit } : null,
    );
  }, [show, customerId, standing, access.credit]);

  function choose(id: string) {
    attach(id);
    setMode('closed');
    setQuery('');
  }

  if (mode === 'create') {
    return (
      <div className="mt-3 rounded-2xl bg-white shadow-sm ring-1 ring-slate-200">
        <CustomerForm
          start={query}
          access={access}
          onSaved={(customer) => choose(customer.id)}
          onCancel={() => setMode('search')}
        />
      </div>
    );
  }

  if (customerId && standing && mode === 'closed') {
    const { customer } = standing;
    return (
      <div className="mt-3 flex items-center gap-2 rounded-2xl bg-white p-3 shadow-sm ring-1 ring-slate-200">
        <div className="min-w-0 flex-1" data-testid="sale-customer">
          <p className="truncate font-semibold text-slate-900">{customer.name}</p>
          <p className="text-sm text-slate-600" data-testid="sale-customer-book">
            {customer.creditLimit === null
              ? t('customers.till.noBook')
              : standing.room > 0
                ? t('customers.till.onBook', { room: formatRands(cents(standing.room)) })
                : t('customers.till.full', {
                    balance: formatRands(cents(Math.max(standing.balance, 0))),
                    limit: formatRands(cents(customer.creditLimit)),
                  })}
          </p>
          {standing.storeCredit > 0 ? (
            <p className="text-sm text-slate-600">
              {t('customers.storeCredit', { amount: formatRands(cents(standing.storeCredit)) })}
            </p>
          ) : null}
        </div>
        <Button variant="secondary" onClick={() => setMode('search')} className="px-3 text-sm">
          {t('customers.till.change')}
        </Button>
        <Button
          variant="ghost"
          onClick={() => attach(null)}
          className="px-3 text-sm"
          data-testid="sale-customer-remove"
        >
          {t('customers.till.remove')}
        </Button>
      </div>
    );
  }

  if (mode === 'closed') {
    return (
      <Button
        variant="secondary"
        onClick={() => setMode('search')}
        className="mt-3 w-full"
        data-testid="sale-customer-add"
      >
        {t('customers.till.attachHint')}
      </Button>
    );
  }

  return (
    <div className="mt-3 flex flex-col gap-2 rounded-2xl bg-white p-3 shadow-sm ring-1 ring-slate-200">
      <input
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder={t('customers.till.searchHere')}
        aria-label={t('customers.till.searchHere')}
        data-testid="sale-customer-search"
        autoFocus
        className="min-h-12 rounded-xl border border-slate-300 px-3 text-lg outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100"
      />
      <ul className="divide-y divide-slate-100">
        {(found ?? []).slice(0, 5).map((customer) => (
          <li key={customer.id}>
            <button
              type="button"
              onClick={() => choose(customer.id)}
              className="flex min-h-12 w-full flex-col items-start justify-center py-1 text-left"
            >
              <span className="font-semibold text-slate-900">{customer.name}</span>
              {customer.phone ? <span className="text-sm text-slate-500">{customer.phone}</span> : null}
            </button>
          </li>
        ))}
      </ul>
      <div className="grid grid-cols-2 gap-2">
        <Button variant="ghost" onClick={() => setMode('closed')}>
          {t('customers.cancel')}
        </Button>
        {access.write ? (
          <Button variant="secondary" onClick={() => setMode('create')} data-testid="sale-customer-create">
            {query.trim() ? t('customers.till.create', { query: query.trim() }) : t('customers.till.createPlain')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
