package com.sundispatch.catalog.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface FaqRepository extends JpaRepository<FaqEntry, String> {

    List<FaqEntry> findAllByOrderByPositionAsc();
}
