/**
 * "Copy link" and the share dialog (the link and an iframe embed snippet, each read-only with a
 * copy button). The link is the page's own URL: the hash always holds the current view.
 */
import { el } from './dom';
import { modalDialog, textButton, textLine } from './dialog';
import { embedSnippet } from './shareLinks';
import { t } from '../i18n/i18n';

/** The Clipboard API; false where it is refused (permissions, older browsers, insecure origins). */
async function clipboardWrite(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The fallback: the text selected in a visible field and the old copy command tried, so at worst
 * the user presses Ctrl+C on text that is already selected.
 */
function selectAndCopy(field: HTMLInputElement | HTMLTextAreaElement): boolean {
  field.focus();
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
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
      if (await clipboardWrite(location.href)) {
        this.announce(t('share.copied'));
        return;
      }
      // The field to select lives in the dialog: show it first, so the selection is real.
      this.show();
      this.dialogStatus.textContent = selectAndCopy(this.linkField) ? t('share.copied') : t('share.copyManual');
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
    const copied = (await clipboardWrite(field.value)) || selectAndCopy(field);
    this.dialogStatus.textContent = copied ? done : t('share.copyManual');
  }
}
