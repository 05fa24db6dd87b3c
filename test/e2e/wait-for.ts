// Shared by the launcher (Node) and the in-host suite (the extension host): no dependencies.

/**
 * Polls `check` until it returns a value other than undefined. On timeout, the error names
 * what was awaited and describes the last state seen (from `describe`), so failures explain themselves.
 */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, options: { timeoutMs?: number; intervalMs?: number; describe?: () => string } = {}): Promise<T> {
    const { timeoutMs = 20_000, intervalMs = 100 } = options;
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    for (;;) {
        try {
            const value = await check();
            if (value !== undefined) {
                return value;
            }
        } catch (error) {
            lastError = error;
        }
        if (Date.now() > deadline) {
            const state = options.describe ? `\nLast state: ${options.describe()}` : '';
            const cause = lastError instanceof Error ? `\nLast error: ${lastError.message}` : '';
            throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${cause}${state}`);
        }
        await new Promise(done => setTimeout(done, intervalMs));
    }
}
