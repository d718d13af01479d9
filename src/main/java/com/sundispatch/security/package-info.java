/**
 * Who is calling and whether they may: filter chains, JWT issuing and verification, session revocation,
 * client-IP resolution, security headers and request-size limits. Other modules use the types in this
 * package only; everything under {@code internal} is private to the module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security", allowedDependencies = "shared")
package com.sundispatch.security;
