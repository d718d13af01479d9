package com.sundispatch.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.sundispatch.identity.Role;
import com.sundispatch.security.SecurityEvent.Outcome;
import com.sundispatch.security.SecurityEvents;
import com.sundispatch.shared.ApiException;
import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecord;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.CollectedClientData;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.util.Base64UrlUtil;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;

/**
 * Passkeys (WebAuthn, via webauthn4j): registration on the account page, sign-in with a passkey alone
 * (discoverable credentials) and a passkey as the second factor after the password. Every ceremony starts with a
 * server-side challenge ({@link PasskeyChallenge}: hashed, single-use, 5 minutes) and ends in the same session and
 * token pair as a password sign-in ({@link AuthService#finishPasskeySignIn}). User verification is required
 * everywhere, so a passkey alone is two factors: the device and its PIN or biometric.
 */
@Service
public class PasskeyService {

    /** The creation options of a new passkey, and the id of their challenge (sent back with the credential). */
    public record RegistrationOptions(String challengeId, CreationOptions publicKey) {
    }

    /** The request options of a sign-in or second-factor ceremony. */
    public record SignInOptions(String challengeId, RequestOptions publicKey) {
    }

    /** WebAuthn's PublicKeyCredentialCreationOptions, with every binary value as base64url. */
    public record CreationOptions(RpEntity rp, UserEntity user, String challenge, List<CredentialParameter>
            pubKeyCredParams, long timeout, List<CredentialDescriptor> excludeCredentials,
            AuthenticatorSelection authenticatorSelection, String attestation) {
        public CreationOptions {
            pubKeyCredParams = List.copyOf(pubKeyCredParams);
            excludeCredentials = List.copyOf(excludeCredentials);
        }
    }

    /** WebAuthn's PublicKeyCredentialRequestOptions, with every binary value as base64url. */
    public record RequestOptions(String challenge, long timeout, String rpId,
            List<CredentialDescriptor> allowCredentials, String userVerification) {
        public RequestOptions {
            allowCredentials = List.copyOf(allowCredentials);
        }
    }

    public record RpEntity(String id, String name) {
    }

    public record UserEntity(String id, String name, String displayName) {
    }

    public record CredentialParameter(String type, long alg) {
    }

    public record CredentialDescriptor(String type, String id, List<String> transports) {
        public CredentialDescriptor {
            transports = List.copyOf(transports);
        }
    }

    public record AuthenticatorSelection(String residentKey, boolean requireResidentKey, String userVerification) {
    }

    /** What the owner sees of a passkey. */
    public record PasskeyView(String id, String name, Instant createdAt, @Nullable Instant lastUsedAt, List<String> transports) {
        public PasskeyView {
            transports = List.copyOf(transports);
        }

        static PasskeyView of(Passkey p) {
            return new PasskeyView(p.id(), p.name(), p.createdAt(), p.lastUsedAt(),
                    PasskeyService.transports(p.transports()));
        }
    }

    static final Duration CHALLENGE_TTL = Duration.ofMinutes(5);
    static final int NAME_MAX = 60;
    static final int MAX_PER_ACCOUNT = 20;
    /** Credential ids are at most 1023 bytes (WebAuthn L3); base64url of that fits the column. */
    static final int CREDENTIAL_ID_MAX = 1366;
    private static final String PUBLIC_KEY = "public-key";
    private static final String REQUIRED = "required";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** ES256 (every platform authenticator), RS256 (Windows Hello), EdDSA: the algorithms we verify. */
    private static final List<Long> ALGORITHMS = List.of(-7L, -257L, -8L);

    private final PasskeyRepository passkeys;
    private final PasskeyChallengeRepository challenges;
    private final UserAccountRepository users;
    private final AuthService auth;
    private final SessionService sessions;
    private final RelyingParty relyingParty;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SecurityEvents audit;
    private final WebAuthnManager webAuthn;
    private final AttestedCredentialDataConverter credentialData;

