import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseRands, type ShiftReport } from '@opentill/domain';
import { closeShift, openShift, recordCashMovement, reportOf, useLiveOpenShift, type LocalShift } from '../db';
import { requestSync } from '../sync';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { FullScreenDialog } from '../ui/FullScreenDialog';
import { BlindCount } from './BlindCount';
import { ShiftReportView } from './ShiftReportView';

/**
 * The shift (SPEC SH): open it with a float; while open, its X report, cash in
 * and out with a reason, and closing with a blind count, after which the Z report
 * shows. Everything works offline and reaches the server through sync.
 */
export function ShiftDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const shift = useLiveOpenShift();
  const [zReport, setZReport] = useState<ShiftReport | null>(null);
  const [counting, setCounting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function run(step: () => Promise<unknown>) {
    setProblem(null);
    try {
      await step();
      requestSync();
    } catch (error) {
      console.error('Shift step not recorded', error);
      setProblem(t('shift.failed'));
    }
  }

  return (
    <FullScreenDialog
      title={zReport ? t('shift.zTitle') : t('shift.title')}
      closeLabel={t('shift.close')}
      onClose={onClose}
      testId="shift-dialog"
    >
      {problem ? (
        <p role="alert" className="rounded-xl bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-red-200">
          {problem}
        </p>
      ) : null}
      {zReport ? (
        <>
          <ShiftReportView report={zReport} testId="z-report" />
          <Button onClick={onClose} data-testid="shift-done">
            {t('shift.done')}
          </Button>
        </>
      ) : shift === undefined ? null : shift === null ? (
        <OpenShiftForm onOpen={(float) => run(() => openShift(float))} />
      ) : counting ? (
        <BlindCount
          onCancel={() => setCounting(false)}
          onCount={(counted) => run(async () => setZReport(await closeShift(counted)))}
        />
      ) : (
        <OpenShiftView shift={shift} onMovement={run} onClose={() => setCounting(true)} />
      )}
    </FullScreenDialog>
  );
}

function OpenShiftForm({ onOpen }: { onOpen: (float: number) => Promise<void> }) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const float = parseRands(input === '' ? '0' : input);
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (float !== null) void onOpen(float);
      }}
    >
      <Field
        label={t('shift.float')}
        inputMode="decimal"
        value={input}
        onChange={(event) => setInput(event.target.value)}
        error={float === null ? t('sales.payment.invalidAmount') : undefined}
        data-testid="shift-float"
      />
      <Button type="submit" disabled={float === null} data-testid="shift-open-confirm">
        {t('shift.open')}
      </Button>
    </form>
  );
}

interface OpenShiftViewProps {
  shift: LocalShift;
  onMovement: (step: () => Promise<unknown>) => Promise<void>;
  onClose: () => void;
}

function OpenShiftView({ shift, onMovement, onClose }: OpenShiftViewProps) {
  const { t } = useTranslation();
  const [report, setReport] = useState<ShiftReport | null>(null);
  const [kind, setKind] = useState<'in' | 'out'>('out');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [version, setVersion] = useState(0);
  const cents = parseRands(amount);

  useEffect(() => {
    let current = true;
    void reportOf(shift).then((next) => current && setReport(next));
    return () => {
      current = false;
    };
  }, [shift, version]);

  return (
    <>
      <p className="text-sm font-medium text-slate-700">{t('shift.xTitle')}</p>
      {report ? <ShiftReportView report={report} testId="x-report" /> : null}
      <form
        className="flex flex-col gap-2 rounded-xl bg-white p-3 ring-1 ring-slate-200"
        onSubmit={(event) => {
          event.preventDefault();
          if (cents === null) return;
          void onMovement(async () => {
            await recordCashMovement(kind, cents, reason);
            setAmount('');
            setReason('');
            setVersion((n) => n + 1);
          });
        }}
      >
        <div role="radiogroup" aria-label={t('shift.cashKind')} className="grid grid-cols-2 gap-2">
          {(['in', 'out'] as const).map((option) => (
            <Button
              key={option}
              role="radio"
              aria-checked={kind === option}
              variant={kind === option ? 'primary' : 'secondary'}
              onClick={() => setKind(option)}
              data-testid={`cash-${option}`}
            >
              {t(`shift.cash.${option}`)}
            </Button>
          ))}
        </div>
        <Field
          label={t('shift.amount')}
          inputMode="decimal"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          data-testid="cash-amount"
        />
        <Field
          label={t('shift.reason')}
          value={reason}
          maxLength={120}
          onChange={(event) => setReason(event.target.value)}
          data-testid="cash-reason"
        />
        <Button
          type="submit"
          variant="secondary"
          disabled={cents === null || cents === 0 || reason.trim() === ''}
          data-testid="cash-record"
        >
          {t('shift.record')}
        </Button>
      </form>
      <Button onClick={onClose} data-testid="shift-close">
        {t('shift.closeShift')}
      </Button>
    </>
  );
}
