/**
 * Share links: what the user sees, as a URL. A link carries the run's recipe (scenario, seed,
 * inputs, time), never a state dump: opening it replays the run to the same point.
 *
 * The payload is JSON compressed with lz-string into the `run` query parameter. It is
 * versioned: `v` picks the decoder, and every version ever published keeps its decoder (see
 * linkVersions.ts), so links made today keep opening after the format changes. Everything read
 * from a link is validated; a bad link yields a message, never an exception or markup.
 */
// The default import (lz-string is CommonJS): Node's own ESM loader finds no named exports in it.
import lzString from 'lz-string';
import type { Input } from '../../engine/types';
import { findAnyBuiltin } from '../../scenarios/builtin';
import type { AnyScenario } from '../../scenarios/leaderlessSchema';
import type { ClusterPositions, TimelineWindow, ZoomTransform } from '../../store/store';
import { CURRENT_LINK_VERSION, decodePayload, type SelectionPayload } from './linkVersions';

/** The query parameter holding the compressed payload. */
export const RUN_PARAM = 'run';
/** Longer than any honest link (a full custom scenario and thousands of inputs fit easily). */
export const MAX_LINK_CHARS = 400_000;

/** What a link restores. */
export interface SharedView {
  scenario: AnyScenario;
  seed: number;
  /** The user's inputs, each with its time. */
  inputs: Input[];
  /** The simulated time shown. */
  timeMs: number;
  /** Events processed at that time: a step lands between events of the same millisecond. */
  events: number | null;
  selection: SelectionPayload;
  /** Whether the side panels are open; null to leave the viewer's own layout alone. */
  sidePanels: boolean | null;
  /** Whether the space-time diagram (timeline) is open; null, as for the side panels. */
  timelineOpen: boolean | null;
  /** The cluster view's zoom and pan; null to open unzoomed. */
  clusterZoom: ZoomTransform | null;
  /** Nodes and clients dragged in the cluster view, by id (view-box units). */
  clusterPositions: ClusterPositions;
  /** The space-time diagram's span, and start when not following; null: its default. */
  timelineWindow: TimelineWindow | null;
  /** The operation whose quorums are pictured (leaderless); null for none. */
  focusedOp: number | null;
  /** Operations picked out in the diagrams (an anomaly's), by op id. */
  highlightedOps: number[];
}

export type DecodedLink = { ok: true; view: SharedView } | { ok: false; message: string };

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function panelsPayload(view: SharedView): { panels?: { side?: boolean; timeline?: boolean } } {
  const panels = {
    ...(view.sidePanels === null ? {} : { side: view.sidePanels }),
    ...(view.timelineOpen === null ? {} : { timeline: view.timelineOpen }),
  };
  return Object.keys(panels).length === 0 ? {} : { panels };
}

/** The compressed payload for a view (what goes after `run=`). */
export function encodeSharedView(view: SharedView): string {
  const builtin = findAnyBuiltin(view.scenario.id);
  // A built-in travels by id; anything else (an imported file, changed cures) in full.
  const scenario =
    builtin !== undefined && sameJson(builtin, view.scenario)
      ? { id: view.scenario.id }
      : { custom: view.scenario };
  const payload = {
    v: CURRENT_LINK_VERSION,
    scenario,
    seed: view.seed,
    inputs: view.inputs,
    t: view.timeMs,
    ...(view.events === null ? {} : { events: view.events }),
    selection: view.selection,
    ...panelsPayload(view),
    ...(view.clusterZoom === null ? {} : { zoom: view.clusterZoom }),
    ...(Object.keys(view.clusterPositions).length === 0
      ? {}
      : { positions: view.clusterPositions }),
    ...(view.timelineWindow === null ? {} : { window: view.timelineWindow }),
    ...(view.focusedOp === null ? {} : { focus: view.focusedOp }),
    ...(view.highlightedOps.length === 0 ? {} : { highlight: view.highlightedOps }),
  };
  return lzString.compressToEncodedURIComponent(JSON.stringify(payload));
}

/** Decode a `run` parameter. Never throws; the message says what is wrong, in plain text. */
export function decodeSharedView(encoded: string): DecodedLink {
  const broken = (why: string): DecodedLink => ({
    ok: false,
    message: `This link is broken or incomplete (${why}), so it cannot be opened.`,
  });
  if (encoded.length > MAX_LINK_CHARS) return broken('it is too long');
  let text: string | null;
  try {
    text = lzString.decompressFromEncodedURIComponent(encoded);
  } catch {
    text = null;
  }
  if (text === null || text === '') return broken('it does not decompress');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return broken('its contents are not JSON');
  }
  const decoded = decodePayload(json);
  if (!decoded.ok) return { ok: false, message: `This link cannot be opened: ${decoded.message}` };
  return decoded;
}

/** The share URL for a view: the page's own address with only `run` in its query. */
export function shareUrl(pageUrl: string, view: SharedView): string {
  const url = new URL(pageUrl);
  url.search = '';
  url.hash = '';
  url.searchParams.set(RUN_PARAM, encodeSharedView(view));
  return url.toString();
}

/** The embed URL: the share URL with `embed=1` added to its query. */
export function embedUrl(share: string): string {
  const url = new URL(share);
  url.searchParams.set('embed', '1');
  return url.toString();
}
