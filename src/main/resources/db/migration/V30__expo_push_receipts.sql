-- Expo's ticket says only that Expo took a push; its receipt (ready within about 15 minutes, kept by Expo for a
-- day) says whether Apple or Google took it, and a DeviceNotRegistered receipt is how an uninstalled app is
-- usually noticed. One row per ticket until its receipt was read; gone with the token.
CREATE TABLE expo_push_receipts (
    ticket_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    token_id   VARCHAR(36) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_expo_receipt_token FOREIGN KEY (token_id) REFERENCES device_push_tokens (id) ON DELETE CASCADE
);
CREATE INDEX ix_expo_receipt_created ON expo_push_receipts (created_at);
