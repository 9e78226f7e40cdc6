// Worker entry: TypeScript sources need tsx's loader in this thread before the fuzz run is imported.
import { register } from 'tsx/esm/api';

register();
await import('./fuzzWorker.ts');
