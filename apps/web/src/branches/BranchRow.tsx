import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import { renameBranch, type Branch } from './branchesApi';
import { branchesFailureMessage } from './branchesFailureMessage';
import { BranchNameForm } from './BranchNameForm';
import { MoveTillConfirm } from './MoveTillConfirm';

interface BranchRowProps {
  branch: Branch;
  /** The branch this till stands in (its stored session's). */
  thisTill: boolean;
  canRename: boolean;
  canMove: boolean;
  online: boolean;
  onRenamed: (branch: Branch) => void;
  onMoved: (branch: Branch) => void;
  onError: (message: string) => void;
}

/** One branch: its name, "This till" on the till's own, "Rename" (BR2), "Move this till here" on the others. */
export function BranchRow({
  branch,
  thisTill,
  canRename,
  canMove,
  online,
  onRenamed,
  onMoved,
  onError,
}: BranchRowProps) {
  const { t } = useTranslation();
  const [step, setStep] = useState<'none' | 'rename' | 'move'>('none');

  async function rename(name: string): Promise<string | null> {
    const result = await renameBranch(branch.id, name);
    if (!result.ok) return branchesFailureMessage(result.failure, t);
    setStep('none');
    onRenamed(result.value);
    return null;
  }

  return (
    <li
      data-testid="branch-row"
      data-branch-id={branch.id}
      data-this-till={thisTill}
      className="flex flex-col gap-2 py-3"
    >
      <div className="flex min-h-12 items-center justify-between gap-3">
        <span className="min-w-0">
          <span className="block truncate font-semibold text-slate-900" data-testid="branch-name">
            {branch.name}
          </span>
          {thisTill ? <span className="block text-sm text-brand-800">{t('branches.thisTill')}</span> : null}
        </span>
        {canRename && step === 'none' ? (
          <Button
            variant="ghost"
            disabled={!online}
            onClick={() => setStep('rename')}
            data-testid="branch-rename"
            className="shrink-0"
          >
            {t('branches.rename')}
          </Button>
        ) : null}
      </div>
      {canMove && !thisTill && step === 'none' ? (
        <Button variant="secondary" disabled={!online} onClick={() => setStep('move')} data-testid="branch-move">
          {t('branches.move')}
        </Button>
      ) : null}
      {step === 'rename' ? (
        <BranchNameForm
          testId="branch-rename"
          label={t('branches.newName')}
          submitLabel={t('branches.save')}
          initial={branch.name}
          online={online}
          onSubmit={rename}
          onCancel={() => setStep('none')}
        />
      ) : null}
      {step === 'move' ? (
        <MoveTillConfirm
          branch={branch}
          online={online}
          onCancel={() => setStep('none')}
          onMoved={(moved) => {
            setStep('none');
            onMoved(moved);
          }}
          onError={(message) => {
            setStep('none');
            onError(message);
          }}
        />
      ) : null}
    </li>
  );
}
