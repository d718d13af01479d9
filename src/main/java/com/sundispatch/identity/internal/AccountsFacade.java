package com.sundispatch.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.sundispatch.shared.EventIds;
import com.sundispatch.identity.AccountLocked;
import com.sundispatch.identity.Accounts;
import com.sundispatch.identity.InstallerRoleRevoked;
import com.sundispatch.identity.Role;
import com.sundispatch.security.CurrentUser;
import com.sundispatch.security.SecurityEvent;
import com.sundispatch.security.SecurityEvents;
import com.sundispatch.shared.ApiException;

@Component
class AccountsFacade implements Accounts {

    private final UserAccountRepository users;
    private final Clock clock;
    private final SecurityEvents audit;
    private final ReauthenticationService reauthentication;
    private final SessionService sessions;
    private final ApplicationEventPublisher events;

    AccountsFacade(UserAccountRepository users, Clock clock, SecurityEvents audit,
            ReauthenticationService reauthentication, SessionService sessions, ApplicationEventPublisher events) {
        this.reauthentication = reauthentication;
        this.events = events;
        this.users = users;
        this.clock = clock;
        this.audit = audit;
        this.sessions = sessions;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AccountSummary> find(String userId) {
        return users.findById(userId)
                .map(u -> new AccountSummary(u.id(), u.fullName(), u.phone(), u.role(), u.emailVerified()));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, String> publicNames(Collection<String> userIds) {
        Map<String, String> names = new HashMap<>();
        if (userIds.isEmpty()) {
            return names;
        }
        for (UserAccount u : users.findAllById(new HashSet<>(userIds))) {
            // An erased person is shown as nobody in particular: the client words it "a former customer".
            if (u.erased()) {
                continue;
            }
            String name = PublicNames.of(u.fullName());
            if (name != null) {
                names.put(u.id(), name);
            }
        }
        return names;
    }

    @Override
    public List<String> idsWithEmailPrefix(String prefix, int limit) {
        String escaped = prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return users.idsByEmailPrefix(escaped, PageRequest.of(0, limit));
    }

    @Override
    public Optional<Contact> contact(String userId) {
        return users.findById(userId).filter(u -> !u.erased()).map(AccountsFacade::contactOf);
    }

    @Override
    public void endOtherSessions(String userId, String keepSessionId, String reason) {
        sessions.revokeAll(userId, keepSessionId, reason);
    }

    private static Contact contactOf(UserAccount u) {
        return new Contact(u.id(), u.email(), u.fullName(), u.language());
    }

    @Override
    public void requireRecentReauthentication(CurrentUser caller) {
        reauthentication.require(caller);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Contact> adminContacts() {
        Instant now = clock.instant();
        return users.findByRole(Role.ADMIN).stream().filter(u -> !u.isBanned(now))
                .map(AccountsFacade::contactOf).toList();
    }

    /**
     * In a new transaction of its own: monitoring calls this after the transaction that raised the suspicion
     * has completed, where joining that finished transaction would silently lose the lock.
     */
    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean lockTemporarily(String userId, Instant until, String reason) {
        UserAccount account = users.findById(userId).orElse(null);
        Instant now = clock.instant();
        if (account == null || !until.isAfter(now)
                || (account.lockedUntil() != null && !account.lockedUntil().isBefore(until))) {
            return false;
        }
        String why = reason.length() > 200 ? reason.substring(0, 200) : reason;
        account.lock(until, why, now);
        sessions.revokeAll(userId, null, "locked");
        audit.publish("ACCOUNT_LOCKED", userId, SecurityEvent.Outcome.INFO, Map.of("until", until.toString(),
                "reason", why));
        events.publishEvent(new AccountLocked(EventIds.next(), userId, account.email(), account.fullName(), now, until, why));
        return true;
    }

    @Override
    @Transactional(readOnly = true)
    public void requireVerifiedEmail(String userId) {
        boolean verified = users.findById(userId).map(UserAccount::emailVerified).orElse(false);
        if (!verified) {
            throw ApiException.forbidden("email_not_verified",
                    "Confirm your email address first: use the link we mailed you, or ask for a new one.");
        }
    }

    @Override
    @Transactional
    public void promoteToInstaller(String userId) {
        UserAccount account = users.findById(userId).orElseThrow(() -> ApiException.notFound("No such account."));
        if (account.role() == Role.CUSTOMER) {
            account.changeRole(Role.INSTALLER, clock.instant());
            audit.publish("ROLE_CHANGED", userId, SecurityEvent.Outcome.INFO, Map.of("from", "CUSTOMER", "to",
                    "INSTALLER"));
        }
    }

    @Override
    @Transactional
    public boolean revokeInstaller(String userId) {
        UserAccount account = users.findById(userId).orElseThrow(() -> ApiException.notFound("No such account."));
        if (account.role() != Role.INSTALLER) {
            return false;
        }
        account.changeRole(Role.CUSTOMER, clock.instant());
        sessions.revokeAll(userId, null, "installer_revoked");
        events.publishEvent(new InstallerRoleRevoked(EventIds.next(), userId, account.email(), account.fullName()));
        audit.publish("ROLE_CHANGED", userId, SecurityEvent.Outcome.INFO,
                java.util.Map.of("from", "INSTALLER", "to", "CUSTOMER"));
        return true;
    }

    @Override
    @Transactional(readOnly = true)
    public long countWithRole(Role role) {
        return users.countByRole(role);
    }
}
