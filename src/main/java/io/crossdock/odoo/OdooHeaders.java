package io.crossdock.odoo;

import io.crossdock.canonical.ExchangeNames;

/** Message headers the {@code odoo:} endpoints read (to override endpoint options per message) and set. */
public final class OdooHeaders {

    /** Record ids for read, write, unlink and call: a number, a list of numbers or "1,2,3". */
    public static final String IDS = ExchangeNames.ODOO_IDS;
    /** A search domain (a list, or its JSON text). */
    public static final String DOMAIN = "CrossdockOdooDomain";
    public static final String FIELDS = "CrossdockOdooFields";
    public static final String LIMIT = "CrossdockOdooLimit";
    public static final String OFFSET = "CrossdockOdooOffset";
    public static final String ORDER = "CrossdockOdooOrder";
    /** Named arguments of a business method (a map). */
    public static final String ARGUMENTS = "CrossdockOdooArguments";
    /** Context keys added to the connection's context for this call, e.g. active_model and active_ids for a wizard. */
    public static final String CONTEXT = "CrossdockOdooContext";

    /** Set on changes a consumer delivers. */
    public static final String MODEL = "CrossdockOdooModel";
    public static final String ID = "CrossdockOdooId";
    public static final String WRITE_DATE = "CrossdockOdooWriteDate";
    /** {@code webhook} or {@code poll}: which path saw the change first. */
    public static final String CHANGE_SOURCE = "CrossdockOdooChangeSource";

    private OdooHeaders() {
    }
}
