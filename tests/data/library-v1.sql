-- A library as the first schema (version 1) wrote it. Frozen: never regenerate.
BEGIN TRANSACTION;
CREATE TABLE article_tags (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            added TEXT NOT NULL,
            PRIMARY KEY (article_id, tag_id)
        ) WITHOUT ROWID;
INSERT INTO "article_tags" VALUES(1,1,'2026-11-26T12:00:00+00:00');
INSERT INTO "article_tags" VALUES(1,2,'2026-11-26T12:00:00+00:00');
CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            title TEXT NOT NULL,
            link TEXT,
            author TEXT,
            published TEXT NOT NULL,
            updated TEXT,
            first_seen TEXT NOT NULL,
            last_changed TEXT,
            summary_html TEXT NOT NULL DEFAULT '',
            content_html TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            enclosures TEXT NOT NULL DEFAULT '[]',
            digest TEXT NOT NULL,
            read INTEGER NOT NULL DEFAULT 0,
            starred INTEGER NOT NULL DEFAULT 0,
            UNIQUE (feed_id, key)
        );
INSERT INTO "articles" VALUES(1,1,'urn:fleuve:1','La coopération régionale relancée','https://fleuve.example/1','A. Traoré','2026-11-26T10:00:00+00:00',NULL,'2026-11-26T11:00:00+00:00',NULL,'','<p>Les ministres ont relancé la coopération.</p>','Les ministres ont relancé la coopération.','[]','d1',0,1);
INSERT INTO "articles" VALUES(2,1,'urn:fleuve:2','Le marché du mil','https://fleuve.example/2',NULL,'2026-11-25T10:00:00+00:00',NULL,'2026-11-25T11:00:00+00:00',NULL,'','<p>Les prix montent.</p>','Les prix montent.','[]','d2',1,0);
INSERT INTO "articles" VALUES(3,2,'tag:dispatch,2026:3','Convoy attacked near the river crossing','https://dispatch.example/3',NULL,'2026-11-27T06:00:00+00:00',NULL,'2026-11-27T07:00:00+00:00',NULL,'','<p>A supply convoy was attacked.</p>','A supply convoy was attacked.','[]','d3',0,0);
CREATE TABLE feeds (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            folder_id INTEGER REFERENCES folders(id) ON DELETE SET NULL,
            user_title TEXT,
            feed_title TEXT,
            site_url TEXT,
            icon_url TEXT,
            etag TEXT,
            last_modified TEXT,
            added TEXT NOT NULL,
            last_checked TEXT,
            last_success TEXT,
            last_error TEXT,
            warning TEXT,
            error_count INTEGER NOT NULL DEFAULT 0,
            enabled INTEGER NOT NULL DEFAULT 1,
            retry_after TEXT,
            position INTEGER NOT NULL DEFAULT 0
        );
INSERT INTO "feeds" VALUES(1,'https://fleuve.example/rss',2,NULL,'Le Journal du Fleuve','https://fleuve.example/',NULL,'"abc"',NULL,'2026-11-20T08:00:00+00:00','2026-11-27T08:00:00+00:00',NULL,NULL,NULL,0,1,NULL,0);
INSERT INTO "feeds" VALUES(2,'https://dispatch.example/atom',NULL,NULL,'Desert Dispatch',NULL,NULL,NULL,NULL,'2026-11-21T08:00:00+00:00',NULL,NULL,NULL,NULL,0,1,NULL,1);
CREATE TABLE folders (
            id INTEGER PRIMARY KEY,
            parent_id INTEGER REFERENCES folders(id) ON DELETE CASCADE,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            position INTEGER NOT NULL DEFAULT 0
        );
INSERT INTO "folders" VALUES(1,NULL,'Sahel',0);
INSERT INTO "folders" VALUES(2,1,'Mali',0);
CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            color TEXT
        );
INSERT INTO "tags" VALUES(1,'country/Mali',NULL);
INSERT INTO "tags" VALUES(2,'theme/cooperation','#e0a000');
CREATE UNIQUE INDEX folders_unique_name ON folders (ifnull(parent_id, 0), name);
CREATE INDEX feeds_folder ON feeds (folder_id);
CREATE INDEX articles_by_date ON articles (published DESC, id DESC);
CREATE INDEX articles_by_feed_date ON articles (feed_id, published DESC, id DESC);
CREATE INDEX articles_starred ON articles (starred) WHERE starred;
CREATE INDEX article_tags_by_tag ON article_tags (tag_id);
COMMIT;
PRAGMA application_id = 1349669476;
PRAGMA user_version = 1;
