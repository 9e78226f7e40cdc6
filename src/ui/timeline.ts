import { el } from './dom';
import { t } from '../i18n/i18n';

/** How long each year stays on screen once drawn, while playing. */
const DWELL_MS = 1200;

/**
 * A year slider with play/pause. The slider moves by index (years need not be evenly spaced);
 * arrow keys, Home/End and Page keys work as on any range input, and the play button is a native
 * toggle button (aria-pressed). Playing waits for each year to be drawn (`#map[data-ready]`) before
 * dwelling on it and moving on, so a slow machine shows every year rather than skipping. While it
 * plays the map holds one set of class breaks for all years (unless the user chose per-year classes).
 */
export class Timeline {
  readonly element: HTMLElement;
  private readonly slider: HTMLInputElement;
  private readonly output: HTMLOutputElement;
  private readonly play: HTMLButtonElement;
  private readonly label: HTMLLabelElement;
  private years: number[] = [];
  private playing = false;
  private playToken = 0;

  constructor(
    private readonly mapContainer: HTMLElement,
    private readonly onYear: (year: number) => void,
    /** Play started or stopped (the map's breaks are held across years while playing). */
    private readonly onPlaying: (playing: boolean) => void = () => undefined,
  ) {
    this.slider = el('input', { id: 'year-slider', type: 'range', min: '0', max: '0', step: '1', value: '0' });
    this.output = el('output', { id: 'year-slider-value', for: 'year-slider' });
    this.play = el('button', { id: 'year-play', type: 'button', class: 'play-button', 'aria-pressed': 'false' });
    this.label = el('label', { for: 'year-slider' });
    this.element = el('div', { class: 'field timeline', hidden: '' }, this.label, el('div', { class: 'timeline-row' }, this.play, this.slider, this.output));
    this.slider.addEventListener('input', () => {
      this.stop();
      this.onYear(this.years[Number(this.slider.value)]);
    });
    this.play.addEventListener('click', () => (this.playing ? this.stop() : void this.start()));
    this.relabel();
  }

  setYears(years: number[]): void {
    this.stop();
    this.years = years;
    this.slider.max = String(Math.max(0, years.length - 1));
    this.element.hidden = years.length < 2;
  }

  show(year: number): void {
    const i = this.years.indexOf(year);
    if (i >= 0) this.slider.value = String(i);
    this.output.textContent = String(year);
    this.slider.setAttribute('aria-valuetext', String(year));
  }

  relabel(): void {
    this.label.textContent = t('analysis.timeline');
    this.play.textContent = this.playing ? `❚❚ ${t('analysis.pause')}` : `▶ ${t('analysis.play')}`;
  }

  get isPlaying(): boolean {
    return this.playing;
  }

  stop(): void {
    if (!this.playing) return;
    this.playing = false;
    this.playToken++;
    this.play.setAttribute('aria-pressed', 'false');
    this.relabel();
    this.onPlaying(false);
  }

  private async start(): Promise<void> {
    if (this.years.length < 2) return;
    const token = ++this.playToken;
    this.playing = true;
    this.play.setAttribute('aria-pressed', 'true');
    this.relabel();
    let i = Number(this.slider.value);
    // From the last year, play starts again at the first.
    if (i >= this.years.length - 1) i = -1;
    while (token === this.playToken && i < this.years.length - 1) {
      i++;
      this.onYear(this.years[i]);
      await this.drawn();
      if (token !== this.playToken) return;
      await sleep(DWELL_MS);
    }
    if (token === this.playToken) this.stop();
  }

  /** Resolves when the map reports the current view drawn (the data-ready contract). */
  private drawn(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.mapContainer.dataset.ready === 'true') {
          observer.disconnect();
          resolve();
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(this.mapContainer, { attributes: true, attributeFilter: ['data-ready'] });
      check();
    });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
