package io.crossdock.odoo;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Runs one Odoo operation per message. The body carries the data (a record or a list of records
 * to create, values to write, ids to read or act on); headers ({@link OdooHeaders}) override the
 * endpoint's options; the result becomes the body.
 */
class OdooProducer extends DefaultProducer {

    private final OdooEndpoint endpoint;
    private final OdooOperation operation;

    OdooProducer(OdooEndpoint endpoint, OdooOperation operation) {
        super(endpoint);
        this.endpoint = endpoint;
        this.operation = operation;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        OdooClient odoo = endpoint.client();
        String model = endpoint.model();
        Object body = in.getBody();
        Object result = switch (operation) {
            case CREATE -> {
                Map<String, Object> context = in.getHeader(OdooHeaders.CONTEXT, Map.of(), Map.class);
                if (body instanceof Map<?, ?> record) {
                    yield odoo.create(model, List.of((Map<String, Object>) record), context).get(0);
                }
                if (body instanceof Collection<?> records && records.stream().allMatch(Map.class::isInstance)) {
                    yield odoo.create(model, List.copyOf((Collection<Map<String, Object>>) records), context);
                }
                throw new IllegalArgumentException("odoo:" + model + "?operation=create needs a record (a map) or a list of"
                        + " records as the body, got " + describe(body));
            }
            case WRITE -> {
                if (!(body instanceof Map<?, ?> values)) {
                    throw new IllegalArgumentException("odoo:" + model + "?operation=write needs the values (a map) as the body,"
                            + " got " + describe(body));
                }
                yield odoo.write(model, ids(in, null), (Map<String, Object>) values);
            }
            case READ -> odoo.read(model, ids(in, body), fields(in));
            case UNLINK -> odoo.unlink(model, ids(in, body));
            case SEARCH_READ -> odoo.searchRead(model, domain(in, body), fields(in), integer(in, OdooHeaders.OFFSET, endpoint.getOffset()),
                    integer(in, OdooHeaders.LIMIT, endpoint.getLimit()), in.getHeader(OdooHeaders.ORDER, endpoint.getOrder(), String.class));
            case SEARCH -> odoo.search(model, domain(in, body), integer(in, OdooHeaders.OFFSET, endpoint.getOffset()),
                    integer(in, OdooHeaders.LIMIT, endpoint.getLimit()), in.getHeader(OdooHeaders.ORDER, endpoint.getOrder(), String.class));
            case SEARCH_COUNT -> odoo.count(model, domain(in, body));
            case CALL -> odoo.call(model, endpoint.getMethod(), ids(in, body),
                    in.getHeader(OdooHeaders.ARGUMENTS, Map.of(), Map.class), in.getHeader(OdooHeaders.CONTEXT, Map.of(), Map.class));
            case FIELDS_GET -> odoo.fields(model);
        };
        in.setBody(result);
    }

    private List<?> domain(Message in, Object body) {
        Object header = in.getHeader(OdooHeaders.DOMAIN);
        if (header != null) {
            return OdooEndpoint.parseDomain(header);
        }
        if (endpoint.getDomain() != null) {
            return endpoint.domainList();
        }
        return body instanceof List<?> list ? list : List.of();
    }

    private List<String> fields(Message in) {
        Object header = in.getHeader(OdooHeaders.FIELDS);
        if (header instanceof Collection<?> names) {
            return names.stream().map(String::valueOf).toList();
        }
        if (header != null) {
            return Arrays.stream(header.toString().split(",")).map(String::trim).filter(f -> !f.isEmpty()).toList();
        }
        return endpoint.fieldList();
    }

    private List<Long> ids(Message in, Object body) {
        Object source = in.getHeader(OdooHeaders.IDS) != null ? in.getHeader(OdooHeaders.IDS) : body;
        List<Long> ids = toIds(source);
        if (ids == null) {
            throw new IllegalArgumentException("odoo:" + model() + "?operation=" + operation.name().toLowerCase(java.util.Locale.ROOT)
                    + " needs record ids in the " + OdooHeaders.IDS + " header" + (body == null ? "" : " or the body")
                    + "; got " + describe(source));
        }
        return ids;
    }

    private String model() {
        return endpoint.model();
    }

    static List<Long> toIds(Object source) {
        if (source instanceof Number id) {
            return List.of(id.longValue());
        }
        if (source instanceof OdooRef ref) {
            return List.of(ref.id());
        }
        if (source instanceof Collection<?> items && items.stream().allMatch(i -> i instanceof Number || i instanceof OdooRef)) {
            return items.stream().map(i -> i instanceof OdooRef ref ? ref.id() : ((Number) i).longValue()).toList();
        }
        if (source instanceof String text && text.trim().matches("\\[?\\s*\\d+(\\s*,\\s*\\d+)*\\s*]?")) {
            return Arrays.stream(text.replaceAll("[\\[\\]\\s]", "").split(",")).map(Long::valueOf).toList();
        }
        return null;
    }

    private static Integer integer(Message in, String header, Integer fallback) {
        Integer value = in.getHeader(header, Integer.class);
        return value != null ? value : fallback;
    }

    private static String describe(Object body) {
        return body == null ? "nothing" : body.getClass().getSimpleName() + " " + abbreviate(String.valueOf(body));
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
