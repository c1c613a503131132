// Unit tests of the span arithmetic (UTF-8 byte offsets → JavaScript string indices).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byteSlice, byteOffsetsToIndices, segment, sentenceAround } from '../src/spans.js';

const bytes = (s) => Buffer.byteLength(s, 'utf8');

test('byte offsets map to string indices across 2-, 3- and 4-byte characters', () => {
  const text = 'Sévaré — 12 killed 🙁 in Gao';
  const start = bytes('Sévaré — ');
  const end = start + bytes('12 killed');
  assert.equal(byteSlice(text, start, end), '12 killed');
  const idx = byteOffsetsToIndices(text, [start, end, 0, bytes(text)]);
  assert.equal(text.slice(idx.get(start), idx.get(end)), '12 killed');
  assert.equal(idx.get(0), 0);
  assert.equal(idx.get(bytes(text)), text.length);
  const g = bytes('Sévaré — 12 killed 🙁 in ');
  assert.equal(text.slice(byteOffsetsToIndices(text, [g]).get(g)), 'Gao');
});

test('segments cover the text; overlapping spans share a segment', () => {
  const text = 'Ninety-one “dead”, said Ré.';
  const a = { start: 0, end: bytes('Ninety-one “dead”'), id: 0 };
  const b = { start: bytes('Ninety-one '), end: bytes('Ninety-one “dead”, said Ré'), id: 1 };
  const segs = segment(text, [a, b, { start: 5, end: 5, id: 2 }]);
  assert.equal(segs.map((s) => text.slice(s.start, s.end)).join(''), text);
  assert.deepEqual(
    segs.map((s) => [text.slice(s.start, s.end), s.ids]),
    [
      ['Ninety-one ', [0]],
      ['“dead”', [0, 1]],
      [', said Ré', [1]],
      ['.', []],
    ],
  );
});

test('out-of-range spans are clamped, never thrown on', () => {
  const segs = segment('abc', [{ start: 1, end: 99, id: 0 }]);
  assert.deepEqual(segs, [
    { start: 0, end: 1, ids: [] },
    { start: 1, end: 3, ids: [0] },
  ]);
});

test('the sentence around a span stops at sentence ends, not at decimal points', () => {
  const text = 'Fighting resumed. Officials said 3.5 percent of the 40 dead were children. Later news.';
  const s0 = bytes('Fighting resumed. Officials said 3.5 percent of the ');
  const r = sentenceAround(text, s0, s0 + 7);
  assert.equal(text.slice(r.start, r.end), 'Officials said 3.5 percent of the 40 dead were children.');
  assert.equal(text.slice(r.spanStart, r.spanEnd), '40 dead');
});
