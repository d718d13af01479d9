package com.sundispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.Mailbox;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances behind an imaginary load balancer, sharing the database and Redis: what one
 * instance revokes or counts, the other sees. Runs where Redis is configured (the mariadb profile in CI).
 */
@EnabledIfSystemProperty(named = "it.redis.url", matches = ".+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    private static final String PASSWORD = "Sunny-meadow-lantern-2931";
    private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private static Api a;
    private static Api b;

    @BeforeAll
    static void startTwoInstances() {
        String prefix = "sd-scaleout-" + UUID.randomUUID() + ":";
        String db = System.getProperty("it.datasource.url", "");
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.data.redis.url=" + System.getProperty("it.redis.url"),
                "--sundispatch.redis.key-prefix=" + prefix,
                "--sundispatch.rate-limit.auth-per-minute=6",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + Mailbox.port()));
        if (db.isBlank()) {
            args.add("--spring.datasource.url=jdbc:h2:mem:scaleout;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                    + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1");
        } else {
            args.add("--spring.datasource.url=" + db);
            args.add("--spring.datasource.username=" + System.getProperty("it.datasource.username", ""));
            args.add("--spring.datasource.password=" + System.getProperty("it.datasource.password", ""));
        }
        for (int i = 0; i < 2; i++) {
            instances.add(new SpringApplicationBuilder(SunDispatchApplication.class).profiles("test")
                    .run(args.toArray(String[]::new)));
        }
        a = new Api(port(instances.get(0)));
        b = new Api(port(instances.get(1)));
    }

    @AfterAll
    static void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    private static int port(ConfigurableApplicationContext ctx) {
        return ((WebServerApplicationContext) ctx).getWebServer().getPort();
    }

    @Test
    @Order(1)
    void logoutOnOneInstanceIsRefusedOnTheOther() {
        String email = "scale-" + UUID.randomUUID().toString().substring(0, 10) + "@example.test";
        // Registration answers 202; the account exists once its verification mail went out.
        IntegrationTest.register(a, email, PASSWORD, "Ada Lovelace");
        IntegrationTest.awaitVerificationMail(email);
        Api.Response login = a.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        String access = login.json().path("accessToken").asString();
        assertThat(b.get("/api/v1/me", access).status()).isEqualTo(200);

        assertThat(a.post("/api/v1/auth/logout", null, access).status()).isEqualTo(204);
        assertThat(b.get("/api/v1/me", access).status()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void rateLimitSpentOnOneInstanceIsSpentOnTheOther() {
        // Six auth requests a minute per IP for the pair: spend what is left on A alone.
        int status = 0;
        for (int i = 0; i < 7 && status != 429; i++) {
            status = a.post("/api/v1/auth/refresh", Map.of("refreshToken", "bogus")).status();
        }
        assertThat(status).isEqualTo(429);
        Api.Response onB = b.post("/api/v1/auth/refresh", Map.of("refreshToken", "bogus"));
        assertThat(onB.status()).isEqualTo(429);
        assertThat(onB.code()).isEqualTo("rate_limited");
    }
}
