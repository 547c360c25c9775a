/**
 * "Share": a dialog with the link to what the user sees now (and a Copy button), the embed code,
 * and the exports: a picture of the cluster view or the space-time diagram (SVG or PNG), and the
 * run as JSON. Opening it pauses playback, so the link shows exactly the moment on screen.
 */
import { useId, useRef, useState } from 'react';
import type { ReplicaState } from '../../store/store';
import { useReplicaStore } from '../StoreContext';
import { copyText } from './copyText';
import { currentSharedView } from './currentView';
import { downloadBlob } from './download';
import { embedCode } from './embedCode';
import { picturePng, pictureSvg } from './picture';
import { runFileName, runFileText } from './runExport';
import { embedUrl, shareUrl } from './shareLink';
import './share.css';

type PictureOf = 'cluster' | 'spacetime';

/** Where each view lives on the page, and what of it besides SVG and canvas is worth keeping. */
const VIEWS: Record<
  PictureOf,
  { selector: string; labels?: string; name: string; label: string; title: string }
> = {
  cluster: {
    selector: '.cluster',
    name: 'cluster',
    label: 'Cluster view',
    title: 'The nodes, links and messages in flight, as on screen',
  },
  spacetime: {
    selector: '.spacetime__body',
    labels: '.spacetime__lane',
    name: 'space-time',
    label: 'Space-time diagram',
    title: 'Lanes per node and client, messages as arrows over time, as on screen',
  },
};

interface Links {
  share: string;
  embedCode: string;
}

function linksFor(state: ReplicaState, sidePanels: boolean, timelineOpen: boolean | null): Links {
  const share = shareUrl(window.location.href, currentSharedView(state, sidePanels, timelineOpen));
  const code = embedCode(
    state.scenario.title,
    embedUrl(share),
    share,
    `${state.scenario.id}-cluster.png`,
  );
  return { share, embedCode: `${code.iframe}\n\n${code.markdown}\n` };
}

export function ShareDialog({
  sidePanels,
  timelineOpen = null,
}: {
  sidePanels: boolean;
  /** Whether the timeline is open, when the page shows one. */
  timelineOpen?: boolean | null;
}) {
  const store = useReplicaStore();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLTextAreaElement>(null);
  const [links, setLinks] = useState<Links>({ share: '', embedCode: '' });
  const [status, setStatus] = useState('');
  const [pictureOf, setPictureOf] = useState<PictureOf>('cluster');
  const headingId = useId();

  const open = () => {
    store.getState().pause();
    setLinks(linksFor(store.getState(), sidePanels, timelineOpen));
    setStatus('');
    dialogRef.current?.showModal();
  };

  const copy = async (
    text: string,
    field: HTMLInputElement | HTMLTextAreaElement | null,
    what: string,
  ) => {
    const copied = await copyText(text, field);
    setStatus(copied ? `${what} copied.` : `${what} selected: press Ctrl+C (⌘C) to copy.`);
  };

  const exportPicture = async (format: 'svg' | 'png') => {
    const view = VIEWS[pictureOf];
    const element = document.querySelector<HTMLElement>(view.selector);
    if (element === null || element.getBoundingClientRect().height === 0) {
      setStatus(`Open the ${view.name} view first: it is hidden.`);
      return;
    }
    const { scenario, seed, session } = store.getState();
    const svg = pictureSvg(element, {
      title: scenario.title,
      subtitle: `Replica Lab · ${view.name} view · seed ${seed} · t = ${session.sim.core.now} ms`,
      protocol: scenario.protocol,
      ...(view.labels === undefined ? {} : { labelSelector: view.labels }),
    });
    const base = `${scenario.id}-${view.name}`;
    try {
      const blob =
        format === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await picturePng(svg);
      downloadBlob(blob, `${base}.${format}`);
      setStatus(`Saved ${base}.${format}.`);
    } catch (error) {
      setStatus(`Could not make the ${format.toUpperCase()}: ${(error as Error).message}`);
    }
  };

  const exportRun = () => {
    const state = store.getState();
    const name = runFileName(state);
    downloadBlob(new Blob([runFileText(state)], { type: 'application/json' }), name);
    setStatus(`Saved ${name}.`);
  };

  return (
    <>
      <button
        type="button"
        className="button button--small"
        title="A link to exactly this moment of this run (scenario, seed, your inputs, time), embed code for notes, and pictures to download"
        onClick={open}
      >
        Share
      </button>
      <dialog ref={dialogRef} className="share-dialog" aria-labelledby={headingId}>
        <h2 id={headingId} className="share-dialog__title">
          Share this moment
        </h2>
        <div className="share-dialog__row">
          <label className="share-dialog__field">
            <span className="field__label">Share link</span>
            <input
              ref={linkRef}
              type="text"
              readOnly
              value={links.share}
              title="Opening this link replays the same scenario, seed and inputs to the same time"
              onFocus={(e) => e.currentTarget.select()}
            />
          </label>
          <button
            type="button"
            className="button button--small"
            title="Copy the link to the clipboard"
            onClick={() => copy(links.share, linkRef.current, 'Link')}
          >
            Copy
          </button>
        </div>
        <div className="share-dialog__row">
          <label className="share-dialog__field">
            <span className="field__label">Embed code</span>
            <textarea ref={codeRef} readOnly rows={4} value={links.embedCode} />
          </label>
          <button
            type="button"
            className="button button--small"
            title="Copy an iframe of the live view (for pages that take HTML) and a Markdown image that links to it (save the picture with Export PNG)"
            onClick={() => copy(links.embedCode, codeRef.current, 'Embed code')}
          >
            Copy embed code
          </button>
        </div>
        <fieldset className="share-dialog__exports">
          <legend>Download</legend>
          <div className="share-dialog__choice" role="radiogroup" aria-label="Picture of">
            {(Object.keys(VIEWS) as PictureOf[]).map((key) => (
              <label key={key} title={VIEWS[key].title}>
                <input
                  type="radio"
                  name="picture-of"
                  checked={pictureOf === key}
                  onChange={() => setPictureOf(key)}
                />
                {VIEWS[key].label}
              </label>
            ))}
          </div>
          <button
            type="button"
            className="button button--small"
            title="A vector picture of the chosen view on white, with the scenario's name and a legend"
            onClick={() => exportPicture('svg')}
          >
            Export SVG
          </button>
          <button
            type="button"
            className="button button--small"
            title="The same picture as a PNG image at twice the screen's resolution, for slides"
            onClick={() => exportPicture('png')}
          >
            Export PNG
          </button>
          <button
            type="button"
            className="button button--small"
            title="The run as JSON (scenario, seed, your inputs, trace, history): open it here with Import, or run it with npm run sim -- FILE"
            onClick={exportRun}
          >
            Export run
          </button>
        </fieldset>
        <p className="share-dialog__status" role="status">
          {status}
        </p>
        <form method="dialog">
          <button type="submit" className="button button--small" title="Close this dialog (Esc)">
            Close
          </button>
        </form>
      </dialog>
    </>
  );
}
