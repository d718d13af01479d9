package com.sundispatch.catalog.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface CatalogChangeRepository extends JpaRepository<CatalogChange, String> {
}
