package com.sundispatch.support;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application on a random port, driven over real HTTP. Runs on in-memory H2 by default and on a
 * real MariaDB/MySQL when {@code it.datasource.url} is set (the {@code mariadb} Maven profile).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(IntegrationTest.TestClockConfiguration.class)
public abstract class IntegrationTest {

    public static final String PASSWORD = "Sunny-meadow-lantern-2931";
    public static final String ADMIN_EMAIL = "admin@sundispatch.test";
    public static final String ADMIN_PASSWORD = "Orbit-lantern-passphrase-42-quartz";

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    protected Api api;

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClockConfiguration {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = System.getProperty("it.datasource.url", "");
        if (!url.isBlank()) {
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", () -> System.getProperty("it.datasource.username", ""));
            registry.add("spring.datasource.password", () -> System.getProperty("it.datasource.password", ""));
        }
    }

    @BeforeEach
    void setUpApi() {
        api = new Api(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    protected static String uniqueEmail() {
        return "user-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
    }

    /** Registers a customer and returns its email; the password is {@link #PASSWORD}. */
    protected String registerCustomer() {
        String email = uniqueEmail();
        Api.Response r = api.post("/api/v1/auth/register",
                Map.of("email", email, "password", PASSWORD, "fullName", "Ada Lovelace"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return email;
    }

    protected Tokens login(String email, String password) {
        Api.Response r = api.post("/api/v1/auth/login", Map.of("email", email, "password", password));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return new Tokens(r.json().path("accessToken").asString(), r.json().path("refreshToken").asString());
    }

    protected Tokens newCustomerSession() {
        return login(registerCustomer(), PASSWORD);
    }

    public record Tokens(String access, String refresh) {
    }
}
