package fr.bloclocal.opensearch;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.settings.Settings;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;

/**
 * A single-node OpenSearch for tests and development: HTTP on 127.0.0.1 only.
 * Usage: Launcher HOME_DIR HTTP_PORT (scripts/opensearch.sh passes both).
 */
public final class Launcher {

    /** Node's constructor taking plugin classes is protected: that is the embedding entry point. */
    static final class EmbeddedNode extends Node {
        EmbeddedNode(Settings settings) {
            super(InternalSettingsPreparer.prepareEnvironment(
                      settings, Collections.emptyMap(), null, () -> settings.get("node.name")),
                  // HTTP and the analysers Wagtail's index settings use (asciifolding, ngram, French...).
                  List.of(Netty4Plugin.class, CommonAnalysisPlugin.class),
                  true);
        }

        @Override
        protected void configureNodeAndClusterIdStateListener(ClusterService clusterService) {
            // The default sets a global log4j converter, meant for the real distribution only.
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: Launcher HOME_DIR HTTP_PORT");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Settings settings = Settings.builder()
            .put("path.home", home.toString())   // data and logs go under it
            .put("cluster.name", "blocal")
            .put("node.name", "blocal-node")
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", args[1])
            // A test node on a nearly full disk must still accept writes.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();

        Node node = new EmbeddedNode(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "blocal-shutdown"));
        try {
            node.start();
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);   // runs the hook, which closes what did start
        }
        // OpenSearch's threads are daemons: keep the JVM alive until SIGTERM.
        new CountDownLatch(1).await();
    }
}