    PasskeyService(PasskeyRepository passkeys, PasskeyChallengeRepository challenges, UserAccountRepository users,
            AuthService auth, SessionService sessions, RelyingParty relyingParty, TransactionTemplate tx,
            Clock clock, SecurityEvents audit) {
        this.passkeys = passkeys;
        this.challenges = challenges;
        this.users = users;
        this.auth = auth;
        this.sessions = sessions;
        this.relyingParty = relyingParty;
        this.tx = tx;
        this.clock = clock;
        this.audit = audit;
        ObjectConverter converter = new ObjectConverter();
        // Attestation is not required, and "none" is what we ask for and accept. We do not restrict which
        // authenticator models people use: attestation would only tell us the model (and vouch for it), and
        // privacy-preserving platform authenticators (iCloud Keychain, Google Password Manager) send none at all.
        // The non-strict manager still checks any attestation statement a client sends for consistency, but
        // trusts no certificate chain; the security of a passkey rests on its key pair, user verification and
        // the origin binding, all verified below.
        this.webAuthn = WebAuthnManager.createNonStrictWebAuthnManager(converter);
        this.credentialData = new AttestedCredentialDataConverter(converter);
    }

    // ----- registration (signed in, after a step-up) -----

    public RegistrationOptions registrationOptions(String userId) {
        UserAccount account = users.findById(userId).orElseThrow(() -> ApiException.notFound("No such account."));
        List<Passkey> existing = passkeys.findByUserIdOrderByCreatedAtAsc(userId);
        if (existing.size() >= MAX_PER_ACCOUNT) {
            throw ApiException.conflict("passkey_limit_reached",
                    "This account has as many passkeys as it may have. Remove one first.");
        }
        Issued issued = issue(PasskeyChallenge.Purpose.REGISTER, userId);
        CreationOptions options = new CreationOptions(new RpEntity(relyingParty.id(), RelyingParty.NAME),
                new UserEntity(userHandle(userId), account.email(), account.fullName()), issued.challenge(),
                ALGORITHMS.stream().map(a -> new CredentialParameter(PUBLIC_KEY, a)).toList(),
                CHALLENGE_TTL.toMillis(), descriptors(existing),
                new AuthenticatorSelection(REQUIRED, true, REQUIRED), "none");
        return new RegistrationOptions(issued.id(), options);
    }

