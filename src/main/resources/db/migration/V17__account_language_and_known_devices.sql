-- Accounts get the language their mails and notices are written in ('en' or 'de'); existing ones stay English.
ALTER TABLE users ADD COLUMN language VARCHAR(2) DEFAULT 'en' NOT NULL;

-- The devices an account signed in from, so a sign-in from a new one can be told to its owner. A device is the
-- SHA-256 of the random long-lived cookie it holds (never the cookie itself); browser and OS are families read
-- from the User-Agent, network a coarse prefix (IPv4 /24, IPv6 /48), never the full address.
CREATE TABLE known_devices (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id          VARCHAR(36)  NOT NULL,
    device_hash      VARCHAR(64)  NOT NULL,
    browser          VARCHAR(32)  NOT NULL,
    operating_system VARCHAR(32)  NOT NULL,
    network          VARCHAR(64)  NOT NULL,
    first_seen_at    DATETIME(6)  NOT NULL,
    last_seen_at     DATETIME(6)  NOT NULL,
    CONSTRAINT uk_known_devices_user_hash UNIQUE (user_id, device_hash),
    CONSTRAINT fk_known_devices_user FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE INDEX ix_known_devices_user_seen ON known_devices (user_id, last_seen_at);
