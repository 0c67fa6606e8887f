package io.crossdock.intake;

/** The store could not record a file; the file stays in the inbox and is read again. */
public class IntakeStoreException extends RuntimeException {

    public IntakeStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
