package com.sundispatch.notifications.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

interface PushSubscriptionRepository extends JpaRepository<PushSubscription, String> {

    Optional<PushSubscription> findByEndpointHash(String endpointHash);

    Optional<PushSubscription> findByIdAndUserId(String id, String userId);

    List<PushSubscription> findByUserIdOrderByCreatedAtAsc(String userId);

    long countByUserId(String userId);

    @Transactional
    @Modifying
    @Query("update PushSubscription s set s.lastSuccessAt = :at where s.id = :id")
    int markSuccess(@Param("id") String id, @Param("at") Instant at);

    /** Gone at the push service; a concurrent removal is no error. */
    @Transactional
    @Modifying
    @Query("delete from PushSubscription s where s.id = :id")
    int remove(@Param("id") String id);
}
