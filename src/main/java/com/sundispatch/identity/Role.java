package com.sundispatch.identity;

/** What an account may do. ADMIN comes only from the bootstrap variables or from another admin. */
public enum Role {
    CUSTOMER, INSTALLER, ADMIN
}
