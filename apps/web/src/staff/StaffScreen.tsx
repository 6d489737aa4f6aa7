import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '@opentill/domain';
import { DevicesSection } from '../devices/DevicesSection';
import { staffAreaLabelKey, staffSections, type StaffAccess, type StaffSection } from '../shell/staffArea';
import { useNavigation } from '../shell/navigationStore';
import { ShopSettingsSection } from '../shop/ShopSettingsSection';
import { PeopleSection } from './PeopleSection';

// Their own chunks: opening Staff to add a person does not fetch the log's or the table's code.
const AuditScreen = lazy(() => import('../audit/AuditScreen').then((module) => ({ default: module.AuditScreen })));
const RolesScreen = lazy(() => import('../roles/RolesScreen').then((module) => ({ default: module.RolesScreen })));
const AlertsSection = lazy(() =>
  import('../alerts/AlertsSection').then((module) => ({ default: module.AlertsSection })),
);
const BranchesSection = lazy(() =>
  import('../branches/BranchesSection').then((module) => ({ default: module.BranchesSection })),
);
/** The sections in their own chunks, shown under one Suspense. */
const LAZY_SECTIONS: readonly StaffSection[] = ['branches', 'alerts', 'audit', 'roles'];

/**
 * The owner's screen for who and what may use the shop: its people, its devices and branches, the
 * audit log and the roles, sections behind one tab so a 360 px phone keeps four bottom tabs. Each
 * shows to whoever may use it: a branch manager sees Devices and Branches, an auditor the log and roles.
 */
export function StaffScreen({ session, access }: { session: Session; access: StaffAccess }) {
  const { t } = useTranslation();
  const sections = staffSections(access);
  // The section the alerts banner asked for shows until the person picks another.
  const requested = useNavigation((state) => state.staffSection);
  const takeRequested = useNavigation((state) => state.takeStaffSection);
  const [picked, setPicked] = useState<StaffSection>('people');
  const wanted = requested ?? picked;
  const section = sections.includes(wanted) ? wanted : (sections[0] ?? 'people');
  const pick = (next: StaffSection) => {
    takeRequested();
    setPicked(next);
  };
  return (
    <div className="h-full overflow-y-auto">
      <div className="flex flex-col gap-4 px-3 py-3">
        <h2 className="px-1 text-xl font-bold text-slate-900">{t(staffAreaLabelKey(access))}</h2>
        {sections.length > 1 ? <SectionSwitch sections={sections} section={section} onPick={pick} /> : null}
        {section === 'people' ? <PeopleSection session={session} /> : null}
        {section === 'devices' ? <DevicesSection thisDeviceId={session.device.id} /> : null}
        {section === 'shop' ? <ShopSettingsSection /> : null}
        {LAZY_SECTIONS.includes(section) ? (
          <Suspense fallback={null}>
            {section === 'branches' ? (
              <BranchesSection thisBranch={session.branch} canManage={access.manageBranches} canMove={access.devices} />
            ) : null}
            {section === 'audit' ? <AuditScreen thisDeviceId={session.device.id} canListStaff={access.people} /> : null}
            {section === 'roles' ? <RolesScreen /> : null}
            {section === 'alerts' ? (
              <AlertsSection thisDeviceId={session.device.id} canResolve={access.resolveAlerts} />
            ) : null}
          </Suspense>
        ) : null}
      </div>
    </div>
  );
}

interface SectionSwitchProps {
  sections: readonly StaffSection[];
  section: StaffSection;
  onPick: (section: StaffSection) => void;
}

/** Two buttons a row: four sections fit a 360 px phone in two rows of thumb-sized buttons. */
function SectionSwitch({ sections, section, onPick }: SectionSwitchProps) {
  const { t } = useTranslation();
  return (
    <div role="group" aria-label={t('staff.sections')} className="grid grid-cols-2 gap-1 rounded-xl bg-slate-200 p-1">
      {sections.map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={section === option}
          onClick={() => onPick(option)}
          data-testid={`staff-section-${option}`}
          className={`min-h-12 rounded-lg text-base font-semibold ${
            section === option ? 'bg-white text-brand-800 shadow-sm' : 'text-slate-600'
          }`}
        >
          {t(`staff.${option}`)}
        </button>
      ))}
    </div>
  );
}
