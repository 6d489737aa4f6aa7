import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BookIcon, BoxIcon, CartIcon, PeopleIcon, ReceiptIcon, SyncIcon } from '../ui/icons';
import { useNavigation, type Tab } from './navigationStore';
import { hasStaffArea, staffAreaLabelKey, type StaffAccess } from './staffArea';

/**
 * Bottom tabs: within reach of the thumb holding the phone. The last only for those who
 * manage staff (labelled "Staff"), or only devices (a branch manager: "Devices"), or only
 * read the audit log (an auditor: "Audit log").
 */
export function TabBar({ access }: { access: StaffAccess }) {
  const { t } = useTranslation();
  const showStaff = hasStaffArea(access);
  return (
    <nav
      aria-label={t('nav.main')}
      className="grid auto-cols-fr grid-flow-col border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)]"
    >
      <TabButton tab="sell" label={t('nav.sell')} icon={<CartIcon />} testId="nav-sell" />
      <TabButton tab="customers" label={t('nav.customers')} icon={<BookIcon />} testId="nav-customers" />
      <TabButton tab="sales" label={t('nav.sales')} icon={<ReceiptIcon />} testId="nav-sales" />
      <TabButton tab="products" label={t('nav.products')} icon={<BoxIcon />} testId="nav-products" />
      <TabButton tab="sync" label={t('nav.sync')} icon={<SyncIcon />} testId="nav-sync" />
      {showStaff ? (
        <TabButton tab="staff" label={t(staffAreaLabelKey(access))} icon={<PeopleIcon />} testId="nav-staff" />
      ) : null}
    </nav>
  );
}

function TabButton({ tab, label, icon, testId }: { tab: Tab; label: string; icon: ReactNode; testId: string }) {
  const active = useNavigation((state) => state.tab === tab);
  const show = useNavigation((state) => state.show);
  return (
    <button
      type="button"
      onClick={() => show(tab)}
      aria-current={active ? 'page' : undefined}
      data-testid={testId}
      // Afrikaans' and isiZulu's words are longer: a size smaller, so six tabs fit a 360 px phone.
      className={`flex min-h-14 flex-col items-center justify-center gap-0.5 text-xs font-semibold [&:not(:lang(en))]:text-[11px] [&:not(:lang(en))]:tracking-tight ${
        active ? 'text-brand-700' : 'text-slate-500'
      }`}
    >
      {icon}
      {label}
    </button>
  );
}
