-- The audit trail: append-only, each entry chained to the previous one by SHA-256.
CREATE TABLE AUDIT_ENTRY (
  SEQ          BIGINT        NOT NULL PRIMARY KEY,
  TS_MS        BIGINT        NOT NULL,
  ACTOR        VARCHAR(255)  NOT NULL,
  ACTION       VARCHAR(255)  NOT NULL,
  OBJECT_TYPE  VARCHAR(255)  NOT NULL,
  OBJECT_ID    VARCHAR(1000) NOT NULL,
  DETAILS      CLOB          NOT NULL,
  PREV_HASH    CHAR(64)      NOT NULL,
  ENTRY_HASH   CHAR(64)      NOT NULL
);
CREATE INDEX AUDIT_ENTRY_TS ON AUDIT_ENTRY (TS_MS);
CREATE INDEX AUDIT_ENTRY_ACTION ON AUDIT_ENTRY (ACTION);

-- The head of the chain (one row), so that deleting the newest entries is detected too.
CREATE TABLE AUDIT_HEAD (
  ID          INT      NOT NULL PRIMARY KEY,
  LAST_SEQ    BIGINT   NOT NULL,
  LAST_HASH   CHAR(64) NOT NULL
);

-- Key/value facts about the workspace (id, creator); not user settings.
CREATE TABLE WORKSPACE_INFO (
  NAME        VARCHAR(100)  NOT NULL PRIMARY KEY,
  TEXT_VALUE  VARCHAR(4000) NOT NULL
);
