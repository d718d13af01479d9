package com.sundispatch.monitoring.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface IpBlockRepository extends JpaRepository<IpBlock, String> {

    @Query("select b from IpBlock b where b.expiresAt is null or b.expiresAt > :now order by b.createdAt desc")
    List<IpBlock> findActive(@Param("now") Instant now);
}
