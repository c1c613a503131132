// Spans from the API are UTF-8 byte offsets [start, end) into a document's text (CONTRACT.md).
// JavaScript strings index UTF-16 code units, so every span is converted before slicing.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The text of a byte span, decoded exactly as the server sliced it. */
export function byteSlice(text, start, end) {
  return decoder.decode(encoder.encode(text).subarray(start, end));
}

function utf8Len(cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * Maps byte offsets to UTF-16 indices in one pass over the text.
 * An offset inside a character maps to the next character boundary; one past the end to text.length.
 */
export function byteOffsetsToIndices(text, offsets) {
  const wanted = [...new Set(offsets)].sort((a, b) => a - b);
  const map = new Map();
  let byte = 0;
  let i = 0;
  let k = 0;
  while (k < wanted.length && i < text.length) {
    while (k < wanted.length && wanted[k] <= byte) map.set(wanted[k++], i);
    if (k >= wanted.length) break;
    const cp = text.codePointAt(i);
    byte += utf8Len(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  for (; k < wanted.length; k++) map.set(wanted[k], text.length);
  return map;
}

/**
 * Cuts a text into consecutive segments at the spans' boundaries.
 * spans: [{start, end, id}] in bytes. Returns [{start, end, ids}] in UTF-16 indices covering the
 * whole text; `ids` lists the spans covering the segment (empty for plain text). Spans that
 * overlap are fine; spans out of range are clamped; empty spans are dropped.
 */
export function segment(text, spans) {
  const valid = spans.filter((sp) => Number.isInteger(sp.start) && Number.isInteger(sp.end) && sp.end > sp.start);
  const idx = byteOffsetsToIndices(text, valid.flatMap((sp) => [sp.start, sp.end]));
  const conv = valid
    .map((sp) => ({ id: sp.id, start: idx.get(sp.start), end: idx.get(sp.end) }))
    .filter((sp) => sp.end > sp.start);
  const cuts = [...new Set([0, text.length, ...conv.flatMap((sp) => [sp.start, sp.end])])].sort((a, b) => a - b);
  const out = [];
  for (let c = 0; c + 1 < cuts.length; c++) {
    const start = cuts[c];
    const end = cuts[c + 1];
    if (end <= start) continue;
    const ids = conv.filter((sp) => sp.start <= start && sp.end >= end).map((sp) => sp.id);
    out.push({ start, end, ids });
  }
  return out;
}

/**
 * The sentence (or line) around a byte span, as UTF-16 indices {start, end, spanStart, spanEnd}.
 * Used to show a figure in its context.
 */
export function sentenceAround(text, start, end, max = 400) {
  const idx = byteOffsetsToIndices(text, [start, end]);
  const a = idx.get(start);
  const b = idx.get(end);
  let from = a;
  while (from > 0 && a - from < max) {
    const ch = text[from - 1];
    if (ch === '\n') break;
    if (/[.!?]/.test(ch) && /\s/.test(text[from] ?? '') && !/\d/.test(text[from - 2] ?? '')) break;
    from--;
  }
  let to = b;
  while (to < text.length && to - b < max) {
    const ch = text[to];
    if (ch === '\n') break;
    to++;
    if (/[.!?]/.test(ch) && (to >= text.length || /\s/.test(text[to]))) break;
  }
  while (from < a && /\s/.test(text[from])) from++;
  return { start: from, end: to, spanStart: a, spanEnd: b };
}
