package io.crossdock.sandbox.odoo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The XML-RPC dialect spoken by Odoo's {@code /xmlrpc/2/*} endpoints and Python's
 * {@code xmlrpc.client}. Output mirrors Python's layout so recorded exchanges look like the real
 * thing; parsing is as lenient as Python's about whitespace and bare-text strings.
 */
public final class XmlRpcCodec {

    public record MethodCall(String methodName, List<Object> params) {}

    /** A {@code <fault>} returned by the server, as Python's {@code xmlrpc.client.Fault}. */
    public static final class XmlRpcFault extends Exception {
        private static final long serialVersionUID = 1L;
        private final int faultCode;
        private final String faultString;

        public XmlRpcFault(int faultCode, String faultString) {
            super("Fault " + faultCode + ": " + faultString);
            this.faultCode = faultCode;
            this.faultString = faultString;
        }

        public int faultCode() {
            return faultCode;
        }

        public String faultString() {
            return faultString;
        }
    }

    private static final String PROLOG = "<?xml version='1.0'?>\n";

    private XmlRpcCodec() {}

    /** Parses a {@code <methodCall>}; malformed input gives an {@link IllegalArgumentException}. */
    public static MethodCall parseCall(InputStream body) {
        Element root = parseDocument(body, "methodCall");
        String methodName = null;
        List<Object> params = new ArrayList<>();
        for (Element child : children(root)) {
            switch (tag(child)) {
                case "methodName" -> methodName = child.getTextContent().trim();
                case "params" -> params = parseParams(child);
                default -> throw malformed("unexpected <" + child.getTagName() + "> in <methodCall>");
            }
        }
        if (methodName == null || methodName.isEmpty()) {
            throw malformed("<methodCall> has no <methodName>");
        }
        return new MethodCall(methodName, params);
    }

    public static String response(Object value) {
        StringBuilder out = new StringBuilder(PROLOG).append("<methodResponse>\n");
        writeParams(out, Collections.singletonList(value)); // unlike List.of, lets null reach the refusal
        return out.append("</methodResponse>\n").toString();
    }

    public static String fault(int faultCode, String faultString) {
        Map<String, Object> struct = new LinkedHashMap<>();
        struct.put("faultCode", faultCode);
        struct.put("faultString", faultString);
        StringBuilder out = new StringBuilder(PROLOG).append("<methodResponse>\n<fault>\n");
        writeValue(out, struct);
        return out.append("</fault>\n</methodResponse>\n").toString();
    }

    public static String call(String methodName, List<?> params) {
        StringBuilder out = new StringBuilder(PROLOG)
                .append("<methodCall>\n<methodName>").append(escape(methodName)).append("</methodName>\n");
        writeParams(out, params);
        return out.append("</methodCall>\n").toString();
    }

    /** Returns the single value of a {@code <methodResponse>}, or throws the fault it carries. */
    public static Object parseResponse(InputStream body) throws XmlRpcFault {
        Element root = parseDocument(body, "methodResponse");
        List<Element> children = children(root);
        if (children.size() != 1) {
            throw malformed("<methodResponse> must hold exactly one <params> or <fault>");
        }
        Element child = children.get(0);
        switch (tag(child)) {
            case "params" -> {
                List<Object> values = parseParams(child);
                if (values.size() != 1) {
                    throw malformed("<methodResponse> must hold exactly one <param>, found " + values.size());
                }
                return values.get(0);
            }
            case "fault" -> {
                Object fault = parseValue(single(child, "value"));
                if (fault instanceof Map<?, ?> struct && struct.get("faultCode") instanceof Number code) {
                    throw new XmlRpcFault(code.intValue(), String.valueOf(struct.get("faultString")));
                }
                throw malformed("<fault> must hold a struct with an int faultCode");
            }
            default -> throw malformed("unexpected <" + child.getTagName() + "> in <methodResponse>");
        }
    }

    // ---- reading

    private static Element parseDocument(InputStream body, String rootTag) {
        Element root;
        try {
            root = newBuilder().parse(body).getDocumentElement();
        } catch (SAXParseException e) {
            throw malformed(e.getMessage() + " (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")");
        } catch (SAXException e) {
            throw malformed(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!tag(root).equals(rootTag)) {
            throw malformed("expected <" + rootTag + "> but found <" + root.getTagName() + ">");
        }
        return root;
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            // Request bodies come from outside: no DOCTYPE means no entity expansion and no XXE.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setCoalescing(true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // The built-in handler prints "[Fatal Error]" to stderr before throwing.
            builder.setErrorHandler(new DefaultHandler());
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("JDK XML parser cannot be configured safely", e);
        }
    }

    private static List<Object> parseParams(Element params) {
        List<Object> values = new ArrayList<>();
        for (Element param : children(params)) {
            expect(param, "param");
            values.add(parseValue(single(param, "value")));
        }
        return values;
    }

