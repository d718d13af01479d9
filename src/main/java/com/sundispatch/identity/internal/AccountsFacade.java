package com.sundispatch.identity.internal;

import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.sundispatch.identity.Accounts;
import com.sundispatch.identity.InstallerRoleRevoked;
import com.sundispatch.identity.Role;
import com.sundispatch.security.CurrentUser;
import com.sundispatch.shared.ApiException;

@Component
class AccountsFacade implements Accounts {

    private final UserAccountRepository users;
    private final java.time.Clock clock;
    private final com.sundispatch.security.SecurityEvents audit;
    private final ReauthenticationService reauthentication;

    private final SessionService sessions;
    private final ApplicationEventPublisher events;

    AccountsFacade(UserAccountRepository users, java.time.Clock clock, com.sundispatch.security.SecurityEvents audit,
            ReauthenticationService reauthentication, SessionService sessions, ApplicationEventPublisher events) {
        this.reauthentication = reauthentication;
        this.sessions = sessions;
        this.events = events;
        this.users = users;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AccountSummary> find(String userId) {
        return users.findById(userId)
                .map(u -> new AccountSummary(u.id(), u.fullName(), u.phone(), u.role(), u.emailVerified()));
    }

    @Override
    public void requireRecentReauthentication(CurrentUser caller) {
        reauthentication.require(caller);
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
            audit.publish("ROLE_CHANGED", userId, com.sundispatch.security.SecurityEvent.Outcome.INFO,
                    java.util.Map.of("from", "CUSTOMER", "to", "INSTALLER"));
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
        events.publishEvent(new InstallerRoleRevoked(userId, account.email(), account.fullName()));
        audit.publish("ROLE_CHANGED", userId, com.sundispatch.security.SecurityEvent.Outcome.INFO,
                java.util.Map.of("from", "INSTALLER", "to", "CUSTOMER"));
        return true;
    }

    @Override
    @Transactional(readOnly = true)
    public long countWithRole(Role role) {
        return users.countByRole(role);
    }
}
