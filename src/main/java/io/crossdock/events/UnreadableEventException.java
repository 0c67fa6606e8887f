package io.crossdock.events;

/** A record that is not a readable CloudEvent, or whose data is not what its type says: never retried. */
public class UnreadableEventException extends RuntimeException implements PermanentFailure {

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
