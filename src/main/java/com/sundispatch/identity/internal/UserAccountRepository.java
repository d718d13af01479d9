package com.sundispatch.identity.internal;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import com.sundispatch.identity.Role;

interface UserAccountRepository extends JpaRepository<UserAccount, String> {

    /**
     * Records the TOTP time step just accepted, only if it is later than any accepted before: a code is
     * accepted once, even by two requests racing with it.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update UserAccount u set u.totpLastStep = :step
            where u.id = :id and (u.totpLastStep is null or u.totpLastStep < :step)""")
    int acceptTotpStep(@Param("id") String id,
            @Param("step") long step);

    /** Every account of a role, row-locked until the transaction ends (role changes count admins this way). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from UserAccount u where u.role = :role order by u.id")
    List<UserAccount> lockByRole(@Param("role") Role role);

    Optional<UserAccount> findByEmail(String email);

    boolean existsByEmail(String email);

    boolean existsByRole(Role role);

    long countByRole(Role role);

    List<UserAccount> findByRole(Role role);

    // The prefix arrives with %, _ and ! escaped by '!' (not a backslash, which MariaDB string literals treat as an
    // escape of their own), so it cannot become a wildcard.
    @Query("select u.id from UserAccount u where lower(u.email) like concat(lower(:prefix), '%') escape '!'")
    List<String> idsByEmailPrefix(@Param("prefix") String escapedPrefix, Pageable limit);

    // Spring Data escapes % and _ in "Containing" arguments, so a search term cannot become a wildcard.
    Page<UserAccount> findByEmailContainingIgnoreCaseOrFullNameContainingIgnoreCase(String email, String name,
            Pageable pageable);
}
