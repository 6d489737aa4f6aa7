import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shelf } from './productFilter';

interface ShelfChipsProps {
  categories: readonly string[];
  hasFavourites: boolean;
  shelf: Shelf;
  onPick: (shelf: Shelf) => void;
}

const same = (a: Shelf, b: Shelf) =>
  a.kind === b.kind && (a.kind !== 'category' || (b.kind === 'category' && a.category === b.category));

/** The grid's shelves in one scrolling row: all products, the shop's favourites, each category. */
export const ShelfChips = memo(function ShelfChips({ categories, hasFavourites, shelf, onPick }: ShelfChipsProps) {
  const { t } = useTranslation();
  if (categories.length === 0 && !hasFavourites) return null;
  const shelves: { shelf: Shelf; label: string; testId: string }[] = [
    { shelf: { kind: 'all' }, label: t('sales.shelves.all'), testId: 'shelf-all' },
    ...(hasFavourites
      ? [{ shelf: { kind: 'favourites' } as Shelf, label: t('sales.shelves.favourites'), testId: 'shelf-favourites' }]
      : []),
    ...categories.map((category) => ({
      shelf: { kind: 'category', category } as Shelf,
      label: category,
      testId: 'shelf-category',
    })),
  ];
  return (
    <div role="group" aria-label={t('sales.shelves.label')} className="flex gap-2 overflow-x-auto px-3 pb-2">
      {shelves.map((entry) => {
        const picked = same(entry.shelf, shelf);
        return (
          <button
            key={entry.testId === 'shelf-category' ? `category:${entry.label}` : entry.testId}
            type="button"
            aria-pressed={picked}
            onClick={() => onPick(entry.shelf)}
            data-testid={entry.testId}
            className={`min-h-10 shrink-0 rounded-full px-4 text-sm font-medium whitespace-nowrap ring-1 ${
              picked ? 'bg-brand-700 text-white ring-brand-700' : 'bg-white text-slate-700 ring-slate-300'
            }`}
          >
            {entry.label}
          </button>
        );
      })}
    </div>
  );
});
