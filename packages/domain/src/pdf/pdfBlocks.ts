import { StandardFonts, rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * The building blocks of the PDFs made on the phone and the server (receipts,
 * RX10; purchase orders, PO4): a column of blocks, each a wrapped line of text,
 * a label with its amount, a rule or a gap, laid out on one roll-shaped page or
 * on A4 pages broken between blocks. Imports pdf-lib: only the PDF renderers'
 * subpath exports load it.
 */

export const MM = 72 / 25.4;

export interface PaperSpec {
  width: number;
  /** Null: one page as tall as the content (a roll). */
  height: number | null;
  /** The text column's width, centred on the page. */
  column: number;
  margin: number;
  size: number;
}

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  mono: PDFFont;
}

/** One stretch of the document, drawn with its top at `top` (PDF points from the page's bottom). */
export interface Block {
  height: number;
  draw: (page: PDFPage, top: number) => void;
}

export const BLACK = rgb(0, 0, 0);

export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  return {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    mono: await doc.embedFont(StandardFonts.Courier),
  };
}

/**
 * The standard PDF fonts speak WinAnsi only: Afrikaans' ê, ë and ô, "×" and "’" are
 * in it; anything else a shop or product name carries loses its accent (NFD) or
 * becomes "?", rather than failing the whole document.
 */
export function encodable(font: PDFFont): (text: string) => string {
  const known = new Set(font.getCharacterSet());
  const one = (char: string) => {
    const point = char.codePointAt(0) ?? 0;
    if (known.has(point)) return char;
    if (/\s/.test(char)) return ' ';
    const base = char.normalize('NFD').replace(/\p{M}/gu, '');
    return base.length > 0 && [...base].every((part) => known.has(part.codePointAt(0) ?? 0)) ? base : '?';
  };
  return (text) => Array.from(text, one).join('');
}

/** Splits text into lines no wider than `width`, at spaces where it can, inside long words where it must. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (line: string) => font.widthOfTextAtSize(line, size) <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    let rest = word;
    while (!fits(rest)) {
      let cut = rest.length - 1;
      while (cut > 1 && !fits(rest.slice(0, cut))) cut -= 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  lines.push(line);
  return lines;
}

/** A column of blocks being written, and the common ways to add to it. */
export function blockColumn(paper: PaperSpec, fonts: Fonts) {
  const safe = encodable(fonts.regular);
  const left = (paper.width - paper.column) / 2;
  const right = left + paper.column;
  const size = paper.size;
  const leading = size * 1.3;
  const blocks: Block[] = [];

  const text = (content: string, font: PDFFont, fontSize: number, align: 'left' | 'center', indent = 0) => {
    const width = paper.column - indent;
    for (const line of wrap(safe(content), font, fontSize, width)) {
      const lineHeight = fontSize * 1.3;
      blocks.push({
        height: lineHeight,
        draw: (page, top) => {
          const x =
            align === 'center' ? left + (paper.column - font.widthOfTextAtSize(line, fontSize)) / 2 : left + indent;
          page.drawText(line, { x, y: top - fontSize, size: fontSize, font, color: BLACK });
        },
      });
    }
  };

  /** A label on the left and its amount on the right; a long label wraps beside the amount. */
  const row = (label: string, amount: string, strong = false, indent = 0) => {
    const font = strong ? fonts.bold : fonts.regular;
    const fontSize = strong ? size * 1.15 : size;
    const amountText = safe(amount);
    const amountWidth = font.widthOfTextAtSize(amountText, fontSize);
    const labelWidth = Math.max(paper.column - indent - amountWidth - 3 * MM, paper.column / 3);
    const labelLines = wrap(safe(label), font, fontSize, labelWidth);
    labelLines.forEach((line, index) => {
      const last = index === labelLines.length - 1;
      blocks.push({
        height: fontSize * 1.3,
        draw: (page, top) => {
          page.drawText(line, { x: left + indent, y: top - fontSize, size: fontSize, font, color: BLACK });
          if (last) page.drawText(amountText, { x: right - amountWidth, y: top - fontSize, size: fontSize, font });
        },
      });
    });
  };

  const rule = () =>
    blocks.push({
      height: leading,
      draw: (page, top) =>
        page.drawLine({
          start: { x: left, y: top - leading / 2 },
          end: { x: right, y: top - leading / 2 },
          thickness: 0.5,
          color: BLACK,
          dashArray: [2, 2],
        }),
    });

  const gap = (height: number) => blocks.push({ height, draw: () => undefined });

  return { blocks, safe, left, right, size, leading, text, row, rule, gap };
}

/** Draws the blocks: on one page as tall as they are (a roll), or on pages broken between blocks. */
export function drawBlocks(doc: PDFDocument, paper: PaperSpec, blocks: readonly Block[]): void {
  if (paper.height === null) {
    const height = blocks.reduce((sum, block) => sum + block.height, 0) + 2 * paper.margin;
    const page = doc.addPage([paper.width, height]);
    let top = height - paper.margin;
    for (const block of blocks) {
      block.draw(page, top);
      top -= block.height;
    }
    return;
  }
  let page = doc.addPage([paper.width, paper.height]);
  let top = paper.height - paper.margin;
  for (const block of blocks) {
    if (top - block.height < paper.margin) {
      page = doc.addPage([paper.width, paper.height]);
      top = paper.height - paper.margin;
    }
    block.draw(page, top);
    top -= block.height;
  }
}
