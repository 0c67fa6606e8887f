package io.crossdock.canonical;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex: the identity of a document's content (and of an API key, which is never stored). */
public final class ContentHash {

    private ContentHash() {
    }

    public static String sha256(byte[] content) {
        return HexFormat.of().formatHex(sha256Bytes(content));
    }

    public static byte[] sha256Bytes(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
