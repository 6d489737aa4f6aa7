import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, uncountedLines, type StockCount } from '@opentill/domain';
import { useLiveActingUser, type LocalProduct } from '../db';
import { cancelCount, useLiveOpenCount } from '../db/stockCounts';
import { ManagerApproval } from '../sales/ManagerApproval';
import { Button } from '../ui/Button';
import { CountLineInput } from './CountLineInput';
import { CountReview } from './CountReview';
import { StartCount } from './StartCount';

/** The most lines listed at once: a full count of a big shop is found by its search box. */
const LINES_SHOWN = 50;

/**
 * Stock counts on the Products screen (SPEC SC), for people who may count (`stock:count`): start a full or
 * cycle count, count blind, then a person with `stock:approve` (the one counting, or a manager by PIN)
 * reviews the differences and books them. The count is kept on this phone until then, offline.
 */
export default function CountsPanel({ products }: { products: readonly LocalProduct[] }) {
  const { t } = useTranslation();
  const acting = useLiveActingUser();
  const count = useLiveOpenCount();
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const say = (text: string, error = false) => setNotice({ text, error });

  return (
    <section
      data-testid="counts-panel"
      className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h2 className="text-lg font-bold text-slate-900">{t('counts.title')}</h2>
      {notice ? (
        <p
          role={notice.error ? 'alert' : 'status'}
          data-testid="counts-notice"
          className={`text-sm ${notice.error ? 'text-red-700' : 'text-brand-800'}`}
        >
          {notice.text}
        </p>
      ) : null}
      {count === undefined || !acting ? null : count === null ? (
        <StartCount products={products} startedBy={acting.userId} onError={(text) => say(text, true)} />
      ) : (
        <OpenCount
          key={count.id}
          count={count}
          approverId={can(acting.role, 'stock:approve') ? acting.userId : null}
          onNotice={say}
        />
      )}
    </section>
  );
}

interface OpenCountProps {
  count: StockCount;
  /** The acting person when they may approve; null: a manager approves by PIN. */
  approverId: string | null;
  onNotice: (text: string, error?: boolean) => void;
}

function OpenCount({ count, approverId, onNotice }: OpenCountProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [step, setStep] = useState<'counting' | 'approval' | 'review' | 'cancel'>('counting');
  const [approver, setApprover] = useState<string | null>(null);
  const left = uncountedLines(count).length;
  const wanted = query.trim().toLocaleLowerCase();
  const shown = [...count.lines]
    .filter((line) => line.name.toLocaleLowerCase().includes(wanted))
    .sort((a, b) => Number(a.counted !== null) - Number(b.counted !== null))
    .slice(0, LINES_SHOWN);

  if (step === 'approval') {
    return (
      <ManagerApproval
        action="stock:approve"
        reason={t('counts.approvalReason', { count: count.lines.length })}
        onApproved={(person) => {
          setApprover(person.userId);
          setStep('review');
        }}
        onCancel={() => setStep('counting')}
      />
    );
  }
  const reviewer = approver ?? approverId;
  if (step === 'review' && reviewer) {
    return (
      <CountReview
        count={count}
        approverId={reviewer}
        onDone={(message) => {
          setStep('counting');
          setApprover(null);
          onNotice(message);
        }}
        onError={(message) => onNotice(message, true)}
      />
    );
  }

  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-slate-700" data-testid="count-progress">
        {t(count.kind === 'full' ? 'counts.progressFull' : 'counts.progressCycle', {
          counted: count.lines.length - left,
          count: count.lines.length,
        })}
      </p>
      <p className="text-sm text-slate-500">{t('counts.blindHint')}</p>
      <input
        type="search"
        aria-label={t('counts.search')}
        placeholder={t('counts.search')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        className="min-h-12 rounded-xl border border-slate-300 px-3 text-lg"
        data-testid="count-search"
      />
      <ul className="divide-y divide-slate-100">
        {shown.map((line) => (
          <CountLineInput key={line.productId} countId={count.id} line={line} />
        ))}
      </ul>
      <Button
        disabled={left > 0}
        onClick={() => setStep(approverId ? 'review' : 'approval')}
        data-testid="count-finish"
      >
        {left > 0 ? t('counts.left', { count: left }) : t('counts.finish')}
      </Button>
      {step === 'cancel' ? (
        <div role="alertdialog" className="grid grid-cols-2 gap-2 rounded-xl bg-red-50 p-3 ring-1 ring-red-200">
          <p className="col-span-2 text-sm text-red-900">{t('counts.cancelConfirm')}</p>
          <Button variant="secondary" onClick={() => setStep('counting')}>
            {t('counts.keep')}
          </Button>
          <Button
            variant="danger"
            onClick={() => void cancelCount(count.id).then(() => onNotice(t('counts.cancelled')))}
            data-testid="count-cancel-yes"
          >
            {t('counts.cancelYes')}
          </Button>
        </div>
      ) : (
        <Button variant="ghost" onClick={() => setStep('cancel')} data-testid="count-cancel">
          {t('counts.cancel')}
        </Button>
      )}
    </div>
  );
}
