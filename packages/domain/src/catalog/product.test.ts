import { describe, expect, it } from 'vitest';
import { MAX_CENTS } from '../money/cents.js';
import { MAX_ALTERNATE_BARCODES, MEDICINE_SCHEDULES, productInputSchema, productSchema } from './product.js';

const id = '0b9f1c8e-6a1d-4d0e-9a43-8f3c2a1b7e11';
const base = { id, name: 'Panado 500mg 24s', price: 3999 };

function issuesOf(input: unknown): string[] {
  const parsed = productInputSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
}

describe('product input (SPEC CA)', () => {
  it('CA1–CA5: takes every pharmacy field, trimmed', () => {
    const parsed = productInputSchema.parse({
      ...base,
      barcode: '6001234567890',
      alternateBarcodes: [' 6001234567906 ', 'PAN-OLD-1'],
      brandName: ' Panado ',
      genericName: 'paracetamol',
      cost: 2450,
      requiresPrescription: true,
      schedule: 'S2',
      reorderLevel: 6,
      isActive: false,
    });
    expect(parsed).toMatchObject({
      alternateBarcodes: ['6001234567906', 'PAN-OLD-1'],
      brandName: 'Panado',
      cost: 2450,
      requiresPrescription: true,
      schedule: 'S2',
      reorderLevel: 6,
      isActive: false,
    });
  });

  it('protocol v1: a product without the new fields is still valid and gains none of them', () => {
    const parsed = productInputSchema.parse(base);
    expect(parsed).toEqual(base);
    for (const key of ['alternateBarcodes', 'brandName', 'cost', 'requiresPrescription', 'schedule', 'reorderLevel']) {
      expect(key in parsed).toBe(false);
    }
  });

  it('CA1, CA3–CA5: takes null for none', () => {
    expect(
      productInputSchema.parse({ ...base, brandName: null, cost: null, schedule: null, reorderLevel: null }),
    ).toMatchObject({ brandName: null, cost: null, schedule: null, reorderLevel: null });
  });

  it('CA4: a schedule is one of S0 to S8', () => {
    expect(MEDICINE_SCHEDULES).toEqual(['S0', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8']);
    for (const schedule of MEDICINE_SCHEDULES) expect(issuesOf({ ...base, schedule })).toEqual([]);
    for (const schedule of ['S9', 's2', 'S', '', 2]) expect(issuesOf({ ...base, schedule })).toEqual(['schedule']);
  });

  it('CA3: a cost is whole cents from 0 to the most a price may be', () => {
    expect(issuesOf({ ...base, cost: 0 })).toEqual([]);
    expect(issuesOf({ ...base, cost: MAX_CENTS })).toEqual([]);
    for (const cost of [-1, 12.5, MAX_CENTS + 1, '2450']) expect(issuesOf({ ...base, cost })).toEqual(['cost']);
  });

  it('CA5: a reorder level is a whole number of units, 0 or more', () => {
    expect(issuesOf({ ...base, reorderLevel: 0 })).toEqual([]);
    for (const reorderLevel of [-1, 2.5, '6']) expect(issuesOf({ ...base, reorderLevel })).toEqual(['reorderLevel']);
  });

  it('CA1: a brand name is at most 120 characters', () => {
    expect(issuesOf({ ...base, brandName: 'x'.repeat(120) })).toEqual([]);
    expect(issuesOf({ ...base, brandName: 'x'.repeat(121) })).toEqual(['brandName']);
  });

  it('CA2: up to 10 extra barcodes, each a barcode, none twice and none the product’s own', () => {
    const ten = Array.from({ length: MAX_ALTERNATE_BARCODES }, (_, index) => `600100000000${index}`);
    expect(issuesOf({ ...base, alternateBarcodes: ten })).toEqual([]);
    expect(issuesOf({ ...base, alternateBarcodes: [] })).toEqual([]);
    expect(issuesOf({ ...base, alternateBarcodes: [...ten, '6001000000010'] })).toEqual(['alternateBarcodes']);
    expect(issuesOf({ ...base, alternateBarcodes: ['600 100'] })).toEqual(['alternateBarcodes.0']);
    expect(issuesOf({ ...base, alternateBarcodes: ['6001000000001', ' 6001000000001'] })).toEqual([
      'alternateBarcodes',
    ]);
    expect(issuesOf({ ...base, barcode: '6001000000001', alternateBarcodes: ['6001000000001'] })).toEqual([
      'alternateBarcodes',
    ]);
  });

  it('CA4: requires-prescription is a yes or no', () => {
    expect(issuesOf({ ...base, requiresPrescription: 'yes' })).toEqual(['requiresPrescription']);
  });
});

describe('product as pulled (SPEC CA)', () => {
  const pulled = {
    ...base,
    barcode: null,
    category: null,
    isActive: true,
    trackStock: false,
    oversellPolicy: null,
    syncVersion: 1,
    lastModified: '2026-11-23T14:45:00.000Z',
  };

  it('protocol v1: a product from a server before the pharmacy fields is valid', () => {
    expect(productSchema.safeParse(pulled).success).toBe(true);
  });

  it('carries the pharmacy fields', () => {
    const full = {
      ...pulled,
      alternateBarcodes: ['6001000000001'],
      brandName: 'Panado',
      cost: 2450,
      requiresPrescription: false,
      schedule: 'S0',
      reorderLevel: 4,
    };
    expect(productSchema.parse(full)).toEqual(full);
  });
});
