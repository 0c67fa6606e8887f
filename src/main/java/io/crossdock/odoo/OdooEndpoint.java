package io.crossdock.odoo;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * {@code odoo:<model>} with its options: {@code connection} (a named connection, default the
 * default one), {@code operation}, {@code method} (for {@code call}), {@code domain} (JSON),
 * {@code fields} (comma separated), {@code limit}, {@code offset}, {@code order}; as a consumer,
 * {@code domain} and {@code fields} select what is delivered, {@code delay} is the polling
 * interval (ms) and {@code cursor} names the durable position (default: the route id).
 */
public class OdooEndpoint extends ScheduledPollEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String model;
    private String connection = OdooConnections.DEFAULT;
    private String operation;
    private String method;
    private String domain;
    private String fields;
    private Integer limit;
    private Integer offset;
    private String order;
    private String cursor;

    OdooEndpoint(String uri, OdooComponent component, String model) {
        super(uri, component);
        this.model = model;
        setDelay(30_000);
    }

    @Override
    public Producer createProducer() {
        if (operation == null) {
            throw new IllegalArgumentException("odoo:" + model + " needs an operation (operation=create, search_read, read,"
                    + " write, unlink, call, search, search_count or fields_get)");
        }
        OdooOperation op = OdooOperation.of(operation);
        if (op == OdooOperation.CALL && (method == null || method.isBlank())) {
            throw new IllegalArgumentException("odoo:" + model + "?operation=call needs method=<business method>");
        }
        return new OdooProducer(this, op);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        OdooChangeConsumer consumer = new OdooChangeConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public OdooComponent getComponent() {
        return (OdooComponent) super.getComponent();
    }

    OdooClient client() {
        return getComponent().client(connection);
    }

    String model() {
        return model;
    }

    List<?> domainList() {
        return parseDomain(domain);
    }

    static List<?> parseDomain(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return List.of();
        }
        try {
            return JSON.readValue(text, List.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("An Odoo domain must be a JSON list such as [[\"state\",\"=\",\"sale\"]]; got " + text, e);
        }
    }

    List<String> fieldList() {
        return fields == null || fields.isBlank() ? List.of()
                : Arrays.stream(fields.split(",")).map(String::trim).filter(f -> !f.isEmpty()).toList();
    }

    public String getConnection() {
        return connection;
    }

    public void setConnection(String connection) {
        this.connection = connection;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        parseDomain(domain);
        this.domain = domain;
    }

    public String getFields() {
        return fields;
    }

    public void setFields(String fields) {
        this.fields = fields;
    }

    public Integer getLimit() {
        return limit;
    }

    public void setLimit(Integer limit) {
        this.limit = limit;
    }

    public Integer getOffset() {
        return offset;
    }

    public void setOffset(Integer offset) {
        this.offset = offset;
    }

    public String getOrder() {
        return order;
    }

    public void setOrder(String order) {
        this.order = order;
    }

    public String getCursor() {
        return cursor;
    }

    public void setCursor(String cursor) {
        this.cursor = cursor;
    }
}
