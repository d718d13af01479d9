-- Issue 18: the product page shows a datasheet. Every field is optional (null: not known), so panels created
-- before this version stay valid.
ALTER TABLE panels ADD COLUMN description VARCHAR(2000);
ALTER TABLE panels ADD COLUMN length_mm INT;
ALTER TABLE panels ADD COLUMN width_mm INT;
ALTER TABLE panels ADD COLUMN thickness_mm INT;
ALTER TABLE panels ADD COLUMN weight_kg DECIMAL(5,1);
ALTER TABLE panels ADD COLUMN cell_type VARCHAR(16);
ALTER TABLE panels ADD COLUMN performance_warranty_years INT;
ALTER TABLE panels ADD COLUMN performance_warranty_percent DECIMAL(4,1);

-- Installers' public profiles list their latest reviews and the landing page the latest overall.
CREATE INDEX ix_reviews_installer_created ON reviews (installer_id, created_at);
CREATE INDEX ix_reviews_created ON reviews (created_at);
