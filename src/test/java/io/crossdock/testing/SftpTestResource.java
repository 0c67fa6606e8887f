package io.crossdock.testing;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import io.crossdock.sandbox.SftpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SFTP server (Apache MINA SSHD) in the test JVM with the demo partner's account, standing
 * where the sandbox's server would: the demo partner profile points at it unchanged.
 */
public class SftpTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String USER = "demo";
    private static SftpServer server;
    private static String password;
    private Path work;

    public static SftpServer server() {
        return server;
    }

    public static String password() {
        return password;
    }

    @Override
    public Map<String, String> start() {
        work = WorkFolder.create("crossdock-sftp");
        password = UUID.randomUUID().toString();
        server = SftpServer.start(work.resolve("root"), "127.0.0.1", 0, Map.of(USER, password));
        Path knownHosts = server.writeKnownHosts(work.resolve("known_hosts"));
        return Map.of(
                "crossdock.sandbox.sftp.host", server.host(),
                "crossdock.sandbox.sftp.port", String.valueOf(server.port()),
                "crossdock.sandbox.sftp.user", USER,
                "crossdock.sandbox.sftp.password", password,
                "crossdock.sandbox.sftp.known-hosts", knownHosts.toString());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
        WorkFolder.delete(work);
    }
}
