/**
 * Fixed-row-height windowing: with every row the same height, the rows on screen follow from the
 * scroll offset alone, so 100,000 entries cost the same to draw as 40.
 */

interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  rowCount: number;
  /** Rows drawn beyond each edge so fast scrolling does not show blank space for a frame. */
  overscan: number;
}

interface RowWindow {
  /** First row drawn (inclusive). */
  start: number;
  /** Row after the last drawn (exclusive). */
  end: number;
  /** Height of the whole list, for the scroll spacer. */
  totalHeight: number;
}

export function rowWindow({ scrollTop, viewportHeight, rowHeight, rowCount, overscan }: WindowInput): RowWindow {
  const totalHeight = rowCount * rowHeight;
  if (rowCount === 0 || rowHeight <= 0) return { start: 0, end: 0, totalHeight };
  const clampedTop = Math.min(Math.max(0, scrollTop), Math.max(0, totalHeight - viewportHeight));
  const firstVisible = Math.floor(clampedTop / rowHeight);
  const visibleCount = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, firstVisible - overscan);
  const end = Math.min(rowCount, firstVisible + visibleCount + overscan);
  return { start, end, totalHeight };
}

/** Within half a row of the end counts as "at the bottom", so sub-pixel scroll positions still follow the tail. */
export function isAtBottom(scrollTop: number, viewportHeight: number, totalHeight: number, rowHeight: number): boolean {
  return scrollTop + viewportHeight >= totalHeight - rowHeight / 2;
}

/** The scroll offset that brings row `index` fully into view, moving as little as possible. */
export function scrollTopToReveal(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const rowTop = index * rowHeight;
  const rowBottom = rowTop + rowHeight;
  if (rowTop < scrollTop) return rowTop;
  if (rowBottom > scrollTop + viewportHeight) return Math.max(0, rowBottom - viewportHeight);
  return scrollTop;
}

/** Rows moved by one Page Up / Page Down: a screenful minus one row of context. */
export function pageSize(viewportHeight: number, rowHeight: number): number {
  return Math.max(1, Math.floor(viewportHeight / rowHeight) - 1);
}

/**
 * The row each slot shows, slot k holding the row whose index is k modulo the window's size: a row
 * keeps its element while it stays in view, and scrolling changes a slot's text and position
 * instead of removing and creating elements, which is most of the cost of a frame.
 */
export function rowsBySlot(start: number, end: number): number[] {
  const slots = end - start;
  const rows: number[] = [];
  for (let slot = 0; slot < slots; slot += 1) rows.push(start + ((slot - (start % slots) + slots) % slots));
  return rows;
}

/** Where a navigation key moves the selection (`selected` -1: none yet), before clamping; undefined for any other key. */
export function keyTarget(key: string, selected: number, shown: { start: number; end: number }, count: number, page: number): number | undefined {
  const targets: Record<string, number> = {
    ArrowDown: selected < 0 ? Math.max(0, shown.start) : selected + 1,
    ArrowUp: selected < 0 ? Math.max(0, shown.end - 1) : selected - 1,
    PageDown: selected + page,
    PageUp: selected - page,
    Home: 0,
    End: count - 1,
  };
  return targets[key];
}
