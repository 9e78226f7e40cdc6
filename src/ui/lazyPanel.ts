import { textButton } from './dialog';
import type { MessageKey } from '../i18n/i18n';

export interface LazyPanel<T> {
  /** The panel, fetched and built on the first call (a click, or a link that needs it at start). */
  load(): Promise<T>;
  /** The panel once built, else undefined (nothing is fetched). */
  readonly built: T | undefined;
}

/**
 * A toolbar button whose panel's code is fetched on the first click, so the first map does not
 * wait for it. The stand-in carries the real button's id, label and attributes; the panel is built
 * into a scratch toolbar, its button(s) take the stand-in's place, and the click (with focus, for
 * the dialog to hand it back on close) goes on to the real button.
 */
export function lazyPanel<T>(
  toolbar: HTMLElement,
  button: { key: MessageKey; attributes: Record<string, string> },
  build: (toolbar: HTMLElement) => Promise<T>,
  failed: (error: Error) => void,
): LazyPanel<T> {
  const standIn = textButton(button.key, button.attributes);
  toolbar.append(standIn);
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
      standIn.replaceWith(...scratch.children);
      return built;
    })());
  standIn.addEventListener('click', () => {
    if (standIn.getAttribute('aria-busy') === 'true') return;
    standIn.setAttribute('aria-busy', 'true');
    load().then(
      () => {
        const real = document.getElementById(button.attributes.id);
        real?.focus();
        real?.click();
      },
      (error: Error) => {
        standIn.removeAttribute('aria-busy');
        failed(error);
      },
    );
  });
  return {
    load,
    get built() {
      return built;
    },
  };
}
