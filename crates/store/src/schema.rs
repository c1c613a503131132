//! The schema, as an ordered list of migrations.
//!
//! `PRAGMA user_version` holds the number of migrations applied. Opening a store applies the
//! missing ones in order, each in its own transaction together with the new version number,
//! so a store is always at one version or the next. Never edit a released migration: append
//! a new one.

use rusqlite::{Connection, TransactionBehavior};

use crate::StoreError;

/// Migration `i` brings the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: documents, events, claims, actors, fused clusters, and the word statistics of fusion.
    r#"
CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    doc_id       TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    title        TEXT,
    published    TEXT,
    url          TEXT,
    outlet       TEXT,
    origin       TEXT NOT NULL,
    format       TEXT NOT NULL,
    terms        TEXT NOT NULL DEFAULT '',
    ingested_at  INTEGER NOT NULL
);
CREATE INDEX documents_published ON documents(published);

CREATE TABLE clusters (
    id                 INTEGER PRIMARY KEY,
    event_id           TEXT NOT NULL UNIQUE,
    event_type         TEXT,
    sub_event_type     TEXT,
    date_start         TEXT,
    date_end           TEXT,
    date_precision     TEXT,
    location_name      TEXT,
    country_code       TEXT,
    admin1             TEXT,
    lat                REAL,
    lon                REAL,
    location_precision TEXT,
    fatalities_low     INTEGER,
    fatalities_high    INTEGER,
    fatalities_best    INTEGER,
    injuries_low       INTEGER,
    injuries_high      INTEGER,
    injuries_best      INTEGER,
    contested          TEXT NOT NULL DEFAULT '',
    reports            INTEGER NOT NULL DEFAULT 0,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL
);
CREATE INDEX clusters_date ON clusters(date_start);
CREATE INDEX clusters_country_date ON clusters(country_code, date_start);
CREATE INDEX clusters_fatalities ON clusters(fatalities_best);

CREATE TABLE events (
    id                 INTEGER PRIMARY KEY,
    document_id        INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal            INTEGER NOT NULL,
    cluster_id         INTEGER REFERENCES clusters(id) ON DELETE SET NULL,
    event_type         TEXT,
    sub_event_type     TEXT,
    date_start         TEXT,
    date_end           TEXT,
    date_precision     TEXT,
    date_ambiguous     INTEGER NOT NULL DEFAULT 0,
    location_name      TEXT,
    country_code       TEXT,
    admin1             TEXT,
    lat                REAL,
    lon                REAL,
    location_precision TEXT,
    fatalities_low     INTEGER,
    fatalities_high    INTEGER,
    fatalities_best    INTEGER,
    injuries_low       INTEGER,
    injuries_high      INTEGER,
    injuries_best      INTEGER,
    trigger_start      INTEGER,
    trigger_end        INTEGER,
    UNIQUE (document_id, ordinal)
);
CREATE INDEX events_cluster ON events(cluster_id);
-- Fusion's candidate searches look at main events (ordinal 0) only.
CREATE INDEX events_main_date ON events(date_start) WHERE ordinal = 0;
CREATE INDEX events_main_country_date ON events(country_code, date_start) WHERE ordinal = 0;
CREATE INDEX events_main_country_lat ON events(country_code, lat) WHERE ordinal = 0;

