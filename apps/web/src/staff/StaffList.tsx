import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '@opentill/domain';
import { Button } from '../ui/Button';
import { updateStaff } from './staffApi';
import { staffFailureMessage } from './staffFailureMessage';

interface StaffListProps {
  staff: readonly StaffMember[] | null;
  /** The signed-in user: they cannot disable themselves. */
  selfId: string;
  online: boolean;
  onChanged: (message: string) => void;
  onError: (message: string) => void;
}

/** The shop's people with their role; each can be disabled or enabled again (not the owner, not oneself). */
export function StaffList({ staff, selfId, online, onChanged, onError }: StaffListProps) {
  const { t } = useTranslation();
  return (
    <section className="flex flex-col gap-2 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h3 className="text-lg font-bold text-slate-900">{t('staff.listTitle')}</h3>
      {staff === null ? (
        <p className="text-sm text-slate-500">{online ? t('staff.loading') : t('staff.offline')}</p>
      ) : (
        <ul data-testid="staff-list" className="divide-y divide-slate-100">
          {staff.map((member) => (
            <StaffListRow
              key={member.id}
              member={member}
              isSelf={member.id === selfId}
              online={online}
              onChanged={onChanged}
              onError={onError}
            />
          ))}
        </ul>
      )}
      {staff?.length === 1 ? <p className="text-sm text-slate-500">{t('staff.empty')}</p> : null}
    </section>
  );
}

interface StaffListRowProps {
  member: StaffMember;
  isSelf: boolean;
  online: boolean;
  onChanged: (message: string) => void;
  onError: (message: string) => void;
}

function StaffListRow({ member, isSelf, online, onChanged, onError }: StaffListRowProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const canToggle = member.role !== 'OWNER' && !isSelf;

  async function toggle() {
    setBusy(true);
    const result = await updateStaff(member.id, { active: !member.active });
    setBusy(false);
    if (!result.ok) {
      onError(staffFailureMessage(result.failure, t));
      return;
    }
    onChanged(
      result.value.active
        ? t('staff.enabledDone', { name: result.value.name })
        : t('staff.disabledDone', { name: result.value.name }),
    );
  }

  return (
    <li data-testid="staff-row" className="flex min-h-14 items-center justify-between gap-3 py-2">
      <span className="min-w-0">
        <span className={`block truncate font-semibold ${member.active ? 'text-slate-900' : 'text-slate-400'}`}>
          {member.name}
          {isSelf ? <span className="font-normal text-slate-500"> · {t('staff.you')}</span> : null}
        </span>
        <span className="block text-sm text-slate-500">
          {t(`roles.${member.role}`)}
          {member.active ? '' : ` · ${t('staff.disabled')}`}
        </span>
      </span>
      {canToggle ? (
        <Button
          variant="secondary"
          disabled={!online || busy}
          onClick={() => void toggle()}
          data-testid="staff-toggle-active"
          className="shrink-0"
        >
          {member.active ? t('staff.disable') : t('staff.enable')}
        </Button>
      ) : null}
    </li>
  );
}
