import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '@opentill/domain';
import { Button } from '../ui/Button';
import { CustomerDetail } from './CustomerDetail';
import { CustomerForm } from './CustomerForm';
import { CustomerList } from './CustomerList';
import { useCustomerAccess, useCustomerSearch, useCustomerStanding } from './useCustomers';

type View = { kind: 'list' } | { kind: 'new' } | { kind: 'detail'; id: string } | { kind: 'edit'; id: string };

/** The Customers tab (SPEC CU): find by phone or name, add offline, open one to see and settle their book. */
export function CustomersScreen({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>({ kind: 'list' });
  const [query, setQuery] = useState('');
  const found = useCustomerSearch(query);
  const access = useCustomerAccess();
  const edited = useCustomerStanding(view.kind === 'edit' ? view.id : null);

  if (view.kind === 'detail') {
    return (
      <CustomerDetail
        customerId={view.id}
        shop={session.tenant.businessName}
        onBack={() => setView({ kind: 'list' })}
        onEdit={() => setView({ kind: 'edit', id: view.id })}
      />
    );
  }
  if (view.kind === 'new' || view.kind === 'edit') {
    if (view.kind === 'edit' && !edited) return null;
    return (
      <div className="h-full overflow-y-auto">
        <h2 className="px-4 pt-4 text-lg font-bold text-slate-900">
          {view.kind === 'new' ? t('customers.add') : edited?.customer.name}
        </h2>
        <CustomerForm
          {...(edited ? { customer: edited.customer } : { start: query })}
          access={access}
          onSaved={(customer) => setView({ kind: 'detail', id: customer.id })}
          onCancel={() => setView(view.kind === 'edit' ? { kind: 'detail', id: view.id } : { kind: 'list' })}
        />
      </div>
    );
  }
  return (
    <div className="flex h-full flex-col">
      <div className="flex gap-2 border-b border-slate-200 bg-white p-3">
        <input
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t('customers.search')}
          aria-label={t('customers.search')}
          data-testid="customer-search"
          className="min-h-12 min-w-0 flex-1 rounded-xl border border-slate-300 bg-white px-3 text-lg outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100"
        />
        {access.write ? (
          <Button onClick={() => setView({ kind: 'new' })} data-testid="customer-add">
            {t('customers.add')}
          </Button>
        ) : null}
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {found ? (
          <CustomerList
            customers={found}
            query={query}
            onOpen={(customer) => setView({ kind: 'detail', id: customer.id })}
          />
        ) : null}
      </div>
    </div>
  );
}
