package io.crossdock.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;

import io.crossdock.odoo.OdooValidationException;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;

class FailureReasonTest {

    @Test
    void aDeadLetterNamesOdoosRefusalNotTheCamelExceptionAroundIt() {
        var odoo = new OdooValidationException("The operation cannot be completed: a mandatory field is not set.", "odoo.exceptions.ValidationError");
        var wrapped = new CompletionException(new CamelExecutionException("Exception occurred during execution on the exchange", null, odoo));
        assertThat(FailureReason.of(wrapped)).isEqualTo("OdooValidationException: The operation cannot be completed: a mandatory field is not set.");
    }

    @Test
    void aFailureWithoutWrappersIsTakenAsItIs() {
        assertThat(FailureReason.of(new IllegalStateException("disk full", new java.io.IOException("ENOSPC"))))
                .isEqualTo("IllegalStateException: disk full");
        assertThat(FailureReason.of(null)).isEqualTo("unknown");
    }
}
