package com.sundispatch.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.sundispatch.identity.MfaDisabled;
import com.sundispatch.identity.MfaEnabled;
import com.sundispatch.identity.MfaResetByAdmin;
import com.sundispatch.identity.Role;
import com.sundispatch.identity.RecoveryCodeUsed;
import com.sundispatch.security.DataCipher;
import com.sundispatch.security.SecurityEvent.Outcome;
import com.sundispatch.security.SecurityEvents;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.EventIds;

/**
 * TOTP two-factor authentication: set-up, enabling with a first code, recovery codes, disabling, and the
 * check of a code at login or password change. Each TOTP code and each recovery code works once.
 */
@Service
public class MfaService {

    public record TotpSetup(String secret, String otpauthUri) {
        @Override
        public String toString() {
            return "TotpSetup[***]";
        }
    }

    static final int RECOVERY_CODES = 10;
    private static final String ISSUER = "SunDispatch";
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserAccountRepository users;
    private final RecoveryCodeRepository recoveryCodes;
    private final PasswordHashing hashing;
    private final DataCipher cipher;
    private final LoginThrottle throttle;
    private final SessionService sessions;
    private final Clock clock;
    private final SecurityEvents audit;
    private final ApplicationEventPublisher events;
    private final PasskeyRepository passkeys;

    MfaService(UserAccountRepository users, RecoveryCodeRepository recoveryCodes, PasswordHashing hashing,
            DataCipher cipher, LoginThrottle throttle, SessionService sessions, Clock clock, SecurityEvents audit,
            ApplicationEventPublisher events, PasskeyRepository passkeys) {
        this.passkeys = passkeys;
        this.audit = audit;
        this.events = events;
        this.throttle = throttle;
        this.sessions = sessions;
        this.users = users;
        this.recoveryCodes = recoveryCodes;
        this.hashing = hashing;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** A new secret, stored encrypted; MFA stays off until a first code proves the app has it. */
    @Transactional
    public TotpSetup setup(String userId) {
        UserAccount account = account(userId);
        if (account.mfaEnabled()) {
            throw ApiException.conflict("mfa_already_enabled", "Two-factor authentication is already on.");
        }
        byte[] secret = Totp.newSecret();
        account.startTotpSetup(cipher.encrypt(secret, context(userId)), clock.instant());
        String base32 = Base32.encode(secret);
        return new TotpSetup(base32, Totp.otpauthUri(ISSUER, account.email(), base32));
    }

    /** Turns MFA on with the first code and returns the recovery codes, shown this once only. */
    @Transactional
    public List<String> enable(String userId, String code) {
        UserAccount account = account(userId);
        if (account.mfaEnabled()) {
            throw ApiException.conflict("mfa_already_enabled", "Two-factor authentication is already on.");
        }
        if (account.totpSecret() == null) {
            throw ApiException.conflict("mfa_setup_required", "Start the set-up first.");
        }
        if (!acceptTotp(account, code)) {
            audit.publish("MFA_FAILED", userId, Outcome.FAILURE, Map.of("step", "enable"));
            throw invalidCode();
        }
        account = account(userId);
        account.enableMfa(clock.instant());
        events.publishEvent(new MfaEnabled(EventIds.next(), userId, clock.instant()));
        audit.publish("MFA_ENABLED", userId, Outcome.SUCCESS, Map.of());
        return newRecoveryCodes(userId);
    }

    /**
     * Needs the password and a code, both counted as sign-in attempts (a stolen access token must not become a
     * password or code oracle). Ends the account's other sessions; an admin's current one too, since its token
     * still says "MFA on".
     */
    @Transactional(noRollbackFor = ApiException.class)
    public void disable(String userId, String sessionId, String code, String password, String ip) {
        UserAccount account = account(userId);
        if (!account.mfaEnabled()) {
            throw ApiException.conflict("mfa_not_enabled", "Two-factor authentication is not on.");
        }
        throttle.check(account.email(), ip);
        PasswordText.normalise(password, "password");
        if (password == null || !hashing.matches(password, account.passwordHash())) {
            throttle.recordFailure(account.email(), ip);
            throw ApiException.badRequest("wrong_password", "The password is not correct.");
        }
        if (!acceptCode(account, code)) {
            throttle.recordFailure(account.email(), ip);
            audit.publish("MFA_FAILED", userId, Outcome.FAILURE, Map.of("step", "disable"));
            throw invalidCode();
        }
        account = account(userId);
        account.disableMfa(clock.instant());
        recoveryCodes.deleteAllOf(userId);
        sessions.revokeAll(userId, account.role() == Role.ADMIN ? null : sessionId,
                "mfa_disabled");
        events.publishEvent(new MfaDisabled(EventIds.next(), userId, clock.instant()));
        audit.publish("MFA_DISABLED", userId, Outcome.SUCCESS, Map.of());
    }

    /** A TOTP code or an unused recovery code of this account; either is spent by this call. */
    @Transactional
    public boolean acceptCode(String userId, String code) {
        return acceptCode(account(userId), code);
    }

    /**
     * The second sign-in step: a TOTP code or an unused recovery code, spent by this call. A recovery code's use
     * is told to the owner ({@link RecoveryCodeUsed}, with the codes left) in this transaction.
     */
    @Transactional
    public boolean acceptSignInCode(String userId, String code) {
        UserAccount account = account(userId);
        // Only a TOTP that is on counts: a passkey account also gets this step, and a set-up that was started but
        // never confirmed (by anyone with a step-up) must not become an invisible second way in.
        if (code == null || !account.mfaEnabled()) {
            return false;
        }
        String trimmed = code.trim();
        if (trimmed.matches("\\d{6}")) {
            return acceptTotp(account, trimmed);
        }
        if (!acceptRecovery(account, trimmed)) {
            return false;
        }
        int remaining = Math.toIntExact(recoveryCodes.countByUserIdAndUsedAtIsNull(userId));
        events.publishEvent(new RecoveryCodeUsed(EventIds.next(), userId, remaining, clock.instant()));
        audit.publish("RECOVERY_CODE_USED", userId, Outcome.INFO, Map.of("remaining", Integer.toString(remaining)));
        return true;
    }

    /** A TOTP code only (no recovery code), spent by this call; the step-up proof. */
    @Transactional
    public boolean acceptTotpCode(String userId, String code) {
        UserAccount account = account(userId);
        return account.mfaEnabled() && code != null && code.trim().matches("\\d{6}")
                && acceptTotp(account, code.trim());
    }

    /**
     * New recovery codes: the old ones stop working at once. Needs MFA on and a current authenticator code (the
     * caller checked the step-up).
     * Returns the 10 codes, shown this once.
     */
    @Transactional(noRollbackFor = ApiException.class)
    public List<String> regenerateRecoveryCodes(String userId, String code, String ip) {
        UserAccount account = account(userId);
        if (!account.mfaEnabled()) {
            throw ApiException.conflict("mfa_not_enabled", "Two-factor authentication is not on.");
        }
        throttle.check(account.email(), ip);
        // A TOTP code only (single-use): a recovery code must not mint its own replacements.
        if (!acceptTotpCode(userId, code)) {
            throttle.recordFailure(account.email(), ip);
            audit.publish("MFA_FAILED", userId, Outcome.FAILURE, Map.of("step", "recovery_codes"));
            throw invalidCode();
        }
        List<String> codes = newRecoveryCodes(userId);
        audit.publish("RECOVERY_CODES_REGENERATED", userId, Outcome.SUCCESS, Map.of());
        return codes;
    }

    /**
     * An administrator turns an account's MFA off (lost authenticator and recovery codes, or lost passkeys): the
     * secret, the recovery codes and the passkeys are deleted, every session of the account ends, the owner is mailed. Never on one's own
     * account: that would skip the code that turning MFA off normally takes.
     */
    @Transactional
    public void resetByAdmin(String adminId, String userId, String reason) {
        UserAccount account = account(userId);
        if (adminId.equals(userId)) {
            throw ApiException.conflict("cannot_reset_own_mfa",
                    "Turn off your own two-factor sign-in on your account page.");
        }
        if (!account.mfaEnabled() && account.totpSecret() == null && !passkeys.existsByUserId(userId)) {
            throw ApiException.conflict("mfa_not_enabled", "Two-factor authentication is not on.");
        }
        account.resetMfa(clock.instant());
        recoveryCodes.deleteAllOf(userId);
        // A passkey is a second factor too: someone who lost the device their only passkey was on could otherwise
        // never sign in again (the password alone is refused while a passkey exists).
        passkeys.deleteAllOf(userId);
        sessions.revokeAll(userId, null, "mfa_reset_by_admin");
        events.publishEvent(new MfaResetByAdmin(EventIds.next(), account.id(), account.email(), account.fullName()));
        audit.publish("MFA_RESET_BY_ADMIN", userId, Outcome.INFO, Map.of("by", adminId, "reason", reason.trim()));
    }

    private List<String> newRecoveryCodes(String userId) {
        recoveryCodes.deleteAllOf(userId);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String plain = newRecoveryCode();
            codes.add(plain);
            recoveryCodes.save(new RecoveryCode(UUID.randomUUID().toString(), userId, hashRecovery(plain)));
        }
        return codes;
    }

