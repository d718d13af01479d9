package com.sundispatch.owasp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.sundispatch.security.PublicPaths;
import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.TestImages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A01 deny by default, proven over every route the application maps rather than a hand-picked few: any
 * endpoint added later without a deliberate entry in {@link PublicPaths} is refused to an anonymous caller.
 */
class DenyByDefaultIT extends IntegrationTest {

    private static final AntPathMatcher MATCHER = new AntPathMatcher();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void everyMappedRouteOutsideThePublicListWhenAnonymousThen401() {
        List<String> checked = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                String path = pattern.replaceAll("\\{[^}]*}", "00000000-0000-4000-8000-000000000001");
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    HttpMethod method = m.asHttpMethod();
                    if (isPublic(method, path)) {
                        continue;
                    }
                    // Each route gets the body it takes: the one multipart route a photo, every other one JSON.
                    boolean upload = method == HttpMethod.POST && path.endsWith("/photos");
                    Api.Response r = upload
                            ? api.upload(path, "photo", "roof.png", "image/png", TestImages.png(4, 4), null)
                            : api.send(method.name(), path, method == HttpMethod.GET ? null : Map.of(), null, Map.of());
                    checked.add(method + " " + path);
                    if (r.status() != 401 || !"unauthorized".equals(r.code())) {
                        open.add(method + " " + path + " -> " + r.status());
                    }
                }
            }
        }
        assertThat(open).as("routes answering an anonymous caller with something other than 401").isEmpty();
        // Guards against the walk silently finding nothing (a renamed bean, a changed mapping API).
        assertThat(checked).contains("GET /api/v1/admin/users", "POST /api/v1/orders")
                .hasSizeGreaterThan(40);
    }

    @Test
    void publicListCoversOnlyWhatApiMdNamesAsPublic() {
        assertThat(isPublic(HttpMethod.GET, "/api/v1/catalog/panels")).isTrue();
        assertThat(isPublic(HttpMethod.POST, "/api/v1/catalog/panels")).isFalse();
        assertThat(isPublic(HttpMethod.GET, "/api/v1/admin/catalog/panels")).isFalse();
        assertThat(isPublic(HttpMethod.GET, "/actuator/metrics")).isFalse();
        assertThat(isPublic(HttpMethod.GET, "/actuator/prometheus")).isFalse();
    }

    private static boolean isPublic(HttpMethod method, String path) {
        return PublicPaths.RULES.stream()
                .anyMatch(r -> (r.method() == null || r.method().equals(method)) && MATCHER.match(r.pattern(), path));
    }
}
