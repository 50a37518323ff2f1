package org.pipelineatlas.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Local, embedded Neo4j Community launcher for Pipeline Atlas development.
 *
 * <p>Starts Neo4j embedded ({@link DatabaseManagementServiceBuilder}) with a Bolt connector on
 * 127.0.0.1 and prints exactly one line to stdout once Bolt accepts connections:
 *
 * <pre>NEO4J_READY bolt://127.0.0.1:7687</pre>
 *
 * <p>Everything else (Neo4j's own log output, errors) goes to stderr or to {@code <data>/logs/}.
 *
 * <p><b>LOCAL DEVELOPMENT ONLY:</b> authentication is disabled and Bolt is unencrypted. It only
 * listens on the loopback interface, but any local process/user can read and write the graph.
 * Anonymous usage reporting ({@code dbms.usage_report.enabled}, which would POST to
 * udc.neo4j.com) is turned off, and no HTTP connector is started.
 *
 * <p>Build: {@code bash neo4j/build.sh}. Run:
 *
 * <pre>
 * java -cp "neo4j/target/classes:$(cat neo4j/target/classpath.txt)" \
 *   org.pipelineatlas.neo4j.Launcher [--port 7687] [--data .data/neo4j] [--exit-on-stdin-eof]
 * </pre>
 *
 * <p>SIGTERM / SIGINT (and stdin EOF with {@code --exit-on-stdin-eof}) shut the database down
 * cleanly, so the next start does not need recovery.
 */
public final class Launcher {

    static final String READY_PREFIX = "NEO4J_READY ";
    static final int DEFAULT_PORT = 7687;
    static final String DEFAULT_DATA = ".data/neo4j";
    static final String HOST = "127.0.0.1";

    private static final String USAGE = String.join(
            "\n",
            "Usage: Launcher [--port N] [--data DIR] [--exit-on-stdin-eof] [--help]",
            "",
            "Starts an embedded Neo4j Community database for local development and serves it",
            "over Bolt on " + HOST + ". Authentication is DISABLED (local development only).",
            "",
            "  --port N             Bolt port on " + HOST + " (default " + DEFAULT_PORT + ")",
            "  --data DIR           Neo4j home/store directory (default " + DEFAULT_DATA + ");",
            "                       databases live in DIR/data, Neo4j's logs in DIR/logs",
            "  --page-cache SIZE    page cache size in MiB (default 256)",
            "  --exit-on-stdin-eof  shut down when stdin reaches EOF (i.e. the parent process died)",
            "  --help               print this help and exit",
            "",
            "When Bolt accepts connections, exactly one line is printed to stdout:",
            "  " + READY_PREFIX + "bolt://" + HOST + ":<port>",
            "SIGTERM/SIGINT shut the database down cleanly. Errors go to stderr (exit code != 0).");

    /** Exit codes. */
    static final int EXIT_USAGE = 2;
    static final int EXIT_START_FAILED = 1;

    private static final CountDownLatch startupFinished = new CountDownLatch(1);
    private static final Object shutdownLock = new Object();
    private static volatile DatabaseManagementService service;
    private static volatile boolean shuttingDown;
    private static boolean stopped;

    private Launcher() {}

    static final class Options {
        int port = DEFAULT_PORT;
        Path data = Path.of(DEFAULT_DATA);
        long pageCacheMiB = 256;
        boolean exitOnStdinEof;
        boolean help;
    }

    /** Thrown for a bad command line; the message is printed as is. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** Thrown for a startup problem with a one-line, user-facing explanation. */
    static final class StartupException extends Exception {
        StartupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static void main(String[] args) {
        // Reserve stdout for the single ready line: anything else that writes to System.out
        // (libraries, log4j console appenders, ...) is sent to stderr instead.
        PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);

        Options options;
        try {
            options = parseArgs(args);
        } catch (UsageException e) {
            System.err.println("neo4j-launcher: " + e.getMessage());
            System.err.println("Run with --help for usage.");
            System.exit(EXIT_USAGE);
            return;
        }
        if (options.help) {
            stdout.println(USAGE);
            stdout.flush();
            return;
        }

        Runtime.getRuntime().addShutdownHook(new Thread(Launcher::shutdownFromHook, "neo4j-launcher-shutdown"));
        if (options.exitOnStdinEof) {
            startStdinWatcher();
        }

        String uri;
        try {
            uri = start(options);
        } catch (StartupException e) {
            startupFinished.countDown();
            System.err.println("neo4j-launcher: " + e.getMessage());
            if (Boolean.getBoolean("neo4j.launcher.debug") && e.getCause() != null) {
                e.getCause().printStackTrace(System.err);
            }
            shutdownQuietly();
            System.exit(EXIT_START_FAILED);
            return;
        } catch (Throwable t) {
            startupFinished.countDown();
            System.err.println("neo4j-launcher: unexpected error while starting Neo4j: " + oneLine(t));
            t.printStackTrace(System.err);
            shutdownQuietly();
            System.exit(EXIT_START_FAILED);
            return;
        }
        startupFinished.countDown();

        if (shuttingDown) {
            // A signal / stdin EOF arrived during startup; the shutdown hook takes it from here.
            return;
        }
        stdout.println(READY_PREFIX + uri);
        stdout.flush();
        System.err.println("neo4j-launcher: Neo4j is ready at " + uri
                + " (auth disabled, local development only; logs in "
                + options.data.toAbsolutePath().normalize().resolve("logs") + ")");
        // Neo4j's own non-daemon threads keep the JVM alive until shutdown.
    }

    static Options parseArgs(String[] args) throws UsageException {
        Options o = new Options();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--help", "-h" -> o.help = true;
                case "--exit-on-stdin-eof" -> o.exitOnStdinEof = true;
                case "--port", "--data", "--page-cache" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException(arg + " needs a value");
                        }
                        value = args[++i];
                    }
                    if (!seen.add(arg)) {
                        throw new UsageException(arg + " given more than once");
                    }
                    switch (arg) {
                        case "--port" -> o.port = parseInt(arg, value, 1, 65535);
                        case "--page-cache" -> o.pageCacheMiB = parseInt(arg, value, 8, 1 << 20);
                        default -> {
                            if (value.isBlank()) {
                                throw new UsageException("--data must not be empty");
                            }
                            o.data = Path.of(value);
                        }
                    }
                }
                default -> throw new UsageException("unknown argument: " + args[i]);
            }
        }
        return o;
    }

    private static int parseInt(String name, String value, int min, int max) throws UsageException {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw new UsageException(name + " must be between " + min + " and " + max + ", got " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a number, got '" + value + "'");
        }
    }

    /** Starts Neo4j and returns the Bolt URI once Bolt accepts TCP connections. */
    static String start(Options o) throws StartupException {
        Path home = o.data.toAbsolutePath().normalize();
        prepareDataDir(home);
        checkPortFree(o.port);

        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    // Bolt on loopback only, plain text, no auth: local development only.
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, o.port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, o.port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(BoltConnector.thread_pool_max_size, 50)
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    // Netty's default 5 s "quiet period" (per event loop group) makes a clean
                    // shutdown take ~12 s; nothing needs it for a local dev database.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    // No HTTP(S) connectors (the embedded builder has no web server anyway).
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    // Nothing phones home: dbms.usage_report.enabled defaults to true in 5.26 and
                    // would POST anonymous usage data to udc.neo4j.com.
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    // Modest resource use.
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(o.pageCacheMiB))
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                    .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(16))
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .setConfig(GraphDatabaseSettings.preallocate_store_files, false)
                    // Neo4j's user-facing log (warnings and errors only) goes to stderr; the
                    // detailed debug.log is written to <data>/logs/.
                    .setUserLogProvider(new Log4jLogProvider(System.err, Level.WARN))
                    .build();
        } catch (Throwable t) {
            throw explain(t, o, home);
        }
        service = dbms;

        try {
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!db.isAvailable(TimeUnit.MINUTES.toMillis(5))) {
                throw new StartupException("the default database '"
                        + GraphDatabaseSettings.DEFAULT_DATABASE_NAME + "' did not become available; see "
                        + home.resolve("logs").resolve("debug.log"), null);
            }
        } catch (StartupException e) {
            throw e;
        } catch (Throwable t) {
            throw explain(t, o, home);
        }

        waitForBolt(o.port, home);
        return "bolt://" + HOST + ":" + o.port;
    }

    private static void prepareDataDir(Path home) throws StartupException {
        try {
            if (Files.exists(home) && !Files.isDirectory(home)) {
                throw new StartupException("data directory " + home + " exists but is not a directory", null);
            }
            Files.createDirectories(home);
            if (!Files.isWritable(home)) {
                throw new StartupException("data directory " + home + " is not writable", null);
            }
        } catch (IOException e) {
            throw new StartupException("cannot create data directory " + home + ": " + oneLine(e), e);
        }
    }

    private static void checkPortFree(int port) throws StartupException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
        } catch (IOException e) {
            throw new StartupException(portInUseMessage(port) + " (" + oneLine(e) + ")", e);
        }
    }

    private static String portInUseMessage(int port) {
        return "Bolt port " + port + " on " + HOST + " is already in use; stop the other process or pass --port N";
    }

    /** Polls until a TCP connection to the Bolt port succeeds. */
    private static void waitForBolt(int port, Path home) throws StartupException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getByName(HOST), port), 1000);
                return;
            } catch (IOException e) {
                last = e;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new StartupException("Neo4j started but Bolt on " + HOST + ":" + port
                + " does not accept connections (" + (last == null ? "interrupted" : oneLine(last))
                + "); is the neo4j-bolt jar on the classpath? See " + home.resolve("logs").resolve("debug.log"), last);
    }

    /** Turns a startup failure into a one-line explanation. */
    private static StartupException explain(Throwable t, Options o, Path home) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String cls = c.getClass().getName();
            String msg = String.valueOf(c.getMessage());
            if (c instanceof java.net.BindException || cls.endsWith("PortBindException")
                    || msg.contains("Address already in use")) {
                return new StartupException(portInUseMessage(o.port), t);
            }
            if (cls.endsWith("FileLockException") || msg.contains("lock file")) {
                return new StartupException("the store in " + home
                        + " is locked by another Neo4j process; stop it or pass a different --data DIR", t);
            }
            if (c instanceof java.nio.file.AccessDeniedException) {
                return new StartupException("permission denied on " + msg + " (data directory " + home + ")", t);
            }
            if (c instanceof java.nio.file.FileSystemException) {
                return new StartupException("cannot use data directory " + home + ": " + oneLine(c), t);
            }
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root == t ? oneLine(t) : oneLine(t) + " (cause: " + oneLine(root) + ")";
        return new StartupException("Neo4j failed to start with data directory " + home + ": " + detail
                + "; see " + home.resolve("logs").resolve("debug.log"), t);
    }

    private static String oneLine(Throwable t) {
        String msg = t.getMessage();
        String s = t.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    /** Exits (running the shutdown hook) when stdin reaches EOF, i.e. the parent went away. */
    private static void startStdinWatcher() {
        Thread t = new Thread(() -> {
            InputStream in = System.in;
            byte[] buf = new byte[256];
            try {
                while (in.read(buf) >= 0) {
                    // Ignore input; we only care about EOF.
                }
            } catch (IOException e) {
                // Treat a broken stdin like EOF.
            }
            if (!shuttingDown) {
                System.err.println("neo4j-launcher: stdin closed (parent process gone), shutting down");
                System.exit(0); // runs the shutdown hook
            }
        }, "neo4j-launcher-stdin-watch");
        t.setDaemon(true);
        t.start();
    }

    private static void shutdownFromHook() {
        shuttingDown = true;
        try {
            // If a signal arrives mid-startup, let startup finish so the store is closed cleanly.
            startupFinished.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shutdownQuietly();
    }

    private static void shutdownQuietly() {
        synchronized (shutdownLock) {
            if (stopped) {
                return;
            }
            stopped = true;
            DatabaseManagementService dbms = service;
            if (dbms == null) {
                return;
            }
            System.err.println("neo4j-launcher: shutting down Neo4j");
            try {
                dbms.shutdown();
                System.err.println("neo4j-launcher: Neo4j stopped cleanly");
            } catch (Throwable t) {
                System.err.println("neo4j-launcher: error during shutdown: " + oneLine(t));
            }
        }
    }
}