    private static Object parseValue(Element value) {
        expect(value, "value");
        List<Element> children = children(value);
        if (children.isEmpty()) {
            return value.getTextContent(); // the spec's default type is string
        }
        if (children.size() > 1) {
            throw malformed("<value> holds more than one element");
        }
        Element typed = children.get(0);
        String type = tag(typed);
        String text = typed.getTextContent();
        try {
            return switch (type) {
                case "int", "i4", "i8" -> {
                    long n = Long.parseLong(text.trim());
                    yield n == (int) n ? (Object) (int) n : (Object) n;
                }
                case "boolean" -> switch (text.trim()) {
                    case "0" -> false;
                    case "1" -> true;
                    default -> throw malformed("bad <boolean> value '" + text + "'");
                };
                case "string", "dateTime.iso8601" -> text;
                case "double" -> Double.parseDouble(text.trim());
                // Python wraps base64 at 76 columns; the MIME decoder accepts that.
                case "base64" -> Base64.getMimeDecoder().decode(text);
                case "struct" -> parseStruct(typed);
                case "array" -> parseArray(typed);
                case "nil" -> null;
                default -> throw malformed("unsupported type <" + typed.getTagName() + ">");
            };
        } catch (NumberFormatException e) {
            throw malformed("bad <" + type + "> value '" + text + "'");
        }
    }

    private static Map<String, Object> parseStruct(Element struct) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Element member : children(struct)) {
            expect(member, "member");
            map.put(single(member, "name").getTextContent(), parseValue(single(member, "value")));
        }
        return map;
    }

    private static List<Object> parseArray(Element array) {
        List<Object> list = new ArrayList<>();
        for (Element value : children(single(array, "data"))) {
            list.add(parseValue(value));
        }
        return list;
    }

    /** Child elements only: whitespace and comments between them carry no meaning. */
    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                elements.add(e);
            }
        }
        return elements;
    }

    private static Element single(Element parent, String tag) {
        List<Element> found = children(parent).stream().filter(e -> tag(e).equals(tag)).toList();
        if (found.size() != 1) {
            throw malformed("<" + parent.getTagName() + "> must hold exactly one <" + tag + ">, found " + found.size());
        }
        return found.get(0);
    }

    private static void expect(Element element, String tag) {
        if (!tag(element).equals(tag)) {
            throw malformed("expected <" + tag + "> but found <" + element.getTagName() + ">");
        }
    }

    /** Like Python's unmarshaller, ignore prefixes so Apache's {@code <ex:nil/>} reads as nil. */
    private static String tag(Element element) {
        String name = element.getTagName();
        return name.substring(name.lastIndexOf(':') + 1);
    }

    private static IllegalArgumentException malformed(String detail) {
        return new IllegalArgumentException("malformed XML-RPC: " + detail);
    }

    // ---- writing

    private static void writeParams(StringBuilder out, List<?> params) {
        out.append("<params>\n");
        for (Object param : params) {
            out.append("<param>\n");
            writeValue(out, param);
            out.append("</param>\n");
        }
        out.append("</params>\n");
    }

    private static void writeValue(StringBuilder out, Object v) {
        if (v == null) {
            throw new IllegalArgumentException("cannot marshal None unless allow_none is enabled");
        }
        out.append("<value>");
        if (v instanceof String s) {
            typed(out, "string", escape(s));
        } else if (v instanceof Boolean b) {
            typed(out, "boolean", b ? "1" : "0");
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            typed(out, "int", v.toString());
        } else if (v instanceof Long l) {
            typed(out, l == l.intValue() ? "int" : "i8", l.toString());
        } else if (v instanceof Double || v instanceof Float) {
            typed(out, "double", v.toString());
        } else if (v instanceof BigDecimal d) {
            typed(out, "double", Double.toString(d.doubleValue()));
        } else if (v instanceof byte[] bytes) {
            typed(out, "base64", Base64.getEncoder().encodeToString(bytes));
        } else if (v instanceof Map<?, ?> map) {
            out.append("<struct>\n");
            for (Map.Entry<?, ?> member : map.entrySet()) {
                if (!(member.getKey() instanceof String name)) {
                    throw new IllegalArgumentException("dictionary key must be string");
                }
                out.append("<member>\n<name>").append(escape(name)).append("</name>\n");
                writeValue(out, member.getValue());
                out.append("</member>\n");
            }
            out.append("</struct>");
        } else if (v instanceof List<?> || v instanceof Object[]) {
            out.append("<array><data>\n");
            for (Object item : v instanceof Object[] array ? Arrays.asList(array) : (List<?>) v) {
                writeValue(out, item);
            }
            out.append("</data></array>");
        } else {
            throw new IllegalArgumentException("cannot marshal " + v.getClass().getName() + " objects");
        }
        out.append("</value>\n");
    }

    private static void typed(StringBuilder out, String type, String text) {
        out.append('<').append(type).append('>').append(text).append("</").append(type).append('>');
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
