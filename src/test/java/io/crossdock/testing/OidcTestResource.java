package io.crossdock.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;

/**
 * An OpenID Connect provider standing where the company's IdP would: discovery document and JWKS
 * over real HTTP, and tokens signed with its key for the clients a test names. The hub finds it
 * through discovery, as it would Keycloak or Entra ID.
 */
public class OidcTestResource implements QuarkusTestResourceLifecycleManager {

    private static KeyPair key;
    private static String issuer;
    private HttpServer server;

    /** A client credentials token for {@code client} with {@code roles}, valid for five minutes. */
    public static String token(String client, String... roles) {
        return token(key, client, Instant.now().plus(Duration.ofMinutes(5)), roles);
    }

    /** The same, expired a minute ago. */
    public static String expiredToken(String client, String... roles) {
        return token(key, client, Instant.now().minus(Duration.ofMinutes(1)), roles);
    }

    /** A token this provider never issued: the same claims signed with another key. */
    public static String forgedToken(String client, String... roles) {
        return token(newKey(), client, Instant.now().plus(Duration.ofMinutes(5)), roles);
    }

    private static String token(KeyPair signer, String client, Instant expires, String... roles) {
        return Jwt.issuer(issuer).subject("service-account-" + client).claim("azp", client).claim("roles", List.of(roles))
                .issuedAt(expires.minus(Duration.ofMinutes(10))).expiresAt(expires).jws().keyId("crossdock-test").sign(signer.getPrivate());
    }

    @Override
    public Map<String, String> start() {
        key = newKey();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("the test OIDC provider cannot listen", e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/crossdock";
        RSAPublicKey publicKey = (RSAPublicKey) key.getPublic();
        String jwks = """
                {"keys": [{"kty": "RSA", "kid": "crossdock-test", "use": "sig", "alg": "RS256", "n": "%s", "e": "%s"}]}
                """.formatted(base64url(publicKey.getModulus().toByteArray()), base64url(publicKey.getPublicExponent().toByteArray()));
        String discovery = """
                {"issuer": "%1$s", "jwks_uri": "%1$s/protocol/openid-connect/certs",
                 "token_endpoint": "%1$s/protocol/openid-connect/token", "id_token_signing_alg_values_supported": ["RS256"]}
                """.formatted(issuer);
        serve("/realms/crossdock/.well-known/openid-configuration", discovery);
        serve("/realms/crossdock/protocol/openid-connect/certs", jwks);
        server.start();
        return Map.of("quarkus.oidc.tenant-enabled", "true", "quarkus.oidc.auth-server-url", issuer);
    }

    private void serve(String path, String json) {
        server.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static KeyPair newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unsigned big-endian, as JWK wants it (BigInteger adds a sign byte). */
    private static String base64url(byte[] bytes) {
        int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        byte[] unsigned = java.util.Arrays.copyOfRange(bytes, skip, bytes.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned);
    }
}
