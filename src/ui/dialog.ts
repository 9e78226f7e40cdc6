import { el } from './dom';
import type { MessageKey } from '../i18n/i18n';
import { t } from '../i18n/i18n';

/**
 * A native modal dialog (focus kept inside, Escape closes, focus returns to the opener) with a
 * heading and a close button; text carries `data-i18n` so a language switch relabels it.
 */
export function modalDialog(id: string, heading: MessageKey, ...content: (Node | string)[]): HTMLDialogElement {
  const headingId = `${id}-heading`;
  const close = el('button', { type: 'button', class: 'dialog-close', 'data-i18n-attr': 'aria-label:share.close', 'aria-label': t('share.close') }, '×');
  const dialog = el(
    'dialog',
    { id, class: 'atlas-dialog', 'aria-labelledby': headingId },
    el('div', { class: 'dialog-head' }, el('h2', { id: headingId, 'data-i18n': heading }, t(heading)), close),
    ...content,
  );
  close.addEventListener('click', () => dialog.close());
  // A click on the backdrop (outside the dialog box) closes it too.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) {
      const r = dialog.getBoundingClientRect();
      const inside = event.clientX >= r.left && event.clientX <= r.right && event.clientY >= r.top && event.clientY <= r.bottom;
      if (!inside) dialog.close();
    }
  });
  document.body.append(dialog);
  return dialog;
}

/** A button whose label is a message (relabelled on a language switch). */
export function textButton(key: MessageKey, attributes: Record<string, string> = {}): HTMLButtonElement {
  return el('button', { type: 'button', 'data-i18n': key, ...attributes }, t(key));
}

/** A paragraph whose text is a message. */
export function textLine(key: MessageKey, attributes: Record<string, string> = {}): HTMLParagraphElement {
  return el('p', { 'data-i18n': key, ...attributes }, t(key));
}
