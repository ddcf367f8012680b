/** "Did you mean …": the candidate nearest to a mistyped word, by edit distance. */

/**
 * Edits (insertions, deletions, substitutions, and swaps of two neighbours, the commonest typo) that turn
 * one string into the other, letter case ignored: the optimal-string-alignment distance.
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const rows: number[][] = [Array.from({ length: t.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      row[j] = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) row[j] = Math.min(row[j], rows[i - 2][j - 2] + 1);
    }
    rows.push(row);
  }
  return rows[s.length][t.length];
}

/**
 * The candidate closest to `word`, if it is close enough to be a typo of it: at most a third of the
 * word's length away (at least 1, at most `maxDistance`), or the word is a prefix of it (`--dry` for
 * `--dry-run`). Ties go to the earlier candidate, so callers list the likelier ones first.
 */
export function nearest(word: string, candidates: Iterable<string>, maxDistance = 4): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = Math.min(maxDistance, Math.max(1, Math.floor(word.length / 3)));
  for (const candidate of candidates) {
    if (candidate === word) return candidate;
    const distance = candidate.toLowerCase().startsWith(word.toLowerCase()) && word.length >= 2 ? 0.5 : editDistance(word, candidate);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** `; did you mean "x"?`, to end a message with; nothing when no candidate is near, or the word is one. */
export function didYouMean(word: string, candidates: Iterable<string>, quote = (s: string) => `"${s}"`): string {
  const found = nearest(word, candidates);
  return found === undefined || found === word ? '' : `; did you mean ${quote(found)}?`;
}
