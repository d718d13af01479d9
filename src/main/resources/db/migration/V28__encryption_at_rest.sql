-- Issue 19: personal data sealed at rest with the data key (docs/encryption-at-rest.md). The columns grow to hold
-- ciphertext ("v2:<key id>:" + base64 of nonce, data and tag). Rows already there are sealed by the application at
-- its next start (DataKeyRotation.sealPlaintextAtStart): SQL cannot encrypt, and the step is idempotent.
ALTER TABLE users MODIFY COLUMN phone VARCHAR(512);
ALTER TABLE installer_applications MODIFY COLUMN phone VARCHAR(512) NOT NULL;
ALTER TABLE installer_profiles MODIFY COLUMN phone VARCHAR(512) NOT NULL;
ALTER TABLE installer_applications MODIFY COLUMN base_address_line VARCHAR(512);
ALTER TABLE installer_profiles MODIFY COLUMN base_address_line VARCHAR(512);
ALTER TABLE orders MODIFY COLUMN address_line VARCHAR(512) NOT NULL;
ALTER TABLE jobs MODIFY COLUMN address_line VARCHAR(512) NOT NULL;

-- The exact point of a home moves into a sealed column; latitude/longitude keep a copy rounded to 0.01 degree
-- (about 1 km). The exact value is copied as text first; the start-up step seals it.
ALTER TABLE orders ADD COLUMN exact_location VARCHAR(512);
ALTER TABLE jobs ADD COLUMN exact_location VARCHAR(512);
UPDATE orders SET exact_location = CONCAT(latitude, ',', longitude) WHERE exact_location IS NULL;
UPDATE jobs SET exact_location = CONCAT(latitude, ',', longitude) WHERE exact_location IS NULL;
UPDATE orders SET latitude = ROUND(latitude, 2), longitude = ROUND(longitude, 2);
UPDATE jobs SET latitude = ROUND(latitude, 2), longitude = ROUND(longitude, 2);
