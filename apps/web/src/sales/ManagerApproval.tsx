import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, type Action } from '@opentill/domain';
import { useLiveActingUser, useLivePinLockouts, useLiveRoster, type ActingUser, type StaffRow } from '../db';
import { PinStep } from '../cashier/PinStep';
import { RosterList } from '../cashier/RosterList';
import { approveByPin } from '../cashier/switchCashier';
import { Button } from '../ui/Button';

interface ManagerApprovalProps {
  action: Action;
  /** What is being approved, in words, shown above the names. */
  reason: string;
  onApproved: (approver: ActingUser) => void;
  onCancel: () => void;
}

/**
 * Someone allowed to do `action` approves it on the spot with their PIN, checked
 * on this phone with no network, under the same lockout as switching cashier
 * (SPEC ID3). The acting user does not change.
 */
export function ManagerApproval({ action, reason, onApproved, onCancel }: ManagerApprovalProps) {
  const { t } = useTranslation();
  const roster = useLiveRoster();
  const acting = useLiveActingUser();
  const lockouts = useLivePinLockouts();
  const [person, setPerson] = useState<StaffRow | null>(null);
  const approvers = (roster ?? []).filter((entry) => can(entry.role, action) && entry.userId !== acting?.userId);

  return (
    <div data-testid="manager-approval" className="flex flex-col gap-3">
      <p className="rounded-xl bg-white px-4 py-3 text-slate-800 ring-1 ring-slate-200">{reason}</p>
      {person ? (
        <PinStep
          person={person}
          lockedUntil={lockouts?.get(person.userId)}
          check={approveByPin}
          onSwitched={onApproved}
        />
      ) : approvers.length === 0 ? (
        <p role="status" className="rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
          {t('sales.approval.nobody')}
        </p>
      ) : (
        <>
          <p className="text-sm font-medium text-slate-700">{t('sales.approval.who')}</p>
          <RosterList roster={approvers} actingUserId={undefined} lockouts={lockouts ?? new Map()} onPick={setPerson} />
        </>
      )}
      <Button variant="secondary" onClick={person ? () => setPerson(null) : onCancel} data-testid="approval-cancel">
        {person ? t('sales.approval.back') : t('sales.approval.cancel')}
      </Button>
    </div>
  );
}
