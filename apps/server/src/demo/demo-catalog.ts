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

/**
 * What the demo shop's receipts print (SPEC SS4). Like most spaza shops it is not
 * registered for VAT (turnover under R 1 million), so its receipts are plain
 * receipts; the owner adds a VAT number under Staff → Shop to see tax invoices.
 */
export const DEMO_RECEIPT_DETAILS = { address: '1563 Vilakazi St, Orlando West, Soweto', phone: '082 555 0123' };

/** [name, price in cents, category, opening stock (null: not counted, e.g. airtime)] */
export const DEMO_PRODUCTS: readonly (readonly [string, number, string, number | null])[] = [
  ['Albany Superior White Bread 700g', 1899, 'Bakery', 12],
  ['Sasko Brown Bread 700g', 1699, 'Bakery', 12],
  ['Clover Full Cream Milk 1L', 2199, 'Dairy', 18],
  ['Clover Amasi 2L', 4299, 'Dairy', 18],
  ['Rama Original Spread 500g', 3899, 'Dairy', 18],
  ['Large Eggs (6)', 2899, 'Dairy', 18],
  ['Iwisa Super Maize Meal 2.5kg', 4299, 'Groceries', 10],
  ['Tastic Long Grain Rice 2kg', 4999, 'Groceries', 10],
  ['Huletts White Sugar 2.5kg', 5499, 'Groceries', 10],
  ['Sunfoil Sunflower Oil 750ml', 3999, 'Groceries', 10],
  ['Koo Baked Beans 410g', 1899, 'Groceries', 10],
  ['Lucky Star Pilchards in Tomato 400g', 2899, 'Groceries', 10],
  ['Knorr Beef Soup 50g', 1099, 'Groceries', 10],
  ['Royco Beef Mince Mix 30g', 599, 'Groceries', 10],
  ['Mrs Balls Chutney 470g', 3499, 'Groceries', 10],
  ['Joko Tea 100 Tagless Bags', 5299, 'Groceries', 10],
  ['Ricoffy 250g', 5999, 'Groceries', 10],
  ['Coca-Cola 2L', 2699, 'Drinks', 24],
  ['Stoney Ginger Beer 2L', 2499, 'Drinks', 24],
  ['Oros Orange Squash 2L', 4499, 'Drinks', 24],
  ['Bonaqua Still Water 500ml', 999, 'Drinks', 24],
  ['Simba Salt & Vinegar Chips 120g', 2299, 'Snacks', 30],
  ['Nik Naks Cheese 135g', 1999, 'Snacks', 30],
  ['Beacon Mallow Eggs (single)', 599, 'Snacks', 30],
  ['Sunlight Dishwashing Liquid 750ml', 3299, 'Household', 6],
  ['Omo Auto Washing Powder 2kg', 8999, 'Household', 6],
  ['Handy Andy Cream 750ml', 3799, 'Household', 6],
  ['Lifebuoy Soap Bar 175g', 1499, 'Toiletries', 8],
  ['Colgate Toothpaste 100ml', 2499, 'Toiletries', 8],
  ['Vaseline Petroleum Jelly 250ml', 4299, 'Toiletries', 8],
  ['Airtime Voucher R10', 1000, 'Airtime', null],
  ['Paraffin 1L', 2899, 'Household', 6],
];
