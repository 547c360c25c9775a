/**
 * What "Copy embed code" puts on the clipboard: an iframe for pages that take HTML, and a
 * Markdown image that links to the live view for notes apps that do not. Titles are escaped:
 * a scenario's title comes from a file or a link and must stay text wherever it is pasted.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Markdown link text: brackets and backslashes would end or bend the link. */
function escapeMarkdownText(text: string): string {
  return text.replace(/[\\[\]<>]/g, (c) => `\\${c}`);
}

export interface EmbedCode {
  iframe: string;
  markdown: string;
}

/**
 * `embedHref` is the embed URL (the iframe's source), `shareHref` the full app at the same
 * point (where a click on the Markdown image leads), `imageFile` the exported picture's name.
 */
export function embedCode(
  title: string,
  embedHref: string,
  shareHref: string,
  imageFile: string,
): EmbedCode {
  const name = `Replica Lab: ${title}`;
  const iframe = `<iframe src="${escapeHtml(embedHref)}" title="${escapeHtml(name)}" width="800" height="480" style="border:0" loading="lazy"></iframe>`;
  // URLs made by URLSearchParams hold no spaces or parentheses, so they need no escaping here.
  const markdown = `[![${escapeMarkdownText(name)}](${imageFile})](${shareHref})`;
  return { iframe, markdown };
}
