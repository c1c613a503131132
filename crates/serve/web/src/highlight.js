// Report text with claim spans marked, built from text nodes only.
import { h } from './dom.js';
import { segment, sentenceAround, byteSlice } from './spans.js';

/**
 * The whole text with the given byte spans marked.
 * spans: [{start, end, id}]; markAttrs(ids) gives the attributes of the <mark> of a segment.
 */
export function highlightedText(text, spans, markAttrs) {
  const frag = document.createDocumentFragment();
  for (const seg of segment(text, spans)) {
    const piece = text.slice(seg.start, seg.end);
    frag.append(seg.ids.length ? h('mark', markAttrs(seg.ids), piece) : document.createTextNode(piece));
  }
  return frag;
}

/** The sentence around one byte span, the span marked. Null if the span is not in the text. */
export function sentenceWithSpan(text, span, markAttrs) {
  if (!Array.isArray(span) || span.length !== 2 || span[1] <= span[0]) return null;
  const { start, end, spanStart, spanEnd } = sentenceAround(text, span[0], span[1]);
  if (spanEnd <= spanStart) return null;
  return h(
    'span',
    { class: 'sentence' },
    start > 0 ? '… ' : '',
    text.slice(start, spanStart),
    h('mark', markAttrs, text.slice(spanStart, spanEnd)),
    text.slice(spanEnd, end),
    end < text.length ? ' …' : '',
  );
}

/** Whether the text at the span is the claim's text (the server's promise). */
export const spanMatches = (text, claim) =>
  Array.isArray(claim.span) && byteSlice(text, claim.span[0], claim.span[1]) === claim.text;
