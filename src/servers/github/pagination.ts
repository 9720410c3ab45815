export interface PageInfo {
  page: number;
  perPage: number;
  hasNextPage: boolean;
}

/** True when GitHub's Link header offers rel="next" (RFC 8288; rel may list several relation types). */
export function linkHasNext(link: string | undefined): boolean {
  if (!link) return false;
  for (const match of link.matchAll(/<[^>]*>\s*((?:;\s*[^;,]*)*)/g)) {
    const rel = /;\s*rel\s*=\s*"?([^";,]*)"?/i.exec(match[1] ?? '');
    if (rel?.[1]?.split(/\s+/).includes('next')) return true;
  }
  return false;
}

export function pageInfo(page: number, perPage: number, headers: { link?: string }): PageInfo {
  return { page, perPage, hasNextPage: linkHasNext(headers.link) };
}

/** One line a model can act on: where it is and how to get more. */
export function describePage(info: PageInfo): string {
  return info.hasNextPage
    ? `Page ${info.page}; there is a next page (call again with page ${info.page + 1}).`
    : `Page ${info.page}; this is the last page.`;
}
