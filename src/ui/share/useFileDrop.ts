/**
 * Drop a scenario or run file anywhere on the page to open it. Returns whether a file is being
 * dragged over the page, for a hint. Only drags that carry files count: dragging a node in the
 * cluster view is not a drop.
 */
import { useEffect, useState } from 'react';
import type { ReplicaStore } from '../../store/store';
import { importRunFile } from './importRun';

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;

export function useFileDrop(store: ReplicaStore): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    // dragenter and dragleave fire for every child crossed: count them to know when it left.
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth++;
      setOver(true);
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overPage = (event: DragEvent) => {
      if (carriesFiles(event)) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setOver(false);
      const file = event.dataTransfer?.files[0];
      if (file !== undefined) void importRunFile(store, file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overPage);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overPage);
      window.removeEventListener('drop', drop);
    };
  }, [store]);
  return over;
}
