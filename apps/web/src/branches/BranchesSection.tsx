import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '@opentill/domain';
import { setSessionBranch } from '../db/sessionBranch';
import { useOnline } from '../ui/useOnline';
import { addBranch, type Branch } from './branchesApi';
import { branchesFailureMessage } from './branchesFailureMessage';
import { BranchNameForm } from './BranchNameForm';
import { BranchRow } from './BranchRow';
import { useBranchList } from './useBranchList';

type Notice = { tone: 'ok' | 'error'; text: string };

interface BranchesSectionProps {
  /** The branch this till stands in, from the live stored session: it follows a move at once. */
  thisBranch: Session['branch'];
  /** `branch:manage`: adds and renames branches. */
  canManage: boolean;
  /** `device:manage`: moves this till to another branch. */
  canMove: boolean;
}

/**
 * The shop's branches (SPEC BR4): which one this till stands in, adding and renaming them, and moving this
 * till to the branch it now stands in. Online only: branches live on the server.
 */
export function BranchesSection({ thisBranch, canManage, canMove }: BranchesSectionProps) {
  const { t } = useTranslation();
  const online = useOnline();
  const { branches, failure, reload } = useBranchList(online);
  const [notice, setNotice] = useState<Notice | null>(null);

  async function add(name: string): Promise<string | null> {
    const result = await addBranch(name);
    if (!result.ok) return branchesFailureMessage(result.failure, t);
    setNotice({ tone: 'ok', text: t('branches.added', { name: result.value.name }) });
    reload();
    return null;
  }

  async function afterRenamed(branch: Branch) {
    // The till's own branch: its stored name follows, so other screens (adding staff) name it right.
    if (branch.id === thisBranch.id) await setSessionBranch(branch);
    setNotice({ tone: 'ok', text: t('branches.renamed', { name: branch.name }) });
    reload();
  }

  const loadError = failure && failure.kind !== 'offline' ? failure : null;
  return (
    <div className="flex flex-col gap-4">
      <section
        data-testid="branches-section"
        className="flex flex-col gap-2 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
      >
        <h3 className="text-lg font-bold text-slate-900">{t('branches.title')}</h3>
        <p className="text-sm text-slate-600">{t('branches.intro')}</p>
        {!online ? (
          <p
            role="status"
            data-testid="branches-offline"
            className="rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200"
          >
            {t('branches.offline')}
          </p>
        ) : null}
        {notice ? (
          <p
            role={notice.tone === 'error' ? 'alert' : 'status'}
            data-testid="branches-message"
            className={`text-sm ${notice.tone === 'error' ? 'text-red-700' : 'text-brand-800'}`}
          >
            {notice.text}
          </p>
        ) : null}
        {loadError ? (
          <p role="alert" data-testid="branches-load-error" className="text-sm text-red-700">
            {branchesFailureMessage(loadError, t)}
          </p>
        ) : null}
        {branches === null ? (
          online ? (
            <p className="text-sm text-slate-500">{t('branches.loading')}</p>
          ) : null
        ) : (
          <ul data-testid="branches-list" className="divide-y divide-slate-100">
            {branches.map((branch) => (
              <BranchRow
                key={branch.id}
                branch={branch}
                thisTill={branch.id === thisBranch.id}
                canRename={canManage}
                canMove={canMove}
                online={online}
                onRenamed={(renamed) => void afterRenamed(renamed)}
                onMoved={(moved) => setNotice({ tone: 'ok', text: t('branches.moved', { name: moved.name }) })}
                onError={(text) => {
                  setNotice({ tone: 'error', text });
                  reload(); // e.g. renamed meanwhile on another phone: show it as it is now
                }}
              />
            ))}
          </ul>
        )}
      </section>
      {canManage ? (
        <section className="flex flex-col gap-2 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <h3 className="text-lg font-bold text-slate-900">{t('branches.addTitle')}</h3>
          <BranchNameForm
            testId="branch-add"
            label={t('branches.name')}
            submitLabel={t('branches.add')}
            online={online}
            onSubmit={add}
          />
        </section>
      ) : null}
    </div>
  );
}
