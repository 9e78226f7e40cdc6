/**
 * At most one request of a kind in the worker and one waiting: a newer call replaces the waiting
 * one, whose promise rejects with `Superseded`. Dragging a slider then costs two computes, not one
 * per pixel, and the map never waits behind results nobody will look at.
 */
export class Superseded extends Error {
  constructor() {
    super('superseded by a newer request');
    this.name = 'Superseded';
  }
}

export function latestOnly<A, R>(run: (arg: A) => Promise<R>): (arg: A) => Promise<R> {
  let running = false;
  let waiting: { arg: A; resolve: (r: R) => void; reject: (e: unknown) => void } | undefined;
  const pump = () => {
    if (running || !waiting) return;
    const job = waiting;
    waiting = undefined;
    running = true;
    run(job.arg)
      .then(job.resolve, job.reject)
      .finally(() => {
        running = false;
        pump();
      });
  };
  return (arg) =>
    new Promise<R>((resolve, reject) => {
      waiting?.reject(new Superseded());
      waiting = { arg, resolve, reject };
      pump();
    });
}
