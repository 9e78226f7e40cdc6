import type { Entry } from '../entry';

// Units, non-industry codes, benchmarks, minimum size, NUTS versions and the shipped datasets: messages in English and Russian (merged into the interface's dictionary by i18n.ts).
export const en = {
} satisfies Record<string, Entry>;

export const ru: Record<keyof typeof en, Entry> = {
};
