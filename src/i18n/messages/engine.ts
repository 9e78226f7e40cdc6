import type { Entry } from '../entry';

// The one engine: controller and shared import steps: messages in English and Russian (merged into the interface's dictionary by i18n.ts).
export const en = {
} satisfies Record<string, Entry>;

export const ru: Record<keyof typeof en, Entry> = {
};
