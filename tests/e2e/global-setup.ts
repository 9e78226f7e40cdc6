import type { TestProject } from 'vitest/node';
import { serveBuiltSite } from './staticServer';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

/** Builds the static site once (demo included) and serves it under a sub-path for every e2e test. */
export default async function setup(project: TestProject) {
  const site = await serveBuiltSite();
  project.provide('siteUrl', site.url);
  return site.close;
}
