import { el } from '../dom';
import { t } from '../../i18n/i18n';

/**
 * Files dragged over the page (or the import dialog) can be dropped anywhere: an overlay says so
 * while they hover, and the drop hands them to `onFiles`. Drags of text or links are left alone.
 */
export function watchFileDrops(target: HTMLElement, dialog: () => HTMLElement | undefined, onFiles: (files: File[]) => void): void {
  const overlay = el('div', { class: 'drop-overlay', hidden: '', 'aria-hidden': 'true' });
  target.append(overlay);
  let depth = 0;
  const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;
  const hide = () => {
    depth = 0;
    overlay.hidden = true;
  };
  target.addEventListener('dragenter', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth++;
    // Inside the open dialog the overlay would hide the dialog itself.
    if (!(dialog() as HTMLDialogElement | undefined)?.open) {
      overlay.textContent = t('import.dropHere');
      overlay.hidden = false;
    }
  });
  target.addEventListener('dragover', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  });
  target.addEventListener('dragleave', (event) => {
    if (!carriesFiles(event)) return;
    if (--depth <= 0) hide();
  });
  target.addEventListener('drop', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    hide();
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length > 0) onFiles(files);
  });
}
