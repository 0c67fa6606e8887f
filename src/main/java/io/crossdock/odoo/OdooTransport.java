package io.crossdock.odoo;

import java.util.List;
import java.util.Map;

/** One way of talking to Odoo (JSON-RPC or JSON-2): a call of a model's method, and the server's major version. */
interface OdooTransport {

    /** Calls {@code model.method}; {@code ids} is null for methods of the model rather than of records. */
    Object execute(String model, String method, List<Long> ids, Map<String, Object> arguments, Map<String, Object> context);

    int majorVersion();

    String name();
}
