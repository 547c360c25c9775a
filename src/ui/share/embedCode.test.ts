import { describe, expect, it } from 'vitest';
import { embedCode, escapeHtml } from './embedCode';

describe('embed code', () => {
  const code = embedCode(
    'Reads <b>"after"</b> writes',
    'https://lab.example/?run=abc&embed=1',
    'https://lab.example/?run=abc',
    'reads-cluster.png',
  );

  it('an iframe on the embed URL whose attributes keep markup as text', () => {
    const doc = new DOMParserLike(code.iframe);
    expect(doc.attr('src')).toBe('https://lab.example/?run=abc&amp;embed=1');
    expect(doc.attr('title')).toBe(
      'Replica Lab: Reads &lt;b&gt;&quot;after&quot;&lt;/b&gt; writes',
    );
    expect(code.iframe).not.toContain('<b>');
  });

  it('a Markdown image of the exported picture, linking to the live view', () => {
    expect(code.markdown).toBe(
      '[![Replica Lab: Reads \\<b\\>"after"\\</b\\> writes](reads-cluster.png)](https://lab.example/?run=abc)',
    );
  });

  it('escapes every character that could open markup', () => {
    expect(escapeHtml(`<a href='x'>&</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;');
  });
});

/** Reads one attribute of the single tag in `html`, as written (no DOM in unit tests). */
class DOMParserLike {
  constructor(private readonly html: string) {}
  attr(name: string): string | undefined {
    return new RegExp(`\\s${name}="([^"]*)"`).exec(this.html)?.[1];
  }
}