    public PasskeyView register(String userId, String challengeId, String rawName, String credentialJson) {
        String name = validName(rawName);
        RegistrationData data;
        try {
            data = webAuthn.parseRegistrationResponseJSON(credentialJson);
        } catch (RuntimeException e) {
            throw malformed();
        }
        AttestationObject attestation = data.getAttestationObject();
        CollectedClientData clientData = data.getCollectedClientData();
        AuthenticatorData<?> authData = attestation == null ? null : attestation.getAuthenticatorData();
        AttestedCredentialData attested = authData == null ? null : authData.getAttestedCredentialData();
        if (clientData == null || authData == null || attested == null) {
            throw malformed();
        }
        spend(challengeId, clientData, PasskeyChallenge.Purpose.REGISTER, userId);
        try {
            List<PublicKeyCredentialParameters> params = ALGORITHMS.stream()
                    .map(a -> new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY,
                            COSEAlgorithmIdentifier.create(a)))
                    .toList();
            webAuthn.verify(data, new RegistrationParameters(serverProperty(clientData), params,
                    true, true));
        } catch (RuntimeException e) {
            audit.publish("PASSKEY_REGISTRATION_FAILED", userId, Outcome.FAILURE, Map.of("reason", reason(e)));
            throw ApiException.badRequest("passkey_invalid", "The passkey could not be verified.");
        }
        String credentialId = Base64UrlUtil.encodeToString(attested.getCredentialId());
        if (credentialId.length() > CREDENTIAL_ID_MAX) {
            throw ApiException.badRequest("passkey_invalid", "The passkey could not be verified.");
        }
        Set<AuthenticatorTransport> sent = data.getTransports();
        String transports = sent == null ? null : sent.stream()
                .map(AuthenticatorTransport::getValue).filter(t -> t.matches("[a-z-]{1,20}")).distinct().limit(6)
                .collect(Collectors.joining(","));
        Passkey passkey = new Passkey(UUID.randomUUID().toString(), userId, credentialId,
                Base64UrlUtil.encodeToString(credentialData.convert(attested)), name, authData.getSignCount(),
                authData.isFlagBE(), authData.isFlagBS(), transports == null || transports.isEmpty() ? null : transports,
                clock.instant());
        try {
            tx.executeWithoutResult(s -> {
                if (passkeys.findByCredentialIdHash(SecureTokens.sha256Hex(credentialId)).isPresent()) {
                    throw alreadyRegistered();
                }
                if (passkeys.countByUserId(userId) >= MAX_PER_ACCOUNT) {
                    throw ApiException.conflict("passkey_limit_reached",
                            "This account has as many passkeys as it may have. Remove one first.");
                }
                passkeys.saveAndFlush(passkey);
            });
        } catch (DataIntegrityViolationException e) {
            throw alreadyRegistered();
        }
        audit.publish("PASSKEY_ADDED", userId, Outcome.SUCCESS, Map.of("passkeyId", passkey.id()));
        return PasskeyView.of(passkey);
    }

    public List<PasskeyView> list(String userId) {
        return passkeys.findByUserIdOrderByCreatedAtAsc(userId).stream().map(PasskeyView::of).toList();
    }

    public PasskeyView rename(String userId, String passkeyId, String rawName) {
        String name = validName(rawName);
        return tx.execute(s -> {
            Passkey passkey = own(userId, passkeyId);
            passkey.rename(name);
            return PasskeyView.of(passkey);
        });
    }

    /**
     * Removes a passkey (the caller checked the step-up). When an admin's last second factor goes, every session of
     * the account ends, the current one too: their tokens still say "MFA on".
     */
    public void remove(String userId, String passkeyId) {
        boolean lastFactorOfAdmin = Boolean.TRUE.equals(tx.execute(s -> {
            own(userId, passkeyId);
            passkeys.deleteOwn(passkeyId, userId);
            UserAccount account = users.findById(userId).orElseThrow();
            return account.role() == Role.ADMIN && !account.mfaEnabled() && !passkeys.existsByUserId(userId);
        }));
        audit.publish("PASSKEY_REMOVED", userId, Outcome.SUCCESS, Map.of("passkeyId", passkeyId));
        if (lastFactorOfAdmin) {
            sessions.revokeAll(userId, null, "mfa_disabled");
        }
    }

    /** The second factors for {@code GET /me}: "totp" and/or "passkey". */
    public List<String> mfaMethods(String userId) {
        return users.findById(userId).map(auth::secondFactors).orElse(List.of());
    }

    // ----- sign-in -----

    /** A passkey-only sign-in: no account named, the authenticator offers its discoverable credentials. */
    public SignInOptions signInOptions() {
        Issued issued = issue(PasskeyChallenge.Purpose.LOGIN, null);
        return new SignInOptions(issued.id(), new RequestOptions(issued.challenge(), CHALLENGE_TTL.toMillis(),
                relyingParty.id(), List.of(), REQUIRED));
    }

    public TokenPair signIn(String challengeId, String credentialJson, ClientContext client) {
        Assertion data = parseAssertion(credentialJson);
        spend(challengeId, data.clientData(), PasskeyChallenge.Purpose.LOGIN, null);
        Passkey passkey = passkeys.findByCredentialIdHash(data.credentialHash()).orElse(null);
        if (passkey == null) {
            audit.publish("LOGIN_FAILED", null, Outcome.FAILURE,
                    Map.of("reason", "passkey_unknown", "method", "passkey"));
            throw unknown();
        }
        UserAccount account = users.findById(passkey.userId()).orElseThrow(PasskeyService::unknown);
        auth.checkThrottle(account.email(), client.ip());
        verifyAssertion(data, passkey, account, client, "LOGIN_FAILED");
        return auth.finishPasskeySignIn(account.id(), null, client);
    }

    /** The second step after a correct password, with one of that account's passkeys. */
    public SignInOptions secondFactorOptions(String mfaToken, ClientContext client) {
        String userId = auth.openMfaChallenge(mfaToken, client, false);
        List<Passkey> own = passkeys.findByUserIdOrderByCreatedAtAsc(userId);
        if (own.isEmpty()) {
            throw ApiException.badRequest("passkey_unknown", "This account has no passkey.");
        }
        Issued issued = issue(PasskeyChallenge.Purpose.MFA, userId);
        return new SignInOptions(issued.id(), new RequestOptions(issued.challenge(), CHALLENGE_TTL.toMillis(),
                relyingParty.id(), descriptors(own), REQUIRED));
    }

    public TokenPair completeSecondFactor(String mfaToken, String challengeId, String credentialJson,
            ClientContext client) {
        String userId = auth.openMfaChallenge(mfaToken, client, true);
        UserAccount account = users.findById(userId).orElseThrow(PasskeyService::unknown);
        Assertion data = parseAssertion(credentialJson);
        spend(challengeId, data.clientData(), PasskeyChallenge.Purpose.MFA, userId);
        Passkey passkey = passkeys.findByCredentialIdHash(data.credentialHash())
                .filter(p -> p.userId().equals(userId)).orElse(null);
        if (passkey == null) {
            // Someone else's passkey (or none we know) proves nothing about this account.
            auth.recordPasskeyFailure(account.email(), client.ip());
            audit.publish("MFA_FAILED", userId, Outcome.FAILURE, Map.of("step", "login", "reason", "passkey_unknown"));
            throw unknown();
        }
        verifyAssertion(data, passkey, account, client, "MFA_FAILED");
        return auth.finishPasskeySignIn(userId, SecureTokens.sha256Hex(mfaToken), client);
    }

    // ----- internals -----

    private void verifyAssertion(Assertion assertion, Passkey passkey, UserAccount account, ClientContext client,
            String failureEvent) {
        AuthenticationData data = assertion.data();
        AuthenticatorData<?> authData = assertion.authData();
        byte[] handle = data.getUserHandle();
        if (handle != null && handle.length > 0
                && !Arrays.equals(handle, account.id().getBytes(StandardCharsets.UTF_8))) {
            failed(account, client, failureEvent, "passkey_user_mismatch");
        }
        CredentialRecord record = record(passkey);
        try {
            webAuthn.verify(data, new AuthenticationParameters(serverProperty(assertion.clientData()), record,
                    List.of(Base64UrlUtil.decode(passkey.credentialId())), true, true));
        } catch (MaliciousCounterValueException e) {
            // The spec's sign of a cloned authenticator: the counter did not grow. Refused and told to the audit.
            audit.publish("PASSKEY_COUNTER_REGRESSED", account.id(), Outcome.DENIED, Map.of("passkeyId",
                    passkey.id(), "stored", Long.toString(passkey.signCount()), "presented",
                    Long.toString(authData.getSignCount())));
            failed(account, client, failureEvent, "passkey_counter");
        } catch (RuntimeException e) {
            failed(account, client, failureEvent, reason(e));
        }
        Integer stored = tx.execute(s -> passkeys.recordUse(passkey.id(), passkey.signCount(),
                Math.max(passkey.signCount(), authData.getSignCount()), authData.isFlagBS(), clock.instant()));
        if (stored == null || stored != 1) {
            // Another sign-in with this passkey stored a counter meanwhile: this assertion's counter is stale.
            failed(account, client, failureEvent, "passkey_counter");
        }
    }

    private void failed(UserAccount account, ClientContext client, String event, String reason) {
        auth.recordPasskeyFailure(account.email(), client.ip());
        audit.publish(event, account.id(), Outcome.FAILURE, "MFA_FAILED".equals(event)
                ? Map.of("step", "login", "reason", reason) : Map.of("reason", reason, "method", "passkey"));
        throw ApiException.unauthorized("passkey_invalid", "The passkey could not be verified.");
    }

    private CredentialRecord record(Passkey p) {
        AttestedCredentialData attested = credentialData.convert(Base64UrlUtil.decode(p.credentialData()));
        Set<AuthenticatorTransport> transports = new LinkedHashSet<>();
        for (String t : transports(p.transports())) {
            transports.add(AuthenticatorTransport.create(t));
        }
        return new CredentialRecordImpl(new NoneAttestationStatement(), p.uvInitialized(), p.backupEligible(),
                p.backedUp(), p.signCount(), attested, null, null, null, transports);
    }

    /** A parsed assertion with the parts every check needs, each known to be there. */
    private record Assertion(AuthenticationData data, CollectedClientData clientData, AuthenticatorData<?> authData,
            String credentialHash) {
    }

    private Assertion parseAssertion(String credentialJson) {
        AuthenticationData data;
        try {
            data = webAuthn.parseAuthenticationResponseJSON(credentialJson);
        } catch (RuntimeException e) {
            throw malformed();
        }
        byte[] credentialId = data.getCredentialId();
        CollectedClientData clientData = data.getCollectedClientData();
        AuthenticatorData<?> authData = data.getAuthenticatorData();
        if (credentialId == null || clientData == null || authData == null || data.getSignature() == null) {
            throw malformed();
        }
        return new Assertion(data, clientData, authData,
                SecureTokens.sha256Hex(Base64UrlUtil.encodeToString(credentialId)));
    }

    /**
     * The challenge inside the signed client data must be the one of this challenge id, for this ceremony (and
     * account), unused and unexpired; it is spent now, whatever the outcome of the signature check.
     */
    private void spend(String challengeId, CollectedClientData clientData, PasskeyChallenge.Purpose purpose,
            String userId) {
        if (challengeId == null || challengeId.length() > 36 || clientData.getChallenge() == null) {
            throw challengeInvalid();
        }
        String hash = SecureTokens.sha256Hex(Base64UrlUtil.encodeToString(clientData.getChallenge().getValue()));
        Integer spent = tx.execute(s -> {
            PasskeyChallenge challenge = challenges.findOne(challengeId).orElse(null);
            if (challenge == null || (userId != null && !userId.equals(challenge.userId()))) {
                return 0;
            }
            return challenges.spend(challengeId, hash, purpose, clock.instant());
        });
        if (spent == null || spent != 1) {
            throw challengeInvalid();
        }
    }

    private ServerProperty serverProperty(CollectedClientData clientData) {
        Set<Origin> origins = relyingParty.origins().stream().map(Origin::new)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        // The challenge was matched against the stored hash in spend(): here it is the presented one.
        return ServerProperty.builder().origins(origins).rpId(relyingParty.id())
                .challenge(new DefaultChallenge(clientData.getChallenge().getValue())).build();
    }

    private record Issued(String id, String challenge) {
    }

    private Issued issue(PasskeyChallenge.Purpose purpose, String userId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String challenge = Base64UrlUtil.encodeToString(bytes);
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            // Keeps the table small: challenges are worth nothing once expired.
            challenges.purgeExpiredBefore(now.minus(CHALLENGE_TTL));
            challenges.save(new PasskeyChallenge(id, SecureTokens.sha256Hex(challenge), purpose, userId, now,
                    now.plus(CHALLENGE_TTL)));
        });
        return new Issued(id, challenge);
    }

    private List<CredentialDescriptor> descriptors(List<Passkey> list) {
        return list.stream().map(p -> new CredentialDescriptor(PUBLIC_KEY, p.credentialId(),
                transports(p.transports()))).toList();
    }

    private Passkey own(String userId, String passkeyId) {
        return passkeys.findById(passkeyId).filter(p -> p.userId().equals(userId))
                .orElseThrow(() -> ApiException.notFound("No such passkey."));
    }

    static String validName(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty() || name.length() > NAME_MAX || name.chars().anyMatch(Character::isISOControl)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "passkey_name_invalid",
                    "Give the passkey a name of 1 to " + NAME_MAX + " characters.");
        }
        return name;
    }

    private static List<String> transports(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }

    static String userHandle(String userId) {
        return Base64UrlUtil.encodeToString(userId.getBytes(StandardCharsets.UTF_8));
    }

    private static String reason(RuntimeException e) {
        String simple = e.getClass().getSimpleName();
        return simple.length() > 60 ? simple.substring(0, 60) : simple;
    }

    private static ApiException malformed() {
        return ApiException.validation("credential", "must be a WebAuthn public key credential (JSON)");
    }

    private static ApiException challengeInvalid() {
        return ApiException.badRequest("passkey_challenge_invalid",
                "The passkey request expired or was already used. Start again.");
    }

    private static ApiException unknown() {
        return ApiException.unauthorized("passkey_unknown", "This passkey is not registered here.");
    }

    private static ApiException alreadyRegistered() {
        return ApiException.conflict("passkey_already_registered", "This passkey is already registered.");
    }
}
