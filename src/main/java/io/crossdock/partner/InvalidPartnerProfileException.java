package io.crossdock.partner;

/** A partner profile that cannot be used; the message names the file and what is wrong. */
public class InvalidPartnerProfileException extends RuntimeException {

    public InvalidPartnerProfileException(String message) {
        super(message);
    }

    public InvalidPartnerProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
