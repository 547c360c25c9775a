/** A share link may say whether the side panels and the timeline were open: apply it once, on arrival. */
import { useEffect } from 'react';
import type { PanelLayout } from '../layout/panelSizes';
import { decodeSharedView } from './shareLink';

export function useLinkedPanels(
  run: string | null,
  setLayout: (change: Partial<PanelLayout>) => void,
): void {
  useEffect(() => {
    if (run === null) return;
    const decoded = decodeSharedView(run);
    if (!decoded.ok) return;
    const { sidePanels, timelineOpen } = decoded.view;
    if (sidePanels !== null) setLayout({ sideOpen: sidePanels });
    if (timelineOpen !== null) setLayout({ timelineOpen });
  }, [run, setLayout]);
}
