package com.sundispatch.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.sundispatch.identity.NewDeviceSignIn;
import com.sundispatch.shared.EventIds;

/**
 * Remembers the devices each account signs in from, so its owner hears of a sign-in from a new one. A browser
 * is known by its device cookie (only the cookie's SHA-256 is stored); a client without the cookie (an app, a
 * script) by its browser family, OS family and network. At most {@link #MAX_PER_USER} per account, the least
 * recently seen forgotten first.
 */
@Component
class KnownDevices {

    static final int MAX_PER_USER = 20;

    private final KnownDeviceRepository devices;
    private final ApplicationEventPublisher events;

    KnownDevices(KnownDeviceRepository devices, ApplicationEventPublisher events) {
        this.devices = devices;
        this.events = events;
    }

    /**
     * A completed sign-in of this account from this client; joins the caller's sign-in transaction, so the
     * notice is committed with the session. Returns the device cookie to set: the presented one when it is
     * known (kept alive), a new one for a new device, null for a cookieless client matched by its traits.
     * A new device is told to the owner ({@link NewDeviceSignIn}), except on the account's very first sign-in:
     * there is no other device to warn on.
     */
    String signedIn(String userId, ClientContext client, Instant now) {
        DeviceTraits traits = DeviceTraits.of(client);
        List<KnownDevice> known = devices.findByUserIdOrderByLastSeenAtDesc(userId);
        String presented = client.deviceToken();
        Optional<KnownDevice> match;
        if (presented != null) {
            byte[] hash = SecureTokens.sha256Hex(presented).getBytes(StandardCharsets.US_ASCII);
            match = known.stream().filter(d -> MessageDigest.isEqual(hash,
                    d.deviceHash().getBytes(StandardCharsets.US_ASCII))).findFirst();
        } else {
            match = known.stream().filter(d -> traits.sameAs(d.browser(), d.operatingSystem(), d.network()))
                    .findFirst();
        }
        if (match.isPresent()) {
            // The latest network, so a later match without the cookie compares with where the device is now.
            devices.touch(match.get().id(), traits.network(), now);
            return presented;
        }
        // A presented but unknown cookie is never adopted: a value planted in the browser by someone else
        // (cookie tossing) must not become a device they could later claim to be.
        String token = SecureTokens.newDeviceToken();
        devices.save(new KnownDevice(UUID.randomUUID().toString(), userId, SecureTokens.sha256Hex(token), traits,
                now));
        if (known.size() >= MAX_PER_USER) {
            devices.forget(known.subList(MAX_PER_USER - 1, known.size()).stream().map(KnownDevice::id).toList());
        }
        if (!known.isEmpty()) {
            events.publishEvent(new NewDeviceSignIn(EventIds.next(), userId, traits.browser(),
                    traits.operatingSystem(), traits.network(), now));
        }
        return token;
    }
}
