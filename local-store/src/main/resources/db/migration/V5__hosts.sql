-- Host inventory (issue 6). No secret is stored here: passphrases and passwords are asked and kept
-- in memory; accepted host keys live in the workspace's ssh/known_hosts file (OpenSSH format).
CREATE TABLE HOST (
  NAME        VARCHAR(63)   NOT NULL PRIMARY KEY,
  HOSTNAME    VARCHAR(253)  NOT NULL,
  PORT        INT           NOT NULL,
  USER_NAME   VARCHAR(64)   NOT NULL,
  AUTH        VARCHAR(16)   NOT NULL,
  KEY_FILE    VARCHAR(4096) NOT NULL,
  MAX_JOBS    INT           NOT NULL,
  JAVA_CMD    VARCHAR(512)  NOT NULL,
  CREATED_MS  BIGINT        NOT NULL,
  UPDATED_MS  BIGINT        NOT NULL
);
