package com.callaudit.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code --demo-space} command: runs only a demo space until the process is
 * stopped, and prints what to type into CallAudit to reach it.
 *
 * <p>Options: {@code --port N}, {@code --recordings N} (synthetic ones added),
 * {@code --long-recordings}, {@code --protect-media}. A {@code --demo-space} argument
 * is accepted and ignored, so a launcher can pass its arguments on unchanged.
 */
public final class DemoSpaceCommand {

    static final String USAGE = "usage: --demo-space [--port N] [--recordings N]"
            + " [--long-recordings] [--protect-media]";

    private DemoSpaceCommand() {
    }

    /** Runs the command as a program of its own; see {@link #run(String[])}. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Starts the demo space and blocks until the JVM shuts down (Ctrl+C, SIGTERM), when
     * a shutdown hook closes it. Meant to be the last thing a launcher's {@code main}
     * does: once this returns 0 the JVM is already exiting.
     *
     * @return a process exit code: 2 for bad arguments, 1 if the space cannot start
     */
    public static int run(String[] args) {
        DemoSpace.Config config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        DemoSpace space;
        try {
            space = DemoSpace.start(config);
        } catch (IOException e) {
            System.err.println("The demo space could not start: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            space.close();
            stopped.countDown();
        }, "demo-space-shutdown"));
        printWelcome(space, System.out);
        awaitQuietly(stopped);
        return 0;
    }

    static DemoSpace.Config parse(String[] args) {
        DemoSpace.Config config = new DemoSpace.Config();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--demo-space":
                    break;
                case "--port":
                    config = config.port(number(args, ++i, "--port"));
                    break;
                case "--recordings":
                    config = config.syntheticRecordings(number(args, ++i, "--recordings"));
                    break;
                case "--long-recordings":
                    config = config.longRecordings(true);
                    break;
                case "--protect-media":
                    config = config.mediaProtected(true);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return config;
    }

    static void printWelcome(DemoSpace space, PrintStream out) {
        out.println("CallAudit demo space running at " + space.origin());
        out.println("Sign in to CallAudit with:");
        out.println("  Space:      " + space.origin());
        out.println("  Project ID: " + space.projectId());
        out.println("  API token:  " + space.token()
                + "   (the demo space's public token)");
        out.println(space.recordingCount() + " recordings"
                + (space.isMediaProtected() ? ", media URLs protected" : "")
                + ". Press Ctrl+C to stop.");
    }

    private static int number(String[] args, int at, String option) {
        if (at >= args.length) {
            throw new IllegalArgumentException(option + " needs a number");
        }
        try {
            return Integer.parseInt(args[at]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not " + args[at]);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
