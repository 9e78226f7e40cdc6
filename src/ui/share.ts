/**
 * "Copy link" and the share dialog (the link and an iframe embed snippet, each read-only with a
 * copy button). The link is the page's own URL: the hash always holds the current view.
 */
import { el } from './dom';
import { modalDialog, textButton, textLine } from './dialog';
import { embedSnippet } from './shareLinks';
import { t } from '../i18n/i18n';

export type CopyOutcome = 'clipboard' | 'selection' | 'manual';

/**
 * Copies with the Clipboard API; where that is refused (permissions, older browsers, insecure
 * origins) the text is put in the field and selected, and the old copy command is tried, so at
 * worst the user presses Ctrl+C on text that is already selected.
 */
export async function copyText(text: string, field: HTMLInputElement | HTMLTextAreaElement): Promise<CopyOutcome> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return 'clipboard';
    }
  } catch {
    /* refused: fall back to a selection */
  }
  field.value = text;
  field.focus();
  field.select();
  try {
    if (document.execCommand('copy')) return 'selection';
  } catch {
    /* not supported */
  }
  return 'manual';
}

export class SharePanel {
  private readonly linkField = el('input', { id: 'share-link', type: 'text', readonly: '', class: 'share-field', spellcheck: 'false' });
  private readonly embedField = el('textarea', { id: 'share-embed', readonly: '', rows: '4', class: 'share-field', spellcheck: 'false' });
  private readonly dialogStatus = el('p', { class: 'share-status', role: 'status', 'aria-live': 'polite' });
  private readonly dialog: HTMLDialogElement;
  private readonly localNote = textLine('share.localData', { class: 'share-warning', hidden: '' });

  constructor(
    toolbar: HTMLElement,
    private readonly announce: (text: string) => void,
    private readonly embedTitle: () => string,
    private readonly isLocalData: () => boolean,
  ) {
    const copyLink = textButton('share.copyLink', { id: 'share-copy-link' });
    const open = textButton('share.open', { id: 'share-open', 'aria-haspopup': 'dialog' });
    toolbar.append(copyLink, open);

    const copyLinkAgain = textButton('share.copyLink', { id: 'share-copy-link-dialog' });
    const copyEmbed = textButton('share.copyEmbed', { id: 'share-copy-embed' });
    this.dialog = modalDialog(
      'share-dialog',
      'share.heading',
      this.localNote,
      el('label', { for: 'share-link', 'data-i18n': 'share.link' }, t('share.link')),
      this.linkField,
      textLine('share.linkHelp', { class: 'help' }),
      copyLinkAgain,
      el('label', { for: 'share-embed', 'data-i18n': 'share.embed' }, t('share.embed')),
      this.embedField,
      textLine('share.embedHelp', { class: 'help' }),
      copyEmbed,
      this.dialogStatus,
    );

    copyLink.addEventListener('click', async () => {
      const outcome = await copyText(location.href, this.linkField);
      if (outcome === 'clipboard' || outcome === 'selection') this.announce(t('share.copied'));
      else {
        // The field the text was selected in lives in the dialog: show it so Ctrl+C works.
        this.show();
        this.linkField.select();
        this.dialogStatus.textContent = t('share.copyManual');
      }
    });
    open.addEventListener('click', () => this.show());
    copyLinkAgain.addEventListener('click', () => this.copyFrom(this.linkField, t('share.copied')));
    copyEmbed.addEventListener('click', () => this.copyFrom(this.embedField, t('share.embedCopied')));
  }

  private show(): void {
    this.linkField.value = location.href;
    this.embedField.value = embedSnippet(location.href, this.embedTitle());
    this.dialogStatus.textContent = '';
    this.localNote.hidden = !this.isLocalData();
    if (!this.dialog.open) this.dialog.showModal();
  }

  private async copyFrom(field: HTMLInputElement | HTMLTextAreaElement, done: string): Promise<void> {
    const outcome = await copyText(field.value, field);
    this.dialogStatus.textContent = outcome === 'manual' ? t('share.copyManual') : done;
  }
}
