package com.sundispatch.notifications.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

interface DevicePushTokenRepository extends JpaRepository<DevicePushToken, String> {

    Optional<DevicePushToken> findByTokenHash(String tokenHash);

    Optional<DevicePushToken> findByIdAndUserId(String id, String userId);

    List<DevicePushToken> findByUserIdOrderByCreatedAtAsc(String userId);

    long countByUserId(String userId);

    @Transactional
    @Modifying
    @Query("update DevicePushToken t set t.lastSuccessAt = :at where t.id = :id")
    int markSuccess(@Param("id") String id, @Param("at") Instant at);

    /** Signed out, unregistered at the push service, or removed by the owner; a concurrent removal is no error. */
    @Transactional
    @Modifying
    @Query("delete from DevicePushToken t where t.id = :id")
    int remove(@Param("id") String id);

    /** One app per session: a session that registers a new token replaces the one it registered before. */
    @Modifying
    @Query("delete from DevicePushToken t where t.sessionId = :sessionId and t.id <> :keepId")
    int removeOthersOfSession(@Param("sessionId") String sessionId, @Param("keepId") String keepId);

    @Transactional
    @Modifying
    @Query("delete from DevicePushToken t where t.userId = :userId")
    int removeAllOf(@Param("userId") String userId);
}
