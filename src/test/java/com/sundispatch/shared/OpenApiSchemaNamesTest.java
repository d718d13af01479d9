package com.sundispatch.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenAPI document names a schema after its class's simple name (or its {@code @Schema(name)}), and two
 * classes of one name silently become ONE schema: a generated client would then read an order's line as a ledger
 * row. This walks every type the controllers take or answer, through record components, and requires one class
 * per schema name.
 */
class OpenApiSchemaNamesTest {

    @Test
    void everyTypeInTheApiHasASchemaNameOfItsOwn() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Deque<Type> pending = new ArrayDeque<>();
        for (var candidate : scanner.findCandidateComponents("com.sundispatch")) {
            Class<?> controller = ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
            for (Method method : controller.getDeclaredMethods()) {
                if (!AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)) {
                    continue;
                }
                pending.add(method.getGenericReturnType());
                for (var parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(RequestBody.class)) {
                        pending.add(parameter.getParameterizedType());
                    }
                }
            }
        }
        Map<String, Set<String>> classesByName = new TreeMap<>();
        Set<Class<?>> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Type type = pending.poll();
            if (type instanceof ParameterizedType parameterized) {
                pending.addAll(List.of(parameterized.getActualTypeArguments()));
                pending.add(parameterized.getRawType());
            } else if (type instanceof WildcardType wildcard) {
                pending.addAll(List.of(wildcard.getUpperBounds()));
            } else if (type instanceof Class<?> cls && cls.getName().startsWith("com.sundispatch.") && seen.add(cls)) {
                if (cls.isArray()) {
                    pending.add(cls.getComponentType());
                    continue;
                }
                if (!cls.isEnum()) {
                    classesByName.computeIfAbsent(schemaName(cls), k -> new TreeSet<>()).add(cls.getName());
                }
                if (cls.isRecord()) {
                    for (RecordComponent component : cls.getRecordComponents()) {
                        pending.add(component.getGenericType());
                    }
                }
            }
        }
        assertThat(classesByName).as("schema names in the API").hasSizeGreaterThan(50);
        assertThat(classesByName.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::toString))
                .as("schema names shared by two classes (give one a @Schema(name))").isEmpty();
    }

    private static String schemaName(Class<?> cls) {
        Schema schema = cls.getAnnotation(Schema.class);
        return schema != null && !schema.name().isEmpty() ? schema.name() : cls.getSimpleName();
    }
}
