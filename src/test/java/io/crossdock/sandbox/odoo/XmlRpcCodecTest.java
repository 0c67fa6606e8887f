package io.crossdock.sandbox.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.crossdock.sandbox.odoo.XmlRpcCodec.MethodCall;
import io.crossdock.sandbox.odoo.XmlRpcCodec.XmlRpcFault;
import org.junit.jupiter.api.Test;

class XmlRpcCodecTest {

    @Test
    void roundTripsNestedStructsAndArraysOfEveryType() throws Exception {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("zeta", "first key stays first");
        inner.put("alpha", List.of(1, List.of("deep", true)));
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("int", 42);
        value.put("negative", -7);
        value.put("short", (short) 3);
        value.put("smallLong", 5L);
        value.put("bigLong", 9_000_000_000L);
        value.put("yes", true);
        value.put("no", false);
        value.put("text", "a & b < c > d");
        value.put("double", 2.5);
        value.put("float", 1.5f);
        value.put("bytes", new byte[] {0, 1, 2, (byte) 255});
        value.put("objectArray", new Object[] {"x", 1});
        value.put("empty", List.of());
        value.put("inner", inner);

        String xml = XmlRpcCodec.response(value);
        assertThat(xml).startsWith("<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n<value><struct>")
                .contains("<value><int>5</int></value>")
                .contains("<value><i8>9000000000</i8></value>")
                .contains("<value><boolean>1</boolean></value>")
                .contains("<string>a &amp; b &lt; c &gt; d</string>")
                .contains("<base64>AAEC/w==</base64>");

        @SuppressWarnings("unchecked")
        Map<String, Object> back = (Map<String, Object>) XmlRpcCodec.parseResponse(stream(xml));
        assertThat(back).isInstanceOf(LinkedHashMap.class);
        assertThat(back.keySet()).containsExactlyElementsOf(value.keySet());
        assertThat(back.get("int")).isEqualTo(42);
        assertThat(back.get("negative")).isEqualTo(-7);
        assertThat(back.get("short")).isEqualTo(3);
        assertThat(back.get("smallLong")).isEqualTo(5); // an Integer again: it fits
        assertThat(back.get("bigLong")).isEqualTo(9_000_000_000L);
        assertThat(back.get("yes")).isEqualTo(true);
        assertThat(back.get("no")).isEqualTo(false);
        assertThat(back.get("text")).isEqualTo("a & b < c > d");
        assertThat(back.get("double")).isEqualTo(2.5);
        assertThat(back.get("float")).isEqualTo(1.5);
        assertThat((byte[]) back.get("bytes")).containsExactly(0, 1, 2, 255);
        assertThat(back.get("objectArray")).isEqualTo(List.of("x", 1));
        assertThat(back.get("empty")).isEqualTo(List.of());
        assertThat(back.get("inner")).isEqualTo(inner);
        assertThat(new ArrayList<Object>(((Map<?, ?>) back.get("inner")).keySet())).containsExactly("zeta", "alpha");
    }

    @Test
    void callRoundTripsThroughParseCall() {
        String xml = XmlRpcCodec.call("version", List.of());
        assertThat(xml).isEqualTo("<?xml version='1.0'?>\n<methodCall>\n<methodName>version</methodName>\n"
                + "<params>\n</params>\n</methodCall>\n");
        assertThat(XmlRpcCodec.parseCall(stream(xml))).isEqualTo(new MethodCall("version", List.of()));
    }

    @Test
    void parsesExecuteKwAsPythonXmlRpcClientSendsIt() {
        // xmlrpc.client.dumps(('db', 2, 'key', 'res.partner', 'search_read',
        //     [[['is_company', '=', True]]], {'fields': ['name'], 'limit': 5}), 'execute_kw')
        String python = """
                <?xml version='1.0'?>
                <methodCall>
                <methodName>execute_kw</methodName>
                <params>
                <param>
                <value><string>db</string></value>
                </param>
                <param>
                <value><int>2</int></value>
                </param>
                <param>
                <value><string>key</string></value>
                </param>
                <param>
                <value><string>res.partner</string></value>
                </param>
                <param>
                <value><string>search_read</string></value>
                </param>
                <param>
                <value><array><data>
                <value><array><data>
                <value><array><data>
                <value><string>is_company</string></value>
                <value><string>=</string></value>
                <value><boolean>1</boolean></value>
                </data></array></value>
                </data></array></value>
                </data></array></value>
                </param>
                <param>
                <value><struct>
                <member>
                <name>fields</name>
                <value><array><data>
                <value><string>name</string></value>
                </data></array></value>
                </member>
                <member>
                <name>limit</name>
                <value><int>5</int></value>
                </member>
                </struct></value>
                </param>
                </params>
                </methodCall>
                """;

        MethodCall call = XmlRpcCodec.parseCall(stream(python));

        assertThat(call.methodName()).isEqualTo("execute_kw");
        assertThat(call.params()).containsExactly(
                "db", 2, "key", "res.partner", "search_read",
                List.of(List.of(List.of("is_company", "=", true))),
                Map.of("fields", List.of("name"), "limit", 5));
    }

