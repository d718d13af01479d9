package com.sundispatch.identity.web;

/** Texts the passkey operations share in the OpenAPI document. */
final class PasskeyDocs {

    /** The credential members are WebAuthn's, checked by webauthn4j, not by the document. */
    static final String CREDENTIAL = "The browser's PublicKeyCredential as JSON (PublicKeyCredential.toJSON(): id, "
            + "rawId, type, response, clientExtensionResults, authenticatorAttachment), checked by the server's "
            + "WebAuthn verification.";

    private PasskeyDocs() {
    }
}
