package io.connectionbroker.local;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.nio.file.Path;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * DynamoDB Local for the local run, reachable from this machine only. It has no authentication (any key
 * reads and writes every item, API keys' hashes included), and its command line has no option for the
 * address it listens on: it would listen on every interface. Its Jetty server is bound to loopback before it
 * starts, through the one field DynamoDB Local 2.6.1 keeps it in; a DynamoDB Local without that field
 * fails the start with an error rather than listen on every interface.
 */
final class LoopbackDatabase {
    private LoopbackDatabase() {
    }

    static DynamoDBProxyServer start(int port, Path dataDir) throws Exception {
        DynamoDBProxyServer database = ServerRunner.createServerFromCommandLineArgs(new String[] {
            "-dbPath", dataDir.toString(), "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
        String loopback = InetAddress.getLoopbackAddress().getHostAddress();
        for (Connector connector : jetty(database).getConnectors()) {
            ((ServerConnector) connector).setHost(loopback);
        }
        database.start();
        return database;
    }

    /** The address each of its connectors listens on, for checking. */
    static java.util.List<String> hosts(DynamoDBProxyServer database) throws ReflectiveOperationException {
        return java.util.Arrays.stream(jetty(database).getConnectors())
                .map(connector -> ((ServerConnector) connector).getHost()).toList();
    }

    private static Server jetty(DynamoDBProxyServer database) throws ReflectiveOperationException {
        Field server = DynamoDBProxyServer.class.getDeclaredField("server");
        server.setAccessible(true);
        return (Server) server.get(database);
    }
}
