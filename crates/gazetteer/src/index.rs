//! The key index: a token-level trie (a deterministic automaton over normalised tokens).
//!
//! Every key is a sequence of normalised tokens. Tokens are interned in a vocabulary; a
//! trie edge is `(node, token) → node`. A node that ends a key owns a ranked slice of
//! candidates. Matching text walks the trie token by token, so a text token that is not
//! in the vocabulary costs one hash lookup.

use crate::{PlaceId, PlaceKind};
use rustc_hash::FxHashMap;

/// Candidate flag: reached through a nationality word ("Libyan").
pub(crate) const DEMONYM: u8 = 1;
/// Candidate flag: an initialism ("USA", "U.S."); matches only all-caps text.
pub(crate) const ACRONYM: u8 = 2;
/// Candidate flag: a region name shortened by rule ("Basra Governorate" → "Basra").
pub(crate) const DERIVED: u8 = 4;
/// Candidate flag: a town reached only through one of its alternate names ("Sui" for
/// Suizhou), not its main name.
pub(crate) const ALTERNATE: u8 = 8;

/// What the trie knows about a key that ends at a node.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Final {
    /// First candidate in [`Index::cands`].
    pub start: u32,
    /// Number of candidates.
    pub len: u32,
    /// English Zipf frequency ×10 of a one-token key, the highest of the words sharing it
    /// (0 when rare or multi-token): a key of 0 needs no look at the surface.
    pub zipf10: u8,
}

/// The trie.
#[derive(Default)]
pub(crate) struct Index {
    vocab: FxHashMap<Box<str>, u32>,
    edges: FxHashMap<u64, u32>,
    /// `finals[node]`: the key ending at `node`, if any (`len == 0` when none).
    finals: Vec<Final>,
    /// Candidates of all keys, each key's run ranked best first.
    pub cands: Vec<PlaceId>,
    /// Flags parallel to `cands`.
    pub flags: Vec<u8>,
    /// Longest key, in tokens.
    pub max_tokens: usize,
}

/// One name of one place, before indexing.
pub(crate) struct Entry {
    /// Normalised key.
    pub key: String,
    /// The place.
    pub place: PlaceId,
    /// `DEMONYM` | `ACRONYM` | `DERIVED` | `ALTERNATE`.
    pub flags: u8,
}

/// What ranking needs to know about a place.
pub(crate) struct RankInfo {
    pub kind: PlaceKind,
    /// Population used for ranking (admin2: its largest city, so a namesake town ties).
    pub rank_pop: u64,
}

impl Index {
    /// Build the trie from entries. `rank(id)` gives the ranking data of a place;
    /// `word(key)` gives the English frequency of a one-token key.
    pub fn build(
        mut entries: Vec<Entry>,
        rank: impl Fn(PlaceId) -> RankInfo,
        word: impl Fn(&str) -> Option<(u8, bool)>,
    ) -> Index {
        entries.retain(|e| !e.key.is_empty());
        entries.sort_unstable_by(|a, b| a.key.cmp(&b.key).then(a.place.cmp(&b.place)));
        let mut ix = Index { finals: vec![Final::default()], ..Index::default() };
        let mut i = 0;
        while i < entries.len() {
            let mut j = i;
            while j < entries.len() && entries[j].key == entries[i].key {
                j += 1;
            }
            // merge duplicates of one place: a plain name beats a demonym/acronym/derived one
            let mut group: Vec<(PlaceId, u8)> = Vec::with_capacity(j - i);
            for e in &entries[i..j] {
                match group.last_mut() {
                    Some(last) if last.0 == e.place => last.1 &= e.flags,
                    _ => group.push((e.place, e.flags)),
                }
            }
            group.sort_by_cached_key(|&(id, flags)| {
                let r = rank(id);
                let class = match r.kind {
                    PlaceKind::Country => 0u8,
                    PlaceKind::Admin1 => 1,
                    PlaceKind::City | PlaceKind::Admin2 => 2,
                };
                let kind_tie = match r.kind {
                    PlaceKind::City => 0u8,
                    _ => 1,
                };
                (class, std::cmp::Reverse(r.rank_pop), kind_tie, flags & DERIVED, id)
            });
            let key = &entries[i].key;
            let node = ix.insert(key);
            let start = ix.cands.len() as u32;
            for &(id, flags) in &group {
                ix.cands.push(id);
                ix.flags.push(flags);
            }
            let zipf10 = if key.contains(' ') { 0 } else { word(key).map_or(0, |(z, _)| z) };
            ix.finals[node as usize] =
                Final { start, len: group.len() as u32, zipf10 };
            i = j;
        }
        ix.vocab.shrink_to_fit();
        ix.edges.shrink_to_fit();
        ix.finals.shrink_to_fit();
        ix.cands.shrink_to_fit();
        ix.flags.shrink_to_fit();
        ix
    }

    fn insert(&mut self, key: &str) -> u32 {
        let mut node = 0u32;
        let mut n = 0;
        for tok in key.split(' ') {
            n += 1;
            let next_id = self.vocab.len() as u32;
            let id = *self.vocab.entry(tok.into()).or_insert(next_id);
            let next_node = self.finals.len() as u32;
            let child = *self.edges.entry(edge_key(node, id)).or_insert(next_node);
            if child == next_node {
                self.finals.push(Final::default());
            }
            node = child;
        }
        self.max_tokens = self.max_tokens.max(n);
        node
    }

    /// The vocabulary id of a normalised token.
    pub fn token(&self, tok: &str) -> Option<u32> {
        self.vocab.get(tok).copied()
    }

    /// Follow one edge.
    pub fn step(&self, node: u32, tok: u32) -> Option<u32> {
        self.edges.get(&edge_key(node, tok)).copied()
    }

    /// The key ending at `node`, if one does.
    pub fn final_at(&self, node: u32) -> Option<Final> {
        self.finals.get(node as usize).copied().filter(|f| f.len > 0)
    }

    /// Walk a whole normalised key from the root.
    pub fn get(&self, key: &str) -> Option<Final> {
        if key.is_empty() {
            return None;
        }
        let mut node = 0u32;
        for tok in key.split(' ') {
            node = self.step(node, self.token(tok)?)?;
        }
        self.final_at(node)
    }

    /// The candidates of a key.
    pub fn slice(&self, f: Final) -> &[PlaceId] {
        &self.cands[f.start as usize..(f.start + f.len) as usize]
    }

    /// Number of distinct keys.
    pub fn key_count(&self) -> usize {
        self.finals.iter().filter(|f| f.len > 0).count()
    }

    /// Rough heap size in bytes.
    pub fn heap_bytes(&self) -> usize {
        let vocab: usize = self.vocab.keys().map(|k| k.len() + 16 + 4 + 8).sum();
        vocab
            + self.edges.capacity() * (8 + 4 + 1)
            + self.finals.capacity() * std::mem::size_of::<Final>()
            + self.cands.capacity() * 4
            + self.flags.capacity()
    }
}

fn edge_key(node: u32, tok: u32) -> u64 {
    (u64::from(node) << 32) | u64::from(tok)
}
