// Async iteration over all pages of a list operation (offset/limit or marker/limit).
// The generator decides per operation where a page keeps its items, total and next marker.

export interface PaginationSpec {
  kind: "offset" | "marker";
  /** Query parameter that moves through the pages ("offset" or "marker"). */
  cursorParam: string;
  /** Query parameter with the page size ("limit"). */
  limitParam: string;
  /** Property of the page holding the array of items. Without it only one page is fetched. */
  itemsKey?: string;
  /** Property with the total number of items (offset pagination). */
  totalKey?: string;
  /** Property with the marker of the next page (marker pagination). */
  nextMarkerKey?: string;
  /** Property of an item whose value is the marker of the page after it (marker pagination). */
  itemIdKey?: string;
}

function ownValue(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  return Object.prototype.hasOwnProperty.call(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/**
 * Yields every page, starting from the cursor in `input` (if any). Stops at an empty page, a
 * page shorter than the requested limit, the reported total, or when the cursor stops moving.
 * The caller's input is never modified; each page gets a fresh input object.
 */
export async function* paginate<TInput, TPage>(
  fetchPage: (input: TInput) => Promise<TPage>,
  input: TInput | undefined,
  spec: PaginationSpec,
): AsyncGenerator<TPage, void, undefined> {
  const query = ownValue(input, "query");
  const limitValue = ownValue(query, spec.limitParam);
  const limit = typeof limitValue === "number" && limitValue > 0 ? limitValue : undefined;
  let cursor: unknown = ownValue(query, spec.cursorParam);
  if (spec.kind === "offset" && typeof cursor !== "number") cursor = 0;
  let seen = 0;
  for (;;) {
    const pageQuery: Record<string, unknown> = {
      ...(typeof query === "object" && query !== null ? query : {}),
    };
    if (cursor !== undefined)
      Object.defineProperty(pageQuery, spec.cursorParam, {
        value: cursor,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    const pageInput = {
      ...(typeof input === "object" && input !== null ? input : {}),
      query: pageQuery,
    } as TInput;
    const page = await fetchPage(pageInput);
    yield page;
    if (spec.itemsKey === undefined) return;
    const items = ownValue(page, spec.itemsKey);
    if (!Array.isArray(items) || items.length === 0) return;
    if (limit !== undefined && items.length < limit) return;
    if (spec.kind === "offset") {
      seen = (cursor as number) + items.length;
      const total = spec.totalKey === undefined ? undefined : ownValue(page, spec.totalKey);
      if (typeof total === "number" && seen >= total) return;
      cursor = seen;
    } else {
      const next =
        spec.nextMarkerKey !== undefined
          ? ownValue(page, spec.nextMarkerKey)
          : spec.itemIdKey !== undefined
            ? ownValue(items[items.length - 1], spec.itemIdKey)
            : undefined;
      if (next === undefined || next === null || next === "" || next === cursor) return;
      cursor = next;
    }
  }
}
