package com.sundispatch.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an integration test class that sends deliberately malformed requests (injection, smuggling): its requests
 * are not held against the OpenAPI document, its answers still are (see {@link OpenApiContract}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AnswersOnlyContract {
}
