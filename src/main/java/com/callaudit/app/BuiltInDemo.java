package com.callaudit.app;

import com.callaudit.demo.DemoSpace;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo space this app process starts on demand, at most once, and stops on exit.
 *
 * <p>Thread-safe; {@link #start()} blocks while the server starts, so call it from a
 * background task.
 */
public final class BuiltInDemo implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BuiltInDemo.class);

    private final DemoSpace.Config config;
    private DemoSpace running;

    public BuiltInDemo(DemoSpace.Config config) {
        this.config = config;
    }

    /** The running demo space, started now if it was not yet. */
    public synchronized DemoSpace start() throws IOException {
        if (running == null) {
            running = DemoSpace.start(config);
            LOG.info("Built-in demo space running at {}", running.origin());
        }
        return running;
    }

    @Override
    public synchronized void close() {
        if (running != null) {
            running.close();
            running = null;
        }
    }
}
