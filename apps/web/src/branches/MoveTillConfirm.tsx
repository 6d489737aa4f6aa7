import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import type { Branch } from './branchesApi';
import { branchesFailureMessage } from './branchesFailureMessage';
import { moveTillTo } from './moveTill';

interface MoveTillConfirmProps {
  branch: Branch;
  online: boolean;
  onCancel: () => void;
  onMoved: (branch: Branch) => void;
  onError: (message: string) => void;
}

/** The step before moving this till (BR3): it will sell the other branch's stock, and not while work waits here. */
export function MoveTillConfirm({ branch, online, onCancel, onMoved, onError }: MoveTillConfirmProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [busy, setBusy] = useState(false);

  async function move() {
    setBusy(true);
    const outcome = await moveTillTo(branch.id);
    setBusy(false);
    if (outcome.kind === 'moved') onMoved(outcome.branch);
    else if (outcome.kind === 'unsynced') onError(t('branches.unsynced', { count: outcome.count }));
    else if (outcome.kind === 'shiftOpen') onError(t('branches.shiftOpen'));
    else onError(branchesFailureMessage(outcome.failure, t));
  }

  return (
    <div
      role="group"
      aria-labelledby={titleId}
      data-testid="branch-move-confirm"
      className="flex flex-col gap-3 rounded-xl bg-amber-50 p-3 ring-1 ring-amber-200"
    >
      <p id={titleId} className="font-semibold text-amber-950">
        {t('branches.moveTitle', { name: branch.name })}
      </p>
      <p className="text-sm text-amber-950">{t('branches.moveBody', { name: branch.name })}</p>
      <div className="grid grid-cols-2 gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={busy} data-testid="branch-move-cancel">
          {t('branches.cancel')}
        </Button>
        <Button onClick={() => void move()} disabled={!online || busy} data-testid="branch-move-yes">
          {busy ? t('branches.moving') : t('branches.moveConfirm')}
        </Button>
      </div>
    </div>
  );
}
