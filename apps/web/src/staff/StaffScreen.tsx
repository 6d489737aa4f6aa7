import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '@opentill/domain';
import { DevicesSection } from '../devices/DevicesSection';
import type { StaffAccess } from '../shell/useStaffAccess';
import { PeopleSection } from './PeopleSection';

type Section = 'people' | 'devices';

/**
 * The owner's screen for who and what may use the shop: its people and its devices,
 * two sections behind one tab so a 360 px phone keeps four bottom tabs. A branch
 * manager may manage devices but not people, and sees only Devices.
 */
export function StaffScreen({ session, access }: { session: Session; access: StaffAccess }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<Section>('people');
  const section: Section = access.people && access.devices ? picked : access.people ? 'people' : 'devices';
  return (
    <div className="h-full overflow-y-auto">
      <div className="flex flex-col gap-4 px-3 py-3">
        <h2 className="px-1 text-xl font-bold text-slate-900">
          {access.people ? t('staff.title') : t('devices.title')}
        </h2>
        {access.people && access.devices ? <SectionSwitch section={section} onPick={setPicked} /> : null}
        {section === 'people' ? (
          <PeopleSection session={session} />
        ) : (
          <DevicesSection thisDeviceId={session.device.id} />
        )}
      </div>
    </div>
  );
}

function SectionSwitch({ section, onPick }: { section: Section; onPick: (section: Section) => void }) {
  const { t } = useTranslation();
  const options: { value: Section; label: string }[] = [
    { value: 'people', label: t('staff.people') },
    { value: 'devices', label: t('staff.devices') },
  ];
  return (
    <div role="group" aria-label={t('staff.sections')} className="grid grid-cols-2 gap-1 rounded-xl bg-slate-200 p-1">
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={section === option.value}
          onClick={() => onPick(option.value)}
          data-testid={`staff-section-${option.value}`}
          className={`min-h-12 rounded-lg text-base font-semibold ${
            section === option.value ? 'bg-white text-brand-800 shadow-sm' : 'text-slate-600'
          }`}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
