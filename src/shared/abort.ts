/**
 * Whether a run was asked to stop, asked at a moment it can stop safely. A signal that arrives while this
 * thread is busy (writing files, waiting for a child that the same Ctrl-C killed) is handled only when the
 * event loop turns, so the question waits one turn first: the answer then includes that signal.
 */
export async function abortHeard(signal: AbortSignal | undefined): Promise<boolean> {
  if (!signal) return false;
  await new Promise((resolve) => setImmediate(resolve));
  return signal.aborted;
}
