package fr.hubag.contracts.vouchers;

import java.util.UUID;

/** A pass as events know it: its id and the keyed hash of its code (base64url HMAC-SHA256), never the code. */
public record IssuedPass(UUID passId, String codeHash) {}
