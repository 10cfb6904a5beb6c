import { useEffect, useState } from 'react';
import type { Output } from '../../../shared/contract';
import { api } from '../../api/client';

type Item = Output<'regions.list'>['items'][number];

/** The children of a region code ('' = provinces); empty while the parent is not chosen. */
export function useRegionChildren(parent: string | undefined, length: number): Item[] {
  const [items, setItems] = useState<Item[]>([]);
  useEffect(() => {
    setItems([]);
    if (parent === undefined || parent.length !== length) return;
    let stale = false;
    api.call('regions.list', { parent }).then((r) => { if (!stale) setItems(r.items); }).catch(() => undefined);
    return () => { stale = true; };
  }, [parent, length]);
  return items;
}
