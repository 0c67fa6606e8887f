package io.crossdock.orchestration;

import io.crossdock.events.PermanentFailure;

/** Odoo refused an order for a reason a retry cannot change: a person fixes Odoo, then replays. */
public class OrderNotPlacedException extends RuntimeException implements PermanentFailure {

    public OrderNotPlacedException(String message) {
        super(message);
    }
}
