package com.sundispatch.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.sundispatch.shared.ApiException;

/** Start-up work: the bootstrap admin, and the revocations that must survive a restart. */
@Component
class IdentityStartup {

    private static final Logger log = LoggerFactory.getLogger(IdentityStartup.class);

    private final AccountService accounts;
    private final AuthService auth;
    private final IdentityProperties properties;

    IdentityStartup(AccountService accounts, AuthService auth, IdentityProperties properties) {
        this.accounts = accounts;
        this.auth = auth;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        BreachedPasswords.warmUp();
        auth.reloadRecentRevocations();
        bootstrapAdmin();
    }

    void bootstrapAdmin() {
        String email = properties.bootstrapAdminEmail();
        String password = properties.bootstrapAdminPassword();
        boolean hasEmail = email != null && !email.isBlank();
        boolean hasPassword = password != null && !password.isEmpty();
        if (!hasEmail && !hasPassword) {
            if (!accounts.adminExists()) {
                log.info("No admin account exists. Set SUNDISPATCH_BOOTSTRAP_ADMIN_EMAIL and "
                        + "SUNDISPATCH_BOOTSTRAP_ADMIN_PASSWORD to create the first one.");
            }
            return;
        }
        if (!hasEmail || !hasPassword) {
            log.error("Bootstrap admin not created: set both SUNDISPATCH_BOOTSTRAP_ADMIN_EMAIL and "
                    + "SUNDISPATCH_BOOTSTRAP_ADMIN_PASSWORD.");
            return;
        }
        try {
            if (accounts.createBootstrapAdmin(email, password, properties.bootstrapAdminName())) {
                log.info("Bootstrap admin account created for the configured email.");
            } else {
                log.info("Bootstrap admin not created: an admin exists already or the email is in use "
                        + "(existing accounts are never overwritten).");
            }
        } catch (ApiException e) {
            log.error("Bootstrap admin not created: its password is refused by the password policy ({}).",
                    e.getMessage());
        }
    }
}
