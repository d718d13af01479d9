/**
 * Cross-cutting building blocks every module may use: the RFC 9457 error model, paging and the clock.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared")
package com.sundispatch.shared;
