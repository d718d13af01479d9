package com.sundispatch.catalog.internal;

import java.math.BigDecimal;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PanelRepository extends JpaRepository<Panel, String> {

    @Query("""
            select p from Panel p where p.retired = false
            and (:pattern is null or lower(p.name) like :pattern escape '!'
                 or lower(p.manufacturer) like :pattern escape '!')
            and (:minWatts is null or p.wattsPeak >= :minWatts)
            and (:maxPrice is null or p.price <= :maxPrice)""")
    Page<Panel> search(@Param("pattern") String pattern, @Param("minWatts") Integer minWatts,
            @Param("maxPrice") BigDecimal maxPrice, Pageable pageable);

    @Query("select p from Panel p where p.id = :id and p.retired = false")
    Optional<Panel> findOnSale(@Param("id") String id);

    long countByRetiredFalse();

    /**
     * The only way stock goes down: one conditional update, so two buyers of the last panel cannot both
     * get it. The version moves too, so an admin edit based on an older read fails instead of undoing it.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Panel p set p.stock = p.stock - :quantity, p.version = p.version + 1
            where p.id = :id and p.retired = false and p.stock >= :quantity""")
    int reserve(@Param("id") String id, @Param("quantity") int quantity);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Panel p set p.stock = p.stock + :quantity, p.version = p.version + 1 where p.id = :id")
    int release(@Param("id") String id, @Param("quantity") int quantity);
}
