package com.sundispatch.identity.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface KnownDeviceRepository extends JpaRepository<KnownDevice, String> {

    Optional<KnownDevice> findByUserIdAndDeviceHash(String userId, String deviceHash);

    /** Most recently seen first. */
    List<KnownDevice> findByUserIdOrderByLastSeenAtDesc(String userId);
}
