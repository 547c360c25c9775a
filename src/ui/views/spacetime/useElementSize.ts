/** The content size of an element, kept current with a ResizeObserver. */
import { type RefCallback, useCallback, useEffect, useState } from 'react';

export function useElementSize<E extends Element>(): [
  RefCallback<E>,
  { width: number; height: number },
] {
  const [element, setElement] = useState<E | null>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    if (element === null) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry === undefined) return;
      const { width, height } = entry.contentRect;
      setSize((old) =>
        old.width === Math.floor(width) && old.height === Math.floor(height)
          ? old
          : { width: Math.floor(width), height: Math.floor(height) },
      );
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  const ref = useCallback((e: E | null) => setElement(e), []);
  return [ref, size];
}
