package com.sundispatch.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.sundispatch.SunDispatchApplication;
import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis configured but unreachable: the server keeps serving with per-instance limits and says so in the log,
 * and it never fails open on authentication (a session revoked elsewhere is still refused, via the database).
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisDownIT {

    private static final String PASSWORD = "Sunny-meadow-lantern-2931";
    private static ConfigurableApplicationContext app;
    private static Api api;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(SunDispatchApplication.class).profiles("test").run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:redisdown;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "--spring.data.redis.url=redis://127.0.0.1:1", "--sundispatch.rate-limit.auth-per-minute=5",
                "--sundispatch.identity.bootstrap-admin-email=", "--spring.mail.host=");
        api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void serverKeepsServingWithPerInstanceLimitsAndNeverFailsOpen(CapturedOutput output) {
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);
        String email = "redis-down-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        // Registration answers 202 and creates the account off the request thread (no mail server here).
        IntegrationTest.register(api, email, PASSWORD, "Ada Lovelace");
        IntegrationTest.awaitAccountRow(app.getBean(JdbcTemplate.class), email);
        Api.Response login = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        String access = login.json().path("accessToken").asString();
        assertThat(api.get("/api/v1/me", access).status()).isEqualTo(200);

        // Another instance ended this session; its revocation never reached Redis. The database still knows.
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        String userId = api.get("/api/v1/me", access).json().path("id").asString();
        jdbc.update("update user_sessions set revoked_at = ? where user_id = ?", Timestamp.from(Instant.now()), userId);
        assertThat(api.get("/api/v1/me", access).status()).isEqualTo(401);

        // Per-instance rate limits still hold: 5 auth calls a minute, then 429.
        int status = 0;
        for (int i = 0; i < 6 && status != 429; i++) {
            status = api.post("/api/v1/auth/refresh", Map.of("refreshToken", "bogus")).status();
        }
        assertThat(status).isEqualTo(429);
        assertThat(output.getAll()).contains("Redis is unreachable");
    }
}
