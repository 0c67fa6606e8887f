package io.crossdock.orchestration;

/** The steps of order to cash whose time is kept per order (order_process): when Crossdock saw each happen. */
public enum ProcessStep {
    RECEIVED("received_at"),
    CREATED_IN_ODOO("created_at"),
    /** Odoo warned the order would pass the customer's credit limit: left unconfirmed for a person. */
    CREDIT_HOLD("credit_hold_at"),
    CONFIRMED("confirmed_at"),
    REJECTED("rejected_at"),
    /** The partner was answered: the 855/ORDRSP sent, or for a REST caller the acknowledgment published. */
    ACKNOWLEDGED("acknowledged_at"),
    SHIPPED("shipped_at"),
    ASN_SENT("asn_sent_at"),
    INVOICED("invoiced_at"),
    INVOICE_SENT("invoice_sent_at");

    private final String column;

    ProcessStep(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}
