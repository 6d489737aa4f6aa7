import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cents, formatRands, type CustomerStatement } from '@opentill/domain';
import { BackIcon } from '../ui/icons';
import { Button } from '../ui/Button';
import { useOnline } from '../ui/useOnline';
import { AccountPaymentForm } from './AccountPaymentForm';
import { BookEntries } from './BookEntries';
import { fetchStatement } from './customersApi';
import { statementText, whatsAppLink } from './statementMessage';
import { useCustomerAccess, useCustomerStanding } from './useCustomers';

/**
 * A customer: what they owe as this phone knows it (CU6), their limit, room and
 * store credit; the book from the shop's statement when online, else from this
 * phone's records (said on screen); a payment on account; the statement on WhatsApp.
 */
export function CustomerDetail({
  customerId,
  shop,
  onBack,
  onEdit,
}: {
  customerId: string;
  shop: string;
  onBack: () => void;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const standing = useCustomerStanding(customerId);
  const access = useCustomerAccess();
  const online = useOnline();
  const [statement, setStatement] = useState<CustomerStatement | null>(null);
  // Asked again when the phone's view changes (a payment here, a pull): the statement follows.
  const unsynced = standing?.unsynced;
  const balance = standing?.balance;

  useEffect(() => {
    if (!online) return;
    let current = true;
    void fetchStatement(customerId).then((answer) => {
      if (current) setStatement(answer.ok ? answer.value : null);
    });
    return () => {
      current = false;
    };
  }, [customerId, online, unsynced, balance]);

  if (!standing) return null;
  const { customer } = standing;
  // The shop's statement covers every phone, once this phone's own records are all in it (offline: this phone's).
  const fromServer = online && statement !== null && standing.unsynced === 0;
  const entries = fromServer && statement ? statement.entries : standing.localEntries;
  const text = statementText(
    {
      shop,
      name: customer.name,
      creditLimit: customer.creditLimit,
      entries,
      balance: standing.balance,
      at: new Date(),
    },
    t,
  );
  const link = whatsAppLink(customer.phone, text);

  return (
    <div className="flex h-full flex-col">
      <div className="flex items-center gap-1 border-b border-slate-200 bg-white px-1 py-1">
        <Button variant="ghost" onClick={onBack} aria-label={t('customers.back')} className="w-12 px-0">
          <BackIcon />
        </Button>
        <h2 className="min-w-0 flex-1 truncate text-lg font-bold text-slate-900">{customer.name}</h2>
        {access.write ? (
          <Button variant="ghost" onClick={onEdit} data-testid="customer-edit">
            {t('customers.edit')}
          </Button>
        ) : null}
      </div>
      <div className="flex min-h-0 flex-1 flex-col gap-3 overflow-y-auto p-4">
        <section className="rounded-2xl bg-white p-3 text-center shadow-sm ring-1 ring-slate-200">
          <p className="text-sm font-medium text-slate-500">
            {standing.balance > 0 ? t('customers.owes') : t('customers.owesNothing')}
          </p>
          <p data-testid="customer-balance" className="text-4xl font-bold text-slate-900 tabular-nums">
            {formatRands(cents(Math.max(standing.balance, 0)))}
          </p>
          {standing.balance < 0 ? (
            <p className="text-sm text-green-700">
              {t('customers.inCredit', { amount: formatRands(cents(-standing.balance)) })}
            </p>
          ) : null}
          <p className="text-sm text-slate-600">
            {customer.creditLimit === null
              ? t('customers.noBook')
              : t('customers.limit', { amount: formatRands(cents(customer.creditLimit)) })}
          </p>
          {customer.creditLimit === null ? null : (
            <p data-testid="customer-room" className="text-sm text-slate-600">
              {t('customers.room', { amount: formatRands(cents(standing.room)) })}
            </p>
          )}
          {standing.storeCredit > 0 ? (
            <p data-testid="customer-store-credit" className="text-sm text-slate-600">
              {t('customers.storeCredit', { amount: formatRands(cents(standing.storeCredit)) })}
            </p>
          ) : null}
          {customer.phone ? <p className="text-sm text-slate-500">{customer.phone}</p> : null}
          {standing.unsynced > 0 ? (
            <p className="mt-1 text-xs text-amber-700">{t('customers.unsynced', { count: standing.unsynced })}</p>
          ) : null}
        </section>

        {access.credit ? <AccountPaymentForm customerId={customer.id} /> : null}

        {link ? (
          <a
            href={link}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="statement-whatsapp"
            className="flex min-h-12 items-center justify-center rounded-xl bg-green-700 px-4 font-semibold text-white active:bg-green-800"
          >
            {t('customers.whatsapp')}
          </a>
        ) : (
          <p className="text-sm text-slate-500">{t('customers.whatsappNoPhone')}</p>
        )}

        <BookEntries entries={entries} fromServer={fromServer} />
      </div>
    </div>
  );
}
