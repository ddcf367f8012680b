/** Where the helpers were imported from before the package root re-exported them. */
export function formatId(id: number): string {
  return `#${id}`;
}
