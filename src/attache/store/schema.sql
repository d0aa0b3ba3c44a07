-- attache event store (DuckDB). docs/store.md explains the tables and the merge rule.
-- Rows are only ever inserted, never updated: one transaction per article,
-- so a killed ingest leaves whole articles or nothing, and counts are derived
-- in views instead of being kept up to date by hand.

CREATE TABLE IF NOT EXISTS meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR
);

CREATE TABLE IF NOT EXISTS articles (
    article_id  VARCHAR PRIMARY KEY,
    text_hash   VARCHAR NOT NULL UNIQUE,  -- sha256 of lower-cased, whitespace-collapsed raw text
    title       VARCHAR,
    date        DATE,
    source      VARCHAR,
    url         VARCHAR,
    origin      VARCHAR,                  -- file:line it was read from
    text        VARCHAR,                  -- cleaned text; evidence offsets point into it
    ingested_at TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS sentences (
    sentence_id VARCHAR PRIMARY KEY,      -- article_id || ':' || start
    article_id  VARCHAR NOT NULL,
    start       INTEGER,
    "end"       INTEGER,
    text        VARCHAR NOT NULL
);

-- One row per distinct event; its fields come from the first record seen
-- (whose mention_id is the event_id).
CREATE TABLE IF NOT EXISTS events (
    event_id        VARCHAR PRIMARY KEY,
    event_type      VARCHAR NOT NULL,
    quad            VARCHAR NOT NULL,
    intensity       DOUBLE NOT NULL,
    cameo_root      VARCHAR NOT NULL,
    dyad_key        VARCHAR NOT NULL,     -- see attache.store.merge.dyad_key
    actor_codes     VARCHAR[] NOT NULL,
    recipient_codes VARCHAR[] NOT NULL,
    date            DATE,                 -- anchor date: the first record's date (or its article's)
    article_id      VARCHAR NOT NULL,     -- first article
    location_code   VARCHAR,
    location_text   VARCHAR,
    mode            VARCHAR[] NOT NULL,
    context         VARCHAR[] NOT NULL,
    historical      BOOLEAN NOT NULL,
    future          BOOLEAN NOT NULL,
    hypothetical    BOOLEAN NOT NULL,
    negated         BOOLEAN NOT NULL
);
CREATE INDEX IF NOT EXISTS events_merge_idx ON events (event_type, dyad_key);

-- The pairs an event is about, as the scorer keys them (CODING.md "Scoring"):
-- directed (actor -> recipient) or, for reciprocal and CONSULT/COOPERATE
-- events, an unordered pair stored with actor < recipient. A lone actor has recipient '-'.
CREATE TABLE IF NOT EXISTS event_dyads (
    event_id  VARCHAR NOT NULL,
    actor     VARCHAR NOT NULL,
    recipient VARCHAR NOT NULL,
    directed  BOOLEAN NOT NULL
);

-- Every record that reported an event: which article, sentence, source and url.
CREATE TABLE IF NOT EXISTS mentions (
    mention_id  VARCHAR PRIMARY KEY,      -- the record's own event_id
    event_id    VARCHAR NOT NULL,
    article_id  VARCHAR NOT NULL,
    sentence_id VARCHAR NOT NULL,
    date        DATE,
    source      VARCHAR,
    url         VARCHAR,
    trigger     VARCHAR,
    reason      VARCHAR,
    confidence  DOUBLE,
    record      VARCHAR NOT NULL          -- the full EventRecord as JSON
);

-- Actor and recipient entities of each mention, as the coder resolved them.
CREATE TABLE IF NOT EXISTS entities (
    mention_id VARCHAR NOT NULL,
    role       VARCHAR NOT NULL,          -- 'actor' | 'recipient'
    position   INTEGER NOT NULL,
    text       VARCHAR,
    code       VARCHAR NOT NULL,
    sector     VARCHAR,
    name       VARCHAR,
    office     VARCHAR,
    PRIMARY KEY (mention_id, role, position)
);

-- Events with GDELT-style counts (NumMentions/NumArticles/NumSources).
-- A source is the outlet name, else the url's host.
CREATE OR REPLACE VIEW event_summary AS
SELECT
    e.*,
    m.num_mentions,
    m.num_articles,
    m.num_sources,
    m.first_date,
    m.last_date,
    first_m.url    AS source_url,
    first_m.source AS source
FROM events e
JOIN (
    SELECT
        event_id,
        count(*)                   AS num_mentions,
        count(DISTINCT article_id) AS num_articles,
        count(DISTINCT coalesce(source, nullif(regexp_extract(url, '^[a-z]+://([^/]+)', 1), ''))) AS num_sources,
        min(date)                  AS first_date,
        max(date)                  AS last_date
    FROM mentions
    GROUP BY event_id
) m USING (event_id)
JOIN mentions first_m ON first_m.mention_id = e.event_id;
