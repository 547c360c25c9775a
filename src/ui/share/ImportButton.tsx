/** "Import": open a scenario file or an exported run from disk (a file picker). */
import { useRef } from 'react';
import { useReplicaStore } from '../StoreContext';
import { importRunFile } from './importRun';

export function ImportButton() {
  const store = useReplicaStore();
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="button button--small"
        title="Open a scenario file or a run exported with Export run (JSON); you can also drop the file on the page"
        onClick={() => inputRef.current?.click()}
      >
        Import
      </button>
      <input
        ref={inputRef}
        type="file"
        accept=".json,application/json"
        aria-label="Scenario or run file"
        hidden
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          // Cleared so that picking the same file again (after fixing it) fires again.
          e.currentTarget.value = '';
          if (file !== undefined) void importRunFile(store, file);
        }}
      />
    </>
  );
}
