import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '@opentill/domain';
import { requestRosterRefresh } from '../sync';
import { useOnline } from '../ui/useOnline';
import { AddStaffForm } from './AddStaffForm';
import { StaffList } from './StaffList';
import { staffFailureMessage } from './staffFailureMessage';
import { useStaffList } from './useStaffList';

type Notice = { tone: 'ok' | 'error'; text: string };

/**
 * The owner's (or an admin's) people: who works here, add a person with a role and a
 * PIN, disable or enable someone. Online only: staff live on the server. After each
 * change this phone fetches the roster again, so the new person can switch in here.
 */
export function PeopleSection({ session }: { session: Session }) {
  const { t } = useTranslation();
  const online = useOnline();
  const { staff, failure, reload } = useStaffList(online);
  const [notice, setNotice] = useState<Notice | null>(null);

  function afterChange(text: string) {
    setNotice({ tone: 'ok', text });
    reload();
    requestRosterRefresh();
  }

  const loadError = failure && failure.kind !== 'offline' ? failure : null;
  return (
    <>
      {!online ? (
        <p
          role="status"
          data-testid="staff-offline"
          className="rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          {t('staff.offline')}
        </p>
      ) : null}
      {notice ? (
        <p
          role={notice.tone === 'error' ? 'alert' : 'status'}
          data-testid="staff-message"
          className={`px-1 text-sm ${notice.tone === 'error' ? 'text-red-700' : 'text-brand-800'}`}
        >
          {notice.text}
        </p>
      ) : null}
      {loadError ? (
        <p role="alert" data-testid="staff-load-error" className="px-1 text-sm text-red-700">
          {staffFailureMessage(loadError, t)}
        </p>
      ) : null}
      <StaffList
        staff={staff}
        selfId={session.user.id}
        online={online}
        onChanged={afterChange}
        onError={(text) => setNotice({ tone: 'error', text })}
      />
      <AddStaffForm
        branch={session.branch}
        online={online}
        onAdded={(member) => afterChange(t('staff.added', { name: member.name }))}
      />
    </>
  );
}
