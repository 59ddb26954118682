/** Page number (1-based) of an offset, from the normaliser's page start offsets. */
export function pageAt(offset: number, pageStarts: number[] | undefined): number | undefined {
  if (!pageStarts || pageStarts.length === 0) return undefined;
  let lo = 0;
  let hi = pageStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pageStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
