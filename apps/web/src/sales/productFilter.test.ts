import { describe, expect, it } from 'vitest';
import { cents } from '@opentill/domain';
import type { LocalProduct } from '../db';
import { buildProductSearch, searchProducts } from './productFilter';

function product(name: string, barcode: string | null, category: string | null, isActive = true): LocalProduct {
  return {
    id: crypto.randomUUID(),
    name,
    price: cents(100),
    barcode,
    category,
    isActive,
    trackStock: false,
    oversellPolicy: null,
    syncVersion: 1,
    lastModified: '2026-11-23T10:00:00Z',
  };
}

const bread = product('Albany White Bread 700g', '6001253010123', 'Bakery');
const milk = product('Clover Milk 1L', '6001299000011', 'Dairy');
const rolls = product('Bread rolls 6s', null, 'Bakery');
const hidden = product('Old Bread', '123', 'Bakery', false);
const all = [bread, milk, rolls, hidden];

const filterProducts = (products: LocalProduct[], query: string) =>
  searchProducts(buildProductSearch(products), query).shown;

describe('searchProducts', () => {
  it('shows every active product for an empty query', () => {
    expect(filterProducts(all, '  ')).toEqual([bread, milk, rolls]);
  });

  it('matches name, barcode or category, ignoring case', () => {
    expect(filterProducts(all, 'bread')).toEqual([bread, rolls]);
    expect(filterProducts(all, 'DAIRY')).toEqual([milk]);
    expect(filterProducts(all, '0011')).toEqual([milk]);
  });

  it('shelves: the favourites or one category, searched within; the categories sorted, favourites known', () => {
    const favouriteMilk = { ...milk, favourite: true };
    const search = buildProductSearch([bread, favouriteMilk, rolls, hidden]);
    expect(search.categories).toEqual(['Bakery', 'Dairy']);
    expect(search.hasFavourites).toBe(true);
    const shelf = (kind: 'favourites' | 'Bakery', query = '') =>
      searchProducts(search, query, Infinity, kind === 'favourites' ? { kind } : { kind: 'category', category: kind });
    expect(shelf('favourites').shown).toEqual([favouriteMilk]);
    expect(shelf('favourites').only).toEqual(favouriteMilk);
    expect(shelf('Bakery')).toMatchObject({ shown: [bread, rolls], total: 2, only: null });
    expect(shelf('Bakery', 'rolls').shown).toEqual([rolls]);
    expect(shelf('favourites', 'bread').total).toBe(0);
    expect(buildProductSearch([bread]).hasFavourites).toBe(false);
  });

  it('V1: matches a stock code or a medicine’s generic name', () => {
    const panado = { ...product('Panado 500mg 24s', null, 'Pharmacy'), sku: 'PAN-24', genericName: 'Paracetamol' };
    const products = [bread, panado];
    expect(filterProducts(products, 'paracetamol')).toEqual([panado]);
    expect(filterProducts(products, 'pan-24')).toEqual([panado]);
  });

  it('CA1, CA2: matches a brand name or an extra barcode, and puts an exact extra barcode first', () => {
    const panado = {
      ...product('Pain tablets 500mg 24s', '6001000000001', 'Pharmacy'),
      brandName: 'Panado',
      alternateBarcodes: ['600125', 'PAN-OLD'],
    };
    expect(filterProducts([bread, panado], 'panado')).toEqual([panado]);
    expect(filterProducts([bread, panado], 'pan-old')).toEqual([panado]);
    expect(filterProducts([bread, panado], '600125')).toEqual([panado, bread]);
  });

  it('CA6: an inactive product is found neither by name nor by any of its barcodes', () => {
    const retired = {
      ...product('Old Syrup', '6001000000002', 'Pharmacy', false),
      alternateBarcodes: ['6001000000003'],
    };
    const search = buildProductSearch([bread, retired]);
    for (const query of ['old syrup', '6001000000002', '6001000000003', 'pharmacy']) {
      expect(searchProducts(search, query)).toEqual({ shown: [], total: 0, only: null });
    }
    expect(search.active).toEqual([bread]);
    expect(search.categories).toEqual(['Bakery']);
  });

  it('puts an exact barcode match first', () => {
    const scanned = product('Zulu Bread', '600125', 'Bakery');
    expect(filterProducts([bread, scanned], '600125')).toEqual([scanned, bread]);
  });

  it('never shows inactive products', () => {
    expect(filterProducts(all, 'old')).toEqual([]);
  });

  it('collects only the first `limit` matches and counts them all', () => {
    const search = buildProductSearch(all);
    expect(searchProducts(search, 'bread', 1)).toEqual({ shown: [bread], total: 2, only: null });
    expect(searchProducts(search, '', 2)).toEqual({ shown: [bread, milk], total: 3, only: null });
    expect(searchProducts(search, 'dairy', 1)).toEqual({ shown: [milk], total: 1, only: milk });
  });

  it('keeps an exact barcode match first within the limit', () => {
    const scanned = product('Zulu Bread', '600125', 'Bakery');
    const search = buildProductSearch([bread, rolls, scanned]);
    expect(searchProducts(search, '600125', 1)).toEqual({ shown: [scanned], total: 2, only: null });
    expect(searchProducts(search, '600125', 5).shown).toEqual([scanned, bread]);
  });
});
