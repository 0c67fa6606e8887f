package io.crossdock.events;

/**
 * Marks a failure that no retry can cure (invalid data, a business rule): the message goes to the
 * dead-letter topic at once instead of being retried.
 */
public interface PermanentFailure {
}
