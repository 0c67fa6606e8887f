package io.crossdock.events;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.apache.camel.RuntimeCamelException;

/**
 * What a person reads as the reason a message failed: the failure itself, not the wrappers that
 * carried it up ({@code CamelExecutionException} around Odoo's own words, for one), which say only
 * that something failed somewhere.
 */
public final class FailureReason {

    private FailureReason() {
    }

    public static String of(Throwable failure) {
        if (failure == null) {
            return "unknown";
        }
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause && isWrapper(cause)) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static boolean isWrapper(Throwable failure) {
        return failure instanceof RuntimeCamelException || failure instanceof CompletionException
                || failure instanceof ExecutionException || failure instanceof InvocationTargetException
                || failure.getClass() == RuntimeException.class;
    }
}