    private boolean acceptCode(UserAccount account, String code) {
        if (code == null) {
            return false;
        }
        String trimmed = code.trim();
        if (trimmed.matches("\\d{6}")) {
            return acceptTotp(account, trimmed);
        }
        return acceptRecovery(account, trimmed);
    }

    private boolean acceptRecovery(UserAccount account, String code) {
        String normalised = normaliseRecovery(code);
        return normalised.length() == 10
                && recoveryCodes.use(account.id(), hashRecovery(normalised), clock.instant()) == 1;
    }

    private boolean acceptTotp(UserAccount account, String code) {
        if (account.totpSecret() == null || code == null) {
            return false;
        }
        byte[] secret = cipher.decrypt(account.totpSecret(), context(account.id()));
        OptionalLong step = Totp.matchingStep(secret, code.trim(), clock.instant());
        return step.isPresent() && users.acceptTotpStep(account.id(), step.getAsLong()) == 1;
    }

    static String newRecoveryCode() {
        StringBuilder sb = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                sb.append('-');
            }
            sb.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
        }
        return sb.toString();
    }

    static String normaliseRecovery(String code) {
        return code.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }

    private static String hashRecovery(String code) {
        return SecureTokens.sha256Hex(normaliseRecovery(code));
    }

    private static String context(String userId) {
        return "totp:" + userId;
    }

    private UserAccount account(String userId) {
        return users.findById(userId).orElseThrow(() -> ApiException.notFound("No such account."));
    }

    static ApiException invalidCode() {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_mfa_code",
                "The code is not correct or was already used.");
    }
}