    @Test
    void bareTextInValueIsAStringWithWhitespaceKept() throws Exception {
        String xml = "<methodCall><methodName>login</methodName><params>"
                + "<param><value>  admin  </value></param>"
                + "<param><value></value></param>"
                + "<param><value/></param>"
                + "<param><value><string/></value></param>"
                + "<param><value>a &amp; <![CDATA[<b>]]></value></param>"
                + "</params></methodCall>";

        assertThat(XmlRpcCodec.parseCall(stream(xml)).params()).containsExactly("  admin  ", "", "", "", "a & <b>");
        assertThat(XmlRpcCodec.parseResponse(stream(
                "<methodResponse><params><param><value>17.0</value></param></params></methodResponse>")))
                .isEqualTo("17.0");
    }

    @Test
    void readsNilDateTimeAndBase64AsPythonWritesThem() throws Exception {
        String xml = "<methodResponse><params><param><value><array><data>\n"
                + "<value><nil/></value>\n"
                + "<value><ex:nil/></value>\n"
                + "<value><dateTime.iso8601>20240131T12:00:00</dateTime.iso8601></value>\n"
                + "<value><base64>\naGVs\nbG8=\n</base64></value>\n"
                + "<value><i4> 12 </i4></value>\n"
                + "</data></array></value></param></params></methodResponse>";

        List<?> values = (List<?>) XmlRpcCodec.parseResponse(stream(xml));

        assertThat(values).hasSize(5);
        assertThat(values.get(0)).isNull();
        assertThat(values.get(1)).isNull();
        assertThat(values.get(2)).isEqualTo("20240131T12:00:00");
        assertThat(new String((byte[]) values.get(3), StandardCharsets.US_ASCII)).isEqualTo("hello");
        assertThat(values.get(4)).isEqualTo(12);
    }

    @Test
    void faultHasTheShapePythonWrites() {
        assertThat(XmlRpcCodec.fault(1, "Access <denied> & logged")).isEqualTo("""
                <?xml version='1.0'?>
                <methodResponse>
                <fault>
                <value><struct>
                <member>
                <name>faultCode</name>
                <value><int>1</int></value>
                </member>
                <member>
                <name>faultString</name>
                <value><string>Access &lt;denied&gt; &amp; logged</string></value>
                </member>
                </struct></value>
                </fault>
                </methodResponse>
                """);
    }

    @Test
    void parseResponseThrowsTheFault() {
        XmlRpcFault fault = catchThrowableOfType(XmlRpcFault.class,
                () -> XmlRpcCodec.parseResponse(stream(XmlRpcCodec.fault(2, "no such model"))));

        assertThat(fault.faultCode()).isEqualTo(2);
        assertThat(fault.faultString()).isEqualTo("no such model");
    }

    @Test
    void refusesToWriteNullLikePythonWithoutAllowNone() {
        String message = "cannot marshal None unless allow_none is enabled";
        assertThatThrownBy(() -> XmlRpcCodec.response(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        assertThatThrownBy(() -> XmlRpcCodec.response(Arrays.asList("a", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        Map<String, Object> struct = new LinkedHashMap<>();
        struct.put("email", null);
        assertThatThrownBy(() -> XmlRpcCodec.call("write", List.of(struct)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void refusesValuesXmlRpcCannotCarry() {
        assertThatThrownBy(() -> XmlRpcCodec.response(new Object()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot marshal java.lang.Object");
        assertThatThrownBy(() -> XmlRpcCodec.response(Map.of(1, "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("dictionary key must be string");
    }

    @Test
    void malformedXmlIsAnIllegalArgument() {
        assertThatThrownBy(() -> XmlRpcCodec.parseCall(stream("<methodCall><methodName>x</methodName><params>")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("malformed XML-RPC: ");
        assertThatThrownBy(() -> XmlRpcCodec.parseCall(stream("")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("malformed XML-RPC: ");
        assertThatThrownBy(() -> XmlRpcCodec.parseCall(stream("<methodResponse/>")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected <methodCall>");
        assertThatThrownBy(() -> XmlRpcCodec.parseCall(stream(
                "<methodCall><methodName>x</methodName><params><param><value><int>abc</int></value></param>"
                        + "</params></methodCall>")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad <int> value 'abc'");
        assertThatThrownBy(() -> XmlRpcCodec.parseCall(stream(
                "<methodCall><methodName>x</methodName><params><param><value><boolean>true</boolean></value>"
                        + "</param></params></methodCall>")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad <boolean> value");
    }

    @Test
    void rejectsDoctypesSoNoEntityCanBeExpanded() {
        String xxe = "<?xml version='1.0'?><!DOCTYPE m [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<methodCall><methodName>&x;</methodName></methodCall>";

        assertThatThrownBy(() -> XmlRpcCodec.parseCall(stream(xxe)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DOCTYPE");
    }

    private static InputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
