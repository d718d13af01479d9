-- Issue 15: points come from addresses. How exactly an order's installation point was placed (ADDRESS,
-- POSTAL_CODE or CITY; NULL for orders placed before geocoding), and the base address installers give for their
-- service area, kept beside the point derived from it (NULL for applications and profiles from before).
ALTER TABLE orders ADD COLUMN location_precision VARCHAR(12);

ALTER TABLE installer_applications ADD COLUMN base_address_line VARCHAR(200);
ALTER TABLE installer_applications ADD COLUMN base_postal_code VARCHAR(12);
ALTER TABLE installer_applications ADD COLUMN base_city VARCHAR(100);
ALTER TABLE installer_applications ADD COLUMN base_country CHAR(2);

ALTER TABLE installer_profiles ADD COLUMN base_address_line VARCHAR(200);
ALTER TABLE installer_profiles ADD COLUMN base_postal_code VARCHAR(12);
ALTER TABLE installer_profiles ADD COLUMN base_city VARCHAR(100);
ALTER TABLE installer_profiles ADD COLUMN base_country CHAR(2);
