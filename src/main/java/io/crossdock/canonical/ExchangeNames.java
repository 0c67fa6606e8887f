package io.crossdock.canonical;

import java.util.Map;

/**
 * The exchange properties and headers that the YAML routes and the beans they call share, declared
 * once. The route check ({@code RouteFilesTest}) refuses a route that names one not declared here,
 * or walks a path its declared type does not have ({@code ${exchangeProperty.plan.rejectd}}).
 */
public final class ExchangeNames {

    // ----- exchange properties -----
    /** The partner whose file or event this is (its profile id). */
    public static final String PARTNER = "partner";
    /** What the intake made of a file: {@code NEW} or {@code DUPLICATE}. */
    public static final String INTAKE_OUTCOME = "crossdockIntakeOutcome";
    /** What an order becomes in Odoo, worked out step by step. */
    public static final String PLAN = "plan";
    /** The inbox transaction an event is applied in: what a flow writes through it commits with the event. */
    public static final String TRANSACTION = "crossdockTransaction";
    /** One EDI file being taken in. */
    public static final String EDI_FILE = "ediFile";
    /** The event consumer a dead letter gave up in. */
    public static final String CONSUMER = "crossdockConsumer";
    /** How many times the slow path tried an event. */
    public static final String ATTEMPTS = "crossdockAttempts";

    // ----- message headers -----
    /** The CloudEvents type of the event a flow applies, e.g. {@code io.crossdock.orders.OrderReceived.v1}. */
    public static final String EVENT_TYPE = "CrossdockEventType";
    public static final String CORRELATION_ID = "correlationId";
    public static final String BUSINESS_KEY = "CrossdockBusinessKey";
    /** The system a business exception is about (odoo, edi, sftp). */
    public static final String SYSTEM = "CrossdockSystem";
    public static final String ODOO_IDS = "CrossdockOdooIds";

    /** Each declared property with the class its value is (checked by the route test by name, so no package depends on another). */
    public static final Map<String, String> PROPERTIES = Map.of(
            PARTNER, "java.lang.String",
            INTAKE_OUTCOME, "java.lang.String",
            PLAN, "io.crossdock.orchestration.OrderPlan",
            TRANSACTION, "java.sql.Connection",
            EDI_FILE, "io.crossdock.edi.InboundFile",
            CONSUMER, "java.lang.String",
            ATTEMPTS, "java.lang.Integer");

    public static final Map<String, String> HEADERS = Map.of(
            PARTNER, "java.lang.String",
            EVENT_TYPE, "java.lang.String",
            CORRELATION_ID, "java.lang.String",
            BUSINESS_KEY, "java.lang.String",
            SYSTEM, "java.lang.String",
            ODOO_IDS, "java.lang.Object");

    private ExchangeNames() {
    }
}
