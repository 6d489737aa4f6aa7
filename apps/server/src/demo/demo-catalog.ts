/**
 * The demo shop: a spaza in Soweto with the goods such shops really stock, at
 * typical 2026 prices (VAT inclusive). Barcodes are made-up GS1 South Africa
 * numbers (prefix 600) with valid check digits, so scanners and the EAN-13 check accept them.
 */
export const DEMO_SHOP = {
  businessName: "Nomsa's Spaza",
  ownerName: 'Nomsa Dlamini',
  phone: '082 555 0123',
  pin: '1234',
} as const;

/** [name, price in cents, category] */
export const DEMO_PRODUCTS: readonly (readonly [string, number, string])[] = [
  ['Albany Superior White Bread 700g', 1899, 'Bakery'],
  ['Sasko Brown Bread 700g', 1699, 'Bakery'],
  ['Clover Full Cream Milk 1L', 2199, 'Dairy'],
  ['Clover Amasi 2L', 4299, 'Dairy'],
  ['Rama Original Spread 500g', 3899, 'Dairy'],
  ['Large Eggs (6)', 2899, 'Dairy'],
  ['Iwisa Super Maize Meal 2.5kg', 4299, 'Groceries'],
  ['Tastic Long Grain Rice 2kg', 4999, 'Groceries'],
  ['Huletts White Sugar 2.5kg', 5499, 'Groceries'],
  ['Sunfoil Sunflower Oil 750ml', 3999, 'Groceries'],
  ['Koo Baked Beans 410g', 1899, 'Groceries'],
  ['Lucky Star Pilchards in Tomato 400g', 2899, 'Groceries'],
  ['Knorr Beef Soup 50g', 1099, 'Groceries'],
  ['Royco Beef Mince Mix 30g', 599, 'Groceries'],
  ['Mrs Balls Chutney 470g', 3499, 'Groceries'],
  ['Joko Tea 100 Tagless Bags', 5299, 'Groceries'],
  ['Ricoffy 250g', 5999, 'Groceries'],
  ['Coca-Cola 2L', 2699, 'Drinks'],
  ['Stoney Ginger Beer 2L', 2499, 'Drinks'],
  ['Oros Orange Squash 2L', 4499, 'Drinks'],
  ['Bonaqua Still Water 500ml', 999, 'Drinks'],
  ['Simba Salt & Vinegar Chips 120g', 2299, 'Snacks'],
  ['Nik Naks Cheese 135g', 1999, 'Snacks'],
  ['Beacon Mallow Eggs (single)', 599, 'Snacks'],
  ['Sunlight Dishwashing Liquid 750ml', 3299, 'Household'],
  ['Omo Auto Washing Powder 2kg', 8999, 'Household'],
  ['Handy Andy Cream 750ml', 3799, 'Household'],
  ['Lifebuoy Soap Bar 175g', 1499, 'Toiletries'],
  ['Colgate Toothpaste 100ml', 2499, 'Toiletries'],
  ['Vaseline Petroleum Jelly 250ml', 4299, 'Toiletries'],
  ['Airtime Voucher R10', 1000, 'Airtime'],
  ['Paraffin 1L', 2899, 'Household'],
];
