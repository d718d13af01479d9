package com.sundispatch.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.sundispatch.identity.internal.EmailChangeService.PendingEmailChange;
import com.sundispatch.shared.ApiException;

/**
 * What {@code GET /me} shows, read in one statement (the hottest authenticated read: the account, its passkey presence
 * and a pending email change used to be three round trips) and outside a transaction: one statement is consistent
 * on its own, and a transaction around it cost MariaDB three more round trips per request (set autocommit=0,
 * COMMIT, set autocommit=1), half of /me's throughput there (BENCHMARKS.md).
 */
@Service
public class ProfileReader {

    /** The account, its second factors and a pending email change. */
    public record Profile(AccountView account, List<String> mfaMethods, Optional<PendingEmailChange> pending) {
    }

    private final UserAccountRepository users;
    private final Clock clock;

    ProfileReader(UserAccountRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Profile read(String userId) {
        List<Object[]> rows = users.profile(userId, clock.instant());
        if (rows.isEmpty()) {
            throw ApiException.notFound("No such account.");
        }
        Object[] row = rows.get(0);
        UserAccount account = (UserAccount) row[0];
        boolean passkey = Boolean.TRUE.equals(row[1]);
        Optional<PendingEmailChange> pending = Optional.ofNullable((EmailChange) row[2])
                .map(c -> new PendingEmailChange(c.newEmail(), c.requestedAt(), c.confirmExpiresAt()));
        return new Profile(AccountView.of(account), AuthService.secondFactors(account, passkey), pending);
    }
}
