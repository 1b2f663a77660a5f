type Check = () => boolean;

const POLL_MS = 10;

interface Pending {
  check: Check;
  settle: (error?: Error) => void;
}

/**
 * Re-evaluates pending conditions whenever the fake records something, so tests wait on state rather
 * than on sleeps; a light poll also catches conditions on state outside the fake (a test's own array).
 */
export class Waiter {
  readonly #pending = new Set<Pending>();

  until(check: Check, timeoutMs: number, what: string): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => entry.settle(new Error(`fake-discord: timed out after ${timeoutMs} ms waiting for ${what}`)),
        timeoutMs,
      );
      const poll = setInterval(() => {
        if (check()) entry.settle();
      }, POLL_MS);
      const entry: Pending = {
        check,
        settle: (error) => {
          clearTimeout(timer);
          clearInterval(poll);
          this.#pending.delete(entry);
          if (error) reject(error);
          else resolve();
        },
      };
      this.#pending.add(entry);
    });
  }

  notify(): void {
    for (const entry of [...this.#pending]) if (entry.check()) entry.settle();
  }

  dispose(): void {
    for (const entry of [...this.#pending]) entry.settle(new Error('fake-discord: closed while waiting'));
  }
}
