// Runs a Neo4j Community server in this JVM from a home folder and a neo4j.conf that duikou writes.
// Run as a single source file (`java -cp <classpath> Launcher.java <home> <neo4j.conf>`) or, faster,
// compiled once by duikou into its state dir; the classpath comes from graph/local/pom.xml.

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.server.CommunityBootstrapper;

public class Launcher {
    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: Launcher <home-dir> <neo4j.conf> [owner-pid]");
            System.exit(64);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Path conf = Path.of(args[1]).toAbsolutePath();
        if (!Files.isRegularFile(conf)) {
            // Neo4j would silently fall back to its defaults (auth on, usage reports on).
            System.err.println("duikou-launcher: no config file at " + conf);
            System.exit(78);
        }
        if (args.length == 3) {
            // A test session's server stops with the session, even when pytest is killed outright.
            long owner = Long.parseLong(args[2]);
            ProcessHandle.of(owner).ifPresentOrElse(
                    handle -> handle.onExit().thenRun(() -> System.exit(0)), () -> System.exit(0));
        }
        CommunityBootstrapper bootstrapper = new CommunityBootstrapper();
        // daemonMode=false keeps Neo4j's console log on stdout, which duikou sends to logs/console.log.
        int status = bootstrapper.start(home, conf, Map.of(), false, false);
        if (status != 0) {
            System.err.println("duikou-launcher: Neo4j failed to start (status " + status + ")");
            System.exit(status);
        }
        System.out.println("duikou-launcher: started");
        // The bootstrapper's SIGTERM/SIGINT handlers call System.exit, whose shutdown hook stops the
        // database cleanly; until then the main thread just waits.
        new CountDownLatch(1).await();
    }
}
