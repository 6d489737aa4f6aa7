/**
 * Whether a keydown's target takes typed characters itself, so a scanner's burst belongs to it
 * (the sale screen's search field reads a code typed into it and handles Enter itself).
 * Duck-typed rather than `instanceof HTMLElement`, so it runs in tests without a DOM.
 */

/** Inputs that take no typed text: a scan while one has focus is still caught. */
const TEXTLESS_INPUT_TYPES = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'hidden',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
]);

interface ElementLike {
  tagName?: unknown;
  type?: unknown;
  isContentEditable?: unknown;
}

export function isEditableTarget(target: EventTarget | null): boolean {
  if (target === null || typeof target !== 'object') return false;
  const element = target as ElementLike;
  if (element.isContentEditable === true) return true;
  const tagName = typeof element.tagName === 'string' ? element.tagName.toUpperCase() : '';
  // A <select> jumps to the option whose name is typed: the characters are its too.
  if (tagName === 'TEXTAREA' || tagName === 'SELECT') return true;
  if (tagName !== 'INPUT') return false;
  const type = typeof element.type === 'string' ? element.type.toLowerCase() : 'text';
  return !TEXTLESS_INPUT_TYPES.has(type);
}
