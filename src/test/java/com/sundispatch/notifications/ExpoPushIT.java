package com.sundispatch.notifications;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.sundispatch.dispatch.DispatchFixtures;
import com.sundispatch.notifications.internal.ExpoPushReceipts;
import com.sundispatch.support.Api;
import com.sundispatch.support.FakeExpoPush;
import com.sundispatch.support.TotpCodes;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mobile apps' pushes end to end over real HTTP: the test registers Expo push tokens as the apps do and
 * plays Expo's push service on loopback ({@link FakeExpoPush}). A token is bound to the session that registered
 * it: a phone that signed out gets nothing more, and a token Expo reports unregistered is forgotten.
 */
class ExpoPushIT extends DispatchFixtures {

    @Autowired
    ExpoPushReceipts receipts;

    @Autowired
    JdbcTemplate jdbc;

    private Api.Response register(String access, String token, String platform) {
        return api.post("/api/v1/me/push-tokens", Map.of("token", token, "platform", platform), access);
    }

    private String registered(String access, String token) {
        Api.Response r = register(access, token, "android");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    @Test
    void aNewOfferReachesTheInstallersPhoneAtHighPriorityWithoutTheCustomersAddress() {
        Installer installer = installer(1);
        String token = FakeExpoPush.newToken();
        registered(installer.access(), token);

        paidOrder();
        eventually("the offer push reached Expo", () -> !FakeExpoPush.receivedFor(token).isEmpty());
        FakeExpoPush.Message push = FakeExpoPush.receivedFor(token).get(0);
        assertThat(push.headers().get("authorization")).isEqualTo("Bearer " + FakeExpoPush.ACCESS_TOKEN);
        assertThat(push.body().path("priority").asString()).isEqualTo("high");
        assertThat(push.body().path("channelId").asString()).isEqualTo("offers");
        assertThat(push.body().path("title").asString()).isNotBlank();
        assertThat(push.body().path("data").path("eventId").asString()).isNotBlank();
        // The tap opens that very offer (the app maps it to its offer screen), not just the list.
        assertThat(push.body().path("data").path("link").asString()).matches("/#/installer/offers/[\\w-]+");
        String street = (String) lastInstallation.get("addressLine");
        assertThat(push.body().toString()).doesNotContain(street).doesNotContain(installer.email());
    }

    @Test
    void theSameTokenAgainAnswers200WithTheSameIdAndTheListNeverShowsTheToken() {
        Tokens t = newCustomerSession();
        String token = FakeExpoPush.newToken();
        String id = registered(t.access(), token);

        Api.Response again = register(t.access(), token, "ios");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("id").asString()).isEqualTo(id);

        Api.Response list = api.get("/api/v1/me/push-tokens", t.access());
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json()).hasSize(1);
        JsonNode row = list.json().get(0);
        assertThat(row.path("id").asString()).isEqualTo(id);
        assertThat(row.path("platform").asString()).isEqualTo("ios");
        assertThat(row.path("currentSession").asBoolean()).isTrue();
        assertThat(list.body()).doesNotContain(token.substring("ExponentPushToken[".length(), token.length() - 1));
    }

    @Test
    void malformedTokensAndPlatformsAreRefusedWithStableCodes() {
        String access = newCustomerSession().access();
        Api.Response notExpo = register(access, "fcm:abcdefghijklmnop", "android");
        assertThat(notExpo.status()).isEqualTo(400);
        assertThat(notExpo.json().path("code").asString()).isEqualTo("invalid_push_token");
        Api.Response platform = register(access, FakeExpoPush.newToken(), "windows");
        assertThat(platform.status()).isEqualTo(400);
        assertThat(platform.json().path("code").asString()).isEqualTo("invalid_platform");
        Api.Response missing = api.post("/api/v1/me/push-tokens", Map.of("platform", "ios"), access);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("code").asString()).isEqualTo("validation_failed");
        assertThat(api.get("/api/v1/me/push-tokens", access).json()).isEmpty();
    }

    @Test
    void withoutATokenTheEndpointsAnswer401() {
        assertThat(api.post("/api/v1/me/push-tokens", Map.of("token", FakeExpoPush.newToken(), "platform", "ios"))
                .status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me/push-tokens").status()).isEqualTo(401);
        assertThat(api.send("DELETE", "/api/v1/me/push-tokens/x", null, null, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void someoneElsesPhoneCannotBeRemovedAndTheOwnerRemovesTheirOwn() {
        String owner = newCustomerSession().access();
        String other = newCustomerSession().access();
        String id = registered(owner, FakeExpoPush.newToken());

        Api.Response foreign = api.send("DELETE", "/api/v1/me/push-tokens/" + id, null, other, Map.of());
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
        assertThat(api.get("/api/v1/me/push-tokens", owner).json()).hasSize(1);

        Api.Response own = api.send("DELETE", "/api/v1/me/push-tokens/" + id, null, owner, Map.of());
        assertThat(own.status()).as(own.toString()).isEqualTo(204);
        assertThat(api.get("/api/v1/me/push-tokens", owner).json()).isEmpty();
    }

    @Test
    void aPhoneThatSignedOutGetsNoMorePushesAndItsTokenIsForgotten() {
        Installer installer = installer(1);
        String stillSignedIn = FakeExpoPush.newToken();
        registered(installer.access(), stillSignedIn);
        String signedOutAccess = login(installer.email(), PASSWORD).access();
        String signedOut = FakeExpoPush.newToken();
        registered(signedOutAccess, signedOut);
        Api.Response logout = api.post("/api/v1/auth/logout", null, signedOutAccess);
        assertThat(logout.status()).as(logout.toString()).isEqualTo(204);
        // The owner's list shows only the phone still signed in, at once (not only after the next push).
        assertThat(api.get("/api/v1/me/push-tokens", installer.access()).json()).hasSize(1);

        paidOrder();
        eventually("the offer push reached the phone still signed in",
                () -> !FakeExpoPush.receivedFor(stillSignedIn).isEmpty());
        assertThat(FakeExpoPush.receivedFor(signedOut)).isEmpty();
        List<String> platforms = api.get("/api/v1/me/push-tokens", installer.access()).json().valueStream()
                .map(n -> n.path("currentSession").asString()).toList();
        assertThat(platforms).containsExactly("true");
    }

    @Test
    void aSecurityNoticeReachesOnlyLiveSessionsPhonesAndSaysNoMoreThanThatThereIsOne() {
        String email = registerCustomer();
        String idle = FakeExpoPush.newToken();
        registered(login(email, PASSWORD).access(), idle);
        // Unused for longer than the refresh idle timeout (7 days): that session can never be refreshed again.
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        Tokens now = login(email, PASSWORD);
        String live = FakeExpoPush.newToken();
        registered(now.access(), live);

        stepUp(now.access());
        String secret = api.post("/api/v1/me/mfa/totp/setup", null, now.access()).json().path("secret").asString();
        Api.Response enabled = api.post("/api/v1/me/mfa/totp/enable",
                Map.of("code", TotpCodes.code(secret, TotpCodes.step(clock.instant()))), now.access());
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);

        eventually("the MFA notice reached the live phone", () -> !FakeExpoPush.receivedFor(live).isEmpty());
        assertThat(FakeExpoPush.receivedFor(idle)).isEmpty();
        JsonNode push = FakeExpoPush.receivedFor(live).get(0).body();
        // Expo, FCM and APNs read the payload: the notice's details stay in the app's inbox.
        assertThat(push.path("title").asString()).isEqualTo("SunDispatch security notice");
        assertThat(push.path("body").asString())
                .isEqualTo("There is a security notice for your account. Open SunDispatch to read it.");
        assertThat(api.get("/api/v1/me/push-tokens", now.access()).json()).hasSize(1);
    }

    @Test
    void aSessionThatRegistersAnotherTokenReplacesItsFirst() {
        Tokens t = newCustomerSession();
        registered(t.access(), FakeExpoPush.newToken());
        String second = registered(t.access(), FakeExpoPush.newToken());
        Api.Response list = api.get("/api/v1/me/push-tokens", t.access());
        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0).path("id").asString()).isEqualTo(second);
    }

    @Test
    void aPasswordChangeForgetsEveryPhoneEvenTheOneThatChangedIt() {
        String email = registerCustomer();
        Tokens here = login(email, PASSWORD);
        registered(here.access(), FakeExpoPush.newToken());
        Api.Response changed = api.post("/api/v1/me/password", Map.of("currentPassword", PASSWORD,
                "newPassword", "Quiet-harbour-lantern-7734"), here.access());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        eventually("the phones are forgotten", () -> api.get("/api/v1/me/push-tokens", here.access()).json()
                .isEmpty());
    }

    @Test
    void atMostTenPhonesReceiveOnesPushesAndTheEleventhIsRefusedWithAStableCode() {
        String email = registerCustomer();
        for (int i = 0; i < 10; i++) {
            registered(login(email, PASSWORD).access(), FakeExpoPush.newToken());
        }
        Api.Response eleventh = register(login(email, PASSWORD).access(), FakeExpoPush.newToken(), "ios");
        assertThat(eleventh.status()).as(eleventh.toString()).isEqualTo(409);
        assertThat(eleventh.json().path("code").asString()).isEqualTo("too_many_push_subscriptions");
    }

    @Test
    void aTokenExpoReportsUnregisteredIsForgotten() {
        Installer installer = installer(1);
        String token = FakeExpoPush.newToken();
        registered(installer.access(), token);
        FakeExpoPush.unregister(token);

        paidOrder();
        eventually("Expo was asked", () -> !FakeExpoPush.receivedFor(token).isEmpty());
        eventually("the token is forgotten", () -> api.get("/api/v1/me/push-tokens", installer.access()).json()
                .isEmpty());
    }

    @Test
    void aReceiptSayingTheDeviceIsGoneForgetsThatTokenOnlyAndIsReadOnceAfterFifteenMinutes() {
        Installer installer = installer(1);
        String gone = FakeExpoPush.newToken();
        String goneId = registered(installer.access(), gone);
        String kept = FakeExpoPush.newToken();
        String keptId = registered(login(installer.email(), PASSWORD).access(), kept);
        // Expo took the push ("ok" ticket); Google refused it afterwards: only the receipt says so.
        FakeExpoPush.unregisterAfterTicket(gone);

        paidOrder();
        eventually("both phones' pushes reached Expo", () -> !FakeExpoPush.receivedFor(gone).isEmpty()
                && !FakeExpoPush.receivedFor(kept).isEmpty());
        // The sender keeps the tickets after Expo answered: wait for them, so that they are older than the clock jump.
        eventually("both tickets are kept for their receipts", () -> jdbc.queryForObject(
                "select count(*) from expo_push_receipts where token_id in (?, ?)", Integer.class, goneId, keptId) >= 2);
        receipts.check();
        assertThat(FakeExpoPush.receiptsAskedFor(gone)).as("receipts are not ready before 15 minutes").isEmpty();

        clock.advance(Duration.ofMinutes(16));
        ExpoPushReceipts.Checked checked = receipts.check();
        assertThat(checked.tokensRemoved()).isGreaterThanOrEqualTo(1);
        assertThat(FakeExpoPush.receiptsAskedFor(gone)).isNotEmpty();
        assertThat(FakeExpoPush.receiptsAskedFor(kept)).isNotEmpty();
        JsonNode phones = api.get("/api/v1/me/push-tokens", login(installer.email(), PASSWORD).access()).json();
        assertThat(phones).hasSize(1);

        // A receipt that was read is not asked for again.
        int askedBefore = FakeExpoPush.receiptsAskedFor(kept).size();
        receipts.check();
        assertThat(FakeExpoPush.receiptsAskedFor(kept)).hasSize(askedBefore);
    }

    @Test
    void aPhoneSignedInToAnotherAccountStopsReceivingTheFirstAccountsPushes() {
        String first = newCustomerSession().access();
        String second = newCustomerSession().access();
        String token = FakeExpoPush.newToken();
        registered(first, token);

        Api.Response moved = register(second, token, "android");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(201);
        assertThat(api.get("/api/v1/me/push-tokens", first).json()).isEmpty();
        assertThat(api.get("/api/v1/me/push-tokens", second).json()).hasSize(1);
    }
}
