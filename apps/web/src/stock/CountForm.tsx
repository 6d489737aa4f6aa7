import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countNeedsApproval } from '@opentill/domain';
import { useLiveActingUser } from '../db';
import { ManagerApproval } from '../sales/ManagerApproval';
import { QuantityForm } from './QuantityForm';
import { stockSaveError } from './stockSaveError';

interface CountFormProps {
  label: string;
  submitLabel: string;
  /** Test ids of the quantity form: `${testIdPrefix}-quantity`, `-save` and `-cancel`. */
  testIdPrefix: string;
  /** The figure this phone shows: a count that agrees with it moves nothing and needs no approval. */
  shown: number;
  /** The words above the approvers' names for a count of `counted` units. */
  approvalReason: (counted: number) => string;
  /** Books the count; `approvedBy`: the manager who approved it, when it needed one. */
  onCounted: (counted: number, approvedBy: string | undefined) => Promise<void>;
  onCancel: () => void;
}

/**
 * A count of one product's shelf (SPEC SC4). Someone who may only count (a pharmacist's assistant) has a manager
 * approve a count that differs from the figure, by PIN on this phone, before it moves stock; the number typed
 * stays in the form meanwhile, and comes back with the reason if booking it fails.
 */
export function CountForm({
  label,
  submitLabel,
  testIdPrefix,
  shown,
  approvalReason,
  onCounted,
  onCancel,
}: CountFormProps) {
  const { t } = useTranslation();
  const acting = useLiveActingUser();
  const [awaiting, setAwaiting] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(counted: number) {
    setError(null);
    if (counted !== shown && acting && countNeedsApproval(acting.role)) setAwaiting(counted);
    else await onCounted(counted, undefined);
  }

  async function approved(counted: number, approvedBy: string) {
    try {
      await onCounted(counted, approvedBy);
    } catch (failure) {
      setError(stockSaveError(failure, t));
      setAwaiting(null);
    }
  }

  return (
    <>
      {awaiting === null ? null : (
        <ManagerApproval
          action="stock:approve"
          reason={approvalReason(awaiting)}
          onApproved={(approver) => void approved(awaiting, approver.userId)}
          onCancel={() => setAwaiting(null)}
        />
      )}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div hidden={awaiting !== null}>
        <QuantityForm
          label={label}
          min={0}
          submitLabel={submitLabel}
          onSubmit={submit}
          onCancel={onCancel}
          testIdPrefix={testIdPrefix}
        />
      </div>
    </>
  );
}
