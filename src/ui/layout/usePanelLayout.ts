/** The panel layout as React state, remembered in localStorage (see panelSizes.ts). */
import { useCallback, useEffect, useState } from 'react';
import { type PanelLayout, parseLayout } from './panelSizes';

const STORAGE_KEY = 'replica-lab:layout';

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be switched off (private modes, embedded frames): the default layout does.
    return null;
  }
}

export function usePanelLayout(): [PanelLayout, (change: Partial<PanelLayout>) => void] {
  const [layout, setLayout] = useState(() => parseLayout(readStored()));
  useEffect(() => {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(layout));
    } catch {
      // Not remembered, still applied.
    }
  }, [layout]);
  const update = useCallback(
    (change: Partial<PanelLayout>) => setLayout((previous) => ({ ...previous, ...change })),
    [],
  );
  return [layout, update];
}
