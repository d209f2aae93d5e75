/**
 * Bump on any change to the schema or to what the projection writes: a read
 * model built by another version is dropped and rebuilt from the start of `$all`.
 */
export const PROJECTION_VERSION = 10;

/*
 * Every list is read newest or oldest first by keyset on the global position
 * (opaque text whose byte order is the log order), so each index ends with it.
 * Viewer filtering is `EXISTS (item_grants)` on its primary key.
 */
export const READ_MODEL_SCHEMA = `
  CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;

  -- One row: the last applied position, written in the transaction that applied it.
  CREATE TABLE checkpoint (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    position         TEXT,
    recorded_at      TEXT,
    events_projected INTEGER NOT NULL,
    events_skipped   INTEGER NOT NULL
  ) STRICT;
  INSERT INTO checkpoint (id, position, recorded_at, events_projected, events_skipped) VALUES (1, NULL, NULL, 0, 0);

  -- seq orders search hits of equal score.
  CREATE TABLE items (
    seq        INTEGER PRIMARY KEY,
    id         TEXT    NOT NULL UNIQUE,
    kind       TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    state      TEXT    NOT NULL,
    title      TEXT    NOT NULL,
    visibility TEXT    NOT NULL,
    subregions TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
  ) STRICT;

  CREATE TABLE item_topics (
    item_id TEXT NOT NULL,
    topic   TEXT NOT NULL,
    PRIMARY KEY (item_id, topic)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE item_grants (
    item_id TEXT NOT NULL,
    access  TEXT NOT NULL,
    PRIMARY KEY (item_id, access)
  ) STRICT, WITHOUT ROWID;

  -- Searchable texts, each item's own, its answers' or responses' and its comments': one document each.
  -- seq grows with every document added and is never reused (AUTOINCREMENT), so a search fixes the
  -- documents it ranks by the largest seq of its first page. length counts the words, for bm25.
  CREATE TABLE search_documents (
    seq     INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id TEXT    NOT NULL,
    key     TEXT    NOT NULL,
    length  INTEGER NOT NULL,
    UNIQUE (item_id, key)
  ) STRICT;
  -- Contentless: the texts are the items' and comments' own; the index keeps only their terms.
  CREATE VIRTUAL TABLE search_text USING fts5(
    title, summary, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
  );
  -- Every occurrence of every term (term, doc, col, offset): term frequencies for ranking.
  CREATE VIRTUAL TABLE search_terms USING fts5vocab(search_text, instance);

  CREATE TABLE feed_entries (
    position      TEXT PRIMARY KEY,
    activity      TEXT NOT NULL,
    occurred_at   TEXT NOT NULL,
    actor         TEXT NOT NULL,
    actor_country TEXT,
    item_id       TEXT NOT NULL,
    item_kind     TEXT NOT NULL,
    -- What the entry is about inside its item: the comment posted, the answer given or edited.
    comment_id    TEXT,
    answer_id     TEXT
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX feed_entries_by_item ON feed_entries (item_id, position);
  CREATE INDEX feed_entries_by_time ON feed_entries (occurred_at, actor_country, activity);

  CREATE TABLE feed_subregions (
    subregion TEXT NOT NULL,
    position  TEXT NOT NULL,
    PRIMARY KEY (subregion, position)
  ) STRICT, WITHOUT ROWID;

  -- The item's topics when the entry was written: what the cooperation report counts per topic.
  CREATE TABLE feed_topics (
    position TEXT NOT NULL,
    topic    TEXT NOT NULL,
    PRIMARY KEY (position, topic)
  ) STRICT, WITHOUT ROWID;

  -- A rowid table: comments are appended in log order into full pages, and only the small index on
  -- their random ids takes random writes (clustered by id, pages of comments split half empty).
  CREATE TABLE comments (
    seq       INTEGER PRIMARY KEY,
    id        TEXT    NOT NULL UNIQUE,
    item_id   TEXT    NOT NULL,
    position  TEXT    NOT NULL,
    body      TEXT,
    author    TEXT    NOT NULL,
    country   TEXT,
    reply_to  TEXT,
    posted_at TEXT    NOT NULL,
    edited_at TEXT,
    retracted INTEGER NOT NULL
  ) STRICT;
  CREATE UNIQUE INDEX comments_by_item ON comments (item_id, position);

  -- seq numbers the events in log order from 1, so a rebuild from the same log gives the same numbers
  -- and cursors over it stay valid. A row is an index entry, not a copy: what the filters select on
  -- and the event's position, where a query reads the event itself from the store. A rowid table,
  -- small integer index keys, and indexes only for the selective filters (item, actor, country);
  -- the others filter a scan in order.
  CREATE TABLE audit_events (
    seq            INTEGER PRIMARY KEY,
    position       TEXT    NOT NULL,
    stream_id      TEXT    NOT NULL,
    type           TEXT    NOT NULL,
    occurred_at    TEXT    NOT NULL,
    actor_id       TEXT,
    actor_country  TEXT,
    item_id        TEXT,
    item_kind      TEXT
  ) STRICT;
  CREATE INDEX audit_events_by_item ON audit_events (item_id);
  CREATE INDEX audit_events_by_actor ON audit_events (actor_id);
  CREATE INDEX audit_events_by_country ON audit_events (actor_country);
  -- The history of a stream of no item (a country's profile); partial, so item events cost it nothing.
  CREATE INDEX audit_events_by_other_stream ON audit_events (stream_id) WHERE item_id IS NULL;

  -- Each country's profile as its stream's events left it; a country without a row has the empty profile.
  CREATE TABLE country_profiles (
    country    TEXT PRIMARY KEY,
    version    INTEGER NOT NULL,
    profile    TEXT    NOT NULL
  ) STRICT, WITHOUT ROWID;

  -- One row per profile update, for the statistics (a profile update is no feed entry).
  CREATE TABLE country_profile_updates (
    position      TEXT PRIMARY KEY,
    country       TEXT NOT NULL,
    actor_country TEXT,
    occurred_at   TEXT NOT NULL,
    -- The profile as this update left it: the profile at any instant, without the log.
    profile       TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX country_profile_updates_by_country ON country_profile_updates (country, occurred_at);

  -- One row per act of a country on another country's item: an answer to its question, an adoption
  -- of its practice, a response to its consultation.
  CREATE TABLE country_links (
    position      TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,
    occurred_at   TEXT NOT NULL,
    item_id       TEXT NOT NULL,
    item_country  TEXT NOT NULL,
    actor_country TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX country_links_by_time ON country_links (occurred_at);

  -- When each joint project was endorsed (the review), started and completed (the dates recorded).
  CREATE TABLE project_milestones (
    item_id   TEXT NOT NULL,
    milestone TEXT NOT NULL,
    at        TEXT NOT NULL,
    PRIMARY KEY (item_id, milestone)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX project_milestones_by_time ON project_milestones (milestone, at);

  -- The participant directory: each participant as their token last said. search_name is the name
  -- folded (lower case, no diacritics) for matching; the list is read in its order.
  CREATE TABLE participants (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    search_name TEXT NOT NULL,
    country     TEXT,
    roles       TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX participants_by_name ON participants (search_name, id);
  CREATE INDEX participants_by_country ON participants (country, search_name, id);

  -- Who watches an item: its watchers for the projection, one pair for the item's watching field.
  CREATE TABLE watches (
    item_id        TEXT NOT NULL,
    participant_id TEXT NOT NULL,
    PRIMARY KEY (item_id, participant_id)
  ) STRICT, WITHOUT ROWID;

  -- A participant's notifications up to this position are read.
  CREATE TABLE read_marks (
    participant_id TEXT PRIMARY KEY,
    position       TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;

  -- One row per addressee of an event: 'P:<participant id>', 'F:<country>' (its focal points) or
  -- 'C:<country>' (its participants). Groups are resolved against the viewer's token when read, so
  -- they reach people who had never used the service; their rows keep the actor, whom a viewer
  -- reading them as a member of the group must not see notified of their own act. A viewer reads
  -- one key range per addressee they answer to, newest first.
  CREATE TABLE notifications (
    addressee TEXT NOT NULL,
    position  TEXT NOT NULL,
    reason    TEXT NOT NULL,
    item_id   TEXT NOT NULL,
    event_id  TEXT NOT NULL,
    actor_id  TEXT,
    PRIMARY KEY (addressee, position)
  ) STRICT, WITHOUT ROWID;

  -- The events that notified anyone, by id: a read mark names the newest notification read by its event.
  CREATE TABLE notifying_events (
    event_id TEXT PRIMARY KEY,
    position TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;
`;