CREATE TABLE actors (
    id        INTEGER PRIMARY KEY,
    event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role      TEXT NOT NULL,
    text      TEXT NOT NULL,
    canonical TEXT,
    inferred  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX actors_event ON actors(event_id);
CREATE INDEX actors_canonical ON actors(canonical);

CREATE TABLE claims (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    low         INTEGER NOT NULL,
    high        INTEGER,
    qualifier   TEXT NOT NULL,
    victims     TEXT,
    side        TEXT,
    cumulative  INTEGER NOT NULL,
    source      TEXT,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    perpetrators INTEGER NOT NULL DEFAULT 0,
    struck      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX claims_event ON claims(event_id);
CREATE INDEX claims_document ON claims(document_id);

CREATE TABLE terms (
    term TEXT PRIMARY KEY,
    df   INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE postings (
    term        TEXT NOT NULL,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (term, document_id)
) WITHOUT ROWID;
CREATE INDEX postings_document ON postings(document_id);
"#,
    // 2: each report's text (evidence spans are byte ranges into it; NULL for reports stored
    // at version 1), a full-text index over titles and texts (FTS5, kept in step with
    // `documents` by triggers), and the indexes of the read side's filters and sort orders.
    r#"
ALTER TABLE documents ADD COLUMN text TEXT;

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text,
    content = 'documents', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
-- Reports stored at version 1: their titles become searchable.
INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');

-- Date filters test both ends of an event's dates: the indexes carry them both.
DROP INDEX clusters_date;
DROP INDEX clusters_country_date;
CREATE INDEX clusters_dates ON clusters(date_start, date_end);
CREATE INDEX clusters_country_dates ON clusters(country_code, date_start, date_end);
CREATE INDEX clusters_type_dates ON clusters(event_type, date_start, date_end);
CREATE INDEX clusters_reports ON clusters(reports);
CREATE INDEX clusters_lat_lon ON clusters(lat, lon);
"#,
    // 3: the distinct actor names (texts and canonical names) with a trigram full-text index
    // over them, for the actor filter's substring search; `actors` indexed by name and event,
    // so the events of the matching names are found without reading the table. A writer
    // inserting actors adds their names (`write::add_actor_names`; a trigger on inserts
    // would cost every actor a statement journal); triggers on updates and deletes drop a
    // name once no actor row has it any more.
    r#"
CREATE TABLE actor_names (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE VIRTUAL TABLE actor_names_fts USING fts5(
    name,
    content = 'actor_names', content_rowid = 'id',
    tokenize = 'trigram'
);
CREATE TRIGGER actor_names_fts_insert AFTER INSERT ON actor_names BEGIN
    INSERT INTO actor_names_fts (rowid, name) VALUES (new.id, new.name);
END;
CREATE TRIGGER actor_names_fts_delete AFTER DELETE ON actor_names BEGIN
    INSERT INTO actor_names_fts (actor_names_fts, rowid, name) VALUES ('delete', old.id, old.name);
END;

DROP INDEX actors_canonical;
CREATE INDEX actors_text_event ON actors(text, event_id);
CREATE INDEX actors_canonical_event ON actors(canonical, event_id);

CREATE TRIGGER actors_names_update AFTER UPDATE OF text, canonical ON actors BEGIN
    INSERT OR IGNORE INTO actor_names (name) VALUES (new.text);
    INSERT OR IGNORE INTO actor_names (name) SELECT new.canonical WHERE new.canonical IS NOT NULL;
    DELETE FROM actor_names WHERE name IN (old.text, old.canonical)
        AND NOT EXISTS (SELECT 1 FROM actors a WHERE a.text = actor_names.name)
        AND NOT EXISTS (SELECT 1 FROM actors a WHERE a.canonical = actor_names.name);
END;
CREATE TRIGGER actors_names_delete AFTER DELETE ON actors BEGIN
    DELETE FROM actor_names WHERE name IN (old.text, old.canonical)
        AND NOT EXISTS (SELECT 1 FROM actors a WHERE a.text = actor_names.name)
        AND NOT EXISTS (SELECT 1 FROM actors a WHERE a.canonical = actor_names.name);
END;

-- Actors stored at earlier versions.
INSERT OR IGNORE INTO actor_names (name)
    SELECT text FROM actors UNION SELECT canonical FROM actors WHERE canonical IS NOT NULL;
"#,
];

/// The version a store has once every migration is applied.
pub fn latest_version() -> i64 {
    i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX)
}

/// The store's schema version (`PRAGMA user_version`).
pub fn version(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("PRAGMA user_version", [], |row| row.get(0))?)
}

/// Apply every migration the store lacks. Each step takes the write lock first and reads the
/// version again, so two processes opening a new store at once do not both migrate it.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let latest = latest_version();
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let found = version(&tx)?;
        if found > latest {
            return Err(StoreError::NewerSchema {
                found,
                supported: latest,
            });
        }
        let Some(sql) = usize::try_from(found).ok().and_then(|i| MIGRATIONS.get(i)) else {
            return Ok(());
        };
        tx.execute_batch(sql)?;
        // PRAGMA takes no bound parameters; the value is our own integer.
        tx.execute_batch(&format!("PRAGMA user_version = {}", found + 1))?;
        tx.commit()?;
        tracing::info!(version = found + 1, "store schema migrated");
    }
}
