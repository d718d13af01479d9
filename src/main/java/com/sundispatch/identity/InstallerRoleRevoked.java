package com.sundispatch.identity;

/**
 * An admin revoked an installer's approval and identity took the INSTALLER role back. Published inside that
 * transaction; the owner is told by mail after it commits.
 */
public record InstallerRoleRevoked(String eventId, String userId, String email, String fullName) {

    @Override
    public String toString() {
        return "InstallerRoleRevoked[userId=" + userId + "]";
    }
}
