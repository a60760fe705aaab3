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

    private final int syntheticRecordings;
    private final boolean longRecordings;
    private DemoSpace running;

    /**
     * @param syntheticRecordings recordings the space adds to its real ones
     * @param longRecordings whether it adds two 60-minute recordings
     */
    public BuiltInDemo(int syntheticRecordings, boolean longRecordings) {
        this.syntheticRecordings = syntheticRecordings;
        this.longRecordings = longRecordings;
    }

    /** The running demo space, started now if it was not yet. */
    public synchronized DemoSpace start() throws IOException {
        if (running == null) {
            running = DemoSpace.start(new DemoSpace.Config()
                    .syntheticRecordings(syntheticRecordings)
                    .longRecordings(longRecordings));
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
