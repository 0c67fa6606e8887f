package io.crossdock.odoo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.ProducerTemplate;

/**
 * Odoo asked from Java the way a route asks it: through the {@code odoo:} component's endpoints
 * (so retries, the breaker, the version dialect and the connection's settings all apply), for the
 * beans of the flows that need a record by id or by domain, or a new one.
 */
@ApplicationScoped
public class OdooRequests {

    private final ProducerTemplate odoo;

    public OdooRequests(ProducerTemplate odoo) {
        this.odoo = odoo;
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> read(String model, Object ids, String fields) {
        return odoo.requestBodyAndHeader("odoo:" + model + "?operation=read&fields=" + fields, null, OdooHeaders.IDS, ids, List.class);
    }

    /** Records the domain finds, with the fields named (comma-separated); {@code limit} 0 for all. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> searchRead(String model, List<?> domain, String fields, int limit) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(OdooHeaders.DOMAIN, domain);
        if (limit > 0) {
            headers.put(OdooHeaders.LIMIT, limit);
        }
        return odoo.requestBodyAndHeaders("odoo:" + model + "?operation=search_read&fields=" + fields, null, headers, List.class);
    }

    public long create(String model, Map<String, Object> values) {
        return odoo.requestBody("odoo:" + model + "?operation=create", values, Long.class);
    }
}
