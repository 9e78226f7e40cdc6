import { textButton } from './dialog';
import type { MessageKey } from '../i18n/i18n';

export interface LazyPanel<T> {
  /** The panel, fetched and built on the first call (a click, or a link that needs it at start). */
  load(): Promise<T>;
  /** The panel once built, else undefined (nothing is fetched). */
  readonly built: T | undefined;
}

/** A stand-in's label and attributes: those of the real button it stands for (the id finds it). */
export interface StandInButton {
  key: MessageKey;
  attributes: Record<string, string> & { id: string };
}

/**
 * Toolbar buttons whose panel's code is fetched on the first click (or by `load`), so the first map
 * does not wait for it. The stand-ins carry the real buttons' ids, labels and attributes and hold
 * their places from the start, so the header does not change size when the code arrives (a map
 * resized under MapLibre waits for everything the GPU has queued). The panel is built into a
 * scratch toolbar, its children take the stand-ins' place, and a click (with focus, for a dialog to
 * hand it back on close) goes on to the real button of the same id.
 */
export function lazyPanel<T>(
  toolbar: HTMLElement,
  buttons: StandInButton | StandInButton[],
  build: (toolbar: HTMLElement) => Promise<T>,
  failed: (error: Error) => void,
): LazyPanel<T> {
  const standIns = (Array.isArray(buttons) ? buttons : [buttons]).map((button) => ({ id: button.attributes.id, element: textButton(button.key, button.attributes) }));
  toolbar.append(...standIns.map((s) => s.element));
  let loading: Promise<T> | undefined;
  let built: T | undefined;
  const load = (): Promise<T> =>
    (loading ??= (async () => {
      const scratch = document.createElement('div');
      try {
        built = await build(scratch);
      } catch (error) {
        loading = undefined;
        throw error;
      }
      const [first, ...rest] = standIns;
      first.element.replaceWith(...scratch.children);
      for (const standIn of rest) standIn.element.remove();
      return built;
    })());
  for (const standIn of standIns) {
    standIn.element.addEventListener('click', () => {
      if (standIn.element.getAttribute('aria-busy') === 'true') return;
      standIn.element.setAttribute('aria-busy', 'true');
      load().then(
        () => {
          const real = document.getElementById(standIn.id);
          real?.focus();
          real?.click();
        },
        (error: Error) => {
          standIn.element.removeAttribute('aria-busy');
          failed(error);
        },
      );
    });
  }
  return {
    load,
    get built() {
      return built;
    },
  };
}
