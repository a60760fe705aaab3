package com.callaudit.launcher;

import com.callaudit.app.AppSettings;
import com.callaudit.app.CallAuditApp;
import com.callaudit.demo.DemoSpaceCommand;
import java.util.List;
import javafx.application.Application;
import org.slf4j.LoggerFactory;

/**
 * Starts what the command line asks for: the app (optionally signed in to the demo
 * space with {@code --demo}), the demo space alone ({@code --demo-space}), or the
 * installation check ({@code --self-test}).
 *
 * <p>It does not extend {@link Application}, so JavaFX can run from the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        List<String> words = List.of(args);
        if (words.contains("--help") || words.contains("-h")) {
            System.out.println(usage());
        } else if (words.contains("--self-test")) {
            System.exit(SelfTest.run(System.out));
        } else if (words.contains("--demo-space")) {
            int status = DemoSpaceCommand.run(args);
            if (status != 0) {
                System.exit(status);
            }
        } else {
            prepareWhileJavaFxStarts();
            Application.launch(CallAuditApp.class, args);
        }
    }

    // Setting up logging and opening the preferences store take a few hundred
    // milliseconds that the sign-in form would otherwise wait for; done here they
    // overlap JavaFX's own start. Both are thread-safe, and SLF4J queues anything
    // logged meanwhile and replays it. A class, not a lambda: the first lambda of a
    // JVM costs tens of milliseconds, and this thread starts before JavaFX does.
    private static void prepareWhileJavaFxStarts() {
        Thread thread = new Thread(new StartUpWork(), "callaudit-start-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static final class StartUpWork implements Runnable {
        @Override
        public void run() {
            LoggerFactory.getILoggerFactory();
            AppSettings.preload();
        }
    }

    private static String usage() {
        return String.join(System.lineSeparator(),
                "Usage: callaudit [--demo] [--recordings N] [--long-recordings]",
                "       callaudit --self-test",
                "       callaudit --demo-space [--port N] [--recordings N] "
                        + "[--long-recordings] [--protect-media]",
                "",
                "  --demo          sign in to the built-in demo space at once",
                "  --recordings N  add N synthetic recordings to the demo space",
                "  --demo-space    run only the demo space, until stopped",
                "  --self-test     check this installation, print PASS/FAIL per check;",
                "                  exit status 0 only if all pass");
    }
}
