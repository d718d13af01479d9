-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc 2.0.3): the
-- transactional outbox. A row is written in the transaction that publishes an event, once per durable
-- listener, and deleted when that listener has finished (completion mode DELETE), so what is left is exactly
-- the work still owed after a crash or restart. Upper-case name as Modulith's queries spell it (MariaDB table
-- names are case-sensitive on Linux); the serialized event is TEXT: an order confirmation carries its items.
CREATE TABLE IF NOT EXISTS EVENT_PUBLICATION
(
  ID                     VARCHAR(36) NOT NULL,
  LISTENER_ID            VARCHAR(512) NOT NULL,
  EVENT_TYPE             VARCHAR(512) NOT NULL,
  SERIALIZED_EVENT       TEXT NOT NULL,
  PUBLICATION_DATE       TIMESTAMP(6) NOT NULL,
  COMPLETION_DATE        TIMESTAMP(6) DEFAULT NULL NULL,
  STATUS                 VARCHAR(20),
  COMPLETION_ATTEMPTS    INT,
  LAST_RESUBMISSION_DATE TIMESTAMP(6) NULL DEFAULT NULL,
  PRIMARY KEY (ID),
  INDEX EVENT_PUBLICATION_BY_COMPLETION_DATE_IDX (COMPLETION_DATE)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
