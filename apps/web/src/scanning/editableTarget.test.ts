import { describe, expect, it } from 'vitest';
import { isEditableTarget } from './editableTarget';

const element = (fields: Record<string, unknown>) => fields as unknown as EventTarget;

describe('isEditableTarget', () => {
  it('takes text inputs, a textarea, a select and contenteditable', () => {
    for (const type of ['text', 'search', 'number', 'tel', 'password', 'email', 'TEXT']) {
      expect(isEditableTarget(element({ tagName: 'INPUT', type }))).toBe(true);
    }
    expect(isEditableTarget(element({ tagName: 'TEXTAREA' }))).toBe(true);
    expect(isEditableTarget(element({ tagName: 'SELECT' }))).toBe(true);
    expect(isEditableTarget(element({ tagName: 'DIV', isContentEditable: true }))).toBe(true);
  });

  it('leaves the page, buttons and inputs that take no text to the scanner', () => {
    expect(isEditableTarget(null)).toBe(false);
    expect(isEditableTarget(element({ tagName: 'BODY', isContentEditable: false }))).toBe(false);
    expect(isEditableTarget(element({ tagName: 'BUTTON', type: 'submit' }))).toBe(false);
    for (const type of ['checkbox', 'radio', 'button', 'submit', 'range']) {
      expect(isEditableTarget(element({ tagName: 'INPUT', type }))).toBe(false);
    }
  });
});
